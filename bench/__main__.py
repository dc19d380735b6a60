"""`python -m bench [search] [--sizes 300000,1000000] [--backends sqlite,postgresql]`"""

from __future__ import annotations

import argparse
import sys

from bench import search_latency


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("which", nargs="*", help="benchmarks to run: search (default: all)")
    parser.add_argument("--sizes", default="300000,1000000", help="comma-separated resident counts")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--queries", type=int, default=300, help="queries per kind")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = [b for b in args.backends.split(",") if b]
    which = args.which or ["search"]
    unknown = set(which) - {"search"}
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    if "search" in which:
        search_latency.run(sizes, backends, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
