"""Publishing a library: find the articles, decide what is out of date, build it in parallel.

One run goes through four steps:

1. find: every article named on the command line (files, folders searched
   recursively for ``*.md``, glob patterns);
2. plan: for each article and format, the key of what the output depends on
   (see manifest.py); an output whose key and files match its manifest is
   ``unchanged``. An article whose source is the one recorded is not even
   parsed: its warnings, like those of its unchanged outputs, come from the
   manifest and are shown again. Duplicate slugs stop the run here, before
   any work;
3. build: the outputs still to make are tasks for the executor (pool.py).
   Text formats are one task each. Audio is split finer: the sentences of all
   articles are spoken into the shared speech cache a few at a time across
   the pool, then each article's audio writer runs and finds them cached;
4. record: the main process alone writes each article's manifest, after each
   output, so an interrupted run started again builds only what is missing.

One bad article never stops the others (unless ``fail_fast``).
"""

from __future__ import annotations

import glob
import os
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..source.errors import ExitCode, InputError, OutputError, SourceError
from ..source.model import Diagnostic
from ..source.limits import read_article_bytes
from ..source import settings
from ..themes import BUILTIN_DIR, Theme
from .build import check_writable, ordered, themes_for
from .manifest import (
    FileRecord,
    Manifest,
    OutputRecord,
    image_hashes,
    manifests_by_source,
    output_key,
    sha256_bytes,
)
from .options import Options
from .worker import OutputResult, SpeechPlan, SpeechResult, parse_cached, plan_speech, speak, write_output

SENTENCES_PER_TASK = 4  # small enough to spread one article over every worker, big enough to be worth a task


# --- what a run reports ------------------------------------------------------------


@dataclass
class OutputStatus:
    format: str
    key: str = ""
    status: str = "pending"  # then: written | unchanged | failed | skipped (after --fail-fast)
    files: list[FileRecord] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    exit_code: int = ExitCode.OK
    traceback: str = ""
    warnings: list[str] = field(default_factory=list)  # from its writer, this run or (unchanged) the one that wrote it

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(eq=False)  # each article is itself, however alike two may look
class ArticleStatus:
    source: Path  # as found on the command line
    slug: str = ""
    out_dir: Path | None = None
    source_sha: str = ""
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the article itself could not be read or parsed
    exit_code: int = ExitCode.OK
    outputs: dict[str, OutputStatus] = field(default_factory=dict)
    manifest: Manifest = field(default_factory=Manifest)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(o.status == "failed" for o in self.outputs.values())

    @property
    def status(self) -> str:
        if self.failed:
            return "failed"
        states = {o.status for o in self.outputs.values()}
        return states.pop() if len(states) == 1 else "written" if "written" in states else "skipped"


@dataclass
class SpeechTotals:
    sentences: int = 0  # distinct texts the audio to build needs and the speech cache lacked
    synthesised: int = 0
    cached: int = 0  # texts found in the cache
    audio_seconds: float = 0.0
    seconds: float = 0.0  # time spent speaking, summed over workers
    cpu_seconds: float = 0.0


@dataclass
class Report:
    articles: list[ArticleStatus]
    formats: list[str]
    jobs: int
    scheduler: str | None
    seconds: float = 0.0
    speech: SpeechTotals = field(default_factory=SpeechTotals)
    workers: dict[str, float] = field(default_factory=dict)  # worker -> peak resident memory, MB
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(o.status == status for a in self.articles for o in a.outputs.values())

    @property
    def failed(self) -> list[ArticleStatus]:
        return [a for a in self.articles if a.failed]

    @property
    def published(self) -> list[ArticleStatus]:
        """Articles whose every output is now written or up to date (the rest failed or were skipped)."""
        return [a for a in self.articles if not a.failed and all(o.status in ("written", "unchanged")
                                                                  for o in a.outputs.values())]


class Listener:
    """What the progress display hears about; every method may be left as it is."""

    def planned(self, report: Report) -> None: ...
    def speech_planned(self, sentences: int) -> None: ...
    def speech_done(self, sentences: int) -> None: ...
    def output_done(self, article: ArticleStatus, output: OutputStatus) -> None: ...
    def article_failed(self, article: ArticleStatus) -> None: ...
    def warn(self, article: ArticleStatus, lines: list[str]) -> None: ...


# --- 1. find ----------------------------------------------------------------------


def find_articles(inputs: list[str]) -> list[Path]:
    """The article files named by ``inputs``: files, folders (every ``*.md`` below) and glob patterns."""
    found: list[Path] = []
    for text in inputs:
        path = Path(text)
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*.md") if p.is_file() and not _hidden(p.relative_to(path)))
            if not matches:
                raise InputError(f"{text}: no articles (*.md files) in this folder")
        elif path.exists():
            matches = [path]
        elif glob.has_magic(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"{text}: no article matches this pattern")
        else:
            raise InputError(f"{text}: no such file or folder; check the path")
        found.extend(matches)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# --- 2. plan ----------------------------------------------------------------------


