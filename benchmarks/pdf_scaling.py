"""The PDF handout against WeasyPrint's own PDF/UA-1 render of the same page, as a table grows.

    python benchmarks/pdf_scaling.py [--rows 500,1000,2000,4000] [--rounds 3] [--work DIR]

For each size, an article holding one table of that many rows is published
with ``publish ARTICLE --formats pdf --force`` (everything a user waits for:
starting Python, reading and checking the article, laying out the handout,
repairing the PDF's structure for PDF/UA, writing it). The baseline is the
``weasyprint`` command given the very same HTML and CSS (Openleaf's page and
stylesheets, written out once) with ``--pdf-variant pdf/ua-1``: what
WeasyPrint alone costs for the same content.

Each is run in its own process, alternating (Openleaf first in odd rounds,
WeasyPrint first in even ones, so that neither always meets a warmer cache),
and the medians of ``--rounds`` rounds count. Time is wall-clock and CPU
(user + system, which other people's work on a shared machine does not
inflate); memory is the process's peak resident set (``wait4``'s
``ru_maxrss``). The ratios are written to benchmarks/RESULTS-pdf.md with the
machine described; the target (both within 1.25x) is reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "RESULTS-pdf.md"
PUBLISH = [sys.executable, "-m", "openleaf.publish"]
WEASYPRINT = [sys.executable, "-m", "weasyprint"]
TARGET = 1.25


def table_article(folder: Path, rows: int) -> Path:
    """An article whose one section holds a table of ``rows`` glucose readings."""
    lines = [
        "---", f"title: Glucose Readings ({rows} rows)", "lang: en-US",
        "disclaimer: These readings are an example for checking software only.", "---",
        "Write down each reading with the time and what you were doing.", "",
        "## Readings", "", "| Day | Time | Glucose (mg/dL) | Note |", "|---|---|---:|---|",
    ]  # fmt: skip
    notes = ["before breakfast", "after a walk", "two hours after lunch", "at bedtime"]
    for i in range(rows):
        lines.append(f"| Day {i // 4 + 1} | {8 + i % 4 * 4}:00 | {90 + i * 7 % 60} | {notes[i % 4]} |")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"readings-{rows}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def same_content(article_path: Path, folder: Path) -> tuple[Path, Path]:
    """Openleaf's HTML page and all its CSS for ``article_path``, as files the weasyprint command reads."""
    from openleaf.formats import fonts, pdf, pdf_render
    from openleaf.formats.edition import edition_facts
    from openleaf.source import settings
    from openleaf.source.parser import parse_article
    from openleaf.themes import load_theme

    article = parse_article(article_path)
    theme = load_theme("handout")
    org = settings.load(article_path)
    html = folder / "page.html"
    html.write_text(pdf.page_html(article, theme, org), encoding="utf-8")
    css = [fonts.font_face_css(lambda face: face.path.as_uri())]
    css += [p.read_text(encoding="utf-8") for p in theme.stylesheets(pdf_render.STYLESHEET)]
    css.append(pdf_render._page_css("A4", article.lang, edition_facts(article).labels, org))
    stylesheet = folder / "page.css"
    stylesheet.write_text("\n".join(css), encoding="utf-8")
    return html, stylesheet


def measure(command: list[str]) -> dict:
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of ``command`` in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode(errors='replace')}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO.parent), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("wall", "cpu", "rss")}


