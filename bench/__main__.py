"""`python -m bench [search] [moves] [cards] [--sizes 300000,1000000] [--backends sqlite,postgresql]`"""

from __future__ import annotations

import argparse
import sys

from bench import (
    bundle,
    card_reads,
    certificate_render,
    keystrokes,
    move_commits,
    search_latency,
    security_costs,
    terminal_memory,
    terminal_startup,
)
from bench.report import save, write_section


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("which", nargs="*", help="benchmarks to run: search, moves, security, cards, certificates, terminal, memory, keystrokes (default: all of these), bundle (needs make bundle)")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated resident counts (search: 300000,1000000; moves: 300000)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--queries", type=int, default=300, help="queries per kind")
    parser.add_argument("--commits", type=int, default=1000, help="commits per workload and path")
    args = parser.parse_args()

    def sizes(default: str) -> list[int]:
        return [int(s) for s in (args.sizes or default).split(",") if s]

    backends = [b for b in args.backends.split(",") if b]
    known = ["search", "moves", "security", "cards", "certificates", "terminal", "memory",
             "keystrokes", "bundle"]
    # The bundle's figures need a built bundle (make bundle): only when asked for by name.
    which = args.which or [k for k in known if k != "bundle"]
    unknown = set(which) - set(known)
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    if "search" in which:
        search_latency.run(sizes("300000,1000000"), backends, args.queries)
    if "moves" in which:
        move_commits.run(sizes("300000"), backends, args.commits)
    if "security" in which:
        security_costs.run(backends)
    if "certificates" in which:
        rendered = certificate_render.run()
        save("certificate_render", rendered)
        write_section("certificates", certificate_render.render_markdown(rendered))
    if "terminal" in which:
        started = terminal_startup.run()
        save("terminal_startup", started)
        write_section("terminal", terminal_startup.render_markdown(started))
    if "memory" in which:
        memory = terminal_memory.run()
        save("terminal_memory", memory)
        write_section("terminal-memory", terminal_memory.render_markdown(memory))
    if "keystrokes" in which:
        typed = keystrokes.run()
        save("keystrokes", typed)
        write_section("keystrokes", keystrokes.render_markdown(typed))
    if "cards" in which:
        result = card_reads.run()
        save("card_reads", result)
        write_section("card", card_reads.render_markdown(result))
    if "bundle" in which:
        built = bundle.run()
        save("bundle", built)
        write_section("bundle", bundle.render_markdown(built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
