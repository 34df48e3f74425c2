"""Words run together in a web address's name, found apart: "mychart" is "my chart", not "mitch-art";
"lakeshorecancer" is "lakeshore cancer", "riversidechc" "riverside C H C". Where a label splits into words,
each is said, and a short part that is no word is spelled ("chc", "uk", "bc"). English only: the split
comes from how often English writes each word and each pair (wordsegment's counts, Apache-2.0)."""

from __future__ import annotations

import re
from functools import lru_cache

_VOWEL = re.compile("[aeiouy]")
# Short words said as words in a run ("mychart", "caringforkids"); other parts of three letters or fewer are
# letters ("goodrx", "cancerresearchuk", "healthlinkbc").
_SHORT_WORDS = frozenset("my our go get the and for kid new now one fit eat run you all see med net web eye ear pet day top uro".split())
_SAID = {"st": "saint"}  # "stjohnambulance"
# Short parts with a vowel that are letters: countries, provinces and states ("cancerresearchuk", "healthywa").
# Any other such part means the split went wrong ("staldhelms" is not "st ald helms"): the label is said whole.
_REGIONS = frozenset("uk us au ca nz eu ie bc ab on qc ns nb pe wa sa nt uc ent".split())  # (and "lakeviewuc", "enthealth")
# A part of four or five letters that English seldom writes is a brand cut in pieces ("moun jaro", "invo kana"),
# unless it is a clinic's clipped word or a clinical word the counts underrate ("lakeside peds", "stoma nurses").
_SELDOM = 1_000_000
_CLIPS = frozenset("derm peds rheum endo ortho neuro cardio onco uro gyn heme renal ent neph pulm rehab "
                   "stoma gout acne lupus".split())


@lru_cache(maxsize=1)
def _wordsegment():
    import wordsegment  # its counts take half a second to load: only when an address needs them

    wordsegment.load()
    return wordsegment


def common_word(word: str, often: float = _SELDOM) -> bool:
    """Whether English writes `word`, in lower case as the counts keep it, `often` times or more ("lights", "warmth";
    not "fascrs")."""
    return _wordsegment().UNIGRAMS.get(word, 0) >= often


def path_word(word: str) -> bool:
    """Whether a path's part is a word English writes, if less often than a common one ("/conditions/mumps"); its
    consonants would otherwise make it letters. Not a body's name written short ("/acsm")."""
    return len(word) >= 4 and word.isalpha() and bool(_VOWEL.search(word)) and common_word(word, _SELDOM // 4)


def short_name_as_letters(label: str) -> bool:
    """Whether a site's name of four letters that ends in two consonants is letters: one English seldom writes
    ("facs", "acsm"; said as words they are heard "fax", "acksum"), not "labs", "meds" or a clinic's "derm"."""
    return (len(label) == 4 and label.isalpha() and not _VOWEL.search(label[-2:])
            and label not in _CLIPS and not common_word(label))


def english_words(label: str, site: bool = False) -> str | None:
    """ "mychart" -> "my chart", "riversidechc" -> "riverside C H C", "ankle" -> "ankle"; None where the label is a
    rare word or a run of letters ("nhlbi", "cdc"), or the split leaves a lone letter or a short part that is neither a
    word nor letters ("staldhelms"). A `site`'s name may be two common words the counts keep as one rare one
    ("kidshealth", "northgate"); elsewhere such a word is itself ("/platelets", "thanking@")."""
    words = _wordsegment()
    if len(label) >= 4 and label.isalpha() and _VOWEL.search(label) and common_word(label):
        return label  # one English word: "ankle", "ticks" in a path, not letters
    if len(label) < 6 or not label.isalnum():
        return None
    parts = words.segment(label)
    if len(parts) == 1 and site:  # a rare word the counts keep whole, though two common ones make it: "kidshealth"
        parts = max(([label[:i], label[i:]] for i in range(3, len(label) - 2)
                     if min(words.UNIGRAMS.get(label[:i], 0), words.UNIGRAMS.get(label[i:], 0)) >= 10 * _SELDOM),
                    key=lambda pair: words.UNIGRAMS[pair[0]] * words.UNIGRAMS[pair[1]], default=parts)
    if len(parts) < 2 or "".join(parts) != label or any(len(part) < 2 for part in parts):
        return None
    if any(len(part) <= 3 and _VOWEL.search(part) and part not in _SHORT_WORDS | _REGIONS for part in parts):
        return None
    rare = [4 <= len(part) <= 5 and part.isalpha() and part not in _CLIPS and not common_word(part) for part in parts]
    if any(rare) and not any(common_word(part, 10 * _SELDOM) for part in parts):
        return None  # "moun jaro", "invo kana"; but "carer gateway", "croup care" are a word beside a common one
    return " ".join(_SAID.get(part) or (part if len(part) > 3 or part in _SHORT_WORDS or part.isdigit() and len(part) < 3
                                        else " ".join(part.upper())) for part in parts)
