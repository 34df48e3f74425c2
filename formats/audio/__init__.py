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
import re
import tomllib
import unicodedata
from pathlib import Path

from ...source.errors import EngineUnavailable, ThemeError
from ...source.model import Article
from ..files import write_text
from ..options import Options
from .cache import SpeechCache
from .engines import Engine, EngineError, espeak_voice_for, get_engine, piper_has_voice
from .mp3 import ENCODER_DELAY_SAMPLES, ChapterMark, Tags, decoded_length, write_mp3
from .script import Pauses, Script, build_script
from .segments import finished_mp3
from .speech import pieces_of, speak, speakable_pieces  # noqa: F401 - speakable_pieces is part of the API
from .timeline import Timeline, TimelineEntry

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
