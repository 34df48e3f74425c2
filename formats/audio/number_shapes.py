"""Numbers said by their shape alone: a range ("5–10" -> "5 to 10"), a range of amounts ("2 g–4 g"),
a list of amounts ("8h – 14h – 20h" -> "8h, 14h and 20h"), a chapter's pages ("p. 88–104" -> "pages 88 to 104"),
a journal's volume and pages ("13:45–52", not a clock time), a blood pressure ("130/80" ->
"130 over 80") and an ordinal in words ("13e" -> "treizième"). The words ("to", "and", "over", "treize") are
the language's, from normalize.py's tables."""

from __future__ import annotations

import re
from typing import Mapping

VOLUME_PAGES = re.compile(r"(?<![\w:.])(\d{1,3}(?:\(\w+\))?:\d{1,5})\s?[-–‑]\s?(\d{1,5})(?![\d:])"
                           r"(?!\s?(?:[AaPp]\.?\s?[Mm]\b|h\b|hrs?\b|hs\b|heures?\b|horas?\b|hours?\b))")
PAGE_RANGE = re.compile(r"(?<![\w.])p\.\s?(\d+)\s?[-–‑]\s?(\d+)(?!\d)")
RANGE_DASH = re.compile(r"(?<=[\d%])\s*[-–—‒‑−]\s*(?=\d)")  # ‑: the non-breaking hyphen of "pp. 88‑104"
# "130/80": two readings, the first between 70 and 300, the second lower; dates
# ("12/03") and fractions ("1/2") never fit.
BLOOD_PRESSURE = re.compile(r"(?<![\w/.,])(\d{2,3})\s?/\s?(\d{2,3})(?![\w/]|[.,]\d)")


# A run of three or more amounts joined by the same dash is a list, not a range: "8h – 14h – 20h – 2h" are
# four times of day ("8 h, 14 h, 20 h and 2 h"). An amount is a number with its unit or its minutes
# ("8h30", "8 h 30", "8:00", "2 g", "6 a.m."); a run of bare numbers ("1-0-1", "4-1-1") is not one.
_AMOUNT = (r"\d+(?:[.,:]\d+)?(?:\s?(?:%|°\s?[CF]?|(?:[^\W\d_]{1,8}\.?){1,2}(?:/[^\W\d_]{1,5}\.?)?)"
           r"(?:\s?[0-5]\d(?!\d))?)?")
_LIST_DASH = r"\s*[-–—‒‑]\s*"
AMOUNTS_RUN = re.compile(rf"(?<![\w.,:/–—‒‑-]){_AMOUNT}(?:{_LIST_DASH}{_AMOUNT}){{2,}}(?![\w/–—‒‑-]|[.,:]\d)")
DASH = re.compile(rf"{_LIST_DASH}(?=\d)")


def list_dash(match: re.Match, and_: str) -> str | None:
    """A dash in a run of three or more amounts of one kind, joined by the same dash: ", " between
    them and the language's "and" before the last ("8 h, 14 h, 20 h et 2 h"). None for any other
    dash, which the ranges say."""
    for run in AMOUNTS_RUN.finditer(match.string):
        if not run.start() < match.start() < run.end():
            continue
        dashes = set(re.findall(_LIST_DASH, run.group(0)))
        items = re.split(_LIST_DASH, run.group(0))
        units = {_unit_of(item) for item in items} - {""}
        hyphens = any("-" in dash for dash in dashes)
        bare = [item for item in items if not (_unit_of(item) or ":" in item)]
        if len(dashes) != 1 or len(units) > 1 or not (units or any(":" in item for item in items)) or (
                hyphens and bare) or any(int(re.match(r"\d+", item)[0]) <= 4 for item in bare):
            return None  # "500 mg–1 g – 4 fois": a range and a pause; "2 g – 4 mg – 1 cp" is no list, and
            # "1 – 0 – 1 pendant 5 jours" is a dosing schedule (morning, noon, evening)
        last = not DASH.search(match.string, match.end(), run.end())
        return f" {and_} " if last else ", "
    return None


def _unit_of(amount: str) -> str:
    """ "8 h 30" -> "h", "6 p.m." -> "am" (a morning or an evening is one kind), "12" -> ""."""
    unit = re.sub(r"[\d\s.,:]", "", amount).lower()
    return "am" if unit in ("am", "pm") else unit


def volume_and_pages(match: re.Match, to: str) -> str | None:
    """ "13:45–52" -> "13:45 to 52"; but "8:30-9" and "12:00-1" are clock times, left to the patterns."""
    clock = re.fullmatch(r"(\d{1,2}):([0-5]\d)", match.group(1))
    if clock and int(clock.group(1)) <= 24 and int(match.group(2)) <= 24:
        return None
    return f"{match.group(1)} {to} {match.group(2)}"


