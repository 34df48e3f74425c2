"""What runs in a worker process (local pool or Dask): the tasks of a batch.

Three kinds: write one output of an article; plan an article's speech (the
voice, and the sentences the speech cache lacks); speak a few sentences
into the cache.

Tasks take and return plain, picklable data and never raise for an expected
failure: an article's problem travels back as lines of text and an exit code,
so one bad article never takes the pool down with it. A worker parses each
article once and keeps the Piper voice loaded between tasks.
"""

from __future__ import annotations

import functools
import logging
import os
import resource
import signal
import socket
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..source.errors import ExitCode, InputError, OpenleafError
from ..source.limits import read_article_bytes
from .manifest import FileRecord, sha256_bytes
from .options import Options


@dataclass
class WorkerStats:
    """Who ran a task and how much memory that process has needed so far."""

    worker: str  # "host:pid"
    peak_rss_mb: float


@dataclass
class OutputResult:
    files: list[FileRecord] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # empty when the output was written
    exit_code: int = ExitCode.OK
    traceback: str = ""  # for --traceback, when the failure is a bug
    messages: list[str] = field(default_factory=list)  # warnings the writer logged
    stats: WorkerStats | None = None


@dataclass
class SpeechResult:
    synthesised: int = 0
    cached: int = 0
    audio_seconds: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # unlike seconds, not inflated by other processes wanting the same core
    stats: WorkerStats | None = None


@dataclass(frozen=True)
class Voice:
    """An engine and voice as get_engine takes them: what the sentences of an article are spoken with."""

    engine: str
    lang: str
    voice: str | None
    rate: float


@dataclass
class SpeechPlan:
    voice: Voice | None = None  # None: the audio writer will find out why, and report it
    texts: list[str] = field(default_factory=list)  # what the audio writer will say that the cache lacks
    cached: int = 0  # what it will say that the cache has
    stats: WorkerStats | None = None


def _stats() -> WorkerStats:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return WorkerStats(f"{socket.gethostname()}:{os.getpid()}", peak_kb / 1024)


# --- process set-up and Ctrl-C --------------------------------------------------

_busy = False
_stopping = False


def init_process() -> None:
    """Initializer of local pool processes.

    Ctrl-C goes to the whole process group; the main process alone decides
    what to do about it, and then stops the workers with SIGTERM. A worker in
    the middle of a task unwinds it (writers delete their temporary files) and
    exits; an idle worker exits at once.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    # One thread per process: the pool already uses every core.
    os.environ.setdefault("OPENLEAF_PIPER_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def _on_terminate(signum, frame) -> None:
    global _stopping
    if _busy:
        _stopping = True
        raise KeyboardInterrupt
    os._exit(ExitCode.INTERRUPTED)


@functools.cache
def _libc():
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # glibc only
    except OSError:
        return None


def _give_memory_back() -> None:
    """Return the heap a task freed to the system. glibc keeps it otherwise, and a worker's
    next task (Piper, whose peak follows the sentence) would then peak on top of it."""
    if (libc := _libc()) is not None:
        libc.malloc_trim(0)


class _Running(logging.Handler):
    """Runs a task: marks the process busy (so SIGTERM unwinds the task instead of killing it
    mid-write) and collects the warnings logged meanwhile, to be shown by the main process."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # WeasyPrint's own records are passed on by pdf.py in our words (and its missing-glyph
        # notes as one line); shown raw as well, the user would read each twice.
        if record.name == "weasyprint" or record.name.startswith("weasyprint."):
            return
        self.messages.append(record.getMessage())

    def __enter__(self) -> "_Running":
        global _busy
        _busy = True
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        global _busy
        logging.getLogger().removeHandler(self)
        _give_memory_back()
        _busy = False
        if _stopping:
            os._exit(ExitCode.INTERRUPTED)


# --- writing one output ------------------------------------------------------------

def _article(source: str, expected_sha: str):
    """The parsed article; refuses a source edited since the run was planned (its keys would lie)."""
    raw = read_article_bytes(Path(source))
    if sha256_bytes(raw) != expected_sha:
        raise InputError(f"{source}: changed while it was being published; run publish again")
    return parse_cached(source, raw)


@functools.lru_cache(maxsize=8)  # the tasks of one article come close together; --jobs 1 plans in this process
def parse_cached(source: str, raw: bytes):
    from ..source.parser import parse_text

    return parse_text(raw, Path(source))


def write_output(source: str, source_sha: str, fmt: str, out_root: str, options: Options,
                 theme: str | None) -> OutputResult:  # fmt: skip
    """Write format ``fmt`` of the article at ``source`` into ``out_root/<slug>/``."""
    from .build import WRITERS, themes_for

    started = time.perf_counter()
    result = OutputResult()
    with _Running() as task:
        try:
            article = _article(source, source_sha)
            out_dir = Path(out_root) / article.slug
            out_dir.mkdir(parents=True, exist_ok=True)
            written = WRITERS[fmt](article, themes_for([fmt], theme)[fmt], out_dir, options=options)
            result.files = [FileRecord.of(Path(path), out_dir) for path in written]
        except OpenleafError as error:
            result.errors, result.exit_code = error.lines(), error.exit_code
        except OSError as error:
            result.errors = [f"{source}: could not write {fmt}: {error.strerror or error}"]
            result.exit_code = ExitCode.OUTPUT
        except Exception as error:  # a bug: report it for this output, keep the others going
            result.errors = [f"{source}: internal error while writing {fmt}: {type(error).__name__}: {error} "
                             "(this is a bug in Openleaf; run again with --traceback and report it)"]
            result.exit_code = ExitCode.UNEXPECTED
            result.traceback = traceback.format_exc()
    result.messages = task.messages
    result.seconds = time.perf_counter() - started
    result.stats = _stats()
    return result


# --- speaking sentences ahead of the audio writer ---------------------------------------


def plan_speech(source: str, source_sha: str, theme: str | None, options: Options) -> SpeechPlan:
    """The voice, and the texts the audio writer will speak that are not in the speech cache yet."""
    from . import audio
    from .audio.cache import SpeechCache
    from .build import themes_for

    plan = SpeechPlan()
    with _Running():
        try:
            article = _article(source, source_sha)
            engine, texts = audio.speech_plan(article, themes_for(["audio"], theme)["audio"], options)
            cache = SpeechCache(options.cache_dir)
            distinct = list(dict.fromkeys(texts))
            plan.texts = [text for text in distinct if not cache.path(engine, text, options.rate).exists()]
            plan.cached = len(distinct) - len(plan.texts)
            plan.voice = Voice(engine.name, article.lang, engine.voice, options.rate)
        except Exception:  # noqa: BLE001 - the audio writer meets the same problem and reports it
            pass
    plan.stats = _stats()
    return plan


def speak(voice: Voice, texts: list[str], cache_dir: str | None) -> SpeechResult:
    """Put these sentences into the shared speech cache, where the audio writer will find them."""
    from .audio.cache import SpeechCache, synthesize_cached
    from .audio.engines import get_engine

    started, cpu_started = time.perf_counter(), time.process_time()
    result = SpeechResult()
    with _Running():
        try:
            engine = get_engine(voice.engine, voice.lang, voice=voice.voice, rate=voice.rate)
            cache = SpeechCache(cache_dir)
            for text in texts:
                samples, cached = synthesize_cached(engine, text, cache=cache)
                result.cached += cached
                result.synthesised += not cached
                result.audio_seconds += len(samples) / engine.sample_rate
        except Exception:  # noqa: BLE001 - the audio writer meets the same problem and reports it
            pass
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.stats = _stats()
    return result
