"""The audio edition: the article read aloud, with chapters, captions and a timeline.

``write()`` turns the article into a speech script (script.py), rewrites each
utterance into words an engine says well (normalize.py), synthesises every
utterance on its own through the sentence cache (engines.py, cache.py), joins
them with pauses, brings the whole to -16 LUFS (loudness.py) and writes, in
``out_dir/audio/``:

- ``<slug>.mp3``: the whole article, ID3v2.4 tags and one chapter per section
  (plus the opening, the references and the disclaimer);
- ``NN-<chapter>.mp3``: one file per chapter, and ``<slug>.m3u8`` listing them;
- ``<slug>.timeline.json`` and ``<slug>.vtt``: when each utterance is heard.

Because each utterance is synthesised alone, its number of samples gives its
exact start and end in the result; no alignment is guessed afterwards.
"""

from __future__ import annotations

import logging
import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...source.errors import EngineUnavailable, ThemeError
from ...source.model import Article
from ..files import write_text
from ..options import Options
from .cache import SpeechCache, synthesize_cached
from .engines import Engine, EngineError, espeak_voice_for, get_engine, piper_has_voice
from .mp3 import ENCODER_DELAY_SAMPLES, ChapterMark, Tags, encode, write_mp3
from .script import Pauses, Script, build_script
from .timeline import Timeline, TimelineEntry

log = logging.getLogger("openleaf")

# loudness.py needs scipy, which takes seconds to import: it is imported only
# when audio is really made, not by every build that lists this writer.
#
# Peaks are limited this far below the ceiling before encoding, because MP3
# encoding moves peaks a little; the encoded file is measured afterwards.
PRE_ENCODE_MARGIN_DB = 1.0
# Speech engines pad each sentence with silence of their own; we keep this much
# of it, so that the pauses we add are the pauses the listener hears.
KEEP_LEAD_MS, KEEP_TAIL_MS = 20, 60
SILENCE_THRESHOLD = 0.01  # of full scale: about -40 dBFS
TAIL_MS = 600  # silence after the last word, so players do not cut it


class AudioFiles(list):
    """The paths written (a list, as every writer returns), plus what the build found out."""

    timeline: Timeline
    script: Script
    engine: str = ""
    voice: str = ""
    synthesized: int = 0  # utterances the engine spoke this time
    reused: int = 0  # utterances taken from the cache


def choose_engine(lang: str, voice_option: str, rate: float) -> Engine:
    """The engine for `--voice` ("piper", "espeak", "gtts", or "engine:voice") speaking `lang`.

    Piper speaks only the languages it has voices for here; for any other
    language the default falls back to espeak-ng, with a notice.
    """
    name, _, voice = (voice_option or "piper").partition(":")
    name, voice = name.strip().lower() or "piper", voice.strip() or None
    if name == "piper" and voice is None and not piper_has_voice(lang):
        try:
            fallback = espeak_voice_for(lang)
        except EngineError as error:
            raise EngineUnavailable(str(error)) from error
        log.warning("Piper has no voice for %s here; speaking with espeak-ng (voice %s) instead.", lang, fallback)
        name = "espeak"
    try:
        return get_engine(name, lang, voice=voice, rate=rate)
    except EngineError as error:
        raise EngineUnavailable(str(error)) from error


@dataclass(frozen=True)
class Rendering:
    samples: np.ndarray  # float64, mono, [-1, 1]
    sample_rate: int
    spans: tuple[tuple[int, int], ...]  # (start, end) sample of each utterance of the script
    synthesized: int
    reused: int


