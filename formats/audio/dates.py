"""Dates written in figures, said as the article's readers say them ("2026-11-01", "11/1/2026",
"Mon 9/3" -> "November 1, 2026", "Monday September 3"). Which comes first, the day or the month,
and the month's name are the labels' facts (labels.DATE_FORMATS and MONTHS), shared with the
dates printed in every edition."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Callable, Mapping, Sequence

from ..labels import MONTHS, date_words, day_and_month_words, month_first, primary_language
from .rules import Rule
from .spelled import ISO_DATE

# "05/12/2026": day or month first as the article's dates are written.
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
# "le 28/04/26": a year of two figures, a date only after the words that announce one.
_SHORT_YEAR_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d\d)(?![\d/-]|[.,]\d)")
# ... or before the hour of that day: "Control: 16/6/25, 10:30 h" (a scheme "10/12/14" has no hour after it)
_HOUR_AFTER = re.compile(r",?\s(?:a\s+las\s+|à\s+|at\s+)?(?:[01]?\d|2[0-3])[:.h][0-5]\d(?!\d|[.,]\d)"
                         r"(?!\s?h?,?\s(?:y\s|and\s|et\s)?(?:[01]?\d|2[0-3])[:.h][0-5]\d)")  # one hour: "8/10/20 a las 8:00, 14:00" is doses
_DOSE_AFTER = re.compile(r"\s?(?:(?:UI|U|mg|µg|mcg|mL|ml|g|kg|mmol|mEq|unités|units?|mm ?Hg)\b|%)")  # "el 5/10/20 ml"
_DOSES = re.compile(r"(?i)\b(?:doses?|dosis|insulin\w*|units?|unidades|unités|pauta|escala|sliding)\b")
_COMMON_FRACTIONS = {(1, 2), (1, 3), (2, 3), (1, 4), (3, 4)}
# A package's month and year: "Use by 12/31", "Expiry date: 08/27" (December 2031, August 2027).
_EXPIRY = re.compile(r"(?i)(?:\bexp\w*\.?|\buse|\bbest)\s*(?:date)?:?\s*(?:by|before)?:?\s*$")
# "was" leads to a day with its year ("day 0 was 4/14/25"), but to a score without one ("your score was 8/27").
_SCORE_BEFORE = re.compile(r"\bwas\s+$")
_VERSION_BEFORE = re.compile(r"\b(?:[Vv]ersion|[Vv]ersión|v)\.?\s*$")


# A label that names an amount, not a time: "Tablet strengths: 2/4/20", "Score: 3/12/25" are no dates.
_AMOUNT_LABEL = re.compile(r"(?i)\b(?:strengths?|doses?|dosing|scores?|readings?|ratios?|dilutions?|sizes?|reps|"
                           r"repetitions|sets|counts?|levels?|results?|values?|units|grams|steps|numbers?|insulin|"
                           r"weights?|heights?|pressures?|sugars?|glucose|amounts?|mg|mL|tablets?|puffs?|drops?|"
                           r"frequency|eyes|cycles?|mix|pain|lot|room|pack|novorapid|humalog|lantus|levemir|tresiba|"
                           r"toujeo|apidra|fiasp|novomix|humulin)\s?: $")


def date_rules(lang: str, weekdays: Mapping | None = None, month_leads: bool | None = None,
               short_year_after: Sequence[str] = (), to: str | None = None, scheme: str | None = None) -> list[Rule]:
    """The rules for dates in `lang`, none where we know no month names. `weekdays` is the language's
    ``[weekdays]`` table (with its `labels`, the words that name a date: "Dates: 2/9 – 2/13", said with
    `to` between two); `month_leads` is where figures are written in another order than words
    (Spanish in the US: "12 de enero", but "01/12/2026"); after the words `short_year_after` ("le"),
    a year may have two figures ("le 28/04/26": elsewhere "10/12/14" may be three doses), read only in the
    order the region writes it (in Spain "el día 1/15/30" is no date: 15 is no month). Three figures that
    rise are a scheme where `scheme` matches what follows them: "al 3/6/12 meses", "el día 1/8/15 de cada ciclo"."""
    if date_words(_dt.date(2000, 1, 2), lang) is None:
        return []
    if month_leads is None:
        month_leads = month_first(lang)

    def in_order(first: int, second: int) -> tuple[int, int]:
        """(month, day); where only the other order is a date ("25/12/2026" where the month leads), that one."""
        leads = month_leads if (first if month_leads else second) <= 12 else not month_leads
        return (first, second) if leads else (second, first)

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
        if mark == ".":  # "15.03.2027" is written day first everywhere
            return said(year, second, first)
        return said(year, *in_order(first, second))

    rules = [Rule("dates", ISO_DATE, lambda m: said(int(m.group(1)), int(m.group(3)), int(m.group(4))))]
    if weekdays and weekdays.get("said"):  # before the dates alone: "ma 24.11.2026" is "mardi 24 novembre 2026"
        rules.append(_weekday_rule(lang, weekdays, in_order, said))
    if weekdays and weekdays.get("labels") and to:
        rules.append(_labelled_rule(lang, weekdays["labels"], in_order, to))
    rules.append(Rule("numeric dates", _NUMERIC_DATE, numeric))
    rules.append(_diary_line_rule(lang, in_order))
    if short_year_after:
        counted = re.compile(scheme) if scheme else None
        announcing = re.compile(r"(?<![\w-])(?:" + "|".join(
            f"[{re.escape(w[0].upper())}{re.escape(w[0].lower())}]{re.escape(w[1:])}" for w in short_year_after) + r")\s+$")

        def short_year(match: re.Match) -> str | None:
            announced = announcing.search(match.string[: match.start()])
            if match.group(2) == "-" and announced and not announced.group(0).rstrip().endswith(":"):
                announced = None  # "el 5-10-15" may be a scheme; "cita: 12-05-25" is a day
            recent = 20 <= int(match.group(4)) <= 39
            hour_after = _HOUR_AFTER.match(match.string, match.end()) and recent
            # "After that: 09/05/25", "Last reviewed: 3/6/25"; not "Tablet strengths: 2/4/20"
            labelled = recent and re.search(r"[^\W\d_]: $", match.string[: match.start()]) and (
                "0" in (match.group(1)[0], match.group(3)[0]) or not _AMOUNT_LABEL.search(match.string[: match.start()]))
            if not announced and not hour_after and not labelled:
                return None
            if not announced and _DOSES.search(match.string):
                return None  # "Doses given 10/10/20 at 08:00", "Insulina 8/10/20 a las 8:00": doses before their hours
            first, mark, second, year = match.groups()
            if first == second == year or _DOSE_AFTER.match(match.string, match.end()):
                return None  # an insulin scheme "10/10/10", doses "le 5/10/20 mg", "el 5/10/20 ml"
            first, second, short = int(first), int(second), int(year)
            if counted and first <= second <= short and counted.match(match.string, match.end()):
                return None  # a scheme of doses or visits: "del 6/8/10 unidades", "al 3/6/12 meses"
            if mark == ".":
                return said(_full_year(short), second, first)
            month, day = (first, second) if month_leads else (second, first)  # "1/15/30" is no date in Spain
            return said(_full_year(short), month, day)

        rules.append(Rule("dates with a short year", _SHORT_YEAR_DATE, short_year))
        rules.append(_day_past_twelve_rule(lang, announcing, month_leads))
    return rules


def _day_past_twelve_rule(lang: str, announcing: re.Pattern, month_leads: bool) -> Rule:
    """A day and month without a year after a word that leads to a date, or opening a line before an hour, where
    the day can only be a day, written in the region's order: "call us by 14/3" -> "by 14 March" (in the US, "by
    3/14"); "by 3/4" may be three quarters, and "on 14/3 mg" is no date."""
    def replace(m: re.Match) -> str | None:
        month, day = (int(m.group(1)), int(m.group(2)))[:: 1 if month_leads else -1]
        before = m.string[: m.start()]
        # ... or opening a diary's line before its hour, or an example of one: '"3/14, 3:30 p.m., pain 5/10"',
        # "e.g. 6/14, 9:30 AM"
        opens_before_an_hour = re.search(r"(?:^|[\"“(]\s?|\be\.g\.,? |\beg,? |\b[Ff]or example,? )$", before) and (
            _HOUR_AFTER.match(m.string, m.end()))
        if day <= 12 or not (announcing.search(before) or opens_before_an_hour) or _DOSE_AFTER.match(m.string, m.end()) \
                or _EXPIRY.search(before) or _SCORE_BEFORE.search(before):
            return None
        return _day_and_month(month, day, lang)

    return Rule("a day past the twelfth", re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d)"), replace)


