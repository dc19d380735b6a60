"""The terminal's one-folder bundle (issue 9): its size, and its cold start against the same
start from the source tree, in the same run.

- **Size**: the bundle directory (`make bundle`, dist/madoguchi/) on disk and in files, its
  largest parts, and the tarball if `make bundle-tarball` made one.
- **Cold start**: process start → the login page shown, offscreen, for `dist/madoguchi/madoguchi`
  and for the source tree's `madoguchi` (the venv's entry point), each with a fresh log
  directory and the same empty settings, runs interleaved. The end is the "terminal started"
  log record, which `ui.app.start` writes once the main window with the login page is shown;
  both are timed the same way, so the ratio is fair even though polling the log adds a
  millisecond or two to each.

`run(bundle, runs) -> dict`, `render_markdown(result) -> str`;
`python -m bench.bundle [--bundle DIR] [--runs N]` prints the table, saves the JSON and writes
the "bundle" section of bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = REPO / "dist" / "madoguchi"
STARTED = "terminal started"
TIMEOUT_S = 60.0


def _size(path: Path) -> tuple[int, int]:
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            files += 1
    return total, files


def sizes(bundle: Path) -> dict[str, Any]:
    total, files = _size(bundle)
    internal = bundle / "_internal"
    parts: dict[str, int] = {}
    for child in internal.iterdir():
        parts[child.name] = _size(child)[0] if child.is_dir() else child.stat().st_size
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    groups = {
        "Qt libraries (PySide6/Qt/lib)": _size(qt_lib)[0] if qt_lib.exists() else 0,
        "Qt plugins": _size(internal / "PySide6" / "Qt" / "plugins")[0],
        "PySide6 bindings": sum(p.stat().st_size for p in (internal / "PySide6").glob("*.so*")),
        "Python (libpython, lib-dynload, base_library.zip)": sum(
            v for k, v in parts.items() if k.startswith(("libpython", "python3", "base_library"))),
        "certificate font (IPAex明朝)": _size(internal / "fonts")[0],
        "translations (.qm)": _size(internal / "resources")[0],
    }
    tarballs = sorted((bundle.parent).glob("madoguchi-terminal-*.tar.gz"))
    return {"bytes": total, "files": files, "groups": groups,
            "tarball": {"name": tarballs[-1].name, "bytes": tarballs[-1].stat().st_size}
            if tarballs else None}


def _time_to_login(command: list[str], env: dict[str, str], log_dir: Path) -> float:
    log_file = log_dir / "terminal.log"
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env={**env, "MADOGUCHI_LOG_DIR": str(log_dir)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if log_file.exists() and STARTED in log_file.read_text(encoding="utf-8", errors="replace"):
                return time.perf_counter() - start
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before the login page")
            if time.perf_counter() - start > TIMEOUT_S:
                raise RuntimeError(f"{command[0]}: no login page within {TIMEOUT_S:.0f} s")
            time.sleep(0.002)
    finally:
        process.kill()
        process.wait()


def cold_start(bundle: Path, runs: int) -> dict[str, Any]:
    source_entry = Path(sys.executable).parent / "madoguchi"
    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "settings.json"  # absent: every default, the same for both
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": tmp,
               "MADOGUCHI_CONFIG_DIR": f"{tmp}/config"}
        commands = {"bundle": [str(bundle / "madoguchi"), "--settings", str(settings)],
                    "source": [str(source_entry), "--settings", str(settings)]}
        for name, command in commands.items():  # warm the OS file cache for both
            _time_to_login(command, env, Path(tmp) / f"warm-{name}")
        times: dict[str, list[float]] = {"bundle": [], "source": []}
        for i in range(runs):  # interleaved, so that drift hits both alike
            for name, command in commands.items():
                times[name].append(_time_to_login(command, env, Path(tmp) / f"{name}-{i}"))
    bundle_ms = statistics.median(times["bundle"]) * 1000
    source_ms = statistics.median(times["source"]) * 1000
    return {"runs": runs, "bundle_ms": round(bundle_ms, 1), "source_ms": round(source_ms, 1),
            "ratio": round(bundle_ms / source_ms, 2),
            "bundle_min_ms": round(min(times["bundle"]) * 1000, 1),
            "source_min_ms": round(min(times["source"]) * 1000, 1)}


def run(bundle: Path = DEFAULT_BUNDLE, runs: int = 9) -> dict[str, Any]:
    import platform

    if not (bundle / "madoguchi").is_file():
        raise SystemExit(f"no bundle in {bundle}: run `make bundle` first")
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "bundle": str(bundle.relative_to(REPO) if bundle.is_relative_to(REPO) else bundle),
        "size": sizes(bundle),
        "cold_start": cold_start(bundle, runs),
    }


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def render_markdown(result: dict[str, Any]) -> str:
    size, cold = result["size"], result["cold_start"]
    lines = [
        f"Measured on {result['machine']}, offscreen (QT_QPA_PLATFORM=offscreen), "
        f"bundle `{result['bundle']}`.",
        "",
        "| bundle | size |",
        "| --- | ---: |",
        f"| one-folder bundle on disk | {_mb(size['bytes'])} in {size['files']} files |",
    ]
    if size["tarball"]:
        lines.append(f"| tarball (`{size['tarball']['name']}`) | {_mb(size['tarball']['bytes'])} |")
    lines += [f"| … {name} | {_mb(value)} |" for name, value in size["groups"].items()]
    lines += [
        "",
        f"| cold start to the login page | median ms (of {cold['runs']}) | min ms |",
        "| --- | ---: | ---: |",
        f"| source tree (`.venv/bin/madoguchi`) | {cold['source_ms']:.1f} | {cold['source_min_ms']:.1f} |",
        f"| bundle (`{result['bundle']}/madoguchi`) | {cold['bundle_ms']:.1f} | {cold['bundle_min_ms']:.1f} |",
        f"| ratio bundle / source | {cold['ratio']:.2f}× | |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bundle")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    from bench.report import save, write_section

    result = run(args.bundle.resolve(), args.runs)
    save("bundle", result)
    markdown = render_markdown(result)
    write_section("bundle", markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
