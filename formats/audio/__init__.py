"""The audio edition: the article read aloud, with chapters, captions and a timeline.

``write()`` turns the article into a speech script (script.py), rewrites each
utterance into words an engine says well (normalize.py), synthesises every
utterance on its own through the speech cache (engines.py, cache.py), joins
them with pauses into segments of a chapter each, or a minute at most
(speech.py), brings each segment to -16 LUFS and encodes it once
(segments.py, loudness.py), and writes, in ``out_dir/audio/``:

- ``<slug>.mp3``: the whole article, ID3v2.4 tags and one chapter per section
  (plus the opening, the references and the disclaimer);
- ``NN-<chapter>.mp3``: one file per chapter, and ``<slug>.m3u8`` listing them;
- ``<slug>.timeline.json`` and ``<slug>.vtt``: when each utterance is heard.

Because each utterance is synthesised alone, its number of samples gives its
exact start and end in its segment, and the MP3 frames of the segments before
it give where that segment is heard; no alignment is guessed afterwards.
"""

from __future__ import annotations

import logging
import math
import tomllib
from pathlib import Path
from typing import Mapping

from ...source import settings
from ...source.errors import EngineUnavailable, ThemeError
from ...source.model import Article
from ..edition import edition_facts
from ..files import file_stem, write_text
from ..options import Options
from ..registry import DEFAULT_ENGINE
from .cache import SpeechCache
from .engines import Engine, EngineError, espeak_voice_for, get_engine, piper_has_voice
from .mp3 import ENCODER_DELAY_SAMPLES, ChapterMark, Tags, decoded_length, write_mp3
from .script import Pauses, Script, build_script
from .segments import finished_mp3
from .speech import pieces_of, speak, speakable_pieces  # noqa: F401 - speakable_pieces is part of the API
from .timeline import ChapterFile, Timeline, TimelineEntry, chapters_json

log = logging.getLogger("openleaf")


class AudioFiles(list):
    """The paths written (a list, as every writer returns), plus what the build found out."""

    timeline: Timeline
    script: Script
    engine: str = ""
    voice: str = ""
    synthesized: int = 0  # pieces the engine spoke this time
    reused: int = 0  # pieces taken from the cache
    mastered: int = 0  # segments mastered and encoded this time
    segments: int = 0  # segments in all


def choose_engine(lang: str, voice_option: str, rate: float) -> Engine:
    """The engine for `--voice` ("piper", "espeak", "gtts", or "engine:voice") speaking `lang`.

    Piper speaks only the languages it has voices for here; for any other
    language the default falls back to espeak-ng, with a notice.
    """
    name, _, voice = (voice_option or DEFAULT_ENGINE).partition(":")
    name, voice = name.strip().lower() or DEFAULT_ENGINE, voice.strip() or None
    if name == "piper" and voice is None and not piper_has_voice(lang):
        try:
            fallback = espeak_voice_for(lang)
        except EngineError as error:
            raise EngineUnavailable(str(error)) from error
        log.warning("Piper has no voice for %s here; speaking with espeak-ng (voice %s) instead.", lang, fallback)
        name = "espeak"
    try:
        engine = get_engine(name, lang, voice=voice, rate=rate)
    except EngineError as error:
        raise EngineUnavailable(str(error)) from error
    if voice is not None:
        warn_if_other_language(engine, lang)
    return engine


def warn_if_other_language(engine: Engine, lang: str) -> bool:
    """Warn when the voice chosen speaks another language than the article's: it would read
    the text with its own pronunciation. Suggest a voice for the article's language."""
    primary = _primary_language(lang)
    spoken = [language for language in engine.languages if _primary_language(language)]
    if not spoken or any(_primary_language(language) == primary for language in spoken):
        return False
    if piper_has_voice(lang):
        suggestion = "piper"
    else:
        try:
            suggestion = f"espeak:{espeak_voice_for(lang)}"
        except EngineError:
            suggestion = "espeak"
    voice_language, article_language = _language_name(spoken[0]), _language_name(lang)
    log.warning("the voice %s:%s speaks %s (%s), but the article is in %s (%s): it would read the %s text "
                "with %s pronunciation; for %s use --voice %s", engine.name, engine.voice, voice_language,
                spoken[0], article_language, lang, article_language, voice_language, article_language, suggestion)
    return True


