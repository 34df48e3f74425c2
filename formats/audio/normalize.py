"""Text normalisation before speech: say "mg/dL" as "milligrams per deciliter".

Speech engines guess at symbols, units and abbreviations, and often guess
wrong ("A1C" becomes "A one-C" or "day one C", "911" becomes "nine hundred
eleven"). A `Normalizer` rewrites each sentence into words first, in this
order:

1. the article's ``pronounce:`` entries (whole word, case-sensitive): they win
   over everything below;
2. the caller's extra terms (a theme's ``audio/pronounce.toml``), same rules;
3. web addresses, said as the site name ("www.cdc.gov/x" -> "C D C dot gov");
4. ISO dates ("2026-11-01" -> "November 1, 2026");
5. phone numbers, digit by digit ("1-800-555-0199" -> "1, 8 0 0, 5 5 5, 0 1 9 9");
6. ranges ("5–10" -> "5 to 10");
7. English: emergency numbers ("call 911"), numbers with units ("1 kg" ->
   "1 kilogram", "5.7%" -> "5.7 percent"), the term table (abbreviations,
   medical acronyms, units standing alone);
8. comparison signs ("≥" -> "greater than or equal to");
9. English: other all-capital acronyms are spelled ("PCOS" -> "P C O S").

Text produced by one step is never rewritten by a later one, so a
pronunciation given by the author reaches the engine exactly as written.

English gets every rule. Other languages get the pronounce entries, the
language-neutral rules (phone digits) and, where this module knows the
language's words, dates, ranges, signs and percent; the rest is left to the
engine, which reads numbers in its own language.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, Mapping

from ..labels import MONTHS, date_words, primary_language

# --- words per language ------------------------------------------------------

# Words for signs and ranges, for the languages we know them in.
SIGN_WORDS = {
    "en": {"<": "less than", ">": "greater than", "≤": "less than or equal to", "≥": "greater than or equal to",
           "<=": "less than or equal to", ">=": "greater than or equal to", "±": "plus or minus", "≈": "about",
           "~": "about", "×": "times", "&": "and", "to": "to", "%": "percent"},
    "es": {"<": "menos de", ">": "más de", "≤": "menor o igual a", "≥": "mayor o igual a", "<=": "menor o igual a",
           ">=": "mayor o igual a", "±": "más o menos", "≈": "aproximadamente", "~": "aproximadamente",
           "&": "y", "to": "a", "%": "por ciento"},
    "fr": {"<": "moins de", ">": "plus de", "≤": "inférieur ou égal à", "≥": "supérieur ou égal à",
           "<=": "inférieur ou égal à", ">=": "supérieur ou égal à", "±": "plus ou moins", "≈": "environ",
           "~": "environ", "&": "et", "to": "à", "%": "pour cent"},
    "de": {"<": "weniger als", ">": "mehr als", "≤": "kleiner oder gleich", "≥": "größer oder gleich",
           "<=": "kleiner oder gleich", ">=": "größer oder gleich", "±": "plus minus", "≈": "etwa", "~": "etwa",
           "&": "und", "to": "bis", "%": "Prozent"},
    "it": {"<": "meno di", ">": "più di", "≤": "minore o uguale a", "≥": "maggiore o uguale a",
           "<=": "minore o uguale a", ">=": "maggiore o uguale a", "±": "più o meno", "&": "e", "to": "a",
           "%": "per cento"},
    "pt": {"<": "menos de", ">": "mais de", "≤": "menor ou igual a", "≥": "maior ou igual a",
           "<=": "menor ou igual a", ">=": "maior ou igual a", "±": "mais ou menos", "&": "e", "to": "a",
           "%": "por cento"},
}

# Units after a number: symbol -> (singular, plural). A unit also stands alone
# ("in mg/dL") when BARE_UNITS lists it: single letters and real words do not.
UNITS = {
    "mg": ("milligram", "milligrams"),
    "mcg": ("microgram", "micrograms"),
    "µg": ("microgram", "micrograms"),
    "μg": ("microgram", "micrograms"),
    "g": ("gram", "grams"),
    "kg": ("kilogram", "kilograms"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "mL": ("milliliter", "milliliters"),
    "ml": ("milliliter", "milliliters"),
    "dL": ("deciliter", "deciliters"),
    "L": ("liter", "liters"),
    "l": ("liter", "liters"),
    "mmol": ("millimole", "millimoles"),
    "mol": ("mole", "moles"),
    "mEq": ("milliequivalent", "milliequivalents"),
    "IU": ("international unit", "international units"),
    "mm": ("millimeter", "millimeters"),
    "cm": ("centimeter", "centimeters"),
    "m": ("meter", "meters"),
    "km": ("kilometer", "kilometers"),
    "mmHg": ("millimeter of mercury", "millimeters of mercury"),
    "kcal": ("calorie", "calories"),
    "cal": ("calorie", "calories"),
    "bpm": ("beat per minute", "beats per minute"),
    "h": ("hour", "hours"),
    "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"),
    "min": ("minute", "minutes"),
    "sec": ("second", "seconds"),
    "wk": ("week", "weeks"),
    "mo": ("month", "months"),
    "yr": ("year", "years"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "%": ("percent", "percent"),
}
BARE_UNITS = frozenset({"mg", "mcg", "µg", "μg", "kg", "lbs", "mL", "dL", "mmol", "mEq", "mmHg", "kcal", "bpm",
                        "°F", "°C"})

# English terms said as words. Keys match whole words, case-sensitively; an
# entry that starts with a lower-case letter also matches capitalised ("E.g.").
ENGLISH_TERMS = {
    # abbreviations
    "e.g.": "for example,",
    "i.e.": "that is,",
    "vs.": "versus",
    "vs": "versus",
    "etc.": "et cetera",
    "et al.": "and others",
    "approx.": "about",
    "cf.": "compare",
    "Dr.": "Doctor",
    "Drs.": "Doctors",
    "Mr.": "Mister",
    "Mrs.": "Missus",
    "Ms.": "Miz",
    "Prof.": "Professor",
    "Jr.": "Junior",
    "Sr.": "Senior",
    "a.m.": "A M",
    "p.m.": "P M",
    "U.S.": "U S",
    "U.K.": "U K",
    "Ph.D.": "P H D",
    "M.D.": "M D",
    "PhD": "P H D",
    # medical terms a listener knows by their letters
    "A1C": "A one C",
    "A1c": "A one C",
    "HbA1c": "H B A one C",
    "HbA1C": "H B A one C",
    "BMI": "B M I",
    "mg/dL": "milligrams per deciliter",
    "mmol/L": "millimoles per liter",
    "mmol/mol": "millimoles per mole",
    "COVID-19": "COVID 19",
    "911": "9 1 1",
}
# Emergency and help-line numbers are said digit by digit ("call 999" -> "call 9 9 9").
_SERVICE_NUMBER = re.compile(r"\b((?:[Cc]all|[Dd]ial|[Rr]ing|[Tt]ext)(?:ing)?\s+)(\d{3})(?!\d|[.,]\d)")

# All-capital words that are said as words: acronyms people pronounce, roman
# numerals, and short English words written in capitals for emphasis ("Do NOT
# stop"). Any other word of 2 to 6 capitals is spelled out.
SAID_AS_WORDS = frozenset(
    """
    AIDS COVID NASA UNICEF WIC DASH HIPAA SARS MERS NICE SIDS OSHA FEMA LASIK GERD SNAP PEP MEDLINE PUBMED
    SMART FAST RICE PREP NSAID NSAIDS MRSA OK OKAY
    II III VI VII VIII IX XI XII XX
    A AN AND ANY ALL ARE AS ASK AT BAD BE BEFORE AFTER BUT BY CALL CAN COLD DAILY DAY DO DOES DONT DRINK EAT
    EACH EVER EVERY FEW FIRST FOR FREE FROM GET GO GOOD HAS HAVE HELP HERE HIGH HOT HOW IF IN IS IT JUST
    KEEP KNOW LAST LEAST LESS LIKE LOW MAY MORE MOST MUST NEED NEVER NEW NEXT NO NONE NOT NOTE NOW OF OFF ON
    ONCE ONE ONLY OR OUT OVER REST RISK SAFE SEE SHOULD SIGNS SLEEP SLOW SOON STOP SURE TAKE TELL THAN THAT
    THE THEM THEN THERE THESE THEY THIS TIP TIPS TO TODAY TOO TRY TWICE TWO UNDER UNTIL UP USE VERY WAIT
    WARM WATER WE WELL WHAT WHEN WHERE WHICH WHY WILL WITH WITHIN YES YOU YOUR ALWAYS AVOID CHECK
    """.split()
)


# Top-level domains people say as a word; others are spelled ("uk" -> "U K").
SAID_DOMAINS = frozenset({"com", "org", "gov", "net", "info", "health"})
DOT_WORDS = {"en": "dot", "es": "punto", "fr": "point", "de": "Punkt", "it": "punto", "pt": "ponto"}
# Abbreviations that can end a sentence: their full stop stays when a new sentence follows.
CLOSING_ABBREVIATIONS = frozenset({"etc.", "et al.", "a.m.", "p.m."})


def site_name(url: str, dot: str = "dot") -> str:
    """How a person says where a link goes: "https://www.cdc.gov/x" -> "C D C dot gov".

    Short labels and labels that look like letters rather than a word
    ("niddk", "ncbi") are spelled; the rest are said as words.
    """
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].lower()
    if host.startswith("www."):
        host = host[4:]
    said = []
    for label in host.split("."):
        if not label:
            continue
        if label in SAID_DOMAINS:
            said.append(label)
        elif len(label) <= 3 or not re.search(r"[aeiouy]", label) or (
            len(label) <= 5 and re.search(r"[^aeiouy]{3}", label)
        ):
            said.append(spell(label.upper()))
        else:
            said.append(label)
    return f" {dot} ".join(said)


def spell(letters: str) -> str:
    """ "PCOS" -> "P C O S": the engine then says each letter."""
    return " ".join(letters)


# --- the machinery ---------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rewrite: every match of `pattern` in text not yet rewritten becomes `replace(match)`."""

    name: str
    pattern: re.Pattern
    replace: Callable[[re.Match], str]


