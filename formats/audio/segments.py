"""Mastering and encoding: each segment brought to -16 LUFS / -1 dBTP and encoded to MP3 once.

The article's MP3 is its segments' MP3s one after another. MP3 frames from
separate encodings play back to back (LAME starts each encoding without
borrowing bits from before it), and segments meet in the pauses between
utterances, so every join falls in silence. A segment is therefore encoded
once, serves both the whole-article file and its chapter's file, and comes
from the cache when its sound has not changed: after an edit, only the
segment holding the edit is mastered and encoded again.

Loudness is matched per segment (a minute at most), so every
stretch of the article sits at the target, and the whole measures the same.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from .cache import SpeechCache
from .loudness import CEILING_DBTP, TARGET_LUFS
from .mp3 import decoded_length, encode

# Peaks are limited this far below the ceiling before encoding, because MP3
# encoding moves peaks a little; the encoded segment is measured afterwards.
PRE_ENCODE_MARGIN_DB = 1.0
# Encoding takes a little energy away (its low-pass): 0.4 to 0.6 LU for Piper
# and espeak-ng speech at 64 kbit/s, measured here; segments are mastered that
# much louder. One is encoded again with the level corrected only when the file
# still misses the target by more than the tolerance, a fraction of the ±1 LU
# that loudness recommendations allow.
ENCODING_LOSS_LU = 0.45
LOUDNESS_TOLERANCE_LU = 0.5
# Bump when mastering or encoding changes what a segment sounds like: cached segments then go unused.
MASTERING_VERSION = 1


@functools.cache
def _mastering_code() -> str:
    """What decides how a segment sounds besides its samples: this code, the loudness code, the
    encoder's settings and version. Any change to them makes every cached segment unused."""
    digest = hashlib.sha256()
    for name in ("segments.py", "loudness.py", "mp3.py"):
        digest.update((Path(__file__).with_name(name)).read_bytes())
    try:
        digest.update(version("lameenc").encode())
    except PackageNotFoundError:
        pass
    return digest.hexdigest()


def segment_key(samples: np.ndarray, sample_rate: int) -> str:
    settings = [MASTERING_VERSION, sample_rate, _mastering_code()]
    digest = hashlib.sha256(json.dumps(settings).encode())
    digest.update(np.ascontiguousarray(samples, dtype=np.int16).tobytes())
    return digest.hexdigest()


def finished_mp3(samples: np.ndarray, sample_rate: int, cache: SpeechCache | None) -> tuple[bytes, bool]:
    """The segment (int16, engine level) mastered and encoded, and whether it came from the cache."""
    key = segment_key(samples, sample_rate)
    if cache is not None and (cached := cache.get_segment(key)):
        try:
            decoded_length(cached, sample_rate)
            return cached, True
        except ValueError:
            pass  # damaged by something outside our atomic writes: made again below
    from .loudness import master

    mastered = master(samples.astype(np.float64) / 32768, sample_rate, target_lufs=TARGET_LUFS + ENCODING_LOSS_LU,
                      ceiling_dbtp=CEILING_DBTP - PRE_ENCODE_MARGIN_DB)
    mp3, measured = encode_measured(to_pcm16(mastered), sample_rate)
    if cache is not None and measured:  # a segment nobody could measure is not handed to other builds
        cache.put_segment(key, mp3)
    return mp3, False


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    return np.clip(np.round(samples * 32767), -32768, 32767).astype(np.int16)


def encode_measured(pcm: np.ndarray, sample_rate: int) -> tuple[bytes, bool]:
    """Encode, decode, measure, and encode again with a corrected gain if MP3 moved the level.

    The encoder's low-pass takes a little energy away and moves peaks a
    little; the file is what the listener hears, so the file is measured.
    Returns the MP3 and whether it could be measured.
    """
    from .loudness import integrated_loudness, true_peak_db

    mp3 = encode(pcm, sample_rate)
    decoded = _decode(mp3)
    if decoded is None:
        return mp3, False  # no decoder here: the margins before encoding have to do
    loudness = integrated_loudness(decoded, sample_rate)
    correction = TARGET_LUFS - loudness if np.isfinite(loudness) else 0.0
    headroom = CEILING_DBTP - true_peak_db(decoded)
    if abs(correction) <= LOUDNESS_TOLERANCE_LU and headroom >= 0:
        return mp3, True
    correction = min(correction, headroom - 0.3)
    return encode(to_pcm16(pcm / 32768 * 10 ** (correction / 20)), sample_rate), True


def _decode(mp3: bytes) -> np.ndarray | None:
    try:
        import soundfile
    except ImportError:
        return None
    try:
        samples, _ = soundfile.read(io.BytesIO(mp3), dtype="float64", always_2d=False)
    except Exception:  # an old libsndfile without MP3 support
        return None
    return samples
