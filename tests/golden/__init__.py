"""Golden tests of the funder returns: hand-built data, hand-computed figures."""
