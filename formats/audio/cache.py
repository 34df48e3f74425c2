"""Speech cache: synthesise each distinct sentence once, master and encode each segment once.

A sentence entry is the int16 PCM of one sentence, stored as a .npy file whose
name is a hash of everything that changes the sound: engine, voice, the
versions of the engine and the voice model, rate, sample rate, the exact text,
and CACHE_FORMAT (bump it when the stored layout changes). A segment entry (``mp3/``) is the finished MP3 of a run of
sentences, named by a hash of its unmastered samples and the mastering
settings (segments.py makes the key).

Where it lives, first match wins: the `root` argument, $OPENLEAF_CACHE_DIR,
$XDG_CACHE_HOME/openleaf/speech, ~/.cache/openleaf/speech.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from .engines import Engine

CACHE_FORMAT = 1


def default_cache_dir() -> Path:
    if os.environ.get("OPENLEAF_CACHE_DIR"):
        return Path(os.environ["OPENLEAF_CACHE_DIR"])
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "openleaf" / "speech"


def cache_key(engine: Engine, text: str, rate: float) -> str:
    # What the voice is given, below the spoken text: a change in how the sounds tables are applied (not only in the
    # tables) must not reuse speech made the old way.
    given = engine.with_sounds(text) if hasattr(engine, "with_sounds") else text
    described = [CACHE_FORMAT, engine.name, engine.voice, getattr(engine, "version", ""), f"{rate:.4f}",
                 engine.sample_rate, given]
    return hashlib.sha256(json.dumps(described, ensure_ascii=False).encode("utf-8")).hexdigest()


class SpeechCache:
    """Sentence audio on disk. `hits` and `misses` count the lookups made through this object.

    Each entry's modification time is its last use (a hit touches it), so ``prune`` can drop
    what no build has needed for a while.
    """

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_cache_dir()
        self.hits = 0
        self.misses = 0

    def path(self, engine: Engine, text: str, rate: float) -> Path:
        key = cache_key(engine, text, rate)
        return self.root / key[:2] / f"{key}.npy"

    def get(self, engine: Engine, text: str, rate: float) -> np.ndarray | None:
        try:
            samples = np.load(self.path(engine, text, rate), allow_pickle=False)
        except (OSError, ValueError, EOFError):
            # Missing, or damaged by something outside our atomic writes: synthesise again.
            samples = None
        if samples is None or samples.dtype != np.int16 or samples.ndim != 1:
            self.misses += 1
            return None
        self.hits += 1
        _used(self.path(engine, text, rate))
        return samples

    def put(self, engine: Engine, text: str, rate: float, samples: np.ndarray) -> None:
        _store(self.path(engine, text, rate), lambda stream: np.save(stream, np.asarray(samples, dtype=np.int16),
                                                                    allow_pickle=False))

    def segment_path(self, key: str) -> Path:
        return self.root / "mp3" / key[:2] / f"{key}.mp3"

    def get_segment(self, key: str) -> bytes | None:
        try:
            data = self.segment_path(key).read_bytes() or None
        except OSError:
            return None
        _used(self.segment_path(key))
        return data

    def put_segment(self, key: str, mp3: bytes) -> None:
        _store(self.segment_path(key), lambda stream: stream.write(mp3))


    def entries(self) -> list[Path]:
        return [p for p in self.root.rglob("*") if p.suffix in (".npy", ".mp3") and p.is_file()]

    def usage(self) -> tuple[int, int]:
        """How many entries, and how many bytes they take."""
        files = self.entries()
        return len(files), sum(p.stat().st_size for p in files)

    def prune(self, older_than_days: float | None = None) -> tuple[int, int]:
        """Delete every entry (or those no build used for ``older_than_days``); (entries, bytes) freed."""
        import time

        cutoff = None if older_than_days is None else time.time() - older_than_days * 86400
        count = size = 0
        for path in self.entries():
            stat = path.stat()
            if cutoff is None or stat.st_mtime < cutoff:
                path.unlink(missing_ok=True)
                count, size = count + 1, size + stat.st_size
        return count, size


def _used(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:  # a read-only shared cache still serves; it just cannot be pruned by use
        pass


def _store(target: Path, write) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # A private temporary name, then an atomic rename: two processes writing
    # the same entry at once each rename a complete file, and readers never
    # see half of one.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def synthesize_cached(
    engine: Engine, text: str, rate: float | None = None, cache: SpeechCache | None = None
) -> tuple[np.ndarray, bool]:
    """The sentence's audio and whether it came from the cache.

    `rate` defaults to the rate the engine was made with (get_engine sets it);
    with no cache every call synthesises.
    """
    engine_rate = getattr(engine, "rate", None)
    if rate is None:
        rate = 1.0 if engine_rate is None else engine_rate
    elif engine_rate is not None and abs(engine_rate - rate) > 1e-9:
        raise ValueError(f"engine speaks at rate {engine_rate}, asked to cache it as rate {rate}")
    if cache is not None:
        samples = cache.get(engine, text, rate)
        if samples is not None:
            return samples, True
    samples = engine.synthesize(text)
    if cache is not None:
        cache.put(engine, text, rate, samples)
    return samples, False
