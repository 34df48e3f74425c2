"""`publish preview`: how long from saving the article to the served editions showing the change.

    python benchmarks/preview.py [--saves 10] [--voice espeak] [--article examples/insulin-resistance.md]

Public tools only: the ``publish preview`` command runs as a user runs it
(in a subprocess, on a copy of the article in a temporary folder), and
everything is read over HTTP as the browser reads it: the page at ``/`` and
the state the page's script asks for at ``/_preview/state``. Each save
appends a new sentence to the file; then:

- text: until the page and the EPUB of that save are built and ``/``
  has been fetched again (it is checked to hold the sentence);
- pdf: until the PDF edition is ready for that save (its text is then
  checked with pdftotext once, on the last save);
- audio: until the audio edition is ready for that save (in the background).

A save is made only once the previous one's PDF is ready, as a person saves
every few seconds. Targets (reported, not asserted): text within 0.5 s,
PDF within 1.5 s. The machine's load is printed beside the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8", "replace")


def state(base: str, since: int | None = None) -> dict:
    """What the page's script is told; with ``since``, once something has changed (as the script asks)."""
    return json.loads(get(base + "_preview/state" + (f"?since={since}" if since is not None else "")))


def wait(base: str, predicate, timeout: float = 120.0) -> float:
    """Seconds until ``predicate(state)`` holds, asking as the page does: a request that returns on news.
    (Asking every few milliseconds instead would take the processor from the build being measured.)"""
    started = time.perf_counter()
    current = state(base)
    while not predicate(current):
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the preview did not catch up")
        current = state(base, current["version"])
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User and system time of the preview process so far (Linux's /proc): unlike wall time, not
    inflated by other people's work on a shared machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--voice", default="espeak")
    parser.add_argument("--article", type=Path, default=REPO / "examples" / "insulin-resistance.md")
    args = parser.parse_args()
    load_before = os.getloadavg()

    work = Path(tempfile.mkdtemp(prefix="openleaf-preview-bench-"))
    article = work / args.article.name
    shutil.copy(args.article, article)
    if (args.article.parent / "images").is_dir():
        shutil.copytree(args.article.parent / "images", work / "images")
    env = dict(os.environ, PYTHONPATH=str(REPO.parent))
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, str(REPO / "publish.py"), "preview", str(article), "--port", "0",
                               "--no-browser", "--voice", args.voice],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = server.stdout.readline()
        base = re.search(r"http://\S+/", line).group(0)
        print(f"started in {time.perf_counter() - started:.2f} s: {line.strip()}")
        wait(base, lambda s: all(f["state"] in ("ready", "failed") for f in s["formats"].values()), 600)
        print(f"first build with audio done after {time.perf_counter() - started:.1f} s")
        text, pdf, audio, text_cpu, pdf_cpu = [], [], [], [], []
        for number in range(1, args.saves + 1):
            sentence = f"Benchmark sentence number {number} was added at save {number}."
            with article.open("a", encoding="utf-8") as file:
                file.write(f"\n{sentence}\n")
            saved, cpu = time.perf_counter(), cpu_seconds(server.pid)
            # as the page: news that the page changed, then the page itself (with the EPUB already written)
            wait(base, lambda s: s["build"] == number + 1 and s["formats"]["epub"]["build"] == number + 1)
            page = get(base)
            text.append(time.perf_counter() - saved)
            text_cpu.append(cpu_seconds(server.pid) - cpu)
            assert sentence in page, "the page of the new build lacks the new sentence"
            wait(base, lambda s: s["formats"]["pdf"]["build"] > number)
            pdf.append(time.perf_counter() - saved)
            pdf_cpu.append(cpu_seconds(server.pid) - cpu)
            wait(base, lambda s: s["formats"]["audio"]["build"] > number, 600)
            audio.append(time.perf_counter() - saved)
            print(f"save {number}: text {text[-1]:.3f} s (CPU {text_cpu[-1]:.2f} s), pdf {pdf[-1]:.3f} s "
                  f"(CPU {pdf_cpu[-1]:.2f} s), audio {audio[-1]:.3f} s")
        if shutil.which("pdftotext"):
            link = state(base)["formats"]["pdf"]["links"][0]
            pdf_file = work / "check.pdf"
            pdf_file.write_bytes(urllib.request.urlopen(base + link[1:]).read())
            words = subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True).stdout
            print(f"last sentence in the served PDF: {'yes' if f'number {args.saves} was added' in words else 'NO'}")
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)

    def summary(name: str, values: list[float], target: float | None) -> str:
        line = (f"{name}: median {statistics.median(values):.3f} s, worst {max(values):.3f} s "
                f"over {len(values)} saves")
        if target is not None:
            line += f" (target {target} s: {'met' if max(values) <= target else 'median ' + ('met' if statistics.median(values) <= target else 'not met')})"
        return line

    print(summary("text editions", text, 0.5) + f"; preview CPU median {statistics.median(text_cpu):.2f} s")
    print(summary("PDF", pdf, 1.5) + f"; preview CPU median {statistics.median(pdf_cpu):.2f} s")
    print(summary(f"audio ({args.voice})", audio, None))
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores "
          f"(at the start: {', '.join(f'{x:.1f}' for x in load_before)})")


if __name__ == "__main__":
    main()
