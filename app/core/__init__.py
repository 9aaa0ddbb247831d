"""Qt-free foundations shared by every feature: paths, errors, settings, translation."""
