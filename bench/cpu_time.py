"""CPU seconds spent by processes, read from /proc (Linux): what a benchmark costs the machine,
which holds when the machine is shared, unlike a rate measured against the wall clock."""

from __future__ import annotations

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: str, reaped: bool = False) -> tuple[int, float] | None:
    """(parent pid, user+system CPU seconds) of a running process; with `reaped`, plus that of
    its children that have exited (PostgreSQL's backends end when the pool drops them)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    return int(fields[1]), ticks / _TICKS


def tree(root: int) -> float:
    """CPU seconds of `root` and every process below it (the service's worker processes, or a
    PostgreSQL server's backends and its WAL writer and checkpointer), those that exited
    included."""
    stats = {int(p): s for p in os.listdir("/proc")
             if p.isdigit() and (s := _stat(p, reaped=p == str(root))) is not None}
    members, grew = {root}, True
    while grew:
        grew = False
        for pid, (parent, _) in stats.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    return sum(stats[p][1] for p in members if p in stats)


def postgres_server(data_dir: Path) -> float:
    """CPU seconds of the whole PostgreSQL server running on `data_dir` (the benchmark's own
    cluster, which serves nothing else)."""
    pid = int((data_dir / "postmaster.pid").read_text().split()[0])
    return tree(pid)


def this_process() -> float:
    times = os.times()
    return times.user + times.system