def theme_folders(fmt: str, theme: Theme) -> tuple[Path, ...]:
    """The folders an output's look comes from (the large-print PDF falls back on the large-print theme)."""
    if fmt == "large-print-pdf":
        return theme.folders + (BUILTIN_DIR / "large-print", BUILTIN_DIR / "base")
    return theme.folders


def plan_article(path: Path, out_root: Path, formats: list[str], themes: dict[str, Theme], options: Options,
                 known: dict[str, tuple[Path, Manifest]], force: bool) -> ArticleStatus:  # fmt: skip
    """What this article needs: its slug, and for each format its key and whether it is unchanged."""
    status = ArticleStatus(source=path)
    try:
        raw = read_article_bytes(path)
    except (InputError, SourceError) as error:
        status.errors, status.exit_code = error.lines(), error.exit_code
        return status
    status.source_sha = sha256_bytes(raw)

    images = None
    name, absolute = str(path), str(path.resolve())
    previous = known.get(absolute)
    if previous is not None and previous[1].source_sha256 == status.source_sha:
        # The source is the one built last time: its slug, images and warnings are known without parsing.
        folder, status.manifest = previous
        status.slug, status.warnings = folder.name, renamed(status.manifest.warnings, absolute, name)
        images = image_hashes(path.parent, status.manifest.images)
    if images is None:
        try:
            article = parse_cached(str(path), raw)  # --jobs 1 builds in this process and finds it parsed
        except SourceError as error:
            status.errors, status.exit_code = error.lines(), error.exit_code
            return status
        status.slug = article.slug
        status.warnings = [str(w) for w in article.warnings]
        relpaths = sorted({f.path.relative_to(article.folder).as_posix() for f in article.figures()})
        images = image_hashes(article.folder, relpaths) or []
        status.manifest = Manifest.load(out_root / article.slug) or Manifest()
        status.manifest.images = relpaths
    status.out_dir = out_root / status.slug
    status.manifest.source, status.manifest.source_sha256 = absolute, status.source_sha
    status.manifest.warnings = renamed(status.warnings, name, absolute)

    config = settings.fingerprint(path, options.config)  # openleaf.toml and its logo; "" without one
    for fmt in ordered(formats):
        key = output_key(fmt, status.source_sha + config, images, theme_folders(fmt, themes[fmt]), options)
        output = OutputStatus(fmt, key)
        if not force and status.manifest.unchanged(fmt, key, status.out_dir):
            record = status.manifest.outputs[fmt]
            output.status, output.files = "unchanged", record.files
            output.warnings = renamed(record.warnings, absolute, name)
        status.outputs[fmt] = output
    return status


def renamed(lines: list[str], old: str, new: str) -> list[str]:
    """Lines that name a source ``old`` (``FILE:...``), naming it ``new``. A manifest names the source by its
    absolute path, which holds from any folder; a person sees it as they named it on this run."""
    return [new + line[len(old):] if line.startswith(old + ":") else line for line in lines]


def warnings_to_show(article: ArticleStatus) -> list[str]:
    """The article's warnings and those of its unchanged outputs, each once: a warning stays true,
    and worth showing, for as long as what it is about is unchanged."""
    lines = article.warnings + [line for o in article.outputs.values() if o.status == "unchanged" for line in o.warnings]
    return list(dict.fromkeys(lines))


def duplicate_slugs(articles: list[ArticleStatus]) -> SourceError | None:
    by_slug: dict[str, list[ArticleStatus]] = {}
    for article in articles:
        if article.slug:
            by_slug.setdefault(article.slug, []).append(article)
    problems = []
    for slug, same in by_slug.items():
        for article in same[1:]:
            problems.append(Diagnostic(
                str(article.source), 1, 1, f"'{slug}' is also the slug of {same[0].source}: both would be "
                f"published to {article.out_dir}/", "give one of them another 'slug:' in its front matter, or rename it",
            ))  # fmt: skip
    return SourceError(problems) if problems else None


# --- 3. build ---------------------------------------------------------------------


@dataclass(eq=False)
class _Task:
    function: Callable
    args: tuple
    article: ArticleStatus
    fmt: str = ""  # for write tasks
    waiting: list[ArticleStatus] = field(default_factory=list)  # speech: articles whose audio waits for it