def whole_word(term: str) -> str:
    """A pattern for `term` that does not match inside a longer word ("BMI" not in "BMIs2")."""
    left = r"(?<![\w])" if re.match(r"\w", term) else ""
    right = r"(?![\w])" if re.search(r"\w$", term) else ""
    return left + re.escape(term) + right


def terms_rule(name: str, terms: Mapping[str, str], *, capitalised: bool = False) -> Rule | None:
    table = {str(k): str(v) for k, v in terms.items() if str(k)}
    if capitalised:
        for key, value in list(table.items()):
            if key[0].islower():
                table.setdefault(key[0].upper() + key[1:], value[:1].upper() + value[1:])
    if not table:
        return None
    # Longest first, so "mg/dL" wins over "mg".
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(whole_word(k) for k in keys))
    return Rule(name, pattern, lambda m: table[m.group(0)])


_UNIT_AFTER = re.compile(r"\s?(%|[a-zA-Zµμ]+/|mg\b|g\b|kg\b|mL\b|ml\b|L\b|mmol\b|IU\b|units?\b|calories\b|steps\b|minutes\b)")
_PHONE_CANDIDATE = re.compile(r"(?<![\w/.+-])(\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d+(?:[ .-]\d+)*(?![\w/-]|\.\d)")


def _phone(match: re.Match) -> str | None:
    text = match.group(0)
    if _ISO_DATE.fullmatch(text):
        return None  # a date in a language whose month names we do not know
    groups = re.findall(r"\d+", text)
    digits = sum(len(g) for g in groups)
    if not 7 <= digits <= 15:
        return None
    international = text.startswith("+") or "(" in text
    # A local number "555-0134" is three digits, a hyphen and four; a range
    # of that shape ("100-1000 mg") has a unit or a percent sign after it.
    local = re.fullmatch(r"\d{3}-\d{4}", text) is not None and not _UNIT_AFTER.match(match.string, match.end())
    # A national number written with spaces starts with a trunk 0 ("020 7946 0958").
    national = re.fullmatch(r"0\d{2,4}( \d{3,4}){2}", text) is not None
    # Otherwise three or more groups joined by - or . ("1-800-555-0199"); two groups could be
    # a range of years ("2020-2024"), and spaces alone could be a list of numbers.
    listed = len(groups) >= 3 and re.search(r"\d[.-]\d", text) and " " not in text
    if not (international or local or national or listed):
        return None
    if any(len(g) > 4 for g in groups[:-1]):
        return None
    return ", ".join(spell(g) for g in groups)


