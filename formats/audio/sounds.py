"""What a voice is given to say, below the spoken text. Piper turns words into sounds with
espeak-ng's dictionary, and espeak-ng with its own, and a language's speech data corrects what that
dictionary gets wrong, as raw phonemes in double brackets, in each engine's notation: Piper's IPA
("[[ dˈɛsᵻlˌiːɾɚ ]]", tables ``[piper_sounds]``, ``[piper_letters]``, ``[piper_verbs]``) and
espeak-ng's own phoneme names ("[[d'EsI2l,i:t#3]]", tables ``[espeak_sounds]`` and ``[espeak_letters]``).
Captions and the timeline keep the words."""

from __future__ import annotations

import hashlib
import re

from .normalize import regional_table

# Two or more capital letters standing alone, one space apart: an abbreviation spelled out.
_SPELLED_RUN = re.compile(r"\b([A-Z](?: [A-Z])+)\b('s)?([.,;:!?]*)")  # and its plural: "S S R I's"


# A verb later in the clause: the word before it was its subject, a noun ("Use beyond 7 days can cause...").
# (up to a word that begins another clause: "Use sunscreen when you are outdoors" is an instruction)
_VERBS = (r"\b(?:is|are|was|were|can|could|may|might|should|must|will|would|means?|has|have|had|causes?|helps?|"
          r"leads?|makes?|needs?|does|did|seems?|becomes?|increases|raises|reduces|lowers|affects|carries|requires|"
          r"puts|gives)\b")
_CLAUSE_ENDS = r"if|when|whenever|until|unless|that|so|as|because|while|before|after|since|and|or"
# After "Use" and a preposition ("Use during pregnancy to treat nausea has not..."), the clause runs to its stop; after
# an object ("Use ice every time it swells", "Use sunscreen – it reduces..."), it ends at the next clause's word.
_A_VERB_FOLLOWS_FAR = re.compile(rf"(?:(?!\b(?:{_CLAUSE_ENDS})\b)[^,;:.!?])*?(?<!\bto )(?<!\byou )(?<!\bwe )"
                                 rf"(?<!\bthey )(?<!\bhe )(?<!\bshe ){_VERBS}")
_A_VERB_FOLLOWS = re.compile(rf"(?:(?!\b(?:{_CLAUSE_ENDS}|to|every|each|which|who|whose|this|it|you|we|they)\b)"
                             rf"[^,;:.!?(–-])*?{_VERBS}")
_PREPOSITION = re.compile(r" (?:with|during|beyond|in|of|after|before|for|by|over|under|without|while|on)\b")


# A word in lower case after a sentence's full stop: a word's or a numbered line's ("Reference 1. healthdirect"),
# not an abbreviation's ("C. diff", "in. of"), and not the article "a", which the spoken text writes before letters.
_LOWER_AFTER_A_STOP = re.compile(r"(?:(?<=[a-z]{3}[.!?] )|(?<=[A-Za-z]{3} \d\. )|(?<=[A-Za-z]{3} \d\d\. )|(?<=[A-Za-z]\)\. ))"
                                 r"(?<!\b(?:vol|ref|max|min|tsp|etc|est)\. )(?<!approx\. )(?<!\b(?:incl|tbsp|dept)\. )[a-z](?=[a-z])")
_BLOCK = re.compile(r"(\[\[.*?\]\])")
# A bracket touching a block of phonemes, and the stop after the closing one.
_BRACKET_BEFORE = re.compile(r"\s*[(\[]\s*\[\[(?!\[)")
_BRACKET_AFTER = re.compile(r"\s*\]\](?<!\]\]\])\s*[)\]]([.,;:!?]*)")