class Build:
    """Runs the planned tasks on an executor and records every result as it arrives."""

    def __init__(self, report: Report, out_root: Path, options: Options, theme: str | None,
                 listener: Listener, fail_fast: bool, scheduler: str | None):  # fmt: skip
        self.report, self.out_root, self.options, self.theme = report, out_root, options, theme
        self.listener, self.fail_fast, self.scheduler = listener, fail_fast, scheduler
        self.queue: deque[_Task] = deque()
        self.speech_left: dict[ArticleStatus, int] = {}  # speech tasks an article's audio still waits for
        self.spoken: dict[tuple, _Task] = {}  # each sentence is spoken once in a run (keyed as the cache keys it)
        self.done: set[_Task] = set()  # speech tasks finished
        self.stopping = False

    def plan_tasks(self) -> None:
        """Speech first, since each audio writer waits for its sentences and is the longest task of its
        article; the text formats, short and independent, come last, where they fill the tail of the run."""
        pending = [(a, o.format) for a in self.report.articles for o in a.outputs.values() if o.status == "pending"]
        for article, fmt in pending:
            if fmt == "audio":  # find out what it will say; its sentences are then spoken across the pool
                self.queue.append(_Task(plan_speech, self._article_args(article) + (self.theme, self.options), article))
        for article, fmt in pending:
            if fmt != "audio":
                self.queue.append(self._write_task(article, fmt))

    def _planned_speech(self, task: _Task, plan: SpeechPlan) -> None:
        """Speech tasks for the article's sentences not yet spoken in this run; its audio writer waits for them."""
        article = task.article
        needed = set()
        self.report.speech.cached += plan.cached
        if plan.voice is not None:
            # The article's language only picked the voice: en-US and en-GB articles share their sentences.
            said = (plan.voice.engine, plan.voice.voice, plan.voice.rate)
            new = [text for text in dict.fromkeys(plan.texts) if (*said, text) not in self.spoken]
            cache = str(self.options.cache_dir) if self.options.cache_dir else None
            chunks = [
                _Task(speak, (plan.voice, new[start : start + SENTENCES_PER_TASK], cache), article)
                for start in range(0, len(new), SENTENCES_PER_TASK)
            ]
            for chunk in chunks:
                for text in chunk.args[1]:
                    self.spoken[(*said, text)] = chunk
            # Ahead of the queue: the audio writer, the longest step of an article, waits for them.
            self.queue.extendleft(reversed(chunks))
            needed = {self.spoken[(*said, text)] for text in plan.texts} - self.done
            self.report.speech.sentences += len(new)
            self.listener.speech_planned(self.report.speech.sentences)
        for chunk in needed:
            chunk.waiting.append(article)
        self.speech_left[article] = len(needed)
        if not needed:
            self.queue.appendleft(self._write_task(article, "audio"))

    def _article_args(self, article: ArticleStatus) -> tuple:
        # Local workers share our folder, so messages can name the article as the user did; a cluster cannot.
        source = article.source.resolve() if self.scheduler else article.source
        return str(source), article.source_sha

    def _write_task(self, article: ArticleStatus, fmt: str) -> _Task:
        args = self._article_args(article) + (fmt, str(self.out_root.resolve()), self.options, self.theme)
        return _Task(write_output, args, article, fmt=fmt)

    def run(self, executor) -> None:
        in_flight: dict = {}
        try:
            while self.queue or in_flight:
                while self.queue and len(in_flight) < executor.window and not self.stopping:
                    task = self.queue.popleft()
                    in_flight[executor.submit(task.function, *task.args)] = task
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    task = in_flight.pop(future)
                    result = future.result()
                    self._worker(result.stats)
                    if isinstance(result, SpeechPlan):
                        self._planned_speech(task, result)
                    elif isinstance(result, SpeechResult):
                        self._spoken(task, result)
                    else:
                        self._written(task, result)
        except KeyboardInterrupt:
            executor.stop_now()
            self.report.interrupted = True
            raise
        self.skip_the_rest()

    def skip_the_rest(self) -> None:
        """What --fail-fast left unbuilt."""
        for article in self.report.articles:
            for output in article.outputs.values():
                if output.status == "pending":
                    output.status = "skipped"

    def _spoken(self, task: _Task, result: SpeechResult) -> None:
        totals = self.report.speech
        totals.synthesised += result.synthesised
        totals.cached += result.cached
        totals.audio_seconds += result.audio_seconds
        totals.seconds += result.seconds
        totals.cpu_seconds += result.cpu_seconds
        task.article.outputs["audio"].seconds += result.seconds
        self.done.add(task)
        self.listener.speech_done(len(task.args[1]))
        for article in task.waiting:
            self.speech_left[article] -= 1
            if self.speech_left[article] == 0:
                # The audio writer is the last step of its article: it goes ahead of the queue.
                self.queue.appendleft(self._write_task(article, "audio"))

    def _written(self, task: _Task, result: OutputResult) -> None:
        article, output = task.article, task.article.outputs[task.fmt]
        output.seconds += result.seconds
        if result.messages:
            # Some writers name the source themselves, by the path the worker was given.
            name = str(article.source)
            lines = renamed(result.messages, str(article.source.resolve()), name)
            output.warnings = [line if line.startswith(name + ":") else f"{name}: {line}" for line in lines]
            self.listener.warn(article, output.warnings)
        if result.errors:
            output.status, output.errors = "failed", result.errors
            output.exit_code, output.traceback = result.exit_code, result.traceback
            self.stopping = self.stopping or self.fail_fast
        else:
            output.status, output.files = "written", result.files
            self._record(article, output)
        self.listener.output_done(article, output)

    def _record(self, article: ArticleStatus, output: OutputStatus) -> None:
        """Note the new output in the article's manifest; delete files its previous build had and this one has not."""
        manifest = article.manifest
        previous = manifest.outputs.get(output.format)
        if previous is not None:
            kept = {f.path for f in output.files}
            for old in previous.files:
                if old.path not in kept:
                    (article.out_dir / old.path).unlink(missing_ok=True)
        absolute = str(article.source.resolve())
        manifest.outputs[output.format] = OutputRecord(output.key, output.files, round(output.seconds, 3),
                                                       renamed(output.warnings, str(article.source), absolute))
        manifest.save(article.out_dir)

    def _worker(self, stats) -> None:
        if stats is not None:
            self.report.workers[stats.worker] = max(self.report.workers.get(stats.worker, 0.0), stats.peak_rss_mb)


