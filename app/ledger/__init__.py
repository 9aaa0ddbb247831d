"""The savings ledger: what local AI saved compared with an all-cloud baseline.

Pure domain code (no Qt): settings, baseline pricing, energy probes, the monthly report
built from the ``ledger_rollup`` table, the break-even calculator and the exports.
"""
