"""The one sentence splitter: sentence ids, read-along and speech all use its cuts.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
brackets) followed by white space and a character that can start a sentence.
Known abbreviations (``e.g.``, ``Dr.``, ``vs.``), single initials (``J.``)
and numbers (``2.5``) never end one.
"""

from __future__ import annotations

import re

# Dosing shorthand (Latin, UK, and the route): never a sentence end in itself, but an order often ends on it.
_DOSING = """q.d. q.wk. o.d. b.i.d. t.i.d. q.i.d. q.h.s. h.s. q.o.d. q.a.m. q.p.m. p.r.n. p.o. a.c. p.c.
    b.d. t.d.s. q.d.s. s.c. v.o. o.n. f.p.j. s.-c. i.v. i.m.""".split()
# Months, lengths of time, spoonfuls and a few words short: they often close a sentence ("until 15
# Sept.", "for 2 wks.", "Añada 2 cdta.", "Gire a la der.", "Anotá el número de mi cel.").
_MONTHS = """jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ene. abr. ago. dic.
    janv. févr. avr. juil. juill. déc. lun. mer. jeu. ven. sam. dim. mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.""".split()
# Words written short that end a sentence before a capital, but not before an order's shorthand, a weekday
# or a month, which go on with it: "Check temp. BID", "Book an appt. Mon–Fri"; "…and temp. Call us" ends one.
_WORDS_SHORT = frozenset(["temp.", "appt.", "abbrev.", "susp."])
_AMOUNTS = """in. inh. min. hr. hrs. wk. wks. mo. mos. yr. yrs. sem. cdta. cdita. cda. caps. int. izq. der. izda. dcha.
    resp. petit-déj. sach. cel. oz. lb. lbs.""".split() + sorted(_WORDS_SHORT)
# English weekdays and months written short, as a date or a timetable begins with them.
_SHORT_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_SHORT_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# A month's name, whole or short ("Wed. Oct. 5"; not "Wed. Augmentin 875").
_MONTH_WORDS = ("(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
                "|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])")
_GOES_ON = re.compile(rf"(?:(?:BID|TID|QID|QDS|TDS|BD|OD|ON|PRN|QHS|HS|AM|PM|PO|Q\d{{1,2}}H|q\d{{1,2}}h)\b"
                      rf"|(?:{_SHORT_DAYS})(?:[a-z]*day)?s?\b(?!['’])|(?:{_SHORT_DAYS})\.?[–-]"
                      rf"|(?:{_SHORT_MONTHS})[a-z]*\.?\s?\d)")
# A weekday that goes on with the hour before it ("9 a.m. Sunday and", "9 a.m. Mon. to Fri."), not one that opens a
# sentence ("9 a.m. Sunday is a rest day", "4 p.m. Sun protection"); the time rules of the English speech table
# (formats/audio/speech/en.toml, its [fragments]) keep no full stop before the same weekdays.
_WEEKDAY_AFTER_THE_HOUR = re.compile(r"""(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?(?![\w'’])(?!\s+(?:is|are|was|were|will)\b)|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?=\s?[–-]\s?[A-Z]|\s+(?:to|through|thru|until)\s|\s+(?:and|&)\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|,\s?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\s?\d))""")
# Of these, those a label of one capital may follow: "2 sach. A et 2 sach. B" goes on.
_LABELLED = frozenset(["sach."])
# Degrees and titles written short after a name: a byline often ends on one ("…, inf. clin., M. Sc. Il vous recevra").
_DEGREES = "sc. clin.".split()
# Lower-cased, with their final period. Every dotted term of the speech tables (formats/audio/speech)
# must be here too, so that the splitter never cuts where the voice says a word: a test checks.
ABBREVIATIONS = frozenset(
    _DOSING
    + _MONTHS
    + _AMOUNTS
    + _DEGREES
    + """
    e.g. i.e. vs. v. etc. cf. approx. al. dr. drs. mr. mrs. ms. prof. st. sr. jr.
    no. nos. fig. figs. ed. eds. vol. pp. p. ch. dept. univ. inc. ltd. co. corp.
    max. tsp. tbsp. oz. lb. lbs. u.s. u.s.a. u.k. ph.d. m.d. b.sc. m.sc. a.m. p.m. sra.
    sr. dra. srta. ud. uds. pág. núm. z.b. bzw. usw. ca. nr. s. d.h. u.a.
    ej. p.ej. ex. p.ex. c.-à-d. e. ee. uu. ee.uu.
    env. aprox. máx. mín. comp. cp. n.º éd. éds. dir. n.d. d. f.
    incl. ext. rm. o.m. mon. tue. tues. wed. weds. thu. thurs. fri. tel. tél. gél. amp. inj. buv. vit.
    pub. edn. ss. suiv. bât. pt. n.b. lic. esp. avg. ref. exp. c. méd. év. pharm. licda. lcda. licdo. lcdo.
    s/. av. avda. bldg. oint. créat. erg. céd. ced.
    tlf. tfno. enf. bs. gen.
    """.split()
)
# Abbreviations only where written with a capital: "Col. Roma" is the colonia of a Mexican address, "la col." a cabbage.
_CAPITALISED = ("Col.",)
# Words written short before the number they name, which end no sentence there: "(cf. art. 53 de la
# loi)", "art. L. 1111-2"; elsewhere they may be a word ("C'est tout un art. Il faut").
_BEFORE_THEIR_NUMBER = frozenset(["art."])  # "art. 5"

