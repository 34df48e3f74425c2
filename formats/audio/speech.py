"""Speaking the script: each utterance synthesised alone, joined with its pauses into segments.

A segment is a run of one chapter's utterances, about a minute at most: the unit that is mastered and encoded once (segments.py). Keeping it
short bounds memory whatever the article's length, and lets an edit touch
only the segment it falls in.

Because each utterance is synthesised alone, its number of samples gives its
exact place in its segment; no alignment is guessed afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

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
# utterances are said in pieces cut at a semicolon, colon or comma (else at a
# space), so a worker stays under 600 MB: at most about 13 seconds of speech.
# Plain-language sentences are rarely longer than 160 characters (25 words);
# table rows are, and are cut between their cells.
MAX_PIECE_CHARS = 160
PIECE_GAP_MS = 120

# A chapter longer than this is cut (between utterances) into several segments.
SEGMENT_SECONDS = 60


@dataclass(frozen=True)
class Segment:
    chapter: int  # index into script.chapters
    samples: np.ndarray  # int16 mono, engine level (not yet mastered)
    spans: tuple[tuple[int, int], ...]  # (start, end) sample of each of its utterances, within the segment
    first: int  # index of its first utterance in script.utterances


@dataclass(frozen=True)
class Spoken:
    segments: tuple[Segment, ...]
    sample_rate: int
    synthesized: int  # pieces the engine spoke this time
    reused: int  # pieces taken from the cache


def speakable_pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    pieces = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = max(window.rfind(", "), window.rfind("; "), window.rfind(": "))
        cut = cut + 1 if cut > limit // 3 else window.rfind(" ")
        if cut <= 0:
            cut = limit  # one enormous word: cut it anyway
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return pieces + ([text] if text else [])


def pieces_of(script: Script) -> list[str]:
    """Every text the engine is given for this script, in order (what the speech cache holds)."""
    return [piece for utterance in script.utterances for piece in speakable_pieces(utterance.spoken)]


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
    """Synthesise every utterance and join them, with their pauses, into segments."""
    sample_rate = engine.sample_rate
    chapter_ids = [chapter.id for chapter in script.chapters]
    segments: list[Segment] = []
    pieces: list[np.ndarray] = []
    spans: list[tuple[int, int]] = []
    chapter = first = cursor = synthesized = reused = 0

    def close() -> None:
        nonlocal pieces, spans, cursor
        if spans:
            segments.append(Segment(chapter, np.concatenate(pieces), tuple(spans), first))
        pieces, spans, cursor = [], [], 0

    for index, utterance in enumerate(script.utterances):
        starts_chapter = chapter + 1 < len(chapter_ids) and utterance.section_id == chapter_ids[chapter + 1]
        if starts_chapter or cursor >= SEGMENT_SECONDS * sample_rate:
            close()
            chapter += starts_chapter
            first = index
        speech, made, kept = _say(engine, utterance.spoken, rate, cache)
        synthesized += made
        reused += kept
        pause = np.zeros(round(sample_rate * utterance.pause_after_ms / 1000 / rate), dtype=np.int16)
        spans.append((cursor, cursor + len(speech)))
        pieces += [speech, pause]
        cursor += len(speech) + len(pause)
    pieces.append(np.zeros(sample_rate * TAIL_MS // 1000, dtype=np.int16))
    close()
    return Spoken(tuple(segments), sample_rate, synthesized, reused)