def _diary_line_rule(lang: str, in_order) -> Rule:
    """A day and month without a year that opens a diary's line, before a colon and what was seen that day, in the
    region's order: "e.g. 10/03: trace" -> "for example, October 3rd: trace" (a forty-sixth reading heard "ten slash
    zero three"). Elsewhere "10/03" may be a month and year ("Exp. 10/03") or a score."""
    def replace(m: re.Match) -> str | None:
        first, second = m.group(1), m.group(2)
        if not first.startswith("0") and second == "10":
            return None  # "e.g. 7/10: severe pain" is a score
        if m.string[m.start() - 1:m.start()] == "(" and second in ("2", "3", "4", "5") and int(first) <= int(second):
            return None  # in brackets, "(4/5: against resistance)" is a muscle's strength, "(1/2: …)" a half
        return _day_and_month(*in_order(int(first), int(second)), lang)

    return Rule("a diary's day", re.compile(r"(?:^|(?<=\be\.g\. )|(?<=\beg )|(?<=\b[Ff]or example, )|(?<=\()|(?<=[\"“] ))"
                                           r"(\d{1,2})/(\d{1,2})(?=:\s)"), replace)


def _full_year(year: int) -> int:
    """A year of two figures: this century's up to 39, the last one's from 40. A handout's two-figure years are
    visits, expiries and births: "DOB: 3/4/55" is 1955, not 2055 ("né le 12/03/85")."""
    return year + (2000 if year < 40 else 1900)


