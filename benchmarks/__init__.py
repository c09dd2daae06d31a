"""Benchmarks on a generated large township; each prints ratios to a bare baseline."""
