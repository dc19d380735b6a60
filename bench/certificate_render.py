"""Certificate rendering (issue 7): printing.render beside a bare reportlab page, same run.

Three workloads, each certificate with its own serial (so its own QR code), as at the counter:

- **one person**: a 住民票の写し of a single person (one page);
- **household of five**: 世帯連記式 with five members (two pages);
- **bulk**: 1,000 certificates of 1 to 5 persons in turn, rendered one after another as a
  bulk job does (each its own PDF).

"bare" is the floor: a reportlab canvas with the same options (page compression, binary
streams) and the same embedded IPAex subset, drawing exactly the strings the certificate
prints, page for page, one under the other: no grid, tint, latent word, seal or QR code, and
no composition, glyph check or layout (the strings are prepared before the clock starts).
Certificate and bare renders alternate so that both see the same machine load.
Goals: render ≤ 1.5× bare; under 100 KB per page.

    python -m bench.certificate_render [--rounds 40] [--bulk 1000] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from typing import Any, Final

from bench.report import machine, save, summary
from printing import fonts
from printing.compose import compose
from printing.layout import lay_out
from printing.model import Certificate, CertificateKind
from printing.pdf import render
from printing.specimen import certificate

RATIO_GOAL: Final = 1.5
KB_PER_PAGE_GOAL: Final = 100.0


def page_texts(cert: Certificate) -> list[list[str]]:
    """Every string the certificate draws, page by page (what the bare page draws too)."""
    comp = compose(cert)
    layout = lay_out(comp)
    pages: list[list[str]] = []
    for number, plan in enumerate(layout.pages, start=1):
        texts = [comp.municipality.value, comp.title.value]
        if comp.subtitle is not None:
            texts.append(comp.subtitle.value)
        lines = [*layout.header, *(line for block in plan.blocks for line in block.lines)]
        texts += [str(b.number) for b in plan.blocks if b.number is not None]
        for line in lines:
            for cell in line.cells:
                texts += [*cell.label_lines, *([cell.ruby] if cell.ruby else []), *cell.value_lines]
        if plan.closes:
            texts += [comp.end_mark.value, comp.certification.value, comp.issued_on.value,
                      f"{comp.mayor_title.value}\u3000{comp.mayor_name.value}"]
        foot = comp.footer
        texts += [t.value for t in (foot.serial, foot.code, foot.fee, foot.issuer)]
        texts += [*layout.note_lines, f"{number}/{len(layout.pages)}"]
        pages.append(texts)
    return pages


@contextmanager
def _binary_streams() -> Iterator[None]:
    """The bare canvas gets the binary streams printing.render uses (see printing.pdf)."""
    from reportlab import rl_config

    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def bare(pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    with _binary_streams():
        canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1,
                        initialFontName=fonts.FONT_NAME)
        for texts in pages:
            canvas.setFont(fonts.FONT_NAME, 9.5)
            y = A4[1] - 40
            for text in texts:
                canvas.drawString(40, y, text)
                y -= 13
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def _certificates(count: int, persons: Callable[[int], int], prefix: str) -> list[Certificate]:
    return [
        certificate(CertificateKind.HOUSEHOLD, persons(i), serial=f"{prefix}-{i:07d}",
                    code=f"C{i:07d}")
        for i in range(count)
    ]


def _timed(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _case(certs: list[Certificate]) -> dict[str, Any]:
    prepared = [page_texts(c) for c in certs]
    ours: list[float] = []
    base: list[float] = []
    sizes: list[float] = []
    pages = 0
    for cert, texts in zip(certs, prepared, strict=True):
        seconds, pdf = _timed(partial(render, cert))
        ours.append(seconds)
        base.append(_timed(partial(bare, texts))[0])
        pages = len(texts)
        sizes.append(len(pdf) / 1024 / pages)
    result: dict[str, Any] = {
        "render": summary(ours),
        "bare": summary(base),
        "pages": pages,
        "kb_per_page": max(sizes),
        "total_render_s": sum(ours),
        "total_bare_s": sum(base),
    }
    result["ratio_p50"] = result["render"]["p50_ms"] / result["bare"]["p50_ms"]
    result["ratio_total"] = result["total_render_s"] / result["total_bare_s"]
    return result


def run(rounds: int = 40, bulk: int = 1000) -> dict[str, Any]:
    # Warm-up (font parsing, first-use caches, imports) is not what a clerk waits for each time.
    fonts.font()
    for warm in _certificates(3, lambda i: 1 + i, "W"):
        render(warm)
        bare(page_texts(warm))
    cases = {
        "one_person": _case(_certificates(rounds, lambda i: 1, "A")),
        "household_5": _case(_certificates(rounds, lambda i: 5, "B")),
    }
    bulk_certs = _certificates(bulk, lambda i: 1 + i % 5, "C")
    bulk_result = _case(bulk_certs)
    return {
        "date": date.today().isoformat(),
        "machine": machine(),
        "rounds": rounds,
        "bulk": {**bulk_result, "certificates": bulk,
                 "pages_total": sum(len(page_texts(c)) for c in bulk_certs)},
        "cases": cases,
        "goals": {"ratio": RATIO_GOAL, "kb_per_page": KB_PER_PAGE_GOAL},
    }


def render_markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Measured {result['date']} on {result['machine']}; certificate and bare renders "
        f"interleaved in one run; {result['rounds']} rounds per single case.",
        "",
        "| workload | pages | render p50 ms | render p95 ms | bare p50 ms | bare p95 ms "
        "| render / bare | KB per page (max) | ≤ 1.5× | < 100 KB/page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    labels = {"one_person": "one person (住民票の写し)", "household_5": "household of five (世帯連記式)"}
    for key, label in labels.items():
        c = result["cases"][key]
        lines.append(_row(label, str(c["pages"]), c, c["ratio_p50"]))
    b = result["bulk"]
    lines.append(_row(f"bulk: {b['certificates']:,} certificates of 1-5 persons",
                      f"{b['pages_total']:,}", b, b["ratio_total"]))
    lines += [
        "",
        f"Bulk job: {b['total_render_s']:.1f} s rendering ({b['total_render_s'] / b['certificates'] * 1000:.1f} ms "
        f"per certificate) against {b['total_bare_s']:.1f} s bare; its ratio is of the totals.",
    ]
    return "\n".join(lines)


def _row(label: str, pages: str, c: dict[str, Any], ratio: float) -> str:
    r, b = c["render"], c["bare"]
    return (
        f"| {label} | {pages} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {b['p50_ms']:.1f} "
        f"| {b['p95_ms']:.1f} | {ratio:.2f} | {c['kb_per_page']:.1f} "
        f"| {'yes' if ratio <= RATIO_GOAL else 'no'} "
        f"| {'yes' if c['kb_per_page'] < KB_PER_PAGE_GOAL else 'no'} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.certificate_render")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--bulk", type=int, default=1000)
    parser.add_argument("--json", action="store_true", help="print the raw result")
    args = parser.parse_args()
    result = run(rounds=args.rounds, bulk=args.bulk)
    path = save("certificate_render", result)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else render_markdown(result))
    print(f"\n(raw result: {path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
