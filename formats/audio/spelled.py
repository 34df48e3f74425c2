"""What is said a character at a time: a phone number digit by digit ("020 7946 0958" ->
"0 2 0, 7 9 4 6, 0 9 5 8"; "1-800-555-0199" -> "1 800, 5 5 5, 0 1 9 9"), and a web address as its site name, spelled where people spell it
("www.cdc.gov/x" -> "C D C dot gov"). Used by normalize.py, which says the rest in words."""

from __future__ import annotations

import re
from typing import Callable

from ...source.sentences import ABBREVIATIONS
from .web_words import common_word, path_word, short_name_as_letters

# Top-level domains people say as a word; others are spelled ("uk" -> "U K").
# "argentina.gob.ar", "msp.gub.uy", "clinic.cat", "osakidetza.eus", and the mail services people name ("gmail")
SAID_DOMAINS = frozenset({"com", "co", "org", "gov", "net", "info", "health", "gob", "gouv", "gub", "cat", "eus", "gmail",
                          "hotmail", "ymail"})
_VOWEL = "[aeiouyàâäéèêëíìîïóòôöúùûüœæ]"  # "santé" is a word, not "S A N T É"
_CONSONANT = rf"(?:(?!{_VOWEL})[^\W\d_])"


def abbreviation_first(address: str) -> bool:
    """ "máx.de": an abbreviation and a word with no space between, not a site."""
    return "://" not in address and address.split(".", 1)[0].lower() + "." in ABBREVIATIONS


def site_name(url: str, dot: str = "dot", slash: str | None = None, dash: str | None = None,
              words: frozenset[str] = frozenset(), run_together: Callable[[str], str | None] | None = None) -> str:
    """How a person says where a link goes: "https://www.cdc.gov/x1" -> "C D C dot gov".

    Short labels and labels that look like letters rather than a word
    ("niddk", "ncbi") are spelled; the rest are said as words. A short path of
    one or two plain words ("/flu", "/spider-bites") is said too, where the language has a word for the
    slash: "www.nhs.uk/conditions/asthma" -> "N H S dot U K slash conditions slash asthma".
    Where it has a word for the dash, a hyphen in the name is said: "stpierre-bru.be" ->
    "stpierre dash bru dot B E". `words` are the language's short words said as words ("mon-medecin").
    `run_together` finds the words of a label written as one ("mychart" -> "my chart"), where the language has it.
    """
    path = re.sub(r"^[^/]*(?://[^/]*)?", "", url.split("://", 1)[-1]).strip("/")
    said = _host_said(url, dot, dash, words, run_together)
    if url[:1].isupper():  # "Rheumatology.org" as a title: after a full stop, a lower-case word is no new sentence
        said = said[:1].upper() + said[1:]
    # (a word's number after it is said, "/health811", "/covid19"; a code's is not, "/guidance/ng245")
    if slash and re.fullmatch(r"[a-z]{2,20}(?:[a-z]{2}\d{1,4})?(?:/[a-z]{2,20}(?:[a-z]{2}\d{1,4})?|-[a-z]{2,20}|/[a-z]-[a-z]{2,20})?", path):
        return said + "".join(  # "/spider-bites": "slash spider bites"
            f" {slash} " + " ".join(_path_word(word, run_together) for word in part.split("-"))
            for part in path.split("/"))
    return said


def _path_word(word: str, run_together: Callable[[str], str | None] | None) -> str:
    """A word of a short path: an English word as a word ("ankle", "ticks", "mychart" -> "my chart"), though its
    consonants look like letters; letters where no word ends like it ("adhd")."""
    if numbered := re.fullmatch(r"([a-z]{2,20})(\d{1,4})", word):  # "/health811": "health 8 1 1"
        digits = numbered.group(2)
        return _path_word(numbered.group(1), run_together) + " " + (spell(digits) if len(digits) > 2 else digits)
    said = _label_said(word, short_spelled=False)
    if len(word) == 2 and word in _LETTERS_OF_TWO:
        return spell(word.upper())  # "/gi"
    if _begins_as_no_word(word):
        return said  # "pcos", "ncbi": no word begins so
    if run_together and not _ends_as_no_word(word) and path_word(word):
        return word  # "/mumps" ("/copd" is letters)
    if run_together and (said == word or not _ends_as_no_word(word)):
        return run_together(word) or said
    return said


