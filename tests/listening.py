"""What a listener hears, measured: the content error of a transcript.

Content error = (substituted + deleted words) / words a listener should hear,
on the best alignment of the two word lists. Inserted words (a recogniser's
"uh", a repeated word) are not counted: they take nothing from the listener.
How a recogniser writes what it heard is not held against the voice: a
word written as two ("heat stroke" for "heatstroke", "8.30" for "8 30") is
the same word, a site name written "heart.org" was heard "heart dot org",
and a unit the recogniser abbreviates ("125mg") was heard in full, a date's "12th" written "12".
"""

from __future__ import annotations

import re


# How the recogniser writes a unit it heard in full.
RECOGNISER_UNITS = {"mg": "milligrams", "kg": "kilograms", "ml": "milliliters", "mcg": "micrograms"}


def heard_text(transcript: str) -> str:
    """A transcript with what the recogniser abbreviated written as the listener heard it."""
    text = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z]{2,}\b)", " dot ", transcript)
    # "7.2 mm per liter": no length is per liter, so it heard millimoles
    text = re.sub(r"\bmm(?=\s+per\s+lit(?:er|re)\b)", "millimoles", text, flags=re.IGNORECASE)
    text = re.sub(r"\bmm(?=\s+of\s+mercury\b)", "millimeters", text, flags=re.IGNORECASE)  # "mm of mercury"
    return re.sub(r"(?<=[\d\s])(mg|kg|ml|mcg)\b", lambda m: " " + RECOGNISER_UNITS[m.group(1).lower()], text,
                  flags=re.IGNORECASE)


# A day said as an ordinal is written with its figure: the voice says "November twelfth", the recogniser writes
# "November 12", as dates are written.
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")


def content_error(reference: list[str], heard: list[str]) -> float:
    """(substitutions + deletions) / len(reference), on a minimum-edit alignment."""
    reference, heard = [_ORDINAL.sub("", w) for w in reference], [_ORDINAL.sub("", w) for w in heard]

    def same(written: list[str], said: list[str]) -> bool:
        return "".join(written).replace(".", "") == "".join(said).replace(".", "")

    # Each cell holds (edits, substitutions + deletions): fewest edits first, then fewest lost words.
    rows = [[(j, 0) for j in range(len(heard) + 1)]]
    for i, word in enumerate(reference, start=1):
        current = [(i, i)] + [(0, 0)] * len(heard)
        previous = rows[-1]
        for j, said in enumerate(heard, start=1):
            lost = word != said
            options = [
                (previous[j - 1][0] + lost, previous[j - 1][1] + lost),  # match or substitution
                (previous[j][0] + 1, previous[j][1] + 1),  # deletion
                (current[j - 1][0] + 1, current[j - 1][1]),  # insertion
            ]
            for k in (2, 3):  # "a 1 c" heard as "a1c", "heatstroke" as "heat stroke"
                if i >= k and same(reference[i - k:i], [said]):
                    options.append(rows[-k][j - 1])
                if j >= k and same([word], heard[j - k:j]):
                    options.append(previous[j - k])
            current[j] = min(options)
        rows.append(current)
    return rows[-1][-1][1] / max(1, len(reference))
