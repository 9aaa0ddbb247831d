"""Widgets. Everything here runs on the GUI thread; work goes through ``tasks``."""