EMAIL = re.compile(r"(?:\bmailto:)?(?<![\w.@-])[\w.+-]+@(?:[\w-]+\.)+[^\W\d_]{2,}(?![\w@-])")


def email_said(address: str, dot: str, at: str, dash: str | None = None, words: frozenset[str] = frozenset(),
               run_together: Callable[[str], str | None] | None = None) -> str:
    """ "avk.cardio@chu-nantes.fr" -> "A V K dot cardio at C H U dash nantes dot F R": the name's parts
    as words (names: "li", "ian", "sara"), but letters where no word is like them ("hdj", "avk", "etp");
    its site as a site is said."""
    name, site = address.removeprefix("mailto:").split("@", 1)
    names = [part for part in name.split(".") if part]
    # "ed.smith" is a name; "ed.families", "cairns-ed-followup" an emergency department's
    ed = len(names) == 2 and names[0].lower() == "ed" and names[1].lower() not in _SERVICE_WORDS
    parts = [part if ed and i == 0 else _joined(part, dash, lambda p: run_together and run_together(p) or _name_part_said(p))
             for i, part in enumerate(names)]
    return f" {dot} ".join(parts) + f" {at} " + _host_said(site, dot, dash, words, run_together)


def _name_part_said(part: str) -> str:
    """A part of an e-mail's name is a name or a word ("chris", "niamh", "vogt", "mckay"), except letters
    no name is: a service's two ("gi"), none of them a vowel ("hdj"), a j after a consonant at the end ("chusj"), or three ending in
    two consonants ("etp", "avk"), or four or five that no word begins like ("wcoh")."""
    no_vowel = len(part) >= 2 and not re.search(_VOWEL, part)
    consonant_j = re.search(rf"{_CONSONANT}j$", part)
    three = len(part) == 3 and re.search(rf"{_CONSONANT}{{2}}$", part) and part.lower() not in _NAMES_OF_THREE
    two = part.lower() in _LETTERS_OF_TWO  # "gi.nurses": letters, not "ghee"
    no_onset = 4 <= len(part) <= 5 and _begins_as_no_word(part)
    tripled = re.search(r"([^\W\d_])\1\1", part)  # "cisssme16": no name writes a letter three times
    return spell(part.upper()) if no_vowel or consonant_j or three or two or no_onset or tripled else part


# Names of three letters that end in two consonants: said as names in an e-mail address.
_NAMES_OF_THREE = frozenset(["ann", "amr"])
# Two letters with a vowel that a service's e-mail name spells ("gi.nurses", "ae.reception"); other pairs are said.
_LETTERS_OF_TWO = frozenset("gi ae it ed er ob ot id ir uc ei ai ia ue".split())
# What a service's address names after its letters: "ed.families", "ed.followup".
_SERVICE_WORDS = frozenset("families followup follow bookings booking reception admin enquiries referrals nurses team "
                           "triage info appointments results office clinic discharge nurse pharmacy dept".split())


def _host_said(url: str, dot: str, dash: str | None = None, words: frozenset[str] = frozenset(),
               run_together: Callable[[str], str | None] | None = None) -> str:
    written = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split(":", 1)[0]
    if written.lower().startswith("www."):
        written = written[4:]
    said = []
    for label in written.split("."):
        if not label:
            continue
        said.append(_letters_then_word(label, run_together)
                    or _joined(label.lower(), dash, lambda part: _label_or_words(part, run_together), words))
    return f" {dot} ".join(said)


