"""The machinery of the normaliser: a rule (a pattern and what it rewrites a match to), the rules
made from a table of terms or of patterns, and how a rule is applied to a sentence's pieces."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from .number_shapes import ordinal_words


@dataclass(frozen=True)
class Rule:
    """One rewrite: every match of `pattern` in text not yet rewritten becomes `replace(match)`; with `when`,
    only in a sentence where `when` is found (in the whole sentence as written, not the piece left to rewrite)."""

    name: str
    pattern: re.Pattern
    replace: Callable[[re.Match], str | None]
    when: re.Pattern | None = None


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


def not_after_a_slash(rule: Rule | None, units: Mapping) -> Rule | None:
    """The abbreviations, except a unit with a stop right after a slash: "mL/min." ends a sentence on
    a unit, which the bare units say ("per minute"), not on "minimum"; "Sr./Sra." is two titles."""
    if rule is None:
        return None

    def replace(m: re.Match) -> str | None:
        if m.group(0).endswith(".") and m.string[: m.start()].endswith("/") and m.group(0)[:-1] in units:
            return None
        return rule.replace(m)

    return Rule(rule.name, rule.pattern, replace)


def pattern_rule(index: int, entry: Mapping, word_tables: Mapping | None = None,
                 contexts: Mapping | None = None, fragments: Mapping | None = None) -> Rule:
    """A ``[[patterns]]`` entry: `match` said as `say`; with `when`, only in a sentence where `when` is found
    (a context no look-behind reaches: "Alterne paracetamol 500 mg/ibuprofeno 400 mg" is said with "o"); with
    `context`, the `when` of that name in the language's ``[contexts]``, which several patterns share.
    Its `words` are a table, or the name of one in the language's ``[word_tables]``, which several share;
    "{ordinal}" in what is said is its first group's number as an ordinal, in the words of the language's
    ``ordinal_words`` word table ("13e" -> "treizième"). "{fragment:name}" in the match is the piece of pattern of
    that name in the language's ``[fragments]``."""
    match, say, words = entry["match"], entry["say"], entry.get("words")
    for name, piece in (fragments or {}).items():  # "{fragment:name}": a piece of pattern several share
        match = match.replace("{fragment:" + name + "}", piece)
    if isinstance(words, str):
        words = (word_tables or {})[words]
    when = (contexts or {})[entry["context"]] if "context" in entry else entry.get("when")
    when = re.compile(when) if when else None
    # A family of words in one context ("2026 Jun 1", "du lun. au ven."): "{words}" in the match is
    # any of them, and "{word}" in what is said is the first of them in the match, in full ("{word2}" the
    # last: "Apr–Jun" is "April to June"; "{middle}" those between, with commas: "Mon-Wed-Fri").
    any_word = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None
    if any_word:
        match = match.replace("{words}", f"(?:{any_word.pattern})")

    def replace(m: re.Match) -> str | None:
        said = m.expand(say)
        if "{ordinal}" in said:
            said = said.replace("{ordinal}", ordinal_words(int(m.group(1)), word_tables["ordinal_words"]))
        if not any_word:
            return said
        found = [words[w] for w in any_word.findall(m.group(0))]
        said = said.replace("{middle}", ", ".join(found[1:-1]))
        return said.replace("{word2}", found[-1]).replace("{word}", found[0])

    return Rule(f"pattern {index + 1}", re.compile(match), replace, when)


def apply_rule(rule: Rule, pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
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


# A gloss in brackets that says again what was just said: "HTN (high blood pressure)" is "high blood pressure (high
# blood pressure)" once the abbreviation is said in full, and the listener needs it once.
_ECHO = re.compile(r"\b([^\W\d_][\w'’ -]{2,60}?) \((\1)\)", re.IGNORECASE)
# A bracket after a word: a gloss of what goes before it, perhaps.
_GLOSS = re.compile(r"([^()]*?[^\W\d_]) \(([^()]{2,40})\)")


def _spelling(word: str) -> str:
    """A word as either side of the Atlantic spells it: "haemoglobin" and "hemoglobin", "anaesthetise" and
    "anesthetize", "millilitres" and "milliliters", "behaviour" and "behavior", one and several ("tablets")."""
    word = re.sub(r"[ao]e(?=[a-z])", "e", word.removesuffix("s"))  # oesophagus, haemoglobin
    word = re.sub(r"(?<=[^aeiou])re$", "er", re.sub(r"(?<=[a-z]{3})our$", "or", word))  # litre, behaviour
    return re.sub(r"([iy])s(e|ed|es|ing)$", r"\1z\2", word)  # anaesthetise, analyse


def without_echo(glosses: Mapping | None = None) -> Callable[[str], str]:
    """What leaves out of a spoken sentence a gloss that repeats what was just said: word for word, or, by the
    language's ``[glosses]`` table, in other words of the same meaning ("once daily (once a day)", "at bedtime (at
    bedtime)", "Haemoglobin (hemoglobin)"): each of its words but the table's `filler` is one of the few words just
    before it, one of them the last, or that word spelled another way, or named in `same` ("daily" for "day"). A gloss
    with a figure, or one that opens with one of the table's `alternatives` ("(or prednisolone)"), is never left out."""
    if not glosses:
        return lambda spoken: _ECHO.sub(r"\1", spoken)
    filler, same = frozenset(glosses.get("filler", ())), glosses.get("same", {})
    alternatives = frozenset(glosses.get("alternatives", ()))  # "prednisone (or prednisolone)" names another

    def said_before(word: str, before: list[str]) -> bool:
        return any(w == word or same.get(w) == word or same.get(word) == w or _spelling(w) == _spelling(word)
                   for w in before)

    def gloss(m: re.Match) -> str:
        inside = re.findall(r"[^\W\d_]+", m.group(2).lower())
        words = [w for w in inside if w not in filler]
        before = re.findall(r"[^\W\d_\s]+|\d+", m.group(1).lower())[-(len(inside) + 1):]
        if not words or inside[0] in alternatives or re.search(r"\d", m.group(2)) \
                or not all(said_before(w, before) for w in words) \
                or not any(said_before(w, before[-1:]) for w in words):  # "96 percent (on room air)" says which
            return m.group(0)
        return m.group(1)

    return lambda spoken: _GLOSS.sub(gloss, _ECHO.sub(r"\1", spoken))