def dash_range(match: re.Match, to: str, twelve_hour: bool = False, named: re.Pattern | None = None,
               dash: str | None = None) -> str | None:
    """ "5–10" -> "5 to 10", but "2026-13-45" or "1-2-3" are not ranges: leave them to the engine.
    Where clocks are read in twelve hours, "8:00–18:30" is left whole for the patterns, which say
    its morning "8 A M" because its evening is "6:30 P M". After a word `named` finds (a room, an
    office), a hyphen joins the parts of one name, when nothing is counted after it: "local 2-105" -> "local 2
    dash 105"."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if named and dash and match.group(0) in "-‑" and named.search(before) and re.match(r"\d+\s*(?:[,.;:()]|$)", after):
        return f" {dash} "  # but "room 18-21 °C", "local 2-3 fois par jour" are ranges
    if (twelve_hour and re.search(r"(?<![\d:])0?(?:[1-9]|1[01]):[0-5]\d$", before)
            and re.match(r"(?:1[3-9]|2[0-3]):[0-5]\d(?!\s?(?:h|hrs?|hours)\b)", after)):
        return None
    if (match.group(0)[0].isspace() and match.group(0)[-1].isspace() and re.search(r"(?<![\d.,])\d{1,2}$", before)
            and re.match(r"(?:19|20)\d\d(?![\d.,]\d)\s*(?:[.,;:)\]]|$)", after)):
        return ", "  # "diabète de type 2 – 2023": a title's dash before its year, not a range from 2 to 2023
    if re.search(r"(?:\b[Nn]o\.|#|\b[Nn]\.?\s?[º°])\s*\d+$", before):
        return None  # "No. 19-0071", "N.° 1073-2019" (with the degree sign, as Peru writes it) are one number
    if re.search(r"-[^\W\d_]{2,}\d+$", before):
        return None  # "NOM-007-SSA2-2016": a code's parts ("CKD3-4" is a range)
    if re.search(r"\d\s*[-–—‒‑]\s*[\d.,]*%?$", before) or re.match(r"[\d.,]*%?\s*[-–—‒‑]\s*\d", after):
        return None
    if re.match(r"0\d(?!:[0-5]\d)", after):
        return None  # "2020-07", a report's number: a range never ends on a leading zero, but a time may ("–09:15")
    first = re.search(r"\d+(?:[.,]\d+)*$", before)
    last = re.match(r"\d+(?:[.,]\d+)*(?![\d½¼¾⅓⅔⅛/]|\s\d)", after)  # whole, with any fraction: "3–3½" is a range
    if first and last and first.group(0) == last.group(0) and not (
            re.search(r"\b(?:de|desde|from|du|von|da)\s+\d+$", before) or re.match(r"\d+\s?(?:h|hs|hrs?|horas?|hours?|heures?|Uhr)\b", after)):
        return None  # "the 15-15 rule", "regla 15-15": a name; but a day's hours may run from 8 to 8 ("de 8-8", "8-8 h")
    return f" {to} "


# "2 g–4 g", "68°F–77°F", "6 a.m.–10 p.m.": a dash between a number with its unit and the next number.
# Only the en and em dash: a hyphen after letters joins words ("COVID-19", "type-2").
UNIT_RANGE_DASH = re.compile(r"(?<=[^\W\d_]|[°%.²³])\s*[–—]\s*(?=\d)")
_NUMBER_AND_UNIT_BEFORE = re.compile(r"\d\s?(?:[^\W\d_]{1,5}\.?(?:/[^\W\d_]{1,5})?|°\s?[CF]?|%|[a-zA-Z]\.\s?[a-zA-Z]\.)$")


def unit_range(match: re.Match, to: str) -> str | None:
    return f" {to} " if _NUMBER_AND_UNIT_BEFORE.search(match.string[: match.start()]) else None


def blood_pressure(match: re.Match, over: str) -> str | None:
    high, low = int(match.group(1)), int(match.group(2))
    if not (70 <= high <= 300 and 30 <= low < high):
        return None
    return f"{match.group(1)} {over} {match.group(2)}"


# Two times of day written with a point, one of them on the 24-hour clock (an hour from 13, or a leading 0):
# "08.30–17.00", "15.30–16.15"; not "2.5–5.0" or "2.50–5.00 mg".
_DOTTED_TIME_RANGE = re.compile(
    r"(?<![\w.,])(?=(?:0\d|1[3-9]|2[0-3])\.|\d{1,2}\.\d\d\s?[–-]\s?(?:0\d|1[3-9]|2[0-3])\.)(?:[01]?\d|2[0-3])\.[0-5]\d"
    r"\s?[–-]\s?(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.,]\d|\s?(?:mg|g|kg|ml|mL|%|mmol|[£$€]))")


# The first time of a range that ends on its a.m. or p.m.: "3.30–5pm", "10.15-11.45am".
_DOTTED_BEFORE_ITS_MERIDIEM = re.compile(
    r"(?<![\w.,£$€])(1[0-2]|0?[1-9])\.([0-5]\d)(?=(?:\s?[–-]\s?\d{1,2}(?:[.:][0-5]\d)?)?\s?(?:[ap]\.?m\b|[AP]\.?M\b))")


# A time of day written with a point after a word that asks for one ("arrive at 08.30", "sample at 10.45"): elsewhere
# "INR at 2.50", "reduce by 0.25", "Expiry: 08.25" are no times.
_TIME_CUE = (r"(?:(?<=\b[Aa]rrive at )|(?<=\b[Aa]rrive by )|(?<=\b[Aa]rrival at )|(?<=\bappointment at )|(?<=\bsample at )"
             r"|(?<=\bopens at )|(?<=\bcloses at )|(?<=\bstarts at )|(?<=\bstart at )|(?<=\bcome at )|(?<=\bcome in at )"
             r"|(?<=\bbe here at )|(?<=\bbe here by )|(?<=\bseen at )|(?<=\bdue at )|(?<=\btaken at ))")
_DOTTED_TIME = re.compile(_TIME_CUE + r"((?:[01]\d|2[0-3]|\d))\.([0-5]\d)(?![\d.,]\d|\d)")
# Office hours on the twelve-hour clock without a.m. or p.m., from a morning to an afternoon hour, after a word that
# names them: "Mon-Fri 8.00–4.30", "open 8:00-4:30", "Sat 9.00–12.00" (not "pH 7.35–7.45", "bedtime 10:30-6:30", "Romans
# 8:28-5:12").
_MORNING_TO_AFTERNOON = re.compile(r"(?<![\w.,:£$€])([7-9]|1[01])[.:]([0-5]\d)\s?([–-])\s?([1-6]|12)[.:]([0-5]\d)"
                                   r"(?![\d:]|,\d|\.\d|[a-zµ%£$€]|\s?(?:[AaPp]\.?\s?[Mm]\b|(?:mg|g|kg|mL|ml|L|mmol|cm|mm|m|%)\b))")
_OFFICE_HOURS_CUE = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
                               r"|saturday|sunday|weekdays?|daily|open|opens|hours|clinic|office|reception|pharmacy|m[–-]f)"
                               r"\b[,:]?\s*$", re.IGNORECASE)


def _office_hours(match: re.Match) -> str:
    if not _OFFICE_HOURS_CUE.search(match.string[max(0, match.start() - 40):match.start()]):
        return match.group(0)
    start, minutes, dash, end, end_minutes = match.groups()
    if end == "12" and ":" in match.group(0):
        return match.group(0)  # "open 8:00-12:00" is read by the clock's rules ("8 o'clock to 12 noon")
    return f"{start}:{minutes}am{dash}{end}:{end_minutes}pm"


def with_a_colon(text: str) -> str:
    """ "08.30–17.00", "3.30–5pm" -> "08:30–17:00", "3:30–5pm": a range of times of day written with a point,
    as Britain writes them, in the shape the clock's rules read."""
    text = _DOTTED_TIME_RANGE.sub(lambda m: m.group(0).replace(".", ":"), text)
    text = _DOTTED_BEFORE_ITS_MERIDIEM.sub(r"\1:\2", text)
    text = _MORNING_TO_AFTERNOON.sub(_office_hours, text)
    return _DOTTED_TIME.sub(r"\1:\2", text)