def _weekday_rule(lang: str, weekdays: Mapping, in_order, said_date) -> Rule:
    """A day of a log or a timetable after its weekday, its year short or left out: "Mon 9/3" -> "Monday
    September 3", "lun 6/4" -> "lunes 6 de abril"; not where the figures are an amount ("agua de mar
    3/4 de taza": the words in `not_before`)."""
    said = {str(k).lower(): str(v) for k, v in weekdays["said"].items()}
    names = "|".join(re.escape(w) for w in sorted(said, key=len, reverse=True))
    not_before = "|".join(re.escape(w) for w in weekdays.get("not_before", ())) or "(?!)"
    # (with points, as Switzerland writes it, only with its year: "ma 24.11.26"; "Sat 2.5" is a number)
    pattern = re.compile(rf"\b({names})(\.?,?\s)(\d{{1,2}})(?:/(\d{{1,2}})(?:/(\d\d|\d{{4}}))?|\.(\d{{1,2}})\.(\d\d|\d{{4}}))"
                         rf"(?![\d/]|[.,]\d)(?!\s*(?:{not_before})\b)", re.IGNORECASE)

    def replace(m: re.Match) -> str | None:
        written, gap, first = m.group(1), m.group(2), int(m.group(3))
        if m.group(6):  # day first, as every date with points
            month, day, year = int(m.group(6)), first, m.group(7)
        else:
            second, year = int(m.group(4)), m.group(5)
            if (first, second) in _COMMON_FRACTIONS and not year:
                return None  # an amount: "Sat 1/2 dose", a warfarin week "lunes 1/2, martes 3/4"
            month, day = in_order(first, second)
        if year:  # "Tues., 4/14/26"
            date = said_date(_full_year(int(year)) if len(year) == 2 else int(year), month, day)
        else:
            date = _day_and_month(month, day, lang)
        if date is None:
            return None
        weekday = said[written.lower()]
        if written[0].isupper():
            weekday = weekday[0].upper() + weekday[1:]
        return weekday + gap.replace(".", "") + date

    return Rule("weekday dates", pattern, replace)


def _labelled_rule(lang: str, labels: Sequence[str], in_order, to: str) -> Rule:
    """A day and month without a year after the word that names it, as a table's column of dates is
    read: "Dates: 2/9 – 2/13" -> "Dates: February 9 to February 13" (a "3/4" there is no amount). Only
    where the label starts the cell or the sentence and the date ends it: "Expiry Date: 08/27" is a month
    and year, "score by date: 7/10" a score, "Date: 24/7 support" no date. Both ends of a range are read in
    one order."""
    names = "|".join(re.escape(str(w)) for w in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"(?:^|(?<=; )|(?<=\. )|(?<=\()|(?<=Start )|(?<=Stop )|(?<=Next )|(?<=Due )|(?<=End ))(?<!Exp\. )(?<!exp\. )({names})(:\s*)(\d{{1,2}})/(\d{{1,2}})"
                         rf"(?:\s*[–-]\s*(\d{{1,2}})/(\d{{1,2}}))?(?![\d/]|[.,]\d)(?=\s*(?:[;,.)]|$|[–-]))", re.IGNORECASE)

    def replace(m: re.Match) -> str | None:
        pairs = [(int(m.group(3)), int(m.group(4)))] + ([(int(m.group(5)), int(m.group(6)))] if m.group(5) else [])
        swapped = {in_order(*pair) != pair for pair in pairs}  # what each end alone would be
        if len(swapped) > 1:  # "2/9 – 2/13": the end that can only be one order decides for both
            swapped = {any(in_order(*pair) != pair and max(pair) > 12 for pair in pairs)}
        said = [_day_and_month(*(pair[::-1] if True in swapped else pair), lang) for pair in pairs]
        if None in said:
            return None
        return m.group(1) + m.group(2) + f" {to} ".join(said)

    return Rule("labelled dates", pattern, replace)