def _letters_then_word(label: str, run_together: Callable[[str], str | None] | None) -> str | None:
    """ "ENThealth" -> "E N T health", "BCCancer" -> "B C cancer": a label written as capitals that are letters, then
    an English word; None for any other ("CALMzone" is a word, then another)."""
    if not run_together:
        return None

    def a_word(text: str) -> bool:
        return run_together(text.lower()) == text.lower()

    split = re.fullmatch(r"([A-Z]{2,5}?)([A-Z][a-z]{2,})", label)  # "BCCancer": a capital word after the letters
    if not (split and a_word(split.group(2))):
        split = re.fullmatch(r"([A-Z]{2,5})([a-z]{3,})", label)  # "ENThealth"
    if not split or a_word(split.group(1)):
        return None
    return spell(split.group(1)) + " " + _label_or_words(split.group(2).lower(), run_together)


def _joined(label: str, dash: str | None, say, words: frozenset[str] = frozenset()) -> str:
    """ "gmfu-mr" -> "G M F U dash M R": each part of a hyphenated label said, the hyphen too where the
    language has a word for it (otherwise the label is said whole, as written). A part that is one of
    the language's short `words` is that word ("mon-medecin"); a label alone is not ("sego.es")."""
    if "-" not in label:
        return say(label)
    if not dash:
        return label
    return f" {dash} ".join(part if part.upper() in words else say(part) for part in label.split("-") if part)


# How a word may begin: two consonants that start words ("bl", "st", "ch"); a short label that starts
# with others is letters ("hcuge", "gmfu").
_ONSETS = frozenset("bl br ch cl cr dr fl fr gl gn gr kl kn kr ph pl pn pr ps rh sc sh sk sl sm sn sp st sv sw "
                    "th tr ts tw vr wh wr ll dw zw pf kh ng zh mc gw tc dj gh kw cz sz hw".split())


# How a word may end: two consonants that end words ("st", "rt", "ck", "ph"); a short label that ends
# in others is letters ("etp", "chusj", "aphp").
_CODAS = frozenset("st rt rs rd rc rn rf rg rk rl rm rp rb rv rx rz rh ct pt ft xt lt ld lf lk lm lp lc ls lz lh "
                   "nt nd nc ng nk ns nz nx nh ck ch sh th ph gh kh zh wh dh tt ss ff mm pp zz bb dd gg cc ll nn rr "
                   "ts ds ks ps bs gs ms cs ws fs hs wn wl wk wd wt mp mb sk sp sc sm tz dt ht gn mn hn hm "
                   "tr cr br dr gr pr fr vr bl cl fl gl pl".split())  # (and French words whose e is silent: "gastr", "secr")


def _begins_as_no_word(text: str) -> bool:
    """Two consonants at its start that begin no word ("hcuge", "wcoh", "pcos")."""
    start = re.match(rf"{_CONSONANT}{{2}}", text)
    return bool(start) and start.group(0).lower() not in _ONSETS


def _ends_as_no_word(text: str) -> bool:
    """Two consonants at its end that end no word ("etp", "adhd")."""
    end = re.search(rf"{_CONSONANT}{{2}}$", text)
    return bool(end) and end.group(0).lower() not in _CODAS


def _label_or_words(label: str, run_together: Callable[..., str | None] | None) -> str:
    said = _label_said(label)
    if run_together and said == label:  # a word, or words run together; not letters ("nhlbi"); a site's name
        if short_name_as_letters(label):
            return spell(label.upper())  # "facs.org"
        return run_together(label, site=True) or said  # may be two words the counts keep as one ("kidshealth")
    return said