# A run of times of day joined by commas, dashes, "and" or "or", with no a.m. or p.m., one of them on the 24-hour
# clock (from 13:00, or with a leading 0): "8:00 and 20:00", "8:00 – 14:00 – 20:00". Its mornings are on that
# clock too ("08:00"). A time elsewhere in the sentence ("Duration: 1:30", "a ratio of 1:12") is no part of it.
_TIME = r"\d{1,2}:[0-5]\d"
_JOIN = r"(?:\s?[,–-]\s?|\s(?:and|or|then|to)\s)"
_TIME_RUN = re.compile(rf"(?<![\w:.;,/])(?<![–-]\s)(?<!\d[–-]){_TIME}(?:{_JOIN}{_TIME})+(?![\d:])"
                       rf"(?!\s?(?:[AaPp]\.?\s?[Mm]\b|[ap]\.m\.|[ap]\b|h\b|hrs?\b|hours?\b|min|/)|{_JOIN}\d)")
_TWENTY_FOUR_HOUR = re.compile(r"\b(?:0\d|1[3-9]|2[0-3]):[0-5]\d")
_MORNING_WITHOUT_ZERO = re.compile(r"(?<![\d:])([1-9]):([0-5]\d)")
# 10 and 11 have no zero to show the clock: "09:00–11:00" is said "9 A M to 11 A M", not "11 o'clock"
_LATE_MORNING = re.compile(r"(?<![\d:])(1[01]:[0-5]\d)(?![\d:])")
_HYPHEN_BETWEEN_HOURS = re.compile(r"(?<=\d)\s?-\s?(?=\d)")  # in a run of times, the range's dash