# A country written short ends a sentence only before a word that starts one and no name: "the
# U.S. Food and Drug Administration" goes on, "common in the U.S. It affects" does not.
_COUNTRIES = frozenset(["u.s.", "u.k.", "u.s.a.", "ee.uu."])
_SENTENCE_OPENERS = frozenset("""it its the this that these those there they their we our you your he she
    his her in if when while but and so for as at on by to most many some all about one a an""".split())
# Spoons end a sentence before a word that opens one, not before a medicine's name ("1 tsp. Benadryl"); a
# company's "Co." likewise, not before a county ("Co. Cork").
_BEFORE_AN_OPENER = frozenset(["tsp.", "tbsp.", "max."])  # and "…of your predicted max. Your heart…"
_OPENERS_AND_INSTRUCTIONS = _SENTENCE_OPENERS | frozenset("""repeat then call take give do stir mix add wait use
    keep shake measure children adults never always after before stop swallow drink eat wash rinse store offer continue
    throw follow ask discard twice every once place put pour let try check clean dry write record refill see read tell
    bring go come make avoid please note babies contact""".split())
# A department goes on before where it is ("Radiology Dept. Level 2", "Dept. of Health"); before any other capital
# it ends a sentence ("Outpatients Dept. Please arrive early").
_WHERE_A_DEPARTMENT_IS = frozenset("""level floor room building wing suite block ward of for health website office
    entrance ground basement secretary manager head director administrator st saint hospital centre center""".split())
_ORDINAL_PLACES = frozenset("first second third fourth lower upper main east west north south".split())
# Abbreviations that often close a sentence: they end one when a capital follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset(["etc.", "a.m.", "p.m.", "inc.", "ltd.", "co.", "dept.", *_DOSING, *_MONTHS, *_AMOUNTS,
                                          *_DEGREES])
# Capitals that go on with the same order after dosing shorthand or a dose: "1 g q.d.s. PRN",
# "b.i.d. PO", and Quebec's Latin in capitals after a tablet, "1 co. DIE".
SHORTHAND_AFTER_DOSING = r"(?:PRN|PO|IV|IM|SC|SL|DIE|BID|TID|QID|HS)\b"
DOSING_SHORTHAND = frozenset(_DOSING)
# French words that lose their vowel before the next word ("d'env.", "l'ANSM", "jusqu'à").
ELIDING_WORDS = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu")
_ELIDED = re.compile(rf"^(?:{'|'.join(ELIDING_WORDS)})['’](?=\w)")
# A dose's unit, written short: the order goes on after it in the same way.
_DOSE_UNITS = frozenset("co. cp. comp. cdta. cdita. cda.".split())

