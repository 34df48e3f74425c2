"""`publish preview`: every edition of one article, built again each time it is saved.

The builds go to a private temporary folder (never the published output
folder) and are made in this process by the writers themselves, with the
themes loaded once and the writers imported by a first build before the
server answers, so a save costs only the parse and the writing.

Each format has a lane, a thread that builds the newest good save it has
not built yet and skips those overtaken meanwhile: the page and the EPUB
(fast, within a fraction of a second), the PDF (a second or so), and the
audio (in the background; its progress is the share of sentences the speech
cache already holds). Until a lane has caught up, the last edition it made
stays served. A save that does not parse leaves every edition as it was
and puts its FILE:LINE:COL messages on the page; the next good save
recovers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..formats.options import Options
from ..formats.registry import FORMATS
from ..pipeline.plan import themes_for
from ..source.errors import OpenleafError, UsageError
from ..source.limits import read_article_bytes
from ..source.model import Article

# The lanes, and the formats each builds, in the order they are built.
LANES = {"text": ("html", "epub"), "pdf": ("pdf", "large-print-pdf"), "audio": ("audio",)}


@dataclass
class Build:
    """One good save: its parsed article and the folder its editions are written into."""

    number: int
    article: Article
    folder: Path  # <root>/build-N; the editions are in folder/<slug>/

    @property
    def out_dir(self) -> Path:
        return self.folder / self.article.slug


@dataclass
class Edition:
    """What a format last made: from which build, the files (path relative to the edition folder -> file)."""

    state: str = "waiting"  # waiting | building | ready | failed
    build: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    message: str = ""  # why it failed, or how far the audio is
    done: int = 0  # audio: sentences in the speech cache so far
    total: int = 0  # audio: sentences to speak


class Preview:
    """The builds of one article and what the page is told about them; safe to use from several threads."""

    def __init__(self, source: Path, formats: list[str], options: Options, theme: str | None = None):
        self.source = source
        self.formats = ["html", *(name for name in formats if name != "html")]
        self.options = options
        self.theme = theme
        self.themes = themes_for(self.formats, theme)  # a broken theme stops the preview before it starts
        self.root = Path(tempfile.mkdtemp(prefix="openleaf-preview-"))
        self.changed = threading.Condition()
        self.version = 0  # grows with every change the page should hear about
        self.errors: list[str] = []  # the last save's problems; empty when it was good
        self.warnings: list[str] = []
        self.latest: Build | None = None  # the newest good save
        self.editions = {name: Edition() for name in self.formats}
        self._digest = b""
        self._saving = threading.Lock()  # one save at a time: the watcher's, or the one made at start
        self._busy: list[int] = []  # builds a lane is writing into: never tidied away
        self._stopping = False
        self._lanes = [threading.Thread(target=self._lane, args=(name,), name=f"preview-{name}", daemon=True)
                       for name, owned in LANES.items() if name != "text" and set(owned) & set(self.formats)]

    # --- saves -------------------------------------------------------------------------

    def start(self) -> None:
        self.save()
        for lane in self._lanes:
            lane.start()

    def save(self, force: bool = False) -> bool:
        """Read the source again; if it changed (or ``force``: a picture changed), parse it and build
        the text editions. True if it did."""
        with self._saving:
            return self._save(force)

    def _save(self, force: bool) -> bool:
        from ..source.parser import parse_text

        try:
            raw = read_article_bytes(self.source)
        except OpenleafError as error:
            return self._failed(error.lines(), hashlib.sha256(str(error).encode()).digest())
        digest = hashlib.sha256(raw).digest()
        if digest == self._digest and not force:
            return False  # an editor touched the file without changing it
        try:
            article = parse_text(raw, self.source)
        except OpenleafError as error:
            return self._failed(error.lines(), digest)
        with self.changed:
            self._digest = digest
            number = (self.latest.number if self.latest else 0) + 1
            build = Build(number, article, self.root / f"build-{number}")
        build.out_dir.mkdir(parents=True)
        with self.changed:  # told to the page with the new page itself
            self.errors, self.warnings = [], [str(d) for d in article.warnings]
        self._build(build, LANES["text"])  # the page first: it is what the author is looking at
        with self.changed:  # only now the other lanes start on it: they would slow the text editions down
            self.latest = build
            self._bump()
        self._tidy()
        return True

    def _failed(self, lines: list[str], digest: bytes) -> bool:
        with self.changed:
            if digest == self._digest:
                return False
            self._digest, self.errors = digest, lines
            self._bump()
        return True

    def _bump(self) -> None:
        self.version += 1
        self.changed.notify_all()

    # --- building --------------------------------------------------------------------

    def _build(self, build: Build, formats: tuple[str, ...]) -> None:
        for name in (f for f in formats if f in self.formats):
            with self.changed:
                self.editions[name].state = "building"
                self._bump()
            try:
                written = FORMATS[name].write(build.article, self.themes[name], build.out_dir, options=self.options)
                files = {path.relative_to(build.out_dir).as_posix(): path for path in map(Path, written)}
                edition = Edition("ready", build.number, files)
            except OpenleafError as error:
                edition = Edition("failed", build.number, self.editions[name].files, " ".join(error.lines()))
            except Exception as error:  # noqa: BLE001 - a bug in one writer must not stop the preview
                edition = Edition("failed", build.number, self.editions[name].files,
                                  f"internal error: {type(error).__name__}: {error} (a bug in Openleaf)")
            with self.changed:
                self.editions[name] = edition
                self._bump()

    def _lane(self, lane: str) -> None:
        """Build this lane's formats of each newest good save, until the preview stops."""
        done = 0
        if lane == "audio":
            _lower_priority()

        def ready() -> bool:
            if self._stopping:
                return True
            # Speech waits while the PDF is being made: the PDF is wanted within a second or two.
            return bool(self.latest and self.latest.number > done and (lane != "audio" or not self._busy))

        while True:
            with self.changed:
                self.changed.wait_for(ready)
                if self._stopping:
                    return
                build = self.latest
                self._busy.append(build.number)
            done = build.number
            try:
                if lane == "audio":
                    self._audio(build)
                else:
                    self._build(build, LANES[lane])
            finally:
                with self.changed:
                    self._busy.remove(build.number)
                    self.changed.notify_all()  # the audio lane may be waiting for this one to finish
            self._tidy()

    def _audio(self, build: Build) -> None:
        """The audio edition, with its progress: how many of its sentences the speech cache holds."""
        from ..formats.audio import speech_plan
        from ..formats.audio.cache import SpeechCache

        try:
            engine, texts = speech_plan(build.article, self.themes["audio"], self.options)
            cache = SpeechCache(self.options.cache_dir)
            paths = [cache.path(engine, text, self.options.rate) for text in dict.fromkeys(texts)]
        except Exception:  # noqa: BLE001 - the writer meets the same problem and says what it is
            paths = []
        finished = threading.Event()

        def watch_progress() -> None:
            while not finished.wait(0.5):
                done = sum(path.exists() for path in paths)
                with self.changed:
                    edition = self.editions["audio"]
                    if edition.state == "building" and edition.done != done:
                        edition.done, edition.total = done, len(paths)
                        self._bump()

        threading.Thread(target=watch_progress, name="preview-audio-progress", daemon=True).start()
        try:
            self._build(build, ("audio",))
        finally:
            finished.set()

    def _tidy(self) -> None:
        """Remove the build folders no edition and no lane needs any more."""
        with self.changed:
            keep = {edition.build for edition in self.editions.values()} | set(self._busy)
            newest = self.latest.number if self.latest else 0
        for folder in self.root.glob("build-*"):
            number = folder.name.removeprefix("build-")
            if number.isdigit() and int(number) not in keep and int(number) < newest:
                shutil.rmtree(folder, ignore_errors=True)

    # --- what is served ----------------------------------------------------------------

    def files(self) -> dict[str, Path]:
        """URL path -> file: the newest edition of each format, and nothing else."""
        with self.changed:
            served = {}
            for name, edition in self.editions.items():
                if name != "html":
                    served.update({"/" + rel: path for rel, path in edition.files.items()})
            return served

    def page(self) -> Path | None:
        with self.changed:
            files = self.editions["html"].files
            return next(iter(files.values()), None)

    def state(self) -> dict:
        """What the page shows about the builds; ``page`` changes when the page itself must reload."""
        with self.changed:
            shown = self.editions["html"].build
            formats = {}
            for name, edition in self.editions.items():
                formats[name] = {"state": edition.state, "build": edition.build, "message": edition.message,
                                 "done": edition.done, "total": edition.total,
                                 "links": sorted("/" + rel for rel in edition.files if _linked(name, rel)),
                                 "current": edition.build == shown}
            key = hashlib.sha256(f"{shown}\n{self.errors}".encode()).hexdigest()[:16]
            return {"version": self.version, "page": key, "build": shown, "errors": list(self.errors),
                    "warnings": list(self.warnings), "formats": formats,
                    "source": str(self.source), "title": self.latest.article.title if self.latest else ""}

    def wait(self, since: int, timeout: float) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.version != since or self._stopping, timeout)

    def stop(self) -> None:
        with self.changed:
            self._stopping = True
            self.changed.notify_all()
        shutil.rmtree(self.root, ignore_errors=True)


