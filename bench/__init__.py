"""Benchmarks, run with `make bench`; each reports ratios against a baseline measured in the
same run, and writes its table into bench/README.md."""