def _primary_language(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _language_name(tag: str) -> str:
    """ "fr-fr" -> "French": the English name in CSL's list of locales, else the tag."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    names = LANGUAGE_NAMES.get(PRIMARY_DIALECTS.get(_primary_language(tag), "")) or []
    return names[1].split(" (")[0] if len(names) > 1 else tag


def speech_plan(article: Article, theme, options: Options) -> tuple[Engine, list[str]]:
    """The engine write() will use and every text it will give that engine, in order.

    Batch runs speak these ahead, spread over their workers, into the cache
    write() reads from.
    """
    pauses, terms, _cover = _theme_settings(theme)
    script = build_script(article, pauses=pauses, terms=terms)
    return choose_engine(article.lang, options.voice, options.rate), pieces_of(script)


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


def write(article: Article, theme, out_dir: Path, *, options: Options | None = None,
          consumed: Mapping[str, list[Path]] | None = None) -> AudioFiles:
    """Write the audio edition of `article` into ``out_dir/audio/``; the result carries the timeline.

    (`consumed` is part of every writer's signature; the audio consumes no other output.)
    """
    options = options or Options()
    article = settings.as_publisher(article, options.config)  # the organisation's name in the ID3 tags
    pauses, terms, cover = _theme_settings(theme)
    script = build_script(article, pauses=pauses, terms=terms)
    engine = choose_engine(article.lang, options.voice, options.rate)
    log.info("audio: speaking %d utterances with %s (%s)", len(script.utterances), engine.name, engine.voice)
    cache = SpeechCache(options.cache_dir)
    spoken = speak(script, engine, cache, options.rate)
    rate = spoken.sample_rate

    # Each segment mastered and encoded (or taken from the cache) as soon as it
    # is spoken, so only one is held as samples; the whole file is the segments
    # in order, each heard after all those before it.
    mp3s: list[bytes] = []
    offsets: list[int] = []  # where each segment's first sample is decoded in the whole file
    placed: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []  # chapter, first utterance, spans
    offset = mastered = 0
    for segment in spoken.segments:
        mp3, cached = finished_mp3(segment.samples, rate, cache)
        mastered += not cached
        mp3s.append(mp3)
        offsets.append(offset + ENCODER_DELAY_SAMPLES)
        placed.append((segment.chapter, segment.first, segment.spans))
        offset += decoded_length(mp3, rate)
    log.info("audio: %d pieces synthesised, %d from the cache; %d of %d segments mastered",
             spoken.synthesized, spoken.reused, mastered, len(mp3s))

    def ms(sample: int) -> int:
        return round(sample * 1000 / rate)

    entries = []
    for (_, first, spans), start in zip(placed, offsets):
        utterances = script.utterances[first : first + len(spans)]
        entries += [TimelineEntry(u.id, u.section_id, ms(start + begin), ms(start + end), u.text, u.spoken)
                    for u, (begin, end) in zip(utterances, spans)]

    # Chapters: from the first utterance of one to the first of the next; the
    # first from the start of the file. (Each chapter's file begins with its
    # encoder's priming silence, which the whole file hears at the end of the
    # chapter before.)
    firsts = [next(i for i, (chapter, _, _) in enumerate(placed) if chapter == n) for n in range(len(script.chapters))]
    bounds = list(zip(firsts, firsts[1:] + [len(mp3s)]))
    marks = [ChapterMark(chapter.title, ms(offsets[first]) if first else 0,
                         ms(offsets[end] if end < len(mp3s) else offset))
             for chapter, (first, end) in zip(script.chapters, bounds)]

    folder = out_dir / "audio"
    folder.mkdir(parents=True, exist_ok=True)
    facts = edition_facts(article)
    artists = facts.author_names or ((article.publisher,) if article.publisher else ())
    dated = facts.reviewed or facts.published
    year = str(dated.value.year) if dated else ""
    main = folder / f"{article.slug}.mp3"
    written = AudioFiles()
    album = article.publisher or "Openleaf"
    written.append(write_mp3(main, b"".join(mp3s), Tags(article.title, artists, album, article.lang, year, "", cover),
                             marks))

    playlist = ["#EXTM3U", f"#PLAYLIST:{article.title}"]
    files: list[ChapterFile] = []
    for number, (chapter, (first, end)) in enumerate(zip(script.chapters, bounds), start=1):
        part = folder / f"{number:02d}-{file_stem(chapter.title, 'section')}.mp3"
        part_mp3 = b"".join(mp3s[first:end])
        track = f"{number}/{len(bounds)}"
        written.append(write_mp3(part, part_mp3, Tags(chapter.title, artists, article.title, article.lang, year,
                                                      track, cover)))
        playlist += [f"#EXTINF:{math.ceil(decoded_length(part_mp3) / rate)},{chapter.title}", part.name]
        # The chapter files played one after another are the whole file: each starts where the
        # decoded samples of those before it end.
        start = offsets[first] - ENCODER_DELAY_SAMPLES
        files.append(ChapterFile(chapter.id, chapter.title, part.name, ms(start), ms(decoded_length(part_mp3, rate))))
    for stale in folder.glob("[0-9][0-9]-*.mp3"):
        if stale not in written:  # a chapter of an earlier build that no longer exists
            stale.unlink()

    result = Timeline(tuple(entries), main, ms(offset))
    written.append(write_text(folder / f"{article.slug}.m3u8", "\n".join(playlist) + "\n"))
    written.append(write_text(folder / f"{article.slug}.timeline.json", result.to_json()))
    written.append(write_text(folder / f"{article.slug}.vtt", result.to_vtt()))
    written.append(write_text(folder / f"{article.slug}.chapters.json", chapters_json(files)))

    written.timeline = result
    written.script = script
    written.engine, written.voice = engine.name, engine.voice
    written.synthesized, written.reused = spoken.synthesized, spoken.reused
    written.mastered, written.segments = mastered, len(mp3s)
    return written