def _trim(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Cut the engine's own leading and trailing silence, keeping a little air."""
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD * 32768)
    if len(loud) == 0:
        return samples[:0]
    start = max(0, loud[0] - sample_rate * KEEP_LEAD_MS // 1000)
    end = min(len(samples), loud[-1] + 1 + sample_rate * KEEP_TAIL_MS // 1000)
    return samples[start:end]


# Engines need memory in proportion to the square of what they are given at
# once (Piper asked ~19 GB for one 1,200-word sentence); longer utterances are
# said in pieces cut at a comma, else at a space.
MAX_PIECE_CHARS = 400
PIECE_GAP_MS = 120


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


def _speak(engine: Engine, text: str, rate: float, cache: SpeechCache | None) -> tuple[np.ndarray, int, int]:
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


def render(script: Script, engine: Engine, cache: SpeechCache | None, rate: float = 1.0) -> Rendering:
    """Synthesise every utterance and join them with their pauses."""
    sample_rate = engine.sample_rate
    pieces: list[np.ndarray] = []
    spans: list[tuple[int, int]] = []
    cursor = synthesized = reused = 0
    for utterance in script.utterances:
        speech, made, kept = _speak(engine, utterance.spoken, rate, cache)
        synthesized += made
        reused += kept
        pause = np.zeros(round(sample_rate * utterance.pause_after_ms / 1000 / rate), dtype=np.int16)
        spans.append((cursor, cursor + len(speech)))
        pieces += [speech, pause]
        cursor += len(speech) + len(pause)
    pieces.append(np.zeros(sample_rate * TAIL_MS // 1000, dtype=np.int16))
    samples = np.concatenate(pieces).astype(np.float64) / 32768 if pieces else np.zeros(0)
    return Rendering(samples, sample_rate, tuple(spans), synthesized, reused)


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    return np.clip(np.round(samples * 32767), -32768, 32767).astype(np.int16)


def encode_measured(pcm: np.ndarray, sample_rate: int, *, match_loudness: bool) -> tuple[bytes, np.ndarray]:
    """Encode, decode, measure, and encode again with a corrected gain if MP3 moved the level.

    The encoder's low-pass takes a little energy away and moves peaks a
    little; the file is what the listener hears, so the file is measured.
    Returns the MP3 and the PCM it was encoded from.
    """
    from .loudness import CEILING_DBTP, TARGET_LUFS, integrated_loudness, true_peak_db

    mp3 = encode(pcm, sample_rate)
    decoded = _decode(mp3)
    if decoded is None:
        return mp3, pcm  # no decoder here: the margins before encoding have to do
    correction = 0.0
    if match_loudness:
        loudness = integrated_loudness(decoded, sample_rate)
        if np.isfinite(loudness):
            correction = TARGET_LUFS - loudness
    peak = true_peak_db(decoded)
    correction = min(correction, CEILING_DBTP - 0.3 - peak)
    if abs(correction) < 0.1:
        return mp3, pcm
    pcm = to_pcm16(pcm / 32768 * 10 ** (correction / 20))
    return encode(pcm, sample_rate), pcm


def _decode(mp3: bytes) -> np.ndarray | None:
    try:
        import io

        import soundfile
    except ImportError:
        return None
    try:
        samples, _ = soundfile.read(io.BytesIO(mp3), dtype="float64", always_2d=False)
    except Exception:  # an old libsndfile without MP3 support
        return None
    return samples


def slugify(text: str, fallback: str = "section") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def _theme_settings(theme) -> tuple[Pauses, dict[str, str], bytes | None]:
    """Pauses (``[audio.pauses]`` in theme.toml), extra pronunciations
    (``audio/pronounce.toml``) and cover art (``audio/cover.png``) from the theme."""
    if theme is None:
        return Pauses(), {}, None
    audio_settings = theme.settings.get("audio", {}) if hasattr(theme, "settings") else {}
    pauses = Pauses.from_settings(audio_settings.get("pauses") if isinstance(audio_settings, dict) else None)
    terms: dict[str, str] = {}
    cover = None
    try:
        table = tomllib.loads(theme.find("audio/pronounce.toml").read_text(encoding="utf-8"))
        terms = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    except ThemeError:
        pass
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"theme '{theme.name}': audio/pronounce.toml: {error}") from error
    try:
        cover = theme.find("audio/cover.png").read_bytes()
    except ThemeError:
        pass
    return pauses, terms, cover


def _ms(sample: int, sample_rate: int) -> int:
    return round((sample + ENCODER_DELAY_SAMPLES) * 1000 / sample_rate)


def _chapter_spans(script: Script, rendering: Rendering, length: int) -> list[tuple[int, int]]:
    """(first, end) sample of each chapter: from its first utterance to the next chapter's first."""
    first_sample: dict[str, int] = {}
    for utterance, (start, _) in zip(script.utterances, rendering.spans):
        first_sample.setdefault(utterance.section_id, start)
    starts = [first_sample[chapter.id] for chapter in script.chapters]
    return list(zip(starts, starts[1:] + [length]))


def write(article: Article, theme, out_dir: Path, *, options: Options | None = None, timeline=None) -> AudioFiles:
    """Write the audio edition of `article` into ``out_dir/audio/``; the result carries the timeline.

    (`timeline` is part of every writer's signature; the audio writer is the one that makes it.)
    """
    options = options or Options()
    pauses, terms, cover = _theme_settings(theme)
    script = build_script(article, pauses=pauses, terms=terms)
    engine = choose_engine(article.lang, options.voice, options.rate)
    log.info("audio: speaking %d utterances with %s (%s)", len(script.utterances), engine.name, engine.voice)
    rendering = render(script, engine, SpeechCache(options.cache_dir), options.rate)
    log.info("audio: %d synthesised, %d from the cache", rendering.synthesized, rendering.reused)

    from .loudness import CEILING_DBTP, master

    rate = rendering.sample_rate
    pcm = to_pcm16(master(rendering.samples, rate, ceiling_dbtp=CEILING_DBTP - PRE_ENCODE_MARGIN_DB))
    main_mp3, pcm = encode_measured(pcm, rate, match_loudness=True)
    spans = _chapter_spans(script, rendering, len(pcm))
    marks = [ChapterMark(c.title, _ms(start, rate), _ms(end, rate)) for c, (start, end) in zip(script.chapters, spans)]
    folder = out_dir / "audio"
    folder.mkdir(parents=True, exist_ok=True)
    artists = tuple(a.name for a in article.authors) or ((article.publisher,) if article.publisher else ())
    dated = article.reviewed or article.date
    year = str(dated.year) if dated else ""
    main = folder / f"{article.slug}.mp3"
    written = AudioFiles()
    album = article.publisher or "Openleaf"
    written.append(write_mp3(main, main_mp3, Tags(article.title, artists, album, article.lang, year, "", cover), marks))

    # One file per chapter; the first also carries the silence before the first word.
    playlist = ["#EXTM3U", f"#PLAYLIST:{article.title}"]
    spans[0] = (0, spans[0][1])
    for number, (chapter, (start, end)) in enumerate(zip(script.chapters, spans), start=1):
        part = folder / f"{number:02d}-{slugify(chapter.title)}.mp3"
        part_mp3, _ = encode_measured(pcm[start:end], rate, match_loudness=False)
        track = f"{number}/{len(spans)}"
        written.append(write_mp3(part, part_mp3, Tags(chapter.title, artists, article.title, article.lang, year,
                                                      track, cover)))
        playlist += [f"#EXTINF:{math.ceil((end - start) / rate)},{chapter.title}", part.name]
    for stale in folder.glob("[0-9][0-9]-*.mp3"):
        if stale not in written:  # a chapter of an earlier build that no longer exists
            stale.unlink()

    entries = tuple(
        TimelineEntry(u.id, u.section_id, _ms(start, rate), _ms(end, rate), u.text, u.spoken)
        for u, (start, end) in zip(script.utterances, rendering.spans)
    )
    result = Timeline(entries, main, _ms(len(pcm), rate))
    written.append(write_text(folder / f"{article.slug}.m3u8", "\n".join(playlist) + "\n"))
    written.append(write_text(folder / f"{article.slug}.timeline.json", result.to_json()))
    written.append(write_text(folder / f"{article.slug}.vtt", result.to_vtt()))

    written.timeline = result
    written.script = script
    written.engine, written.voice = engine.name, engine.voice
    written.synthesized, written.reused = rendering.synthesized, rendering.reused
    return written