# Hours written as four figures, as a hospital writes them, in a range: "0800–1600 h", "0830-1700" (with its zero
# or its "h"; on the quarter hour: "1000-2000 mg" is an amount, "ISSN 0028-0836" a number, "1000–1200 hours of
# placement" a length of time).
_HOURS_WORD = r"\s?(?:h|hrs)\b(?!\s(?:of|per|a|in|long|over)\b)"
_QUARTER = "00|15|30|45"
_TO = r"(?:\s?[–-]\s?|\sto\s)"  # "0630 to 1500" as "0630–1500"
_FOUR_FIGURE_HOURS = re.compile(
    rf"(?<![\w.,/:-])(?:(0\d)({_QUARTER})|(1\d|2[0-3])({_QUARTER})(?={_TO}(?:[01]\d|2[0-3])(?:{_QUARTER}){_HOURS_WORD}))"
    rf"{_TO}([01]\d|2[0-3])({_QUARTER})(?:{_HOURS_WORD}|(?![\w.,]\d|\s?(?:[a-zµ%]|mL\b|L\b|IU\b|Units?\b|U\b|MG\b)))")
_AT_FOUR_FIGURES = re.compile(rf"(?<=\b[Aa]t )([01]\d|2[0-3])({_QUARTER})(?:h|hrs)\b")  # "at 1500h", not "lasts 2000h"


def on_the_24_hour_clock(text: str) -> str:
    """ "Give at 8:00 and 20:00" -> "Give at 08:00 and 20:00", which the clock's rules say "8 A M and 8 P M";
    "09:00–11:00" -> "09:00–11:00 AM"; "0800–1600 h" -> "08:00–16:00"."""
    def run(match: re.Match) -> str:
        times = match.group(0)
        if not _TWENTY_FOUR_HOUR.search(times):
            return times
        times = _HYPHEN_BETWEEN_HOURS.sub("–", times)
        return _LATE_MORNING.sub(r"\1 AM", _MORNING_WITHOUT_ZERO.sub(r"0\1:\2", times))

    text = _FOUR_FIGURE_HOURS.sub(lambda m: f"{m[1] or m[3]}:{m[2] or m[4]}–{m[5]}:{m[6]}", text)
    text = _AT_FOUR_FIGURES.sub(r"\1:\2", text)
    return _TIME_RUN.sub(run, text)


def ordinal_words(number: int, words: Mapping[str, str]) -> str:
    """ "13e" -> "treizième", "101ᵉ" -> "cent unième", "2022ᵉ" -> "deux mille vingt-deuxième": the number in the
    words of the language's ``ordinal_words`` table, its last word given the table's `ending` (on its stem there:
    "cinq" -> "cinquième"; a final e goes: "onze" -> "onzième"). A ten the table lacks is the ten below and a
    teen ("soixante-dix", "quatre-vingt-onze"); `and` joins one or eleven to a ten of one word ("vingt et un",
    "soixante et onze", but "quatre-vingt-un"), as the region says its tens ("septante" in Belgium)."""
    def below_a_hundred(n: int) -> str:
        if str(n) in words:
            return words[str(n)]
        ten, unit = n - n % 10, n % 10
        if str(ten) not in words:
            ten, unit = ten - 10, unit + 10
        if unit in (1, 11) and "-" not in words[str(ten)]:
            return f"{words[str(ten)]} {words['and']} {words[str(unit)]}"
        return f"{words[str(ten)]}-{below_a_hundred(unit)}"

    def cardinal(n: int) -> list[str]:
        thousands, hundreds, rest = n // 1000, n // 100 % 10, n % 100
        said = (cardinal(thousands) if thousands > 1 else []) + ([words["1000"]] if thousands else [])
        said += ([words[str(hundreds)]] if hundreds > 1 else []) + ([words["100"]] if hundreds else [])
        return said + ([below_a_hundred(rest)] if rest else [])

    head, last = re.fullmatch(r"(.*?)([^\W\d_]+)", " ".join(cardinal(number))).groups()
    return head + words.get(last, last[:-1] if last.endswith("e") else last) + words["ending"]