def _lower_priority() -> None:
    """Make the calling thread (and the threads it starts, such as Piper's) yield the processor to the others.
    Linux lets a thread have its own niceness; elsewhere speech simply competes."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 15)
    except (AttributeError, OSError):
        pass


def _linked(fmt: str, rel: str) -> bool:
    """The files worth a link: the page, the PDF, the EPUB, and the whole-article MP3 and playlist."""
    if fmt == "audio":
        return rel.count("/") == 1 and not rel.split("/")[1][:1].isdigit() and rel.endswith((".mp3", ".m3u8"))
    return True


# --- running it ----------------------------------------------------------------------------


def watch(preview: Preview, stop: threading.Event, watching: threading.Event) -> None:
    """Build again after each save of the article (or of a picture beside it), until ``stop`` is set.
    ``watching`` is set once changes are surely seen (after a first quiet spell of 0.2 s)."""
    import watchfiles

    source = preview.source.resolve()
    folder = source.parent

    def relevant(change, path: str) -> bool:
        path = Path(path)
        return path == source or (path.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
                                  and path.is_relative_to(folder))

    # step: yield once the file has been quiet for 30 ms (an editor writes a file in a few pieces);
    # an empty yield is a quiet spell, the first of which says the watcher is running.
    for changes in watchfiles.watch(folder, watch_filter=relevant, debounce=400, step=30, stop_event=stop,
                                    rust_timeout=200, yield_on_timeout=True, raise_interrupt=False):
        watching.set()
        if changes:
            preview.save(force=any(Path(path) != source for _, path in changes))


def has_display() -> bool:
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(source: Path, *, host: str, port: int, open_browser: bool, formats: list[str], voice: str,
          theme: str | None) -> int:
    from .server import make_server

    # Piper gets one thread: the other core is for the page and the PDF, which must not wait for speech.
    os.environ.setdefault("OPENLEAF_PIPER_THREADS", "1")
    preview = Preview(source, formats, Options(voice=voice), theme)
    stop = threading.Event()
    try:
        started = time.perf_counter()
        preview.start()
        watching = threading.Event()
        watcher = threading.Thread(target=watch, args=(preview, stop, watching), name="preview-watch", daemon=True)
        watcher.start()
        watching.wait(10)
        preview.save()  # a save made while the watcher was starting
        try:
            server = make_server(preview, host, port)
        except OSError as error:
            raise UsageError(f"publish preview: cannot listen on {host}:{port} ({error.strerror or error}); "
                             "choose another --port, or --port 0 for a free one") from None
        url = f"http://{'[' + host + ']' if ':' in host else host}:{server.server_address[1]}/"
        threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
        # Ctrl-C (and SIGTERM) set `stop`: the watcher ends, then the server, then the builds are removed.
        # Caught from before the address is printed: whoever reads it may stop the preview at once.
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            print(f"Preview of {source} at {url} (first build {time.perf_counter() - started:.1f} s); "
                  "rebuilt on every save; Ctrl-C stops", flush=True)
            if preview.errors:
                print("\n".join(preview.errors), file=sys.stderr, flush=True)
            if open_browser and has_display():
                import webbrowser

                webbrowser.open(url)
            while watcher.is_alive():
                watcher.join(0.5)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        server.shutdown()
        server.server_close()
        if not stop.is_set() and not watcher.is_alive():  # the watcher failed (its error is printed above)
            print(f"publish preview: {source}: cannot watch its folder any more; the preview stopped",
                  file=sys.stderr, flush=True)
            return 1
        print("Preview stopped.", flush=True)
        return 0
    finally:
        stop.set()
        preview.stop()
