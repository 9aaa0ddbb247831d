"""Escalation to cloud models: provider presets, keys kept only in the OS keyring,
engine construction, and prices.

Import the submodules directly (``app.cloud.providers``, ``app.cloud.keys``,
``app.cloud.factory``, ``app.cloud.pricer``); this package imports nothing on its own so
that loading one part never pulls in the SDKs.
"""