_CLOSERS = "\"'”’»)]\uFFFC"
_CLOSE = "[" + re.escape(_CLOSERS) + "]*+"
# Punctuation, closers, then citation marks that may stand after a space. The
# look-behind and the possessive quantifiers scan each run of punctuation once:
# a line of 100,000 dots must take milliseconds, not minutes.
_BOUNDARY = re.compile(r"(?<![.!?…])([.!?…]++)" + _CLOSE + r"(?:\s*+\uFFFC" + _CLOSE + r")*(?=\s)")
# A Canadian province after "Reg. (" ("OT Reg. (Ont.)"): the English speech table's pattern for it (its "Reg." words) says
# the same provinces.
_PROVINCE_AFTER_REG = re.compile(r"(?:Ont|Que|Alta|Man|Sask|N\.?[SB]|NL|PEI|B\.?C)\.?\)")
# A bracket that closes before a comma or a word in small letters goes on with the sentence before it.
_ASIDE = re.compile(r"\([^()]{1,60}\)[,;:]?\s+[a-zà-ÿ]|\([^()]{1,60}\)[,;:]")
_STARTER = re.compile(r"\s+([\"'“‘«(\[¿¡]*)(\S)")


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end`` (the terminal punctuation included)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip("\"'“‘«([¿¡").lower()
    # French elision: "d'env." is the abbreviation "env."; after a slash, "1×/sem." is "sem." (but
    # "mg/d." ends on a unit, as "50 mg/d. Stop" does)
    after_slash = word.rpartition("/")[2]
    if after_slash != word and after_slash in SENTENCE_FINAL_ABBREVIATIONS:
        word = after_slash
    after_dash = re.split("[–—-]", word)[-1]  # "Mon.–Fri. 8 am" is "fri."
    if after_dash != word and after_dash in ABBREVIATIONS:
        word = after_dash
    return _ELIDED.sub("", word)


def split_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, white space between them excluded.

    ``\\uFFFC`` stands for an inline object such as a citation mark: it may
    follow the full stop and still belongs to the sentence before.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        after = _STARTER.match(text, end)
        if after is None:
            continue
        first = after.group(2)
        if first.isalpha() and first.islower():
            continue  # caseless scripts have no lower case, so they pass
        if "(" in after.group(1) and _ASIDE.match(text, after.start(1)):
            continue  # an aside of the sentence before: "montelukast 10 mg q.h.s. (Singulair), your inhalers"
        word = _word_before(text, match.end(1))
        stop = match.end(1)
        if match.group(1) == "." and not ends_sentence(word, first, text[max(0, stop - LOOK_BACK) : stop],
                                                        text[after.start(2) : after.start(2) + 24]):
            continue
        if text[start:end].strip():
            spans.append((start, end))
            start = after.start(1) if after.group(1) else after.start(2)
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(_skip_space(text, s), e) for s, e in spans]


def _first_word(text: str) -> str:
    return re.match(r"[^\W\d_]*", text)[0].lower()


# How many characters before a full stop `ends_sentence` is shown: enough for "Give Tab.".
LOOK_BACK = 10