class Sounds:
    """The ``[<engine>_sounds]``, ``[<engine>_letters]`` and ``[<engine>_verbs]`` tables of one language."""

    def __init__(self, language: str, engine: str = "piper"):
        speech = regional_table(language)  # "en-NZ": with its region's letters ("N Z" said "en zed")
        self.sounds = {str(word).lower(): str(ipa) for word, ipa in speech.get(f"{engine}_sounds", {}).items()}
        self.letters = {str(letter): str(ipa) for letter, ipa in speech.get(f"{engine}_letters", {}).items()}
        # Letters the engine reads in another language's way, written as the language says them ("thr" sends
        # espeak-ng's French to English: "arthrose" is given as "artrose"); each a regular expression.
        self._respelled = {str(k): str(v) for k, v in speech.get(f"{engine}_respell", {}).items()}
        verbs = speech.get(f"{engine}_verbs", {})
        # Piper drops punctuation outside a block, so a sentence ending on one would lose its fall; espeak-ng
        # reads it only outside, and wants no spaces inside.
        self._inside = engine == "piper"
        self.verbs = {str(word).lower(): str(ipa) for word, ipa in verbs.get("sounds", {}).items()}
        self._verb_after = {str(word).lower() for word in verbs.get("after", [])}
        elided = speech.get(f"{engine}_elided", {})
        tables = repr((sorted(self.sounds.items()), sorted(self.letters.items()), sorted(verbs.items()),
                       sorted(elided.items()), sorted(self._respelled.items())))
        # Part of the engine's version: a changed table must not reuse speech made with the old one.
        self.version = hashlib.sha256(tables.encode()).hexdigest()[:12] if self else ""
        self._sounds_pattern = self._verbs_pattern = self._letter_after = None
        # An elided article or pronoun before a word given as sounds: espeak-ng says "L'[[...]]" with the letter's
        # name ("el artrose"), so the consonant goes into the sounds ("[[lartr'oz]]").
        self._elided = {str(k).lower(): str(v) for k, v in elided.items()}
        self._elided_pattern = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, self._elided), key=len, reverse=True)) + r")['’]\[\[", re.IGNORECASE
        ) if self._elided else None
        letter_after = speech.get("letter_after", {})
        after = "|".join(re.escape(str(word)) for word in letter_after.get("words", []))
        before_lower = "|".join(re.escape(str(word)) for word in letter_after.get("not_before_a_capital", [])) or "(?!)"
        if after and "A" in self.letters:  # "vitamin A", "Part A covers": the letter, though alone
            self._letter_after = re.compile(rf"\b({after}|(?:{before_lower})(?= A\b(?! [A-Z]))) A\b(?![-'’]|\.\w)([.,;:!?]*)")
        if self.sounds:
            # Longest first: a phrase before a shorter entry it holds. Punctuation right after the word is
            # kept with it (see _block).
            words = "|".join(re.escape(w) for w in sorted(self.sounds, key=len, reverse=True))
            self._sounds_pattern = re.compile(rf"\b({words})\b([.,;:!?]*)", re.IGNORECASE)
        objects = "|".join(re.escape(str(word)) for word in verbs.get("objects", []))
        if self.verbs and objects:
            words = "|".join(re.escape(word) for word in self.verbs)
            # A verb that is one before any word ("Use prednisolone"), except those its noun goes on with ("Use of").
            any_word = "|".join(re.escape(str(word)) for word in verbs.get("before_any_word", [])) or "(?!)"
            noun = "|".join(re.escape(str(word)) for word in verbs.get("not_before", [])) or "(?!)"
            self._verbs_pattern = re.compile(rf"\b({words})\b(?= (?:(?:{objects})\b|\d))|\b({any_word})\b"
                                             rf"(?= (?!(?:{noun})\b)[^\W\d_])", re.IGNORECASE)

    def __bool__(self) -> bool:
        return bool(self.sounds or self.letters or self.verbs or self._respelled)

    def apply(self, text: str) -> str:
        """The text with each word of the sounds table, each verb an instruction means, and each
        letter of the letters table in a spelled-out run ("A D H D"), as the engine's phonemes."""
        if self._inside:  # a sentence inside an utterance that begins in lower case ("Pregnancy. healthdirect."):
            text = _LOWER_AFTER_A_STOP.sub(lambda m: m.group(0).upper(), text)  # Piper runs it into the one before
        if self._sounds_pattern is not None:
            text = self._sounds_pattern.sub(lambda m: self._block(self.sounds[m.group(1).lower()], m.group(2)), text)
        if self._elided_pattern is not None:
            text = self._elided_pattern.sub(lambda m: "[[" + self._elided[m.group(1).lower()], text)
        if self._verbs_pattern is not None:
            text = self._verbs_pattern.sub(self._verb, text)
        if self.letters:
            text = _SPELLED_RUN.sub(self._spelled, text)
        if self._letter_after is not None:
            text = self._letter_after.sub(lambda m: f"{m.group(1)} {self._block(self.letters['A'], m.group(2))}", text)
        if self._respelled:  # outside the blocks of sounds
            text = "".join(part if part.startswith("[[") else self._respell(part) for part in _BLOCK.split(text))
        if self._inside:  # Piper runs a block into a bracket beside it ("milliliterztwice"), and says a stop after
            # the bracket as its name ("):" as "colon")
            text = _BRACKET_AFTER.sub(r"\1 ]]", _BRACKET_BEFORE.sub(lambda m: " [[" if m.start() else "[[", text))
        return text

    def _respell(self, text: str) -> str:
        for written, said in self._respelled.items():  # each a regular expression and its replacement
            text = re.sub(written, said, text)
        return text

    def _block(self, phonemes: str, punctuation: str = "") -> str:
        return f"[[ {phonemes}{punctuation} ]]" if self._inside else f"[[{phonemes}]]{punctuation}"

    def _verb(self, word: re.Match) -> str:
        before = word.string[max(0, word.start() - 30):word.start()].split()
        starts = (not before or before[-1][-1] in ".,;:!?(\"“" or before[-1].lower() in self._verb_after)
        follows = _A_VERB_FOLLOWS_FAR if _PREPOSITION.match(word.string, word.end()) else _A_VERB_FOLLOWS
        if word.group(2) and follows.match(word.string, word.end()):
            return word.group(0)  # the noun: "Use during pregnancy is not advised"
        return self._block(self.verbs[word.group(0).lower()]) if starts else word.group(0)

    def _spelled(self, run: re.Match) -> str:
        # A capital "A" that starts a run is a letter: the spoken text writes the article before a capital "a"
        # ("a B M I over 30", the speech tables' first pattern), so "A M L is a cancer" is AML.
        letters, plural, punctuation = run.group(1).split(" "), run.group(2) or "", run.group(3)
        said = [self._block(self.letters[letter]) if letter in self.letters else letter for letter in letters]
        if letters[-1] in self.letters:  # its plural and punctuation with it, as for the sounds table
            said[-1] = self._block(self.letters[letters[-1]] + ("z" if plural else ""), punctuation)
        else:
            said[-1] += plural + punctuation
        return " ".join(said)
