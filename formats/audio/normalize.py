"""Text normalisation before speech: say "mg/dL" as "milligrams per deciliter".

Speech engines guess at symbols, units and abbreviations, and often guess
wrong ("130/80" becomes "one hundred thirty slash eighty", "A1C" becomes "day
one C"). A `Normalizer` rewrites each sentence into words first. What each
language says is data, one file per language in ``speech/<language>.toml``
(adding a language is adding a file; a ``[[regions]]`` entry in it changes tables for some regions,
as Mexico's decimal point); this module only applies the tables, in this order:

1. the article's ``pronounce:`` entries (whole word, case-sensitive): they win
   over everything below;
2. the caller's extra terms (a theme's ``audio/pronounce.toml``), same rules;
3. e-mail and web addresses, said as the site name ("www.cdc.gov/x" -> "C D C dot gov"), a hyphen in it
   with the language's ``dash``;
4. ISO and numeric dates ("2026-11-01", "11/1/2026" -> "November 1, 2026"), in every language
   whose month names labels.py has;
5. phone numbers, digit by digit ("555-0199" -> "5 5 5, 0 1 9 9"; a free number's start as people say it,
   "1-800" -> "1 800", in the language's ``eight_hundred`` words);
6. ranges ("5–10" -> "5 to 10"), before the patterns so that "2–3x/day" stays a range (but a pattern
   with ``before_ranges`` comes first: "× 2–4 wk"); first, three or more amounts joined by one dash are
   a list ("8h – 14h – 20h" -> "8h, 14h and 20h", with the language's ``and``);
7. a dosing schedule, one count per time of day, where the language has a ``[schedule]``
   ("1-0-1" -> "1 le matin et 1 le soir");
8. the language's ``[[patterns]]``: notation that needs its context (heights, clock times, "3x/day", "call 911";
   a pattern with ``when`` only in a sentence where that is found: "Alterne ... mg/ibuprofeno"; ``context`` names a
   ``when`` of the language's ``[contexts]`` that several patterns share; ``{fragment:name}`` in a match is a piece
   of pattern of the language's ``[fragments]``);
9. blood pressure readings ("130/80" -> "130 over 80");
10. numbers with ``[units]`` ("1 kg" -> "1 kilogram", "60/min" -> "60 per
   minute", "2 mg/kg" -> "2 milligrams per kilogram", "5.7%" -> "5.7 percent"),
   decimal commas said as the language's word ("0,80" -> "0 virgule 80") and group marks
   dropped ("1,000" -> "1000");
11. ``[terms]``: abbreviations, Latin dosing shorthand, acronyms said as words;
12. ``[bare_units]`` standing alone, "X/Y" and "X/Y/Z" of units, and "word/unit"
    ("breaths/min" -> "breaths per minute");
13. ``[signs]`` ("≥" -> "greater than or equal to"), then a slash left between two words
    ("DVT/PE" -> "DVT or PE");
14. ``[acronyms]``: other all-capital words spelled ("PCOS" -> "P C O S").

Text produced by one step is never rewritten by a later one, so a
pronunciation given by the author reaches the engine exactly as written
(only its final stop goes where a comma follows: "(2ᵉ éd., p. 88)" ->
"(deuxième édition, page 88)").
Numbers stay digits: the engines say them well in their own language,
decimal commas included; it is the notation around them that needs words.
A language without a file gets the pronounce entries and phone digits only.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ...source.csl import full_last_page
from ...source.sentences import ELIDING_WORDS, SENTENCE_FINAL_ABBREVIATIONS, LOOK_BACK, ends_sentence
from ..labels import primary_language
from .dates import date_rules, days_said
from .number_shapes import (BLOOD_PRESSURE, DASH, PAGE_RANGE, RANGE_DASH, UNIT_RANGE_DASH, VOLUME_PAGES, blood_pressure,
                            dash_range, list_dash, on_the_24_hour_clock, unit_range, volume_and_pages, with_a_colon)
from .punctuation import punctuated
from .rules import Rule, apply_rule, not_after_a_slash, pattern_rule, terms_rule, whole_word, without_echo
from .slashes import Slashes
from .spelled import EMAIL, PHONE_CANDIDATE, WEB_ADDRESS, abbreviation_first, email_said, phone, site_name, spell
from .web_words import english_words

SPEECH_DATA = Path(__file__).with_name("speech")


@lru_cache(maxsize=None)
def speech_table(language: str) -> Mapping:
    """The spoken forms of `language` ("en", "fr"): the parsed ``speech/<language>.toml``, or {}."""
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return {}
    path = SPEECH_DATA / f"{language}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def regional_table(lang: str) -> Mapping:
    """The spoken forms of `lang` ("es-MX"): its language's table, with any ``[[regions]]`` entry
    naming its region laid over it (Mexico writes "1,000.5"). A table in the entry adds to the
    language's table of that name, and its keys win (a table in it adds to the table of that name,
    as ``[regions.weekdays.said]``); a list (``patterns``) comes first."""
    table = speech_table(primary_language(lang))
    subtags = re.split(r"[-_]", lang)[1:]
    region = next((part.upper() for part in subtags if re.fullmatch(r"[A-Za-z]{2}|\d{3}", part)), None)
    merged = {key: value for key, value in table.items() if key != "regions"}
    for entry in table.get("regions", ()):
        if region in entry.get("codes", ()):
            for key, value in entry.items():
                if isinstance(value, list):
                    merged[key] = [*value, *merged.get(key, [])]
                elif key != "codes":
                    merged[key] = _laid_over(merged.get(key, {}), value)
    return merged


def _laid_over(table: Mapping, over: Mapping) -> dict:
    """`table` with the keys of `over`, which win; a table in both is laid over in the same way."""
    return {**table, **{key: _laid_over(table[key], value) if isinstance(value, Mapping) and isinstance(table.get(key), Mapping)
                        else value for key, value in over.items()}}


def speech_languages() -> list[str]:
    """Every language with a table of spoken forms."""
    return sorted(p.stem for p in SPEECH_DATA.glob("*.toml"))


# --- the machinery ---------------------------------------------------------


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
# Also after an elided French article or pronoun, the splitter's list: "d'AINS", "l'IPP".
_AFTER_ELISION = "|".join(rf"(?<=\b{word}['’])" for word in ELIDING_WORDS)
# After a capital, only where a word in lower case follows, as a sentence opens, and only letters with at most one
# vowel, or an acronym of the list: "L'OFSP recommande", "L'AIT est" ("C'EST URGENT", "L'EAU est", "ÉVITEZ L'ALCOOL
# pendant", "L'EFFORT", "D'ABORD lavez" are French in capitals, not "C'E S T").
_VOWELED_ACRONYMS = "AIT|ECBU|AINS|IDE|AOMI|IEC|EEG|OAP|IVG|AES|IAO|ARA|OACI|AEEH|AESH|EHPAD|ESAT|IRA|OAD|AOD|OCDE|OIIQ"
# Of two or three capitals, only these are French words ("L'AIR", "D'UN"); "L'AI", "L'UE", "L'AAH" are spelled.
_SHORT_WORDS_AFTER_ELISION = "AN|ANS|UN|UNE|OR|OS|AIR|EAU|ART|AIL|ONU|EPO|OUI|ICI|EST|ES|AS|ON|Y|AGE|AXE|EUX|ILE|AMI|ELLE|IL"  # (not AME, the state's medical aid)
_AFTER_A_CAPITAL_ELISION = (rf"(?<=\b[LD]['’])(?!(?:{_SHORT_WORDS_AFTER_ELISION})\s)(?=(?:{_VOWELED_ACRONYMS}|[A-Z]{{2,3}}"
                            rf"|[B-DF-HJ-NP-TV-XZ]*[AEIOUY]?[B-DF-HJ-NP-TV-XZ]*)s?\s+[a-zà-ÿ])")
# Two letters may run into a number: "NG245", "SF36" -> "N G 245" (but "HER2", "COX2" are said as words).
_ACRONYM = re.compile(rf"(?:(?<![\w'’-])|{_AFTER_ELISION}|{_AFTER_A_CAPITAL_ELISION})"
                      rf"(?:[A-Z]{{2,6}}(?:s|['’]s)?(?![\w'’-])|[A-Z]{{2}}(?=\d))")


# Units written the same in every language, by what they measure: an amount given in two of one kind
# is the same amount twice.
_KINDS_OF_UNIT = (
    frozenset(["mL", "ml", "L", "l", "dL", "dl", "cL", "cl", "fl oz", "fl. oz", "oz", "tsp", "tbsp", "cup", "cups"]),
    frozenset("mg g µg μg mcg".split()),
    frozenset("g kg lb lbs oz st".split()),  # "4 oz / 113 g"; but "5 mg / 2 kg" is a dose per weight
    frozenset("mm cm m km in ft".split()),
)


class _Language:
    """One language's table, made into what the rules need."""

    def __init__(self, table: Mapping):
        words = table.get("words", {})
        self.per = words.get("per", "per")
        self.over = words.get("over")
        self.to = words.get("to")
        self.dash = words.get("dash")  # a hyphen said: in a web address, in "local 2-105"
        # Places named by a number, where a hyphen joins its parts: "local 2-105", "room 3-12".
        places = words.get("named_by_number", ())
        self.named_by_number = re.compile(
            rf"(?<![\w-])(?i:{'|'.join(map(re.escape, places))})\s+\d+$") if places else None
        self.and_ = words.get("and")  # the last of a list: "8h – 14h – 20h" -> "8h, 14h and 20h"
        self.pages = words.get("pages")
        self.dot = words.get("dot", "dot")
        self.slash = words.get("slash")  # in a web address's short path
        self.at = words.get("at")  # in an e-mail address
        self.run_together = english_words if words.get("run_together") == "english" else None  # "mychart"
        self.twelve_hour = bool(words.get("twelve_hour_clock"))  # "18:30" said "6:30 P M"
        # "01/12/2026" written month first where the region writes it so, though its language says
        # the day first ("12 de enero" in the United States); otherwise as the article's dates are written
        self.month_first = words.get("month_first")
        # "le 28/04/26": a year of two figures; not before what a scheme counts ("al 3/6/12 meses": a pattern)
        self.short_year = tuple(words.get("short_year_after", ())), words.get("short_year_scheme")
        self.or_ = words.get("or")
        self.plus = words.get("plus", "+")  # the sign before a country code; a language without a word keeps it
        self.phone_pairs = bool(words.get("phone_pairs"))  # "01 42 16 00 00": zéro un, quarante-deux, seize...
        self.eight_hundred = words.get("eight_hundred", "1 800")  # a free number's start: "one eight hundred"
        shapes = words.get("phone_shapes")  # the groups a region writes its numbers in: Spain's "976 55 44 33"
        self.phone_shapes = re.compile(shapes) if shapes else None
        self.phone_groups_as_numbers = bool(words.get("phone_groups_as_numbers"))  # "976, 55, 44, 33"
        self.singular_below_two = words.get("plural") == "two"
        marks = words.get("group_mark", ",")  # one mark, or several ("1.000" and "1 000" in Spain)
        marks = [marks] if isinstance(marks, str) else list(marks)
        # The region's decimal mark first; others a region also writes ("1,5 mg" in Mexico) are left to the voice.
        decimals = words.get("decimal_mark", ".")
        self.decimals = [decimals] if isinstance(decimals, str) else list(decimals)
        decimal = "(?:" + "|".join(map(re.escape, self.decimals)) + ")"
        self.group = "(?:" + "|".join("[ \u00a0\u202f]" if m == " " else re.escape(m) for m in marks) + ")"
        self.power = words.get("power")  # "10⁹/L": a count of cells, said "10 to the power of 9 per liter"
        # "0.125" is never a number of thousands
        self.grouped = rf"[1-9]\d{{0,2}}(?:{self.group}\d{{3}})+(?:{decimal}\d+)?"
        if words.get("lakh_groups"):  # India groups by twos above the thousands: 1,00,000 is a lakh, 1,00,00,000 a crore
            self.grouped = rf"[1-9]\d?(?:{self.group}\d\d)+{self.group}\d{{3}}(?:{decimal}\d+)?|{self.grouped}"
        self.number = (rf"10[{_SUPERSCRIPTS}]+|" if self.power else "") + rf"{self.grouped}|\d+(?:{decimal}\d+)?"
        self.decimal = self.decimals[0]
        self.decimal_word = words.get("decimal_word")
        self.units = {str(k): tuple(v) for k, v in table.get("units", {}).items()}
        self.slashes = Slashes(table, self.units)
        # English names a thing by its amount in the singular: "5 mg tablets" -> "5 milligram tablets"
        self.named_by_amount = frozenset(words.get("named_by_amount", ()))
        # nouns that are verbs too: named by their amount only after "a" ("a 30 mL flush"; "after 2 days flush the tube")
        self.named_after_a = frozenset(words.get("named_by_amount_after_a", ()))
        self.bare_units = frozenset(table.get("bare_units", {}).get("said", ()))
        self.terms = dict(table.get("terms", {}))
        self.closing = frozenset(table.get("closing", {}).get("terms", ()))
        self.signs = dict(table.get("signs", {}))
        acronyms = table.get("acronyms", {})
        self.spell_acronyms = bool(acronyms.get("spell"))
        self.said_as_words = frozenset(str(acronyms.get("said", "")).split())
        self.acronym_plural = acronyms.get("plural")
        self.patterns = list(table.get("patterns", []))
        self.schedule = table.get("schedule", {})
        self.dotted_times = bool(words.get("dotted_times"))  # "15.30–16.15" is a time of day
        # Thousands a region groups with a space ("1 200 mg" in South Africa): the matches of its pattern are joined
        # before any rule, so that the units after them are said ("2 800 g" -> "2800 grams").
        joined = words.get("space_thousands")
        self.space_thousands = re.compile(joined) if joined else None
        self.floors = tuple(words.get("floors", ()))  # "niveau –1": a floor below the street
        self.weekdays = table.get("weekdays", {})  # "Mon 9/3": a day and month after one is a date

    def unit_alternatives(self, names) -> str:
        # Longest first ("mmHg" before "mm"); a unit ends where a word would; no units match nothing.
        if not names:
            return "(?!)"
        return "|".join(re.escape(u) + (r"(?![\w²³])" if re.search(r"\w$", u) else "")
                        for u in sorted(names, key=len, reverse=True))

    def amount(self, number: str, unit: str) -> str:
        """The unit in the singular or plural the number asks for ("1 kilogram", "0,5 gramme")."""
        singular, plural = self.units[unit]
        plain = self._ungrouped(number)
        for mark in self.decimals:
            plain = plain.replace(mark, ".")
        value = float(re.sub(r"[^\d.]", "", plain) or 0)
        one = value < 2 if self.singular_below_two else value == 1
        return singular if one else plural

    def units_rule(self) -> Rule:
        unit = self.unit_alternatives(self.units)
        # English names a thing by its amount with a hyphen: "a 33-lb toddler", "a 5-mg tablet"
        hyphen_gap = rf"\s?|-(?=(?:{unit})(?:\s+[^\W\d_]|,\s))" if self.named_by_amount else r"\s?"
        # "5.7%", "100 mg/dL", "1 kg", "60/min"; a compound "X/Y" is said "X per Y", and its last part
        # may have a number of its own ("45 mL/min/1.73 m²", a kidney's filtration).
        pattern = re.compile(
            rf"(?<![\w.,])({self.number})(?:({hyphen_gap})({unit}))?(?:\s?/\s?({unit}))?(?:\s?/\s?({unit}))?"
            rf"(?:(\s?/\s?)({self.number})\s?({unit}))?(?:/([^\W\d_]{{4,}}))?(?![\w/]|\.[^\W\d_]\.)"
            # a unit's full stop before a word in lower case is not a sentence's: "every 6 mo. in stage 3"
            rf"(?:\.(?=\s+[^\W\d_A-ZÀ-Ý]+(?![^\W\d_])))?"  # not before "eGFR", "pH": a new sentence
        )

        def replace(m: re.Match) -> str | None:
            number, gap, first, per, then, slash, of_number, of_unit, of_word = m.groups()
            if first is None and (per is None or of_word):  # a number alone, or "2/puff"
                return None
            said = self.said_number(number)
            if first:
                named = re.match(r"\s+([^\W\d_]+)", m.string[m.end():])
                thing = named.group(1).lower() if named else ""
                as_adjective = gap == "-" or not (per or then or of_unit or of_word) and (
                    thing in self.named_by_amount
                    or thing in self.named_after_a and re.search(r"\b[Aa]n? $", m.string[: m.start()]) is not None)
                said += " " + (self.units[first][0] if as_adjective else self.amount(number, first))
            for unit in filter(None, (per, then)):  # "2 mg/kg/day"
                said += f" {self.per} " + self.units[unit][0]
            if of_unit:
                # "200 ml / 7 fl oz": an amount and the same in other units, not one per the other
                # ("250 mg / 5 mL" is a syrup's strength)
                same_kind = any(first in kind and of_unit in kind for kind in _KINDS_OF_UNIT)
                spaced = slash.startswith(" ") and slash.endswith(" ")
                joined = self.or_ if spaced and same_kind and self.or_ else self.per
                said += f" {joined} {self.said_number(of_number)} {self.amount(of_number, of_unit)}"
            if of_word:  # "100 mcg/puff", "1 mg/kg/dosis"
                said += f" {self.per} {of_word}"
            return said

        return Rule("units", pattern, replace)

    def said_number(self, number: str) -> str:
        """ "0,80" -> "0 virgule 80" where the language has a word for its decimal comma; "1,000" -> "1000".

        A group mark is dropped: a voice of the same language may read another region's
        mark ("1,000" in Mexico is a thousand; Spanish voices say "uno coma cero cero cero",
        and "25 000" "veinticinco cero cero cero").
        """
        number = self._ungrouped(number)
        if self.power and re.fullmatch(rf"10[{_SUPERSCRIPTS}]+", number):
            return f"10 {self.power} {number[2:].translate(_FROM_SUPERSCRIPT)}"
        if not self.decimal_word:
            return number
        return re.sub(rf"(?<=\d){re.escape(self.decimal)}(?=\d)", f" {self.decimal_word} ", number)

    def _ungrouped(self, number: str) -> str:
        if not re.fullmatch(self.grouped, number):  # "0,125" and "1,5" in Mexico are decimals
            return number
        if len(re.findall(r"\d[ \u00a0\u202f]\d", number)) >= 2:  # "900 123 456" is a phone number, said in groups
            return number
        return re.sub(rf"(?<=\d){self.group}(?=\d{{2}})", "", number)

    def decimals_rule(self) -> Rule:
        pattern = re.compile(rf"(?<![\w.,])(?:{self.number})(?![\w])")
        return Rule("decimal marks and groups", pattern, self._number_said)

    def _number_said(self, match: re.Match) -> str | None:
        said = self.said_number(match.group(0))
        if said == match.group(0):
            return None
        # Digits grouped by spaces beside more digits are a phone number ("91 123 45 67", "900 123 456").
        spaced = re.search(r"\d[ \u00a0\u202f]\d", match.group(0))
        beside = re.search(r"\d\s$", match.string[: match.start()]) or re.match(r"\s\d", match.string[match.end():])
        if spaced and beside:
            return None
        return said

    def bare_units_rule(self) -> Rule:
        every = self.unit_alternatives(self.units)
        bare = self.unit_alternatives(self.bare_units)
        # "in mg/dL", "kg/m²", "breaths/min", "fois/jour"
        pattern = re.compile(
            rf"(?<![\w/])(?:({every})\s?/\s?({every})(?:\s?/\s?({every}))?|({bare}))(?![\w/])"
        )

        def replace(m: re.Match) -> str:
            first, per, then, alone = m.groups()
            if alone:  # "per kg" is one kilogram; "in mg/dL" and "kg" alone name the unit in the plural
                after_per = m.string[: m.start()].endswith(f"{self.per} ")
                return self.units[alone][0 if after_per else 1]
            said = f"{self.units[first][1]} {self.per} {self.units[per][0]}"
            return said + (f" {self.per} {self.units[then][0]}" if then else "")  # "mg/kg/day"

        return Rule("bare units", pattern, replace)

    def per_unit_rule(self) -> Rule:
        """ "breaths/min", "CHF 3.23/min.": a unit after a slash is "per" it; before the abbreviations,
        which would make the "min." that ends a sentence "minimum", but not after one letter ("F/U")."""
        # At a piece's start: what came before the slash was said by an earlier rule.
        pattern = re.compile(rf"(?:(?<=\d)|(?<=[^\W\d_]{{2}})|^)/({self.unit_alternatives(self.units)})(?![\w/])")

        def replace(m: re.Match) -> str | None:
            before = re.search(r"[^\W\d_]*$", m.string[: m.start()]).group(0)
            if before in self.units:
                return None  # "mg/dL": the bare units say both
            if before and m.group(1) == "s" and not before.endswith("s"):
                return "s"  # "paciente/s", "patient/s": one or more, said as the plural
            return f" {self.per} {self.units[m.group(1)][0]}"

        return Rule("per unit", pattern, replace)

    def closing_rule(self) -> Rule | None:
        # The language's own, and every term the sentence splitter may end a sentence on.
        closing = [t for t in self.terms if t in self.closing or t.lower() in SENTENCE_FINAL_ABBREVIATIONS]
        if not closing:
            return None
        keys = sorted(closing, key=len, reverse=True)
        pattern = re.compile("(" + "|".join(whole_word(k) for k in keys) + r")(?=\s+[A-ZÀ-Ý])")

        def replace(m: re.Match) -> str | None:
            following = m.string[m.end():].lstrip()
            preceding = m.string[max(0, m.end() - LOOK_BACK):m.end()]
            if m.group(1) not in self.closing and not ends_sentence(m.group(1).lower(), following[0], preceding, following):
                return None  # where the splitter goes on, so does the voice: "t.d.s. PRN", "temp. BID"
            return self.terms[m.group(1)].rstrip(",") + "."

        return Rule("closing abbreviations", pattern, replace)

    def schedule_rule(self) -> Rule | None:
        """ "1-0-1": a count for each time of day, said with its time, the zeros left out
        ("1 le matin et 1 le soir"). Counts above 2 are something else (a score, "4-1-1")."""
        if not self.schedule:
            return None
        count = r"(?:[0-2]|0[.,]5)"  # not a score: "Glasgow 4-1-1"
        pattern = re.compile(rf"(?<![\w.,/–-]){count}(?:-{count}){{2,3}}(?![\w/–-]|[.,]\d)")
        times = {3: self.schedule["three"], 4: self.schedule["four"]}

        def replace(m: re.Match) -> str | None:
            counts = m.group(0).split("-")
            said = [f"{self.said_number(n)} {time}" for n, time in zip(counts, times[len(counts)])
                    if n not in ("0", "0,0", "0.0")]
            if not said:
                return None
            if len(said) == 1:
                return said[0]
            return ", ".join(said[:-1]) + f" {self.schedule['and']} " + said[-1]

        return Rule("dosing schedule", pattern, replace)

    def minus_rule(self) -> Rule | None:
        """A hyphen for the minus sign: "T-score -2.5", "entre -1,0 et -2,5", "at 6 mo -4.5 kg"; but not
        in a range, "10 -20", "9am -5pm", "10 mg -20 mg" (the same unit after both), "2°-8°C", nor in
        "+/-" (a sign of its own). An en dash too, where a word starts after a space, before a percentage or
        degrees: "insuline basale –20 %" (but "2–3", "8 h – 14 h" and "p. 88–104" are ranges)."""
        minus = self.signs.get("−")
        if not minus:
            return None

        def replace(m: re.Match) -> str | None:
            before, after = m.string[: m.start()], m.string[m.end():]
            if re.search(r"(?:[°″)]|\+/)$", before):
                return None
            unit = re.search(r"\d\s?([^\W\d_]{1,4})\.?\s+$", before)
            if unit and (unit.group(1).lower() in ("am", "pm")
                         or re.match(rf"\d+(?:[.,]\d+)?\s?{re.escape(unit.group(1))}(?!\w)", after)):
                return None
            return f"{minus} "

        # The en dash only before a change, a temperature or a floor below the street ("niveau –1"):
        # "matin –1 cp", "25 € –30 €" are a list or a range.
        below_street = "".join(rf"|(?<=\b{re.escape(floor)} )–(?=\d)" for floor in self.floors)
        return Rule("minus", re.compile(r"(?<!\d )(?:(?<![\w.,\-–])-(?=\d)|(?<=[\s(])–(?=\d+(?:[.,]\d+)?\s?(?:%|°))"
                                        + below_street + ")"), replace)

    def signs_rule(self) -> Rule | None:
        if not self.signs:
            return None
        pattern = re.compile("|".join(re.escape(s) for s in sorted(self.signs, key=len, reverse=True)))
        return Rule("signs", pattern, lambda m: f" {self.signs[m.group(0)]} ")

    def acronym(self, match: re.Match) -> str | None:
        word, plural = match.group(0), ""
        if word.endswith("s"):  # "SSRIs" -> "S S R I's", where the language says how; its possessive the same:
            if not self.acronym_plural:  # "ACSM's Guidelines" -> "A C S M's" (had been said as a word)
                return None
            word, plural = word[:-2 if word[-2] in "'’" else -1], self.acronym_plural
        if word in self.said_as_words:
            return None
        digit_after = match.string[match.end():match.end() + 1].isdigit()
        return spell(word) + plural + (" " if digit_after else "")