def ends_sentence(word: str, next_char: str, preceding: str = "", following: str = "") -> bool:
    """Whether `word` (with its full stop) ends a sentence, given the next character and the few
    characters before the stop and after the space."""
    if re.search(r"(?<![^\W\d_])[ap]\. m\.$", preceding):
        return next_char.isupper()  # "a. m." as Spanish spaces it ends one as "a.m." does: "a las 12:00 a. m. No alterne"
    if re.search(r"\d\s?[hgmlL]\.$", preceding):
        return True  # a one-letter unit after a number, not an initial: "pendant 24 h. Évitez"
    if word == "in." and not re.search(r"[\d½¼¾]\s?in\.$", preceding):
        return True  # inches only after a number: "2 in. (5 cm)"; "Come in." ends a sentence
    if (word in DOSING_SHORTHAND or word in _DOSE_UNITS) and re.match(SHORTHAND_AFTER_DOSING, following):
        return False  # "1 g q.d.s. PRN (max. 4 g)", "1 co. DIE": shorthand after a dose is one instruction
    if any(re.search(rf"(?<![^\W\d_]){re.escape(term)}$", preceding) for term in _CAPITALISED):
        return False
    if re.search(r"(?:^|\n|: |\. |\bGive )(?:Tab|Caps?|Syp|Inj)\.$", preceding) and re.match(r"[A-Z][a-z]", following) and (
            _first_word(following) not in _OPENERS_AND_INSTRUCTIONS):
        return False  # a prescription's line, as India writes it: "Tab. Paracetamol 500 mg" ("Form: Tab. Store…" ends)
    if word == "rs." and re.match(r"\d", following) and not re.search(r"\d\s?Rs\.$", preceding):
        return False  # rupees before their amount: "Rs. 500" ("costs 500 Rs. 2 tablets are free" ends)
    if word in _BEFORE_THEIR_NUMBER and re.match(r"(?:[A-Z]\.?\s?)?\d", following):
        return False
    if word in _LABELLED and re.match(r"[A-Z](?![\w'’])", following):
        return False
    if re.search(rf"\b(?:{_SHORT_DAYS}|Tues|Thur|Thurs)\.$", preceding) and re.match(
            rf"(?:{_MONTH_WORDS}\.?\s?\d|(?:{_SHORT_DAYS})(?:[a-z]*day|s)?(?:[.,]|\s+(?:and|&|to)\b|\s(?:{_SHORT_DAYS})\b|\s?\d|$))", following):
        return False  # a weekday before its date or the next day: "on Wed. Oct. 11", "Mon. Wed Fri 8"; "closed Sat. Call 111" ends one
    if word in ("a.m.", "p.m.") and re.match(r"(?:[ECMP][SD]?T|GMT|BST|UTC|AE[SD]T|NZ[SD]T)\b", following):
        return False  # a time zone after the hour: "9 a.m. to 5 p.m. ET; call"
    if word in ("a.m.", "p.m.") and _WEEKDAY_AFTER_THE_HOUR.match(following):
        return False  # a weekday after the hour: "between 9 a.m. Sunday and 9 a.m. Monday", "9 a.m. Mon. to Fri."
    if word in _BEFORE_AN_OPENER or preceding.endswith("Co."):  # "1 tsp. Repeat" ends, "1 tsp. Benadryl" goes on
        return _first_word(following) in _OPENERS_AND_INSTRUCTIONS  # (French "1 co. Le soir" is a tablet's)
    if word == "dept.":  # "Dept. Level 2", "Dept. First Floor" go on; "Dept. First you will change" ends
        address = re.match(r"([^\W\d_]+) ([^\W\d_]+)(\W?)", following)
        first, second, after = address.groups() if address else (_first_word(following), "", "")
        # after "First", "Main" and the like, only a place as an address writes it, in capitals or before a comma:
        # "Dept. Main Entrance", "Dept. First floor, St Mary's"; "Dept. Main entrance is closed", "Dept. First of all" end
        where = first.lower() in _WHERE_A_DEPARTMENT_IS or (
            first.lower() in _ORDINAL_PLACES and second.lower() in _WHERE_A_DEPARTMENT_IS - {"of", "for"}
            and (second[:1].isupper() or after in (",", ";", "")))
        return next_char.isupper() and not where
    if word in _COUNTRIES:
        return _first_word(following) in _SENTENCE_OPENERS
    if word in _WORDS_SHORT and _GOES_ON.match(following) or word == "susp." and re.match(r"[A-Z]{2,5}\b", following):
        return False  # "Check temp. BID"; "susp. UTI" is a suspected one
    if word in SENTENCE_FINAL_ABBREVIATIONS:
        return next_char.isupper()
    if word == "reg." and _PROVINCE_AFTER_REG.match(following):
        return False  # a registration and where (after the bracket): "OT Reg. (Ont.)"
    if word in ABBREVIATIONS:
        return False
    core = word.rstrip(".")
    if len(core) == 1 and core.isalpha():
        return False  # an initial, as in "J. Smith"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", core):
        return False  # dotted initialisms such as "u.s.a."
    return True


def _skip_space(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_offsets(text)]