def _label_said(label: str, short_spelled: bool = True) -> str:
    """ "cdc" and "niddk" spelled, "heart" and "gov" said as words; in a path, a short word with a
    vowel is a word ("/flu"), one without is letters ("/std"). A label of up to six letters that no
    word begins like is letters too ("hcuge"), one of up to five that no word ends like ("etp"), one of up to eight
    that ends in four consonants and is no common word ("fascrs"; but "lights", "months"), and one with a double a
    ("aafp", "acaai")."""
    if label in SAID_DOMAINS:
        return label
    if (short_spelled and len(label) <= 3) or not re.search(_VOWEL, label) or "aa" in label[:6] and len(label) <= 6 or (
        len(label) <= 5 and re.search(rf"(?:(?!{_VOWEL}).){{3}}", label)
    ) or (len(label) <= 6 and _begins_as_no_word(label)) or (len(label) <= 5 and _ends_as_no_word(label)) or (
        len(label) <= 8 and re.search(rf"(?:(?!{_VOWEL})[a-z]){{4}}$", label) and not common_word(label)  # "fascrs"
    ):
        return spell(label.upper())
    return label


def spell(letters: str) -> str:
    """ "PCOS" -> "P C O S": the engine then says each letter."""
    return " ".join(letters)


ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})([-/])(\d{2})\2(\d{2})(?![\d/-])")  # and Canada's 2025/07/03
_UNIT_AFTER = re.compile(r"\s?(%|€|[a-zA-Zµμ]+/|mg\b|g\b|kg\b|mL\b|ml\b|L\b|mmol\b|IU\b|units?\b|calories\b|kcal\b|steps\b|minutes\b|lumens?\b|lux\b)")
# "and/or" after a number is not its unit: "Llame al 91-123-45-67 y/o al 112"
_AND_OR_AFTER = re.compile(r"\s?(?:y/o|and/or|et/ou)\b")
# Belgium writes its area code or mobile prefix before a slash: "02/555.12.34", "010/47.11.11", "0470/12.34.56";
# never after a currency sign: "$ 1.500.000" is a price.
PHONE_CANDIDATE = re.compile(r"(?<![\w/.+$-])(?<!\$ )(\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d+"
                              r"(?:[ .-]\d+|(?:(?<=\b0\d)|(?<=\b0\d\d)|(?<=\b0\d\d\d))/\d+)*(?![\w/-]|\.\d)")


_HUNDREDS_FIRST = re.compile(r"1[38]00([ -])\d{3}\1\d{3}")
# North America's free numbers, said "one eight hundred": "1-800-222-1222", "(800) 222-1222".
_EIGHT_HUNDRED = re.compile(r"(?:1[ .-])?\(?800\)?[ .-]?\d{3}[ .-]\d{4}")


