"""A slash between two words, as a listener takes it: "DVT/PE" is one or the other, "albumin/creatinine ratio" a
ratio, "Tuesday / Thursday" and "8 A M / 8 P M" both, "2 units / hour" so many per hour. A unit's slash ("mg/kg")
is the units' to say; one left between numbers ("9247 / 9248") or blanks is left as written."""

from __future__ import annotations

import re
from typing import Mapping

from .rules import Rule

_LETTER_BEFORE = re.compile(r"(?<=[^\W\d_])\s?/\s?(?=[^\W\d_])")
_CLOCK = re.compile(r"\b[AP] M$")  # "8 A M": the spoken text's clock time
_COUNTED = re.compile(r"\d [^\W\d_]+$")  # "2 units", "8 puffs"


class Slashes:
    def __init__(self, table: Mapping, units: Mapping[str, tuple]):
        words = table.get("words", {})
        self.or_, self.and_, self.per = words.get("or"), words.get("and"), words.get("per", "per")
        ratio = table.get("ratio", {})  # "rapport albumine/créatinine": the slash of a ratio is not "or"
        self.ratio = ratio.get("word")
        self.ratio_before = frozenset(ratio.get("before", ()))
        self.ratio_after = frozenset(ratio.get("after", ()))
        self.units = units
        # Units that are words ("day", "dose"); those written short, and what they are said as ("kg", "kilograms"):
        # after a slash, one of these is the unit's ("Dose / kg"), not one of two things.
        self.unit_words = {form for key, forms in units.items() if key in forms for form in forms}
        self.short = {key for key in units if key not in self.unit_words}
        self.short_said = {form for key in self.short for form in units[key]} - self.unit_words
        self.after_a_count = set(units) | self.short_said | self.unit_words  # "2 units / hour", "8 puffs / day"
        self.days = {str(day) for day in table.get("weekdays", {}).get("said", {}).values()}

    def rule(self) -> Rule | None:
        """ "DVT/PE", "pink/red": a slash between two words, after every unit has had its turn."""
        if not self.or_:
            return None

        def replace(m: re.Match) -> str | None:
            before = re.search(r"[^\W\d_]+$", m.string[: m.start()]).group(0)
            after = re.match(r"[^\W\d_]+", m.string[m.end():]).group(0)
            if before in self.units or after in self.units:
                return None  # "mg/kg/j", "1 puff/dose"; spaced, "Medicine / dose", the slash left over below
            return f" {self.ratio if self._in_a_ratio(m) else self._or_and(m.string[: m.start()], after)} "

        return Rule("slash between words", _LETTER_BEFORE, replace)

    def left_over(self, spoken: str) -> str:
        """ "four times a day / every 6 hours", "four times a day/as needed": a slash between two things said by
        rules of their own, which the rule above does not see."""
        if not self.or_:
            return spoken

        def said(m: re.Match) -> str:
            left, right = m.group(1), m.group(2).strip("().,;:!?")
            # "Health 8 1 1 / Telehealth": a number, then a name
            named = left[-1:].isdigit() and re.match(r"[^\W\d_]{2}", right) and right not in self.units
            if not (re.search(r"[^\W\d_]$|\([A-Z][a-z]+\)$", left) or named) or left in self.short:
                return m.group(0)  # "_ _ / _ _", "weight (kilograms) / height (m)"
            if right in self.after_a_count and _COUNTED.search(m.string[: m.end(1)]):
                return f"{left} {self.per} "  # "2 units / hour", "8 puffs / day"
            if right in self.short or right in self.short_said:
                return m.group(0)  # "Dose / kg"
            if not re.match(r"[^\W\d_]", right) and not _CLOCK.search(m.string[: m.end(1)]):
                return m.group(0)  # "9247 / 9248"
            return f"{left} {self._or_and(m.string[: m.end(1)], right)} "

        spoken = re.sub(r"([^\W\d_]+)/(?=([^\W\d_]+))", self._between_said_words, spoken)
        return re.sub(r"(\S+) / (?=(\S+))", said, spoken)

    def _between_said_words(self, m: re.Match) -> str:
        """ "QID/PRN" -> "four times a day/as needed": a slash left between two pieces said in full is "or"
        (a unit's, "puff/dose", is the units' to say)."""
        left, right = m.group(1), m.group(2)
        if right in self.units or right in self.short_said:
            return m.group(0)
        return f"{left} {self._or_and(m.string[: m.end(1)], right)} "

    def _or_and(self, before: str, right: str) -> str:
        """ "and" between weekdays or clock times ("Tuesday / Thursday", "8 A M / 8 P M"); otherwise "or"."""
        both = before.rsplit(" ", 1)[-1] in self.days or right in self.days or _CLOCK.search(before)
        return self.and_ if both and self.and_ else self.or_

    def _in_a_ratio(self, slash: re.Match) -> bool:
        """ "rapport albumine/créatinine", "albumin/creatinine ratio": the word before the pair or after it."""
        if not self.ratio:
            return False
        before = re.search(r"([^\W\d_]+)\s+[^\W\d_]+$", slash.string[: slash.start()])
        after = re.match(r"[^\W\d_]+\s+([^\W\d_]+)", slash.string[slash.end():])
        return bool(before and before.group(1).lower() in self.ratio_before
                    or after and after.group(1).lower() in self.ratio_after)
