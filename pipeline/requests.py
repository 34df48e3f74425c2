"""What a caller may ask for (formats, voice, rate, paper, jobs), checked the same way for the
command line and the library: a mistake is a UsageError (exit 2) with the closest right answer."""

from __future__ import annotations

import difflib
import os

from ..formats.registry import DEFAULT_ENGINE, ENGINES, FORMAT_NAMES, MAX_RATE, MIN_RATE, PAPERS
from ..source.errors import UsageError


def _guess(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def formats(value) -> list[str]:
    """Format names from "pdf,EPUB" or a list, in any case; the defaults are the caller's to pick."""
    names = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    if not names:
        raise UsageError(f"no format given; choose from {', '.join(FORMAT_NAMES)}")
    unknown = [n for n in names if n not in FORMAT_NAMES]
    if unknown:
        guesses = [g for n in unknown for g in difflib.get_close_matches(n, FORMAT_NAMES, n=1)]
        guess = f" (did you mean {', '.join(guesses)}?)" if guesses else ""
        raise UsageError(f"unknown format{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}{guess}; "
                         f"choose from {', '.join(FORMAT_NAMES)}")
    return list(dict.fromkeys(names))


def paper(value: str) -> str:
    name = str(value).strip().lower()
    if name not in PAPERS:
        raise UsageError(f"unknown paper size '{value}'{_guess(name, PAPERS)}; choose a4 or letter")
    return name


def rate(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"'{value}' is not a number; give a speaking rate such as 1.25") from None
    if not MIN_RATE <= number <= MAX_RATE:
        raise UsageError(f"{number} is outside {MIN_RATE} to {MAX_RATE} (1.0 is normal speed)")
    return number


def jobs(value) -> int:
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise UsageError(f"'{value}' is not a number of processes; give 1 or more")
    return int(text)


def default_jobs() -> int:
    return os.cpu_count() or 1


def scheduler(value: str) -> str:
    if "://" not in value:
        raise UsageError(f"'{value}' is not a scheduler address; give e.g. tcp://10.0.0.5:8786")
    return value


def voice(value: str) -> str:
    """ENGINE[:VOICE], judged as the audio writer judges it. Asked before any work: otherwise a
    typo shows only when the audio is made, as a failed output."""
    engine, _, name = value.partition(":")
    engine, name = engine.strip().lower() or DEFAULT_ENGINE, name.strip()
    if engine not in ENGINES:
        guess = difflib.get_close_matches(engine, list(ENGINES), n=1)
        if guess:
            raise UsageError(f"unknown speech engine '{engine}' in --voice {value}; did you mean '{guess[0]}'? "
                             f"The engines are {', '.join(ENGINES)}")
        raise UsageError(f"unknown speech engine '{engine}' in --voice {value}; choose from {', '.join(ENGINES)}, "
                         "with a voice after a colon if you want one (espeak:de)")
    if name:
        _check_voice_name(engine, name, value)
    return value


def _check_voice_name(engine: str, name: str, value: str) -> None:
    from ..formats.audio.engines import EngineError, get_engine, list_voices

    try:
        get_engine(engine, "en", voice=name)  # the engine's own judgement of the name (no model is loaded)
        return
    except EngineError:
        pass
    try:
        offered = [v for v in list_voices() if v.engine == engine]
    except EngineError:
        offered = []
    if not offered:
        return  # the engine is not installed here: the audio writer says how to install it
    # For the hint only: a Piper voice is a file name; espeak and gTTS also take a language, in any case.
    names = {v.voice for v in offered} if engine == "piper" else {
        n.lower() for v in offered for n in (v.voice, *v.languages)}
    guess = difflib.get_close_matches(name if engine == "piper" else name.lower(), sorted(names), n=1)
    hint = f"did you mean '{engine}:{guess[0]}'? See" if guess else "see"
    raise UsageError(f"{engine} has no voice '{name}' (--voice {value}); {hint} them all with: publish voices")


def count(value, low: int, high: int, what: str) -> int:
    text = str(value).strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise UsageError(f"'{value}' is not a number of {what} from {low} to {high}")
    return int(text)


def braille_cells(value) -> int:
    return count(value, 12, 100, "cells a line")


def braille_lines(value) -> int:
    return count(value, 4, 100, "lines a page")