def phone(match: re.Match, plus: str = "plus", pairs: bool = False, eight_hundred: str = "1 800",
          shapes: re.Pattern | None = None, groups_as_numbers: bool = False) -> str | None:
    """How a phone number is said, or None for what is not one. `shapes` are the groups a language or region writes
    its numbers in that look like nothing else there (Spain's "976 55 44 33", India's mobile "98220 45610"), said in
    groups, each as a number where `groups_as_numbers` ("976, 55, 44, 33"; "0 4" for "04")."""
    text = match.group(0)
    if ISO_DATE.fullmatch(text):
        return None  # a date in a language whose month names we do not know
    groups = re.findall(r"\d+", text)
    digits = sum(len(g) for g in groups)
    if not 7 <= digits <= 15:
        return None
    international = text.startswith("+") or "(" in text
    # A local number "555-0134" is three digits, a hyphen and four; a range
    # of that shape ("100-1000 mg") has a unit or a percent sign after it.
    local = re.fullmatch(r"\d{3}-\d{4}", text) is not None and not _UNIT_AFTER.match(match.string, match.end())
    # A national number starts with a trunk 0 and is written in groups ("020 7946 0958", Belgium's
    # "02 555 12 34" and "0471 23 45 67", France's "04 72 11 52 36", "02/555.12.34").
    # Britain's area codes of four or five digits before six or five: "01632 960123", "01697 73456".
    national = (re.fullmatch(r"0\d{1,4}(?:[ ./]\d{2,4}){2,4}|0\d{3,4} \d{5,6}", text) is not None
                and 9 <= digits <= 11)
    # Otherwise three or more groups joined by - or . ("1-800-555-0199"); two groups could be
    # a range of years ("2020-2024"), and spaces alone could be a list of numbers.
    listed = (len(groups) >= 3 and re.search(r"\d[.-]\d", text) and " " not in text
              and not (_UNIT_AFTER.match(match.string, match.end())  # "1.000-1.500 ml" is a range
                       and not _AND_OR_AFTER.match(match.string, match.end())))
    # Ten digits in groups ending in four, as North America and Mexico write them: "514 555-0148",
    # "1 800 555 0199", "55 5123 4567"; Australia's free and local-rate numbers, "1800 022 222".
    # A range has no space before its dash.
    # Ireland's old LoCall numbers, "1850 335 999", "1890 200 300", "1850 60 90 90".
    grouped = ((re.fullmatch(r"(?:1 )?\d{2,3} \d{3,4}[ -]\d{4}|18[59]0 (?:\d{3} \d{3}|\d\d \d\d \d\d)", text) or _HUNDREDS_FIRST.fullmatch(text))
               and digits in (10, 11) and not _UNIT_AFTER.match(match.string, match.end()))
    # (not a large number written with spaces between its thousands: "800 000 000 personnes")
    shaped = (shapes is not None and shapes.fullmatch(text) is not None and not re.fullmatch(r"\d+(?: 0+)+", text)
              and not _UNIT_AFTER.match(match.string, match.end()))
    if not (international or local or national or listed or grouped or shaped):
        return None
    # Britain's trunk 0 and a four-digit area code make a first group of five: "01632 960 123".
    inner = groups[1:-1] if national and len(groups[0]) == 5 else groups[:-1]
    if any(len(g) > 4 for g in inner) and not (national and len(groups) == 2) and not shaped:
        return None
    if text.startswith("+") and re.match(r"\+\d{1,3}[ .-]?\(0\)", text):
        del groups[1]  # "+44 (0)161": the trunk 0 is dialled only from within the country
    # Where numbers are said in pairs (France, Belgium, Switzerland), a pair is a number ("42"),
    # but one that starts with a zero is two digits ("0 1"); longer groups are always digits.
    said = ", ".join(g if pairs and len(g) == 2 and g[0] != "0" else spell(g) for g in groups)
    if shaped and groups_as_numbers:
        said = ", ".join(g if g[0] != "0" else spell(g) for g in groups)
    elif _HUNDREDS_FIRST.fullmatch(text):  # Australia's free and local-rate numbers: "one eight hundred", "thirteen hundred"
        said = (eight_hundred if text.startswith("18") else "13 hundred") + said[len(spell(groups[0])):]
    elif _EIGHT_HUNDRED.fullmatch(text):
        said = (f"{eight_hundred}, " if groups[0] == "1" else "800, ") + ", ".join(map(spell, groups[-2:]))
    return f"{plus} {said}" if text.startswith("+") else said


# A URL, or a bare domain with a common ending ("CDC.gov", "niddk.nih.gov", "Québec.ca", "www.gob.pe").
WEB_ADDRESS = re.compile(
    r"\bhttps?://[^\s<>\"]*[^\s<>\".,;:)\]]"
    r"|(?<![\w@.-])(?:www\.)?(?:\d{3}\.)?(?:[^\W\d_][\w-]*\.)+(?:gov|org|com|net|edu|int|info|health|uk|ca|au|es|de|fr|ch|be|mx|ar|co|cl|pe|uy|ve|ec|bo|py|cr|gt|hn|sv|it|pt|eu|cat|eus|nz|ie|za|sg|gov\.in|nic\.in|ac\.in|edu\.in|org\.in|co\.in)(?![\w.-]*\w)"
    r"(?:/[^\s<>\"]*[^\s<>\".,;:)\]])?"
    # after "www.", any top-level domain: "www.comunidad.madrid/servicios"
    r"|(?<![\w@.-])www\.(?:[^\W\d_][\w-]*\.)+[^\W\d_]{2,}(?![\w.-]*\w)(?:/[^\s<>\"]*[^\s<>\".,;:)\]])?"
)
