"""Reading-level formulas, per language, on plain sentences.

Syllables are counted with Pyphen's hyphenation dictionaries (the same
LibreOffice dictionaries WeasyPrint hyphenates with), so nothing is
downloaded and every language Pyphen knows gets a count. A hyphenation
point is a syllable boundary. Pyphen is asked for points one letter from
the start and two from the end: with its default margins (two and two) it
counted 7% fewer syllables than the CMU pronouncing dictionary on our
examples, a grade lower than the truth; with these, 1 to 2% fewer (a single
final letter is never a syllable of its own: "tablet-s").

Each language has its own formulas, each calibrated on its own language:

- English: Flesch-Kincaid grade level (Kincaid et al. 1975) and
  Coleman-Liau (1975), both as US school grades.
- Spanish: Fernández-Huerta reading ease (1959) and the INFLESZ scale
  (Barrio-Cantalejo et al. 2008, on Szigriszt-Pazos' perspicuity): 0 to 100,
  higher is easier.
- French: Kandel-Moles reading ease (1958): 0 to 100, higher is easier.

Ease scores are also given as an approximate US grade (Flesch's own table of
ease bands to school grades) so that one set of targets serves every
language. Other languages get the Flesch-Kincaid grade with a note that it
was made for English.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

import pyphen

# A word: letters, with apostrophes or hyphens inside ("don't", "well-known").
# Numbers are not words here: "5 mg" is not read as syllables of text.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@functools.cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    for name in (language, language.split("-")[0], language.split("_")[0]):
        found = pyphen.language_fallback(name.replace("-", "_"))
        if found:
            return pyphen.Pyphen(lang=found, left=1, right=2)
    return None


_VOWEL_GROUPS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûüœæ]+", re.IGNORECASE)


def _vowel_groups(part: str, language: str) -> int:
    groups = len(_VOWEL_GROUPS.findall(part))
    if language.startswith("en") and part.lower().endswith("e") and not part.lower().endswith(("le", "ee")):
        groups -= 1  # a silent final e: "fire", "code"
    return max(groups, 1)


def syllables(word: str, language: str) -> int:
    """Syllables in one word: its hyphenation points plus one.

    A dictionary knows few medical words ("retinopa-thy"): where the vowel
    groups outnumber its count by two or more, the vowel groups are taken.
    """
    total = 0
    dic = _dictionary(language)
    for part in re.split(r"['’\-]", word):
        if not part:
            continue
        groups = _vowel_groups(part, language)
        counted = len(dic.positions(part.lower())) + 1 if dic is not None else groups
        total += groups if groups >= counted + 2 else counted
    return max(total, 1)


_ADDRESS = re.compile(r"(?:\w+://|www\.)\S+|\S+@\S+\.\w+")


def words(text: str) -> list[str]:
    """The words of ``text``; web and e-mail addresses are not words a reader sounds out."""
    return WORD.findall(_ADDRESS.sub(" ", text))


@dataclass(frozen=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0  # words of three syllables or more

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.sentences, self.words, self.syllables, self.letters, self.polysyllables)


def count(sentences: list[str], language: str) -> Counts:
    total = Counts()
    for sentence in sentences:
        found = words(sentence)
        if not found:
            continue
        counts = [syllables(word, language) for word in found]
        total += Counts(1, len(found), sum(counts), sum(sum(c.isalpha() for c in w) for w in found),
                        sum(c >= 3 for c in counts))
    return total


@dataclass(frozen=True)
class Score:
    formula: str  # "Flesch-Kincaid grade"
    value: float  # as the formula gives it
    grade: float  # the approximate US school grade, for comparing with the targets
    scale: str  # how to read value: "grade" or "ease (0-100, higher is easier)"
    band: str = ""  # the formula's own word for the value, where it has one
    note: str = ""


@dataclass(frozen=True)
class Level:
    counts: Counts
    scores: tuple[Score, ...] = field(default_factory=tuple)

    @property
    def grade(self) -> float | None:
        """The grade the targets are judged on: the first formula's."""
        return self.scores[0].grade if self.scores else None


def flesch_kincaid_grade(c: Counts) -> float:
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def coleman_liau(c: Counts) -> float:
    letters_per_100 = 100 * c.letters / c.words
    sentences_per_100 = 100 * c.sentences / c.words
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def fernandez_huerta(c: Counts) -> float:
    # 206.84 - 0.60 P - 1.02 F, P syllables and F sentences per 100 words
    return 206.84 - 60 * c.syllables / c.words - 102 * c.sentences / c.words


def szigriszt_pazos(c: Counts) -> float:
    """Perspicuity, the number the INFLESZ scale bands."""
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences


def kandel_moles(c: Counts) -> float:
    return 207 - 1.015 * c.words / c.sentences - 73.6 * c.syllables / c.words


# Flesch's table: reading ease at least X is read by school grade Y.
_EASE_GRADES = ((90, 5), (80, 6), (70, 7), (60, 8.5), (50, 11), (30, 14), (0, 17))
_INFLESZ_BANDS = ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil"), (-math.inf, "muy difícil"))
_FLESCH_BANDS = ((90, "très facile"), (80, "facile"), (70, "assez facile"), (60, "standard"), (50, "assez difficile"),
                 (30, "difficile"), (-math.inf, "très difficile"))


def ease_to_grade(ease: float) -> float:
    for floor, grade in _EASE_GRADES:
        if ease >= floor:
            return grade
    return _EASE_GRADES[-1][1]


def _band(value: float, bands) -> str:
    return next(name for floor, name in bands if value >= floor)


EASE = "ease (0-100, higher is easier)"


def level(sentences: list[str], language: str) -> Level:
    """The reading level of these sentences in ``language`` (a BCP 47 tag or its primary subtag)."""
    c = count(sentences, language)
    if not c.words:
        return Level(c)
    primary = language.split("-")[0].split("_")[0].lower()
    if primary == "es":
        fh, inflesz = fernandez_huerta(c), szigriszt_pazos(c)
        scores = (Score("Fernández-Huerta", fh, ease_to_grade(fh), EASE),
                  Score("INFLESZ", inflesz, ease_to_grade(inflesz), EASE, _band(inflesz, _INFLESZ_BANDS)))
    elif primary == "fr":
        km = kandel_moles(c)
        scores = (Score("Kandel-Moles", km, ease_to_grade(km), EASE, _band(km, _FLESCH_BANDS)),)
    else:
        fk = flesch_kincaid_grade(c)
        scores = [Score("Flesch-Kincaid grade", fk, fk, "grade")]
        if primary == "en":
            cl = coleman_liau(c)
            scores.append(Score("Coleman-Liau", cl, cl, "grade"))
        else:
            scores[0] = Score("Flesch-Kincaid grade", fk, fk, "grade",
                              note=f"made for English; there is no formula for '{language}' here")
        scores = tuple(scores)
    return Level(c, scores)
