"""Openleaf against pandoc + espeak-ng: speed, incremental rebuilds, parallel throughput and memory.

    python benchmarks/run.py [--articles 20] [--unchanged 100] [--work DIR]

Everything is measured in one run, on this machine, with public tools only
(pandoc, the espeak-ng command, WeasyPrint's command through pandoc), and
every Openleaf number comes from running the ``publish`` command as a user
would (its ``--json`` report gives the details: speech seconds, worker memory).

1. one article (examples/insulin-resistance.md), all formats, cold (empty
   output folder and speech cache): default voice (Piper), then espeak-ng;
   the text formats alone; and the same article with pandoc (HTML, EPUB,
   PDF through WeasyPrint) plus espeak-ng reading pandoc's plain text;
2. the same article published again with nothing changed, then after
   editing one paragraph;
3. a library of N articles made from the examples (each varied word by word,
   so that its sentences are its own), cold, at --jobs 1 and --jobs 2, twice
   each in turn (the faster of each counts: on a shared machine other
   people's work only ever slows a run down);
4. a library of M articles (text formats) published, then published again
   with nothing changed.

The numbers are printed and written to benchmarks/RESULTS.md with the machine
described. The targets are reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ARTICLE = EXAMPLES / "insulin-resistance.md"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PUBLISH = [sys.executable, "-m", "openleaf.publish"]
TEXT_FORMATS = "pdf,epub,html"
TEXT_ROUNDS = 5

# Word swaps that keep a sentence sensible while making it differ from article to article.
SWAPS = {
    "en": {
        "doctor": ["doctor", "nurse", "GP", "care team"], "helps": ["helps", "can help", "supports"],
        "help": ["help", "support", "assist"], "body": ["body", "system"], "often": ["often", "frequently"],
        "people": ["people", "adults", "patients"], "many": ["many", "lots of"], "important": ["important", "vital"],
        "small": ["small", "little", "modest"], "day": ["day", "morning"], "water": ["water", "fluids"],
        "can": ["can", "may"], "more": ["more", "extra"], "good": ["good", "helpful"], "also": ["also", "too"],
        "You": ["You", "You", "Anyone"], "your": ["your", "your own"], "some": ["some", "certain"],
        "and": ["and", "and", "and also"], "the": ["the", "the", "this"], "a": ["a", "a", "one"],
    },
    "es": {
        "manos": ["manos"], "agua": ["agua", "agua limpia"], "jabón": ["jabón", "jabón común"],
        "importante": ["importante", "esencial"], "siempre": ["siempre", "cada vez"], "y": ["y", "y también"],
        "las": ["las", "las", "estas"], "el": ["el", "el", "este"], "de": ["de", "de"], "puede": ["puede", "podría"],
    },
}  # fmt: skip


# --- running things ------------------------------------------------------------------


# CPU seconds of the last command (and every process it started), and of the whole machine meanwhile:
# on a shared machine the difference is what other people's processes took.
CPU = {"seconds": 0.0, "machine": 0.0}


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot (all cores, from /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(command: list[str], *, env: dict | None = None, cwd: Path | None = None) -> float:
    """Wall seconds of a command that must succeed (its CPU seconds go to CPU)."""
    before, machine_before = resource.getrusage(resource.RUSAGE_CHILDREN), machine_busy_seconds()
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU["machine"] = machine_busy_seconds() - machine_before
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(map(str, command))}\n{done.stderr[-3000:]}")
    return seconds


@dataclass
class Publish:
    seconds: float
    report: dict
    cpu_seconds: float = 0.0
    others_cpu_seconds: float = 0.0  # what other processes on the machine used meanwhile

    @property
    def speech(self) -> dict:
        return self.report["speech"]

    @property
    def peak_rss_mb(self) -> float:
        return max((w["peak_rss_mb"] for w in self.report["workers"]), default=0.0)

    def output_seconds(self, fmt: str) -> float:
        return sum(o["seconds"] for a in self.report["articles"] for o in a["outputs"] if o["format"] == fmt)

    def statuses(self) -> dict[str, int]:
        return {k: v for k, v in self.report["totals"].items() if k in ("written", "unchanged", "failed")}


def publish(inputs: list[Path], out: Path, cache: Path, *extra: str) -> Publish:
    report = out.parent / f"{out.name}-{time.monotonic_ns()}.json"
    env = dict(os.environ, OPENLEAF_CACHE_DIR=str(cache))
    seconds = run([*PUBLISH, *map(str, inputs), "--out", str(out), "--json", str(report), "--quiet", *extra], env=env)
    data = json.loads(report.read_text())
    if data["totals"]["failed"] or data["totals"]["failed_articles"]:
        raise SystemExit(f"publish reported failures: {report}")
    return Publish(seconds, data, CPU["seconds"], max(0.0, CPU["machine"] - CPU["seconds"]))


# --- the library ----------------------------------------------------------------------------


def vary(text: str, lang: str, rng: random.Random) -> str:
    """The body with words swapped at random: the same article, said a little differently."""
    swaps = SWAPS.get(lang, {})
    if not swaps:
        return text
    pattern = re.compile(r"(?<![\w\[@/.-])(" + "|".join(map(re.escape, swaps)) + r")(?![\w\]/-])")
    lines = []
    for line in text.split("\n"):
        if line.startswith(("#", "!", "|", ":::")):  # headings, images, tables and callouts as they are
            lines.append(line)
        else:
            lines.append(pattern.sub(lambda m: rng.choice(swaps[m.group(1)]), line))
    return "\n".join(lines)


def make_library(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles, each in its own folder with the example's images, cycling through the examples."""
    sources = sorted(EXAMPLES.rglob("*.md"))
    rng = random.Random(seed)
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        lang = re.search(r"^lang:\s*(\S+)", front, re.M).group(1).split("-")[0]
        front = re.sub(r"^title:\s*(.+)$", lambda m: f"title: {m.group(1)} (leaflet {number + 1})", front, count=1,
                       flags=re.M)  # fmt: skip
        target = folder / f"{source.stem}-{number + 1:03d}"
        target.mkdir(parents=True)
        for images in {EXAMPLES / "images", source.parent / "images"}:
            if images.is_dir():
                shutil.copytree(images, target / "images", dirs_exist_ok=True)
        (target / "index.md").write_text(f"---\n{front}---\n{vary(body, lang, rng)}", encoding="utf-8")
        made.append(target / "index.md")
    return made


