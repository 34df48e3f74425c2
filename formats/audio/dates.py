"""Dates written in figures, said as the article's readers say them ("2026-11-01", "11/1/2026",
"Mon 9/3" -> "November 1, 2026", "Monday September 3"). Which comes first, the day or the month,
and the month's name are the labels' facts (labels.DATE_FORMATS and MONTHS), shared with the
dates printed in every edition."""

from __future__ import annotations

import datetime as _dt
import re

from ..labels import date_words, day_and_month_words, month_first
from .rules import Rule
from .spelled import ISO_DATE

# "05/12/2026": day or month first as the article's dates are written.
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
_VERSION_BEFORE = re.compile(r"\b(?:[Vv]ersion|[Vv]ersión|v)\.?\s*$")


def date_rules(lang: str, weekdays: tuple[str, ...] = ()) -> list[Rule]:
    """The rules for dates in `lang`, none where we know no month names."""
    if date_words(_dt.date(2000, 1, 2), lang) is None:
        return []

    def said(year: int, month: int, day: int) -> str | None:
        try:
            return date_words(_dt.date(year, month, day), lang)
        except ValueError:
            return None  # "2026-13-45", "31/02/2026": not a date, left to the engine

    def numeric(match: re.Match) -> str | None:
        if _VERSION_BEFORE.search(match.string[: match.start()]):
            return None  # "Version 1.2.2024" names a release, not a day
        first, mark, second, year = match.groups()
        first, second, year = int(first), int(second), int(year)
        if mark == "-" and not 1800 <= year <= 2100:
            return None  # "01-23-4567" is a number, not a date
        month_leads = month_first(lang) and mark in "/-"  # "15.03.2027" is written day first everywhere
        return said(year, *((first, second) if month_leads else (second, first)))

    rules = [Rule("dates", ISO_DATE, lambda m: said(*(int(g) for g in m.groups()))),
             Rule("numeric dates", _NUMERIC_DATE, numeric)]
    if weekdays:
        rules.append(_weekday_rule(lang, weekdays))
    return rules


def _weekday_rule(lang: str, weekdays: tuple[str, ...]) -> Rule:
    """A day of a log or a timetable, without its year, after its weekday: "Mon 9/3", "lun. 6/4"."""
    after_one = "|".join(rf"(?<=\b{re.escape(w)})" for w in weekdays)  # the weekday itself is said by the terms
    pattern = re.compile(rf"(?:{after_one})(\.?,?\s)(\d{{1,2}})/(\d{{1,2}})(?![\d/]|[.,]\d)", re.IGNORECASE)

    def replace(m: re.Match) -> str | None:
        gap, first, second = m.group(1), int(m.group(2)), int(m.group(3))
        month, day = (first, second) if month_first(lang) else (second, first)
        try:
            _dt.date(2000, month, day)  # 2000 is a leap year: 29/2 is a day
        except ValueError:
            return None
        return gap + day_and_month_words(month, day, lang)

    return Rule("weekday dates", pattern, replace)