def _day_and_month(month: int, day: int, lang: str) -> str | None:
    """A day of no year said, or None where it is no day of any year (2000 is a leap year: 29/2 is one)."""
    try:
        _dt.date(2000, month, day)
    except ValueError:
        return None
    return day_and_month_words(month, day, lang)


def _either_case(word: str) -> str:
    return f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"


def days_said(table: Mapping | None, lang: str, to: str = "to") -> Callable[[str], str]:
    """How a day of a month is said where the language's ``[days]`` table says so: English says the day as an
    ordinal ("March 4, 2026" -> "March 4th, 2026", "15 March" -> "the 15th of March", "3–5 June" -> "the 3rd to
    the 5th of June"). It reads the sentence as spoken, so dates written as words, read from figures and
    printed by the editions are said alike. A month name that is also a word ("May") is a month before a day,
    a year, a stop or a joining word only: "2 May help" is no date. The table's word lists say which numbers
    beside a month are no day: `counted` after it, `not_after` before it, `not_before` a street's name after."""
    months = MONTHS.get(primary_language(lang))
    if not table or not months:
        return lambda spoken: spoken
    suffixes, suffix = {int(k): v for k, v in table["suffixes"].items()}, table["suffix"]
    day_word, of = table["day"], table["of"]

    def ordinal(day: str) -> str:
        return str(int(day)) + suffixes.get(int(day), suffix)

    def joining(joiner: str) -> str:  # "3–5 June": a dash between two days is the language's "to"
        return f" {joiner.strip() or to} "

    month = "(" + "|".join(months) + ")"
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    joined = r"( to | and | or | through |–|-)"
    # what follows a date: a year, a stop, a joining word before no count, the hour; not "2 May help",
    # "June 2 patients", "May 5 to 10 percent"
    ends = (r"(?:(?=[,.;:!?)\]]|$| \d{4}\b| (?:until|at|from|for|in|is|was|will)\b| \(| [–-] )"
            r"|(?= (?:to|and|or|through)\b)(?! \w+ \d))")
    # ... or any word but a count's after a word that leads to a date: "on April 1 if", "Starting October 2 we"
    leads = r"((?<![\w'])(?:" + "|".join(_either_case(w) for w in table["leading"]) + ") )?"
    no_count = r"(?!\s?(?:to|or|and|through|[–-])\s?\d)"
    counted = r"(?!\s?%| (?:" + "|".join(table["counted"]) + r")\b)"
    not_counted = "".join(rf"(?<!\b{w} )" for word in table["not_after"] for w in (word, word.capitalize()))
    street = r"(?! (?:" + "|".join(table["not_before"]) + r")\b)"
    before = re.compile(rf"(?<![\w.,/:–-]){not_counted}((?:[Tt]he )?)({day})(?:{joined}(?:the )?({day}))? {month}\b(?!-)"
                        rf"{street}(?!(?<=May) (?!(?:to|and|or|through|until|at|from)\b)[a-z])")
    # a range of days, or one day after a leading word, may be followed by any word but what a number counts
    after = re.compile(rf"{leads}\b{month} (?:the )?({day})(?:{joined}({day}))?(?![\w/.,:]\d|\w)"
                       rf"(?(5){counted}|(?(1){counted}{no_count}|{ends}))")

    def day_first(m: re.Match) -> str:
        the, first, joiner, second, name = m.groups()
        said = the + ordinal(first) if the else day_word.format(day=ordinal(first))  # "the 2 March visits"
        if second:
            said += joining(joiner) + day_word.format(day=ordinal(second))
        said = f"{said} {of} {name}"
        starts = not m.string[: m.start()].strip() or m.string[: m.start()].endswith((". ", "! ", "? "))
        return said[0].upper() + said[1:] if starts else said

    def month_leading(m: re.Match) -> str:
        leading, name, first, joiner, second = m.groups()
        said = f"{leading or ''}{name} {ordinal(first)}"
        if second:
            said += joining(joiner) + ordinal(second)
        return said

    return lambda spoken: after.sub(month_leading, before.sub(day_first, spoken))
