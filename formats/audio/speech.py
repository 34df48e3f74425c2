"""Speaking the script: each utterance synthesised alone, joined with its pauses into segments.

A segment is a run of one chapter's utterances, about a minute at most (one
utterance more at worst): the unit that is mastered and encoded once (segments.py). Keeping it
short bounds memory whatever the article's length, and lets an edit touch
only the segment it falls in.

Because each utterance is synthesised alone, its number of samples gives its
exact place in its segment; no alignment is guessed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import zlib

import numpy as np

from ...source.errors import EngineUnavailable
from .cache import SpeechCache, synthesize_cached
from .engines import Engine, EngineError
from .script import Script

# Speech engines pad each sentence with silence of their own; we keep this much
# of it, so that the pauses we add are the pauses the listener hears.
KEEP_LEAD_MS, KEEP_TAIL_MS = 20, 60
SILENCE_THRESHOLD = 0.01  # of full scale: about -40 dBFS
TAIL_MS = 600  # silence after the last word, so players do not cut it

# Engines need memory in proportion to what they are given at once: Piper
# about 21 MB per second of the speech it makes (measured here: 470 MB for a
# 15-second table row; it asked ~19 GB for one 1,200-word sentence). Longer
# utterances are said in pieces cut at a semicolon, else a comma, else a colon
# (else a space), so a worker stays well under 600 MB: at most about 11
# seconds of speech. Length is counted in characters, each digit as three ("140" is
# "one hundred forty"): numbers take far longer to say than to write.
# Plain-language sentences are rarely longer than 160 (25 words); table rows
# full of numbers are, and are cut between their cells.
MAX_PIECE_CHARS = 160
DIGIT_WEIGHT = 3
PIECE_GAP_MS = 120

# A chapter longer than this is cut (between utterances) into several segments.
# Where is decided by the utterances themselves (a hash of the text, once a
# segment is MIN_SEGMENT_SECONDS long), not by a running length alone: an edit
# then moves no cut after the next one, and only its own segment or two are
# mastered again.
SEGMENT_SECONDS = 60
MIN_SEGMENT_SECONDS = 20
CUT_ONE_IN = 4


@dataclass(frozen=True)
class Segment:
    chapter: int  # index into script.chapters
    samples: np.ndarray  # int16 mono, engine level (not yet mastered)
    spans: tuple[tuple[int, int], ...]  # (start, end) sample of each of its utterances, within the segment
    first: int  # index of its first utterance in script.utterances


@dataclass
class Spoken:
    """The segments, made one at a time as they are taken (so only one is in memory), and
    the counts so far."""

    sample_rate: int
    synthesized: int = 0  # pieces the engine spoke this time
    reused: int = 0  # pieces taken from the cache
    segments: Iterator[Segment] = field(default_factory=lambda: iter(()))


def spoken_length(text: str) -> int:
    return len(text) + (DIGIT_WEIGHT - 1) * sum(character.isdigit() for character in text)


def speakable_pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    pieces = []
    while spoken_length(text) > limit:
        fit = _fitting(text, limit)
        window = text[: fit + 1]
        # Between table cells or clauses first, then at a comma; a colon only when nothing else
        # will do (it joins a cell's name to its value).
        marks = (window.rfind(mark) for mark in ("; ", ", ", ": "))
        cut = next((mark + 1 for mark in marks if mark > fit // 3), window.rfind(" "))
        if cut <= 0:
            cut = max(1, fit)  # one enormous word: cut it anyway
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return pieces + ([text] if text else [])


def _fitting(text: str, limit: int) -> int:
    """How many characters of `text` fit in a spoken length of `limit`."""
    total = 0
    for index, character in enumerate(text):
        total += DIGIT_WEIGHT if character.isdigit() else 1
        if total > limit:
            return index
    return len(text)


def pieces_of(script: Script) -> list[str]:
    """Every text the engine is given for this script, in order (what the speech cache holds)."""
    return [piece for utterance in script.utterances for piece in speakable_pieces(utterance.spoken)]


def _cut_before(text: str, seconds: float) -> bool:
    """Whether a segment already `seconds` long ends before the utterance `text`."""
    if seconds >= SEGMENT_SECONDS:
        return True
    return seconds >= MIN_SEGMENT_SECONDS and zlib.crc32(text.encode()) % CUT_ONE_IN == 0


def _trim(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Cut the engine's own leading and trailing silence, keeping a little air."""
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD * 32768)
    if len(loud) == 0:
        return samples[:0]
    start = max(0, loud[0] - sample_rate * KEEP_LEAD_MS // 1000)
    end = min(len(samples), loud[-1] + 1 + sample_rate * KEEP_TAIL_MS // 1000)
    return samples[start:end]


def _say(engine: Engine, text: str, rate: float, cache: SpeechCache | None) -> tuple[np.ndarray, int, int]:
    """Speech for one utterance (trimmed), with how many pieces were synthesised and reused."""
    parts, synthesized, reused = [], 0, 0
    gap = np.zeros(round(engine.sample_rate * PIECE_GAP_MS / 1000 / rate), dtype=np.int16)
    for piece in speakable_pieces(text):
        try:
            pcm, hit = synthesize_cached(engine, piece, rate, cache)
        except EngineError as error:
            raise EngineUnavailable(str(error)) from error
        reused += hit
        synthesized += not hit
        parts += [_trim(np.asarray(pcm, dtype=np.int16), engine.sample_rate), gap]
    speech = np.concatenate(parts[:-1]) if parts else np.zeros(0, dtype=np.int16)
    return speech, synthesized, reused


def speak(script: Script, engine: Engine, cache: SpeechCache | None, rate: float = 1.0) -> Spoken:
    """Synthesise every utterance and join them, with their pauses, into segments (as they are taken)."""
    spoken = Spoken(engine.sample_rate)
    spoken.segments = _segments(script, engine, cache, rate, spoken)
    return spoken


def _segments(script: Script, engine: Engine, cache: SpeechCache | None, rate: float, spoken: Spoken
              ) -> Iterator[Segment]:  # fmt: skip
    sample_rate = engine.sample_rate
    chapter_ids = [chapter.id for chapter in script.chapters]
    pieces: list[np.ndarray] = []
    spans: list[tuple[int, int]] = []
    chapter = first = cursor = 0
    for index, utterance in enumerate(script.utterances):
        starts_chapter = chapter + 1 < len(chapter_ids) and utterance.section_id == chapter_ids[chapter + 1]
        if spans and (starts_chapter or _cut_before(utterance.spoken, cursor / sample_rate)):
            yield Segment(chapter, np.concatenate(pieces), tuple(spans), first)
            pieces, spans, cursor, first = [], [], 0, index
        chapter += starts_chapter
        speech, made, kept = _say(engine, utterance.spoken, rate, cache)
        spoken.synthesized += made
        spoken.reused += kept
        pause = np.zeros(round(sample_rate * utterance.pause_after_ms / 1000 / rate), dtype=np.int16)
        spans.append((cursor, cursor + len(speech)))
        pieces += [speech, pause]
        cursor += len(speech) + len(pause)
    if spans:
        pieces.append(np.zeros(sample_rate * TAIL_MS // 1000, dtype=np.int16))
        yield Segment(chapter, np.concatenate(pieces), tuple(spans), first)