_READING_ALONE = re.compile(r"\W*(?:[A-Z]{2,3}|[A-Z][A-Z]*\d[A-Z\d]*):?[^A-Za-z]*\d(?:[.,/–-]\d|\s?%)[^A-Za-z]*")


class Normalizer:
    """Rewrite text for a speech engine speaking `lang`.

    `pronounce` (the article's entries) and `terms` (extra entries, e.g. from a
    theme) are whole-word, case-sensitive replacements; pronounce wins.
    """

    def __init__(self, lang: str, pronounce: Mapping[str, str] | None = None,
                 terms: Mapping[str, str] | None = None):
        self.lang = lang
        self.language = primary_language(lang)
        table = regional_table(lang)
        said = _Language(table)
        rules: list[Rule | None] = [
            terms_rule("pronounce", pronounce or {}),
            terms_rule("terms", terms or {}),
            Rule("e-mail addresses", EMAIL, lambda m: email_said(m.group(0), said.dot, said.at, said.dash,
                                                                 said.said_as_words, said.run_together))
            if said.at else None,
            Rule("web addresses", WEB_ADDRESS, lambda m: None if abbreviation_first(m.group(0)) else site_name(
                m.group(0), said.dot, said.slash, said.dash, said.said_as_words, said.run_together)),
        ]
        self.dotted_times, self.twelve_hour, self.slashes = said.dotted_times, said.twelve_hour, said.slashes
        self.space_thousands = said.space_thousands
        self.days = days_said(table.get("days"), lang, said.to)
        self.without_echo = without_echo(table.get("glosses"))
        rules += date_rules(lang, said.weekdays, said.month_first, said.short_year[0], said.to, said.short_year[1])
        rules.append(Rule("phone numbers", PHONE_CANDIDATE, lambda m: phone(
            m, said.plus, said.phone_pairs, said.eight_hundred, said.phone_shapes, said.phone_groups_as_numbers)))
        patterns = [(entry.get("before_ranges", False), pattern_rule(i, entry, table.get("word_tables"),
                                                                     table.get("contexts"), table.get("fragments")))
                    for i, entry in enumerate(said.patterns)]
        rules += [rule for early, rule in patterns if early]
        if table:
            # Ranges before patterns: one that says "3x/day" would leave the "2–" of "2–3x/day" alone.
            if said.to:
                if said.and_:  # three or more amounts joined by dashes are a list, not a range
                    rules.append(Rule("lists of amounts", DASH, lambda m: list_dash(m, said.and_)))
                # A journal's volume and pages ("13:45–52") before a range could leave "13:45" to be a clock time.
                rules.append(Rule("volume and pages", VOLUME_PAGES, lambda m: volume_and_pages(m, said.to)))
                if said.pages:  # "p. 88–104": more than one page, before the range would leave "p." one
                    rules.append(Rule("pages", PAGE_RANGE, lambda m: f"{said.pages} {m.group(1)} {said.to} {full_last_page(m.group(1), m.group(2))}"))
                rules.append(Rule("ranges", RANGE_DASH, lambda m: dash_range(m, said.to, said.twelve_hour,
                                                                            said.named_by_number, said.dash)))
                rules.append(Rule("ranges of amounts", UNIT_RANGE_DASH, lambda m: unit_range(m, said.to)))
            rules.append(said.schedule_rule())
            rules.append(said.minus_rule())
            rules += [rule for early, rule in patterns if not early]
            if said.over:
                rules.append(Rule("blood pressure", BLOOD_PRESSURE, lambda m: blood_pressure(m, said.over)))
            rules += [
                said.units_rule(),
                said.decimals_rule(),
                said.per_unit_rule(),
                not_after_a_slash(said.closing_rule(), said.units),
                not_after_a_slash(terms_rule("abbreviations", said.terms, capitalised=True), said.units),
                said.bare_units_rule(),
                said.signs_rule(),
                said.slashes.rule(),
            ]
            if said.spell_acronyms:
                rules.append(Rule("acronyms", _ACRONYM, said.acronym))
        self.rules = [r for r in rules if r is not None]

    def __call__(self, text: str) -> str:
        text = text.replace("\u2011", "-")  # a hyphen that does not break a line is a hyphen ("1‑866‑797‑0000")
        if self.space_thousands:
            text = self.space_thousands.sub(lambda m: m.group(0).replace(" ", ""), text)
        if self.dotted_times:  # "08.30–17.00", "15.30–16.15": Britain's clock, read as the clock with a colon
            text = with_a_colon(text)
        if self.twelve_hour:  # "8:00 and 20:00": the morning's time is on the same 24-hour clock, "08:00"
            text = on_the_24_hour_clock(text)
        # (text, rewritten): rewritten pieces are final and no later rule sees them.
        pieces: list[tuple[str, bool]] = [(text, False)]
        # (but "INR 2.0–3.0", "BP 140/90": one abbreviation and its reading, as a list or a cell has it alone)
        shouting = text.upper() == text and any(c.isalpha() for c in text) and not _READING_ALONE.fullmatch(text)
        for rule in self.rules:
            if (rule.name == "acronyms" and shouting) or (rule.when and not rule.when.search(text)):
                continue  # a heading in capitals is not a row of acronyms; a pattern whose context is elsewhere
            pieces = apply_rule(rule, pieces)
        # "(2ᵉ éd., p. 88)" -> "(deuxième édition, page 88)": a stop said in full goes before a comma.
        pieces = [(piece[:-1] if done and piece.endswith(".") and pieces[i + 1][0].startswith((",", ";")) else piece, done)
                  for i, (piece, done) in enumerate(pieces[:-1])] + pieces[-1:]
        spoken = self.slashes.left_over(" ".join("".join(piece for piece, _ in pieces).split()))
        return self.without_echo(self.days(punctuated(spoken, text)))


def normalize(text: str, lang: str = "en", pronounce: Mapping[str, str] | None = None,
              terms: Mapping[str, str] | None = None) -> str:
    """One-off normalisation; build a `Normalizer` once to rewrite many sentences."""
    return Normalizer(lang, pronounce, terms)(text)