# A URL, or a bare domain with a common ending ("CDC.gov", "niddk.nih.gov").
_WEB_ADDRESS = re.compile(
    r"\bhttps?://[^\s<>\"]*[^\s<>\".,;:)\]]"
    r"|(?<![\w@.-])(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:gov|org|com|net|edu|int|info|health|uk|ca|au|es|de|fr)(?![\w.-]*\w)"
    r"(?:/[^\s<>\"]*[^\s<>\".,;:)\]])?"
)
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_RANGE_DASH = re.compile(r"(?<=[\d%])\s*[-–—‒]\s*(?=\d)")


def _range(match: re.Match, to: str) -> str | None:
    """ "5–10" -> "5 to 10", but "2026-13-45" or "1-2-3" are not ranges: leave them to the engine."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if re.search(r"\d\s*[-–—‒]\s*[\d.,]*%?$", before) or re.match(r"[\d.,]*%?\s*[-–—‒]\s*\d", after):
        return None
    return f" {to} "


def _units_rule(language: str) -> Rule:
    names = sorted(UNITS, key=len, reverse=True)
    unit = "|".join(re.escape(u) for u in names)
    # "5.7%", "100 mg/dL", "1 kg"; a compound "X/Y" is said "X per Y".
    pattern = re.compile(rf"(?<![\w.])({_NUMBER})(\s?)({unit})(?:/({unit}))?(?![\w/])")

    def replace(m: re.Match) -> str:
        number, _, first, per = m.groups()
        if first == "%" and per is None:
            return f"{number} {SIGN_WORDS[language]['%']}"
        singular, plural = UNITS[first]
        said = singular if number == "1" else plural
        if per:
            said += " per " + UNITS[per][0]
        return f"{number} {said}"

    return Rule("units", pattern, replace)


def _bare_units_rule() -> Rule:
    bare = sorted(BARE_UNITS, key=len, reverse=True)
    every = sorted(UNITS, key=len, reverse=True)
    alternatives = "|".join(re.escape(u) for u in every)
    pattern = re.compile(
        rf"(?<![\w/])(?:({'|'.join(re.escape(u) for u in bare)})|({alternatives})/({alternatives}))(?![\w/])"
    )

    def replace(m: re.Match) -> str:
        alone, first, per = m.groups()
        if alone:
            return UNITS[alone][1]
        return f"{UNITS[first][1]} per {UNITS[per][0]}"

    return Rule("bare units", pattern, replace)


def _closing_abbreviations_rule() -> Rule:
    keys = sorted(CLOSING_ABBREVIATIONS, key=len, reverse=True)
    pattern = re.compile("(" + "|".join(whole_word(k) for k in keys) + r")(?=\s+[A-Z])")
    return Rule("closing abbreviations", pattern, lambda m: ENGLISH_TERMS[m.group(1)] + ".")


def _signs_rule(words: Mapping[str, str]) -> Rule:
    signs = sorted((s for s in words if not s.isalpha() and s != "%"), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(s) for s in signs))
    return Rule("signs", pattern, lambda m: f" {words[m.group(0)]} ")


_ACRONYM = re.compile(r"(?<![\w'’-])[A-Z]{2,6}(?![\w'’-])")


def _acronym(match: re.Match) -> str | None:
    word = match.group(0)
    return None if word in SAID_AS_WORDS else spell(word)


class Normalizer:
    """Rewrite text for a speech engine speaking `lang`.

    `pronounce` (the article's entries) and `terms` (extra entries, e.g. from a
    theme) are whole-word, case-sensitive replacements; pronounce wins.
    """

    def __init__(self, lang: str, pronounce: Mapping[str, str] | None = None,
                 terms: Mapping[str, str] | None = None):
        self.lang = lang
        language = primary_language(lang)
        self.language = language
        rules: list[Rule | None] = [
            terms_rule("pronounce", pronounce or {}),
            terms_rule("terms", terms or {}),
            Rule("web addresses", _WEB_ADDRESS, lambda m: site_name(m.group(0), DOT_WORDS.get(language, "dot"))),
        ]
        if language in MONTHS:
            rules.append(Rule("dates", _ISO_DATE, self._date))
        rules.append(Rule("phone numbers", _PHONE_CANDIDATE, _phone))
        words = SIGN_WORDS.get(language)
        if words:
            rules.append(Rule("ranges", _RANGE_DASH, lambda m: _range(m, words["to"])))
        if language == "en":
            rules += [
                Rule("service numbers", _SERVICE_NUMBER, lambda m: m.group(1) + spell(m.group(2))),
                _units_rule(language),
                _closing_abbreviations_rule(),
                terms_rule("abbreviations", ENGLISH_TERMS, capitalised=True),
                _bare_units_rule(),
            ]
        elif words:
            rules.append(Rule("percent", re.compile(r"(?<=\d)\s?%"), lambda m: f" {words['%']}"))
        if words:
            rules.append(_signs_rule(words))
        if language == "en":
            rules.append(Rule("acronyms", _ACRONYM, _acronym))
        self.rules = [r for r in rules if r is not None]

    def _date(self, match: re.Match) -> str | None:
        try:
            date = _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
        return date_words(date, self.lang)

    def __call__(self, text: str) -> str:
        # (text, rewritten): rewritten pieces are final and no later rule sees them.
        pieces: list[tuple[str, bool]] = [(text, False)]
        shouting = text.upper() == text and any(c.isalpha() for c in text)
        for rule in self.rules:
            if rule.name == "acronyms" and shouting:
                continue  # a heading in capitals is not a row of acronyms
            pieces = _apply(rule, pieces)
        spoken = " ".join("".join(piece for piece, _ in pieces).split())
        spoken = re.sub(r"\s+([,.;:!?])", r"\1", spoken)
        spoken = re.sub(r",([,.;:!?])", r"\1", spoken)  # "e.g., oats" -> "for example,, oats"
        # "… at 5 p.m." ends in a full stop that the expansion swallowed.
        if re.search(r"[.!?…][\"'”’)]*$", text.strip()) and not re.search(r"[.!?…][\"'”’)]*$", spoken):
            spoken += "."
        return spoken


def _apply(rule: Rule, pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for piece, done in pieces:
        if done:
            out.append((piece, done))
            continue
        position = 0
        for match in rule.pattern.finditer(piece):
            replacement = rule.replace(match)
            if replacement is None:
                continue
            if match.start() > position:
                out.append((piece[position:match.start()], False))
            out.append((replacement, True))
            position = match.end()
        if position < len(piece):
            out.append((piece[position:], False))
    return out


def normalize(text: str, lang: str = "en", pronounce: Mapping[str, str] | None = None,
              terms: Mapping[str, str] | None = None) -> str:
    """One-off normalisation; build a `Normalizer` once to rewrite many sentences."""
    return Normalizer(lang, pronounce, terms)(text)