def check_out_folder(out_root: Path) -> None:
    """Fail before any work when nothing could be written under ``out_root``. Creates nothing (a run
    whose every article fails leaves no empty folder behind): the nearest folder that exists is checked."""
    if out_root.exists() and not out_root.is_dir():
        raise OutputError(f"{out_root}: is a file, not a folder; give --out a folder (it is created if missing), "
                          "or move the file")
    existing = out_root
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{out_root}: cannot create the output folder: {existing} is a file; choose another with --out")
    if not os.access(existing, os.W_OK | os.X_OK):
        if existing == out_root:
            raise OutputError(f"{out_root}: the output folder is not writable; choose another with --out")
        raise OutputError(f"{out_root}: cannot create the output folder: {existing} is not writable; "
                          "choose another with --out")


# --- the whole run ----------------------------------------------------------------


def _worth_a_pool(report: Report) -> bool:
    """Worker processes pay for their start-up (each imports the writers again) only when there is
    speech to spread over them or more than one article to build; otherwise this process is faster."""
    pending = [a for a in report.articles if any(o.status == "pending" for o in a.outputs.values())]
    return len(pending) > 1 or any(a.outputs.get("audio") and a.outputs["audio"].status == "pending" for a in pending)


def publish(inputs: list[str], out_root: Path, formats: list[str], options: Options, *,
            theme: str | None = None, jobs: int = 1, scheduler: str | None = None, force: bool = False,
            fail_fast: bool = False, listener: Listener | None = None) -> Report:  # fmt: skip
    """Publish every article ``inputs`` names into ``out_root/<slug>/``; see the module's docstring.

    Raises (before any work) InputError for a missing input, OutputError for
    an unwritable ``out_root``, ThemeError for a bad theme and SourceError for
    duplicate slugs; every other problem is reported per article in the Report.
    """
    listener = listener or Listener()
    started = time.perf_counter()
    paths = find_articles(inputs)
    check_out_folder(out_root)
    themes = themes_for(formats, theme)
    known = manifests_by_source(out_root)
    report = Report([], list(ordered(formats)), jobs, scheduler)
    for path in paths:
        article = plan_article(path, out_root, formats, themes, options, known, force)
        report.articles.append(article)
        if warnings := warnings_to_show(article):
            listener.warn(article, warnings)
    duplicates = duplicate_slugs(report.articles)
    if duplicates is not None:
        raise duplicates
    listener.planned(report)
    for article in report.articles:
        if article.errors:
            listener.article_failed(article)

    build = Build(report, out_root, options, theme, listener, fail_fast, scheduler)
    build.stopping = fail_fast and any(a.errors for a in report.articles)
    if not build.stopping:
        build.plan_tasks()
    if build.queue:
        from .pool import make_executor

        check_writable(out_root)  # made only now: there is something to write (and Dask workers look for it)
        executor = make_executor(jobs if _worth_a_pool(report) else 1, scheduler)
        try:
            if scheduler:
                executor.check_paths([str(out_root.resolve())] + [str(a.source.resolve()) for a in report.articles])
            build.run(executor)
        finally:
            if not report.interrupted:
                executor.shutdown(wait=True)
    else:
        build.skip_the_rest()
    report.seconds = time.perf_counter() - started
    return report
