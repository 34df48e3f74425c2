"""The spoken text's marks, tidied once the rules have rewritten it: no space before a stop or after a bracket, a pause
between a number and a bracket that starts with another, and the sentence's own full stop kept."""

from __future__ import annotations

import re


def punctuated(spoken: str, written: str) -> str:
    """`spoken` (the rules' output for `written`) with its marks where the voice needs them."""
    spoken = re.sub(r"\s+([,.;:!?)\]])", r"\1", spoken)  # "(Vivotif®)" -> "(Vivotif)"
    spoken = re.sub(r"([(\[])\s+", r"\1", spoken)  # "(≥ 55" -> "(at least 55", not "( at least"
    # A number and a bracket that starts with one run together ("01632 960 452 (7.30am-8pm)" was heard as one
    # number, "145 (24 h/24)" as "145 24"): a pause before the bracket (not in "in 2 (3 if needed) weeks").
    spoken = re.sub(r"(\d) \((?=\d)(?![\d.,]+ (?:if|or|when)\b)", r"\1, (", spoken)
    spoken = re.sub(r",([,.;:!?])", r"\1", spoken)  # "e.g., oats" -> "for example,, oats"
    spoken = re.sub(r"\.(?=\))", "", spoken)  # "(eds.)" -> "(editors.)": the stop is the term's, not a sentence's
    # "… at 5 p.m." ends in a full stop that the expansion swallowed.
    if re.search(r"[.!?…][\"'”’)]*$", written.strip()) and not re.search(r"[.!?…][\"'”’)]*$", spoken):
        spoken += "."
    return spoken
