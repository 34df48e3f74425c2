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

import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..formats.options import Options
from ..formats.registry import FORMATS, ordered
from ..source.errors import ExitCode
from .manifest import OutputRecord, manifests_by_source
from .plan import (
    check_out_folder,
    check_writable,
    duplicate_slugs,
    find_articles,
    plan_article,
    producers_of,
    renamed,
    themes_for,
    warnings_to_show,
)
from .report import ArticleStatus, Listener, OutputStatus, Report
from .worker import OutputResult, SpeechPlan, SpeechResult, plan_speech, speak, write_output

SENTENCES_PER_TASK = 4  # small enough to spread one article over every worker, big enough to be worth a task
KILLED = ("the worker process doing this was killed (by the system, most often for want of memory); "
          "run again with --jobs 1, or free memory")


@dataclass(eq=False)
class _Task:
    function: Callable
    args: tuple
    article: ArticleStatus
    fmt: str = ""  # the output it makes or serves ("audio" for speech tasks)
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
        self.suspects: deque[_Task] = deque()  # tasks running when a worker was killed: run again one by one
        self.stopping = False

    def plan_tasks(self) -> None:
        """Speech first, since each audio writer waits for its sentences and is the longest task of its
        article; the text formats, short and independent, come last, where they fill the tail of the run.
        An output that builds on another (read-along on the audio) waits until that one is done."""
        pending = [(a, o) for a in self.report.articles for o in a.outputs.values() if o.status == "pending"]
        for article, output in pending:
            if output.format == "audio":  # find out what it will say; its sentences are then spoken across the pool
                args = self._article_args(article) + (self.theme, self.options)
                self.queue.append(_Task(plan_speech, args, article, fmt="audio"))
        for article, output in pending:
            if output.format != "audio" and self._ready(article, output):
                self.queue.append(self._write_task(article, output.format))

    def _ready(self, article: ArticleStatus, output: OutputStatus) -> bool:
        return all(article.outputs[p].status not in ("pending",) for p in output.consumes if p in article.outputs)

    def _planned_speech(self, task: _Task, plan: SpeechPlan) -> None:
        """Speech tasks for the article's sentences not yet spoken in this run; its audio writer waits for them."""
        article = task.article
        if plan.errors:
            self._fail(article, "audio", plan.errors, plan.exit_code, plan.traceback)
            return
        self.report.speech.cached += plan.cached
        said = (plan.voice.engine, plan.voice.voice, plan.voice.rate)
        # The article's language only picked the voice: en-US and en-GB articles share their sentences.
        new = [text for text in dict.fromkeys(plan.texts) if (*said, text) not in self.spoken]
        cache = str(self.options.cache_dir) if self.options.cache_dir else None
        chunks = [
            _Task(speak, (plan.voice, new[start : start + SENTENCES_PER_TASK], cache), article, fmt="audio")
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
        output = article.outputs[fmt]
        # What it builds on: made or found up to date in this run, or left up to date by an earlier one.
        consumed = {p: [f.path for f in article.outputs[p].files] for p in output.consumes
                    if p in article.outputs and article.outputs[p].status in ("written", "unchanged")}
        # Not asked for in this run but up to date from an earlier one (the plan checked): its recorded files.
        consumed |= {p: [f.path for f in article.manifest.outputs[p].files] for p in output.consumes
                     if p not in article.outputs and p in article.manifest.outputs}
        if len(consumed) < len(output.consumes):
            output.key = ""  # built without what it builds on: the next run builds it again
        args = self._article_args(article) + (fmt, str(self.out_root.resolve()), self.options, self.theme, consumed)
        return _Task(write_output, args, article, fmt=fmt)

    def run(self, new_executor: Callable) -> None:
        """Run every task; ``new_executor()`` gives an executor, and a fresh one after a worker was killed."""
        executor = new_executor()
        in_flight: dict = {}
        retried: set[_Task] = set()
        try:
            while self.queue or self.suspects or in_flight:
                # After a worker was killed, the tasks that were running go again one at a time:
                # the one that kills a worker again fails its article, and only that one.
                if self.suspects:
                    if not in_flight and not self.stopping:
                        task = self.suspects.popleft()
                        retried.add(task)
                        in_flight[executor.submit(task.function, *task.args)] = task
                else:
                    while self.queue and len(in_flight) < executor.window and not self.stopping:
                        task = self.queue.popleft()
                        in_flight[executor.submit(task.function, *task.args)] = task
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    task = in_flight.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        if task in retried:
                            self._fail(task.article, task.fmt, [f"{task.args[0]}: {task.fmt}: {KILLED}"],
                                       ExitCode.SOME_FAILED)
                        else:
                            self.suspects.append(task)
                        continue
                    except Exception as error:  # noqa: BLE001 - e.g. a Dask worker lost: this task's article fails
                        self._fail(task.article, task.fmt, [f"{task.args[0]}: {task.fmt}: the task failed on "
                                                            f"its worker ({type(error).__name__}: {error})"],
                                   ExitCode.SOME_FAILED)
                        continue
                    self._arrived(task, result)
                if broken:  # every task still in flight ran on the broken pool
                    self.suspects.extend(task for task in in_flight.values() if task not in retried)
                    in_flight.clear()
                    executor.shutdown(wait=False, cancel_futures=True)
                    executor = new_executor()
        except KeyboardInterrupt:
            executor.stop_now()
            self.report.interrupted = True
            raise
        finally:
            if not self.report.interrupted:
                executor.shutdown(wait=True)
        self.skip_the_rest()

    def _arrived(self, task: _Task, result) -> None:
        self._worker(result.stats)
        if isinstance(result, SpeechPlan):
            self._planned_speech(task, result)
        elif isinstance(result, SpeechResult):
            self._spoken(task, result)
        else:
            self._written(task, result)

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
        self.done.add(task)
        self.listener.speech_done(len(task.args[1]))
        for article in task.waiting:
            article.outputs["audio"].seconds += result.seconds
            if result.errors:
                self._fail(article, "audio", result.errors, result.exit_code, result.traceback)
                continue
            self.speech_left[article] -= 1
            if self.speech_left[article] == 0 and article.outputs["audio"].status == "pending":
                # The audio writer is the last step of its article: it goes ahead of the queue.
                self.queue.appendleft(self._write_task(article, "audio"))

    def _fail(self, article: ArticleStatus, fmt: str, errors: list[str], exit_code: int, traceback: str = "") -> None:
        output = article.outputs[fmt]
        if output.status != "pending":
            return
        output.status, output.errors, output.exit_code, output.traceback = "failed", errors, exit_code, traceback
        self.stopping = self.stopping or self.fail_fast
        self.listener.output_done(article, output)
        self._release(article, output)

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
            self._fail(article, task.fmt, result.errors, result.exit_code, result.traceback)
            return
        output.status, output.files = "written", result.files
        self._record(article, output)
        self.listener.output_done(article, output)
        self._release(article, output)

    def _release(self, article: ArticleStatus, done: OutputStatus) -> None:
        """The outputs that waited for ``done`` (made or failed) can be built now."""
        for output in article.outputs.values():
            if done.format in output.consumes and output.status == "pending" and self._ready(article, output):
                self.queue.append(self._write_task(article, output.format))

    def _record(self, article: ArticleStatus, output: OutputStatus) -> None:
        """Note the new output in the article's manifest; delete files its previous build had and this one has not."""
        manifest = article.manifest
        previous = manifest.outputs.get(output.format)
        if previous is not None:
            kept = {f.path for f in output.files}
            for old in previous.files:  # each path was checked to stay inside the folder when it was read
                if old.path not in kept:
                    (article.out_dir / old.path).unlink(missing_ok=True)
        absolute = str(article.source.resolve())
        manifest.outputs[output.format] = OutputRecord(
            output.key, output.files, round(output.seconds, 3), renamed(output.warnings, str(article.source), absolute),
            {name: getattr(self.options, name) for name in FORMATS[output.format].options})
        manifest.save(article.out_dir)

    def _worker(self, stats) -> None:
        if stats is not None:
            self.report.workers[stats.worker] = max(self.report.workers.get(stats.worker, 0.0), stats.peak_rss_mb)


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
    themes = themes_for(ordered(set(formats) | producers_of(formats, options)), theme)
    known = manifests_by_source(out_root)
    report = Report([], list(ordered(formats)), jobs, scheduler, options=options, theme=theme)
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
        jobs = jobs if _worth_a_pool(report) else 1

        def new_executor():
            executor = make_executor(jobs, scheduler)
            if scheduler:
                executor.check_paths([str(out_root.resolve())] + [str(a.source.resolve()) for a in report.articles])
            return executor

        build.run(new_executor)
    else:
        build.skip_the_rest()
    report.seconds = time.perf_counter() - started
    return report