EDITS = (
    " Ask your care team if anything here is unclear.",
    " Your pharmacist can help with this as well.",
    " Write down any questions before your next visit.",
)


def edit_one_paragraph(path: Path, section: int = 1, sentence: str = EDITS[0]) -> None:
    """Add a sentence to the first paragraph of section number `section`, as a reviewer would."""
    text = path.read_text(encoding="utf-8")
    heading = -1
    for _ in range(section):
        heading = text.index("\n## ", heading + 1)
    paragraph_end = text.index("\n\n", text.index("\n\n", heading) + 2)
    path.write_text(text[:paragraph_end] + sentence + text[paragraph_end:], encoding="utf-8")


def median_run(runs: list, seconds) -> object:
    """The run in the middle when sorted by `seconds` (an odd number of runs: a run that happened)."""
    return sorted(runs, key=seconds)[len(runs) // 2]


# --- the baseline -------------------------------------------------------------------------------


def baseline(work: Path) -> dict:
    """pandoc for HTML, EPUB and PDF (WeasyPrint), then espeak-ng reading pandoc's plain text."""
    out = work / f"pandoc-{time.monotonic_ns()}"
    out.mkdir()
    common = ["pandoc", str(ARTICLE), "--citeproc", f"--resource-path={ARTICLE.parent}"]
    times = {
        "html": run([*common, "--standalone", "--self-contained", "-o", str(out / "a.html")]),
        "epub": run([*common, "-o", str(out / "a.epub")]),
        "pdf": run([*common, "--pdf-engine=weasyprint", "-o", str(out / "a.pdf")]),
    }
    times["plain"] = run([*common, "-t", "plain", "-o", str(out / "a.txt")])
    # What the baseline leaves out of the handout: pandoc ignores front-matter fields it does
    # not know (the key points and the disclaimer) and cannot fetch the SVG figure.
    printed = subprocess.run(["pdftotext", str(out / "a.pdf"), "-"], capture_output=True, text=True).stdout
    images = subprocess.run(["pdfimages", "-list", str(out / "a.pdf")], capture_output=True, text=True).stdout
    missing = [name for name, present in (
        ("the disclaimer", "does not replace advice" in " ".join(printed.split())),
        ("the key points", "turn things around" in " ".join(printed.split())),
        ("the figure", len(images.splitlines()) > 2 or "Blood" in printed),
    ) if not present]  # fmt: skip
    times["espeak"] = run(["espeak-ng", "-f", str(out / "a.txt"), "-w", str(out / "a.wav")])
    with wave.open(str(out / "a.wav")) as sound:
        audio_seconds = sound.getnframes() / sound.getframerate()
    return {"times": times, "text": times["html"] + times["epub"] + times["pdf"], "audio_seconds": audio_seconds,
            "missing": missing}


# --- the machine -----------------------------------------------------------------------------------


def version_of(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "not installed"


def machine() -> dict:
    import importlib.metadata as metadata

    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    packages = ["openleaf", "weasyprint", "ebooklib", "piper-tts", "onnxruntime", "espeakng-loader", "lameenc",
                "soundfile", "rich", "distributed"]  # fmt: skip
    commit = version_of(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    return {
        "code": f"commit {commit}" + (" with uncommitted changes" if dirty else ""),
        "cpu": f"{os.cpu_count()} cores ({model})",
        "memory": f"{memory:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "tools": {"pandoc": version_of(["pandoc", "--version"]), "espeak-ng": version_of(["espeak-ng", "--version"])},
        "packages": {name: _version(metadata, name) for name in packages},
        "load": os.getloadavg(),
    }


def _version(metadata, name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


# --- the run --------------------------------------------------------------------------------------------


@dataclass
class Results:
    numbers: dict = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def say(self, text: str) -> None:
        print(text, flush=True)
        self.lines.append(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20, help="articles in the library built cold at --jobs 1 and 2")
    parser.add_argument("--unchanged", type=int, default=100, help="articles in the library rebuilt with no change")
    parser.add_argument("--work", type=Path, default=None, help="folder for the files made (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results (Markdown)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="openleaf-bench-")) if args.work is None else args.work
    work.mkdir(parents=True, exist_ok=True)
    about = machine()
    r = Results()
    r.say(f"machine: {about['cpu']}, {about['memory']}, Python {about['python']}; load {about['load']}")
    cores = os.cpu_count() or 1

    # 1. one article, cold
    article = work / "single" / "insulin-resistance.md"
    shutil.copytree(EXAMPLES, work / "single")
    piper = publish([article], work / "out-piper", work / "cache-piper")
    espeak = publish([article], work / "out-espeak", work / "cache-espeak", "--voice", "espeak")
    r.say(f"one article, all formats, cold, Piper:   {piper.seconds:6.1f} s")
    r.say(f"one article, all formats, cold, espeak:  {espeak.seconds:6.1f} s")
    # A second or so each: short enough for the machine's other work to tip one run, so five of
    # each, alternating, and the medians are compared.
    texts, bases = [], []
    for attempt in range(TEXT_ROUNDS):
        texts.append(publish([article], work / f"out-text-{attempt}", work / "cache-text", "--formats", TEXT_FORMATS))
        bases.append(baseline(work))
    text = median_run(texts, lambda result: result.seconds)
    base = median_run(bases, lambda result: result["text"])
    r.say(f"one article, text formats, cold:         {text.seconds:6.2f} s   pandoc: {base['text']:.2f} s  "
          f"(medians of {TEXT_ROUNDS}: {', '.join(f'{t.seconds:.2f}' for t in texts)} vs "
          f"{', '.join(format(b['text'], '.2f') for b in bases)})")  # fmt: skip

    # 2. the same again, then one paragraph edited (three times, in three sections)
    again = publish([article], work / "out-piper", work / "cache-piper")
    r.say(f"one article, nothing changed:            {again.seconds:6.2f} s  {again.statuses()}")
    edits = []
    for section, sentence in enumerate(EDITS, start=1):
        edit_one_paragraph(article, section, sentence)
        edits.append(publish([article], work / "out-piper", work / "cache-piper"))
        r.say(f"one article, one paragraph edited:       {edits[-1].seconds:6.1f} s  "
              f"({edits[-1].speech['synthesised']} sentence(s) spoken again)")  # fmt: skip
    edited = median_run(edits, lambda result: result.seconds)

    # 3. a library, cold, at --jobs 1 and 2
    library = make_library(work / "library", args.articles)
    # Twice each, alternating, and the faster of the two: other people's work on a shared machine
    # only ever slows a run down.
    runs: dict[int, list[Publish]] = {1: [], 2: []}
    for attempt in (1, 2):
        for jobs in (1, 2):
            name = f"library-{jobs}-{attempt}"
            result = publish(library, work / f"out-{name}", work / f"cache-{name}", "--jobs", str(jobs))
            runs[jobs].append(result)
            r.say(f"{args.articles} articles, --jobs {jobs}: {result.seconds:7.1f} s, CPU {result.cpu_seconds:.0f} s "
                  f"(others: {result.others_cpu_seconds:.0f} s), {args.articles / result.seconds * 60:.1f} articles/min, "
                  f"peak memory {result.peak_rss_mb:.0f} MB")  # fmt: skip
    batch = {jobs: min(results, key=lambda result: result.seconds) for jobs, results in runs.items()}

    # 4. a larger library, built, then rebuilt with nothing changed
    make_library(work / "big", args.unchanged, seed=11)
    built = publish([work / "big"], work / "out-big", work / "cache-big", "--formats", TEXT_FORMATS)
    unchanged = publish([work / "big"], work / "out-big", work / "cache-big", "--formats", TEXT_FORMATS)
    r.say(f"{args.unchanged} articles, text formats: built in {built.seconds:.1f} s, "
          f"rebuilt unchanged in {unchanged.seconds:.2f} s {unchanged.statuses()}")  # fmt: skip

    # ratios and targets
    # Real-time factors from the CPU time the speech tasks used: the wall time of a task also counts
    # the time it waited for a core that another process (ours or not) had.
    piper_rtf = piper.speech["cpu_seconds"] / piper.speech["audio_seconds"]
    espeak_rtf = espeak.speech["cpu_seconds"] / espeak.speech["audio_seconds"]
    library_rtf = batch[2].speech["cpu_seconds"] / batch[2].speech["audio_seconds"]
    piper_wall_rtf = piper.speech["compute_seconds"] / piper.speech["audio_seconds"]
    speedup = batch[1].seconds / batch[2].seconds
    peak = max([piper.peak_rss_mb, *(e.peak_rss_mb for e in edits)] + [result.peak_rss_mb for result in runs[2]])
    targets = [
        ("Text formats of one article no slower than pandoc", f"{text.seconds:.2f} s vs pandoc {base['text']:.2f} s "
         f"(medians of {TEXT_ROUNDS}; ratio {text.seconds / base['text']:.2f})", text.seconds <= base["text"]),
        (f"Nothing changed: {args.unchanged} articles rebuilt in under 2 s", f"{unchanged.seconds:.2f} s",
         unchanged.seconds < 2 and unchanged.report["totals"]["unchanged"] == unchanged.report["totals"]["articles"] * 3),
        ("One paragraph edited: under 10 % of the cold time", f"{edited.seconds:.1f} s of {piper.seconds:.1f} s "
         f"({edited.seconds / piper.seconds:.1%}; median of {len(edits)} edits in different sections)",
         edited.seconds < 0.1 * piper.seconds),
        (f"Piper real-time factor at most 0.06 on {cores} cores",
         f"{piper_rtf / cores:.3f} (CPU seconds per second of audio: {piper_rtf:.3f}; in the library: "
         f"{library_rtf:.3f}; by the speech tasks' wall time: {piper_wall_rtf:.3f})", piper_rtf / cores <= 0.06),
        ("espeak-ng real-time factor at most 0.005", f"{espeak_rtf:.4f} per core, {espeak_rtf / cores:.4f} on "
         f"{cores} cores (espeak-ng command: {base['times']['espeak'] / base['audio_seconds']:.4f})",
         espeak_rtf / cores <= 0.005),
        ("--jobs 2 at least 1.7x the throughput of --jobs 1", f"{speedup:.2f}x", speedup >= 1.7),
        ("Peak memory per worker under 600 MB with Piper loaded", f"{peak:.0f} MB", peak < 600),
    ]  # fmt: skip
    r.say("")
    for name, value, met in targets:
        r.say(f"{'met    ' if met else 'NOT met'}  {name}: {value}")

    details = {
        "piper": piper, "espeak": espeak, "text": text, "again": again, "edited": edited, "edits": edits,
        "built": built, "unchanged": unchanged,
    }  # fmt: skip
    about["load_after"] = os.getloadavg()
    write_results(args, about, base, details, runs, targets)
    print(f"\nwrote {args.results}")
    return 0


def write_results(args, about: dict, base: dict, runs: dict[str, Publish], library: dict[int, list[Publish]],
                  targets) -> None:  # fmt: skip
    piper, espeak, text = runs["piper"], runs["espeak"], runs["text"]
    lines = [
        "# Benchmark results",
        "",
        "Made by `python benchmarks/run.py "
        f"--articles {args.articles} --unchanged {args.unchanged}` (see its docstring for what each step does).",
        "",
        "## Machine",
        "",
        f"- Code measured: Openleaf {about['packages']['openleaf']}, {about['code']}",
        f"- CPU: {about['cpu']}",
        f"- Memory: {about['memory']}",
        f"- OS: {about['os']}; Python {about['python']}",
        f"- Tools: {about['tools']['pandoc']}; {about['tools']['espeak-ng']}",
        "- Packages: " + ", ".join(f"{k} {v}" for k, v in about["packages"].items()),
        f"- Load average (1, 5, 15 min) at the start: {', '.join(f'{x:.1f}' for x in about['load'])}; "
        f"at the end: {', '.join(f'{x:.1f}' for x in about['load_after'])}",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        *[f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in targets],
        "",
        "## One article (examples/insulin-resistance.md), cold",
        "",
        "| run | wall time | CPU time | other processes' CPU | audio | pdf | epub | html | speech (worker wall) "
        "| speech CPU | audio length |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, result in (("all formats, Piper", piper), ("all formats, espeak-ng", espeak), ("text formats", text)):
        speech = result.speech
        lines.append(
            f"| {name} | {result.seconds:.1f} s | {result.cpu_seconds:.1f} s | {result.others_cpu_seconds:.1f} s | "
            f"{result.output_seconds('audio'):.1f} s | "
            f"{result.output_seconds('pdf'):.1f} s | {result.output_seconds('epub'):.1f} s | "
            f"{result.output_seconds('html'):.1f} s | {speech['compute_seconds']:.1f} s | {speech['cpu_seconds']:.1f} s | "
            f"{speech['audio_seconds']:.0f} s |"
        )
    times = base["times"]
    lines += [
        "",
        "Format times are worker seconds (they overlap when several workers run); the audio time includes the",
        "speaking of its sentences across the pool.",
        "",
        f"Baseline, same article: pandoc HTML {times['html']:.2f} s, EPUB {times['epub']:.2f} s, "
        f"PDF (WeasyPrint) {times['pdf']:.2f} s, together {base['text']:.2f} s; "
        f"espeak-ng command {times['espeak']:.2f} s for {base['audio_seconds']:.0f} s of audio "
        f"(plus pandoc to plain text {times['plain']:.2f} s). pandoc's PDF lacks "
        f"{', '.join(base['missing']) or 'nothing we checked'}; it is untagged, where ours is PDF/UA-1 with "
        "its structure repaired after WeasyPrint.",
        "",
        "## Rebuilds",
        "",
        "| run | wall time | outputs |",
        "| --- | --- | --- |",
        f"| one article, nothing changed | {runs['again'].seconds:.2f} s | {runs['again'].statuses()} |",
        *[f"| one article, one paragraph edited (section {n}) | {e.seconds:.1f} s | {e.statuses()}, "
          f"{e.speech['synthesised']} sentence(s) spoken again; the audio writer took "
          f"{e.output_seconds('audio'):.1f} s; peak memory per worker "
          f"{', '.join(format(w['peak_rss_mb'], '.0f') + ' MB' for w in e.report['workers'])} |"
          for n, e in enumerate(runs["edits"], start=1)],
        f"| {args.unchanged} articles (text formats), built | {runs['built'].seconds:.1f} s | {runs['built'].statuses()} |",
        f"| {args.unchanged} articles (text formats), nothing changed | {runs['unchanged'].seconds:.2f} s | "
        f"{runs['unchanged'].statuses()} |",
        "",
        f"## A library of {args.articles} articles, all formats, Piper, cold",
        "",
        "Each run twice, alternating --jobs 1 and 2; the target compares the faster of each.",
        "",
        "| run | jobs | wall time | CPU time | other processes' CPU | articles per minute | sentences spoken | audio "
        "| peak memory per worker |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for attempt in (0, 1):
        for jobs in (1, 2):
            result = library[jobs][attempt]
            workers = ", ".join(f"{w['peak_rss_mb']:.0f} MB" for w in result.report["workers"])
            lines.append(
                f"| {attempt + 1} | {jobs} | {result.seconds:.1f} s | {result.cpu_seconds:.0f} s | "
                f"{result.others_cpu_seconds:.0f} s | {args.articles / result.seconds * 60:.2f} | "
                f"{result.speech['synthesised']} | {result.speech['audio_seconds'] / 60:.0f} min | {workers} |"
            )
    lines += [
        "",
        "With --jobs 1 the work runs in the main process, so its memory is that process's. CPU time is that of",
        "publish and every process it started; \"other processes\" is what the rest of the machine used",
        "meanwhile (this machine is shared: on 2 cores, every second they take is a second a worker waits).",
        "",
    ]
    args.results.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
