"""What a listener hears, measured: the content error of a transcript.

Content error = (substituted + deleted words) / words a listener should hear,
on the best alignment of the two word lists. Inserted words (a recogniser's
"uh", a repeated word) are not counted: they take nothing from the listener.
"""

from __future__ import annotations


def content_error(reference: list[str], heard: list[str]) -> float:
    """(substitutions + deletions) / len(reference), on a minimum-edit alignment."""
    # Each cell holds (edits, substitutions + deletions): fewest edits first, then fewest lost words.
    previous = [(j, 0) for j in range(len(heard) + 1)]
    for i, word in enumerate(reference, start=1):
        current = [(i, i)] + [(0, 0)] * len(heard)
        for j, said in enumerate(heard, start=1):
            match = previous[j - 1][0] + (word != said), previous[j - 1][1] + (word != said)
            deletion = previous[j][0] + 1, previous[j][1] + 1
            insertion = current[j - 1][0] + 1, current[j - 1][1]
            current[j] = min(match, deletion, insertion)
        previous = current
    return previous[-1][1] / max(1, len(reference))