def bench(rows: int, rounds: int, work: Path) -> dict:
    folder = work / f"rows-{rows}"
    article = table_article(folder / "article", rows)
    html, css = same_content(article, folder)
    ours_cmd = [*PUBLISH, str(article), "--formats", "pdf", "--out", str(folder / "out"), "--force",
                "--jobs", "1", "--quiet"]  # fmt: skip
    theirs_cmd = [*WEASYPRINT, "--pdf-variant", "pdf/ua-1", "-s", str(css), "-u", article.parent.as_uri() + "/",
                  str(html), str(folder / "weasyprint.pdf")]  # fmt: skip
    ours, theirs = [], []
    for round_ in range(rounds):
        order = [(ours_cmd, ours), (theirs_cmd, theirs)]
        for command, runs in order if round_ % 2 == 0 else reversed(order):
            runs.append(measure(command))
        print(f"  {rows} rows, round {round_ + 1}: Openleaf {ours[-1]['wall']:.1f} s / {ours[-1]['rss']:.0f} MB, "
              f"WeasyPrint {theirs[-1]['wall']:.1f} s / {theirs[-1]['rss']:.0f} MB", flush=True)  # fmt: skip
    pages = subprocess.run(["pdfinfo", str(folder / "out" / article.stem / f"{article.stem}.pdf")],
                           capture_output=True, text=True).stdout  # fmt: skip
    count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    return {"rows": rows, "pages": count, "ours": medians(ours), "theirs": medians(theirs)}


def machine() -> str:
    load = os.getloadavg()
    return (f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the start")  # fmt: skip


def report(results: list[dict], rounds: int, described: str) -> str:
    import weasyprint

    lines = [
        "# The PDF handout against WeasyPrint's own render, as a table grows",
        "",
        f"Measured by `python benchmarks/pdf_scaling.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{described}; WeasyPrint {weasyprint.__version__}. Medians of {rounds} rounds, each tool in its own "
        "process, alternating. Openleaf is the whole `publish ARTICLE --formats pdf --force` command; "
        "WeasyPrint is its own command given the same HTML and CSS with `--pdf-variant pdf/ua-1`. "
        "CPU is user + system time, which the machine's other work does not inflate.",
        "",
        "| rows | pages | Openleaf wall s | WeasyPrint wall s | ratio | Openleaf CPU s | WeasyPrint CPU s | ratio "
        "| Openleaf peak MB | WeasyPrint peak MB | ratio |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        o, t = r["ours"], r["theirs"]
        lines.append(
            f"| {r['rows']:,} | {r['pages']} | {o['wall']:.1f} | {t['wall']:.1f} | {o['wall'] / t['wall']:.2f}x "
            f"| {o['cpu']:.1f} | {t['cpu']:.1f} | {o['cpu'] / t['cpu']:.2f}x "
            f"| {o['rss']:.0f} | {t['rss']:.0f} | {o['rss'] / t['rss']:.2f}x |"
        )
    largest = results[-1]
    if len(results) > 1:
        first = results[0]
        lines += [
            "",
            f"From {first['rows']:,} to {largest['rows']:,} rows ({largest['rows'] / first['rows']:.0f}x): Openleaf's "
            f"CPU time grows {largest['ours']['cpu'] / first['ours']['cpu']:.1f}x and its peak memory "
            f"{largest['ours']['rss'] / first['ours']['rss']:.1f}x; WeasyPrint's "
            f"{largest['theirs']['cpu'] / first['theirs']['cpu']:.1f}x and "
            f"{largest['theirs']['rss'] / first['theirs']['rss']:.1f}x.",
        ]
    ok = all(largest["ours"][k] / largest["theirs"][k] <= TARGET for k in ("wall", "cpu", "rss"))
    lines += [
        "",
        f"Target: at {largest['rows']:,} rows, time and peak memory within {TARGET}x of WeasyPrint's own: "
        f"{'met' if ok else 'NOT met'}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="4000,500,2000,1000",
                        help="table sizes, comma-separated, in the order to run them (the largest first: it is the target)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per size (odd: the median is a real run)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results (default: %(default)s)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the articles and PDFs (default: a temporary one)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO.parent))
    described = machine()
    results = []
    with tempfile.TemporaryDirectory() as temp:
        work = args.work or Path(temp)
        for rows in args.rows.split(","):
            results.append(bench(int(rows), args.rounds, work))
            text = report(sorted(results, key=lambda r: r["rows"]), args.rounds, described)
            args.results.write_text(text, encoding="utf-8")  # after each size: a long run stopped early still tells
    print(text)


if __name__ == "__main__":
    main()
