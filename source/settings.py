"""The organisation's settings: ``openleaf.toml`` beside the articles, or ``--config FILE``.

A clinic names itself, its phone, web address, logo and accent colour once,
and every edition carries them; no template is copied for that. The file is
the nearest ``openleaf.toml`` in the article's folder or a folder above it
(the nearest wins), unless ``--config`` names one. Everything in it is
checked before any work: unknown keys and wrong types are named with
``FILE:LINE`` and a "did you mean"; the logo goes through the same checks as
an article's pictures; the accent colour must read on every background the
themes put it on (WCAG contrast of at least 4.5:1).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

FILE_NAME = "openleaf.toml"

# Each table's keys and the type of value each takes.
SCHEMA: dict[str, dict[str, type]] = {
    "organisation": {"name": str, "phone": str, "url": str, "logo": str, "logo_alt": str, "accent": str},
    "editions": {"base_url": str, "review_max_age_years": int},
}

# The backgrounds the themes set the accent colour on (as text, headings and links): the
# white page and the pale tint of the key points box and table headers (themes/base/pdf).
ACCENT_BACKGROUNDS = {"#ffffff": "the page", "#eaf3f6": "the key points box"}
MIN_CONTRAST = 4.5  # WCAG 2 AA for body text
HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Settings:
    """What a config file says; every field empty when there is none."""

    path: Path | None = None
    name: str = ""
    phone: str = ""
    url: str = ""
    logo: Path | None = None
    logo_alt: str = ""
    accent: str = ""
    base_url: str = ""
    review_max_age_years: int | None = None

    def edition_url(self, slug: str) -> str:
        """Where the large-print page with the audio is published, or "" without a base_url."""
        return f"{self.base_url}{slug}/{slug}.html" if self.base_url else ""

    @property
    def folders(self) -> list[Path]:
        """Folders the writers may read for these settings (the logo's)."""
        return [self.logo.parent] if self.logo else []


NONE = Settings()


def find(article_path: Path, explicit: Path | None = None) -> Path | None:
    """The config file for an article: ``explicit``, or the nearest openleaf.toml above it."""
    if explicit is not None:
        explicit = Path(explicit).expanduser()
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such config file; check the path given to --config")
        return explicit.resolve()
    for folder in Path(article_path).resolve().parents:
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def load(article_path: Path, explicit: Path | None = None) -> Settings:
    """The settings that apply to an article (``NONE`` without a config file); raises ConfigError."""
    path = find(article_path, explicit)
    if path is None:
        return NONE
    return _load(path, path.read_bytes())


def as_publisher(article, explicit: Path | None = None):
    """The article with the organisation as its publisher when it names none itself
    (the EPUB's title page and metadata, the audio's tags and opening, the page)."""
    return published_by(article, load(article.source_path, explicit))


def published_by(article, org: Settings):
    """`as_publisher`, given the organisation's settings already loaded."""
    if article.publisher or not org.name:
        return article
    return dataclasses.replace(article, publisher=org.name)


def fingerprint(article_path: Path, explicit: Path | None = None) -> str:
    """A hash of the config's bytes and its logo's, for the output keys ("" without a config).

    Also checks the file, so that a broken config stops the run before any work.
    """
    settings = load(article_path, explicit)
    if settings.path is None:
        return ""
    digest = hashlib.sha256(settings.path.read_bytes())
    if settings.logo is not None:
        digest.update(settings.logo.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=32)
def _load(path: Path, data: bytes) -> Settings:
    try:
        text = data.decode("utf-8")
        parsed = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1: the file is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        place = f"{where.group(1)}:{where.group(2)}" if where else "1"
        reason = re.sub(r"\s*\(at line.*\)", "", str(exc))
        raise ConfigError(f"{path}:{place}: {reason}; fix the TOML syntax") from None
    lines = text.splitlines()
    problems: list[str] = []
    values: dict[str, object] = {}
    for table, content in parsed.items():
        line = _line_of(lines, None, table) or _table_line(lines, table)
        if table not in SCHEMA:
            problems.append(f"{path}:{line}: unknown table [{table}]{_did_you_mean(table, SCHEMA)}; "
                            f"the tables are {', '.join(f'[{t}]' for t in SCHEMA)}")
            continue
        if not isinstance(content, dict):
            problems.append(f"{path}:{line}: '{table}' must be a table; write it as [{table}] with keys below it")
            continue
        for key, value in content.items():
            line = _line_of(lines, table, key)
            expected = SCHEMA[table].get(key)
            if expected is None:
                problems.append(f"{path}:{line}: unknown key '{key}' in [{table}]{_did_you_mean(key, SCHEMA[table])}; "
                                f"the keys are {', '.join(SCHEMA[table])}")
            elif not isinstance(value, expected) or isinstance(value, bool):
                kind = "a whole number" if expected is int else "text in quotes"
                problems.append(f"{path}:{line}: '{key}' must be {kind}, not {_shown(value)}; "
                                f"for example {key} = {_example(table, key)}")
            else:
                values[key] = value
                problem = _check(path, key, value)
                if problem:
                    problems.append(f"{path}:{line}: {problem}")
    if problems:
        raise ConfigError("\n".join(problems))
    settings = _settings(path, values)
    _check_contrast(settings, lines)
    return settings


def _settings(path: Path, values: dict) -> Settings:
    logo = (path.parent / values["logo"]).resolve() if "logo" in values else None
    base_url = str(values.get("base_url", ""))
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    name = str(values.get("name", ""))
    return Settings(
        path=path,
        name=name,
        phone=str(values.get("phone", "")),
        url=str(values.get("url", "")),
        logo=logo,
        logo_alt=str(values.get("logo_alt", name)),
        accent=str(values.get("accent", "")).lower(),
        base_url=base_url,
        review_max_age_years=values.get("review_max_age_years"),
    )


def _check(path: Path, key: str, value) -> str | None:
    """What is wrong with one well-typed value, or None."""
    if key in ("url", "base_url") and not re.match(r"https?://[^\s/]+", value):
        return f"'{key}' must be a web address starting with https://, not '{value}'"
    if key == "accent" and not HEX_COLOUR.fullmatch(value):
        return f"'accent' must be a colour written as #rrggbb, not '{value}'; for example accent = \"#1a5c8a\""
    if key == "review_max_age_years" and value < 1:
        return f"'review_max_age_years' must be 1 or more, not {value}"
    if key in ("name", "logo_alt") and not value.strip():
        return f"'{key}' is empty; write the organisation's name"
    if key == "logo":
        return _logo_problem(path, value)
    return None


def _logo_problem(path: Path, value: str) -> str | None:
    """The logo passes the checks an article's picture passes, relative to the config file."""
    from .images import _image_problem  # the same checks as an article's pictures

    folder = path.parent.resolve()
    target = (folder / value).resolve()
    if not target.is_relative_to(folder):
        return f"logo '{value}' leaves the config file's folder; put the logo beside {path.name}"
    if not target.is_file():
        return f"logo '{value}' not found; put the logo at {target} or correct the path"
    problem = _image_problem(target)
    if problem and problem[2]:
        message, hint, _ = problem
        return f"logo '{value}' {message}; {hint}"
    return None


def _check_contrast(settings: Settings, lines: list[str]) -> None:
    if not settings.accent:
        return
    line = _line_of(lines, "organisation", "accent")
    for background, where in ACCENT_BACKGROUNDS.items():
        ratio = contrast_ratio(settings.accent, background)
        if ratio < MIN_CONTRAST:
            shown = math.floor(ratio * 100) / 100
            raise ConfigError(
                f"{settings.path}:{line}: accent '{settings.accent}' on {where} ('{background}') has a contrast "
                f"ratio of {shown:g}:1, below the {MIN_CONTRAST:g}:1 text needs; choose a darker accent, "
                f"such as '{darker_until(settings.accent, background)}'"
            )


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker_until(colour: str, background: str) -> str:
    """``colour`` darkened just enough to reach MIN_CONTRAST on ``background``: a suggestion."""
    r, g, b = _rgb(colour)
    for step in range(101):
        f = 1 - step / 100
        candidate = "#%02x%02x%02x" % (round(r * f), round(g * f), round(b * f))
        if contrast_ratio(candidate, background) >= MIN_CONTRAST:
            return candidate
    return "#000000"


# --- where a key is written ------------------------------------------------------
# tomllib gives values, not positions: the line of a key is found in the text.

_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")


def _table_line(lines: list[str], table: str) -> int:
    for number, text in enumerate(lines, 1):
        match = _HEADER.match(text)
        if match and match.group(1).strip("\"'") == table:
            return number
    return 1


def _line_of(lines: list[str], table: str | None, key: str) -> int:
    """The line where ``key`` is set inside ``[table]`` (or at the top, for None); 0 if not found."""
    current = None
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, text in enumerate(lines, 1):
        match = _HEADER.match(text)
        if match:
            current = match.group(1).strip("\"'")
        elif current == table and pattern.match(text):
            return number
    return 0 if table is None else _table_line(lines, table)


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _shown(value) -> str:
    return f"'{value}'" if isinstance(value, str) else repr(value).lower() if isinstance(value, bool) else str(value)


EXAMPLES = {
    "name": '"Lakeside Family Health"', "phone": '"555-0142"', "url": '"https://lakeside.example.org"',
    "logo": '"logo.svg"', "logo_alt": '"Lakeside Family Health"', "accent": '"#1a5c8a"',
    "base_url": '"https://lakeside.example.org/handouts/"', "review_max_age_years": "3",
}


def _example(table: str, key: str) -> str:
    return EXAMPLES[key]
