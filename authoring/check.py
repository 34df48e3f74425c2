"""`publish check`: can patients read this article, and has the author forgotten anything?

One report per article, a list of items each passed, warned, failed or
noted ("info": lists for the author to look through, never a warning):

- the reading level of the body text, for the article and per section,
  beside the targets (body text: paragraphs, list items, quotes and
  callouts; not headings, tables, figures, references, key points or the
  disclaimer);
- the ten longest sentences, and the long words (three syllables or more)
  that are neither explained where they are used nor in ``pronounce:`` or
  ``glossary:``;
- the structural checks: every problem the parser finds (errors fail, with
  their FILE:LINE:COL), citations and references that do not match, images
  without alternative text, skipped heading levels, a missing or old review
  date, a missing disclaimer, summary or key points, and links whose text is
  "click here" or a bare address.

An article with errors cannot be parsed; when its only errors are in its
images or citations, it is checked again with those mended (a stand-in alt
text, the image or citation left out), so that one run reports everything.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..source.errors import InputError, SourceError
from ..source.model import Article, Diagnostic, Link, Paragraph, Sentence, plain_text, primary_language, walk_blocks
from . import readability

PASS, WARN, FAIL, INFO = "pass", "warn", "fail", "info"


@dataclass(frozen=True)
class Targets:
    aim_grade: float = 6  # what to aim for: AMA and HHS ask for grade 6
    warn_grade: float = 8  # above this, a warning: NIH asks for below grade 8
    review_months: int = 24  # a review date older than this warns
    min_words: int = 30  # a section shorter than this is too short for a formula to mean much
    today: dt.date | None = None  # for tests; None: today


@dataclass
class Item:
    check: str  # "reading level", "images", ...
    status: str  # pass | warn | fail | info
    message: str
    where: str = ""  # FILE:LINE:COL, or the section's title
    details: list = field(default_factory=list)  # sentences, words, figures


@dataclass
class ArticleCheck:
    source: str
    title: str = ""
    lang: str = ""
    items: list[Item] = field(default_factory=list)

    @property
    def status(self) -> str:
        statuses = {item.status for item in self.items}
        return next((s for s in (FAIL, WARN) if s in statuses), PASS)

    def as_dict(self) -> dict:
        return {"source": self.source, "title": self.title, "lang": self.lang, "status": self.status,
                "items": [asdict(item) for item in self.items]}


def check_article(path: Path, targets: Targets = Targets()) -> ArticleCheck:
    from ..source.parser import parse_article, parse_text

    result = ArticleCheck(str(path))
    try:
        article = parse_article(path)
    except InputError as error:
        result.items.append(Item("source", FAIL, str(error)))
        return result
    except SourceError as error:
        result.items += [Item(_check_of(d), FAIL, _message(d), _where(d)) for d in error.diagnostics]
        article = None
        patched = _with_stand_ins(path, error.diagnostics)
        if patched is not None:
            try:
                article = parse_text(patched, path)
            except SourceError:
                pass
        if article is None:
            result.items.append(Item("source", INFO, "the other checks run once the errors above are fixed"))
            return result
    result.title, result.lang = article.title, article.lang
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    result.items += reading_levels(article, targets)
    result.items += [longest_sentences(article), long_words(article, glossary(path))]
    failed = {item.check for item in result.items if item.status == FAIL}
    result.items += structure(article, str(path), lines, targets, failed=failed)
    return result


def _check_of(d: Diagnostic) -> str:
    if d.message.startswith("image '"):
        return "images"
    return "citations" if "citation" in d.message else "source"


def _message(d: Diagnostic) -> str:
    return f"{d.message}; {d.hint}" if d.hint else d.message


def _where(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.col}"


_IMAGE_PROBLEMS = ("not found", "leaves the article's folder", "is not a file inside", "is not a usable file name")


def _with_stand_ins(path: Path, diagnostics: list[Diagnostic]) -> str | None:
    """The source with each image or citation error in the body mended for a second look: a stand-in
    alt text, an unusable image or an unknown citation left out. None when other errors remain."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    for d in sorted(diagnostics, key=lambda d: (d.line, -d.col)):  # right to left: columns stay true
        text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
        at = d.col - 1
        if "has no alt text" in d.message:
            start = text.rfind("![", 0, at)
            if start < 0 or not re.match(r"!\[\s*\]\(", text[start:]):
                return None
            lines[d.line - 1] = text[:start] + "![image without alternative text](" + text[text.index("(", start) + 1:]
        elif d.message.startswith("image '") and any(p in d.message for p in _IMAGE_PROBLEMS):
            start, end = text.rfind("![", 0, at), text.find(")", at)
            if start < 0 or end < 0:
                return None
            lines[d.line - 1] = text[:start] + text[end + 1:]
        elif d.message.startswith("unknown citation key") and text[at:at + 2] == "[@" and "]" in text[at:]:
            lines[d.line - 1] = text[:at] + text[text.index("]", at) + 1:]
        else:
            return None
    return "\n".join(lines)


def glossary(path: Path) -> dict[str, str]:
    """The article's ``glossary:`` (term: plain explanation), read by the source package's own YAML reader."""
    from ..source.frontmatter import split

    try:
        fm, _ = split(path.read_text(encoding="utf-8", errors="replace"), str(path))
    except Exception:  # noqa: BLE001 - the parser already reported what is wrong with the front matter
        return {}
    found = fm.data.get("glossary") if fm is not None else None
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


# --- reading level ------------------------------------------------------------------


def body_sentences(blocks) -> list[Sentence]:
    """Sentences of paragraphs, list items, quotes and callouts; never of tables or figures."""
    return [s for block in walk_blocks(blocks) if isinstance(block, Paragraph) for s in block.sentences]


def parts(article: Article) -> list[tuple[str, list[Sentence]]]:
    """(name, body sentences) for the introduction and each section, in reading order."""
    found = [("Introduction", body_sentences(article.intro))] if article.intro else []
    found += [(section.title_text, body_sentences(section.blocks)) for section in article.sections]
    return found


def body_text(article: Article) -> list[str]:
    """Every body sentence as plain text without citation marks: what the reading level is computed on."""
    return [s.spoken_text for _, sentences in parts(article) for s in sentences]


def _describe(level: readability.Level) -> str:
    shown = []
    for score in level.scores:
        text = f"{score.formula} {score.value:.1f}"
        if score.scale != "grade":
            text += f" (about grade {score.grade:g}{', ' + score.band if score.band else ''})"
        shown.append(text)
    return "; ".join(shown)


def _judge(name: str, level: readability.Level, targets: Targets, where: str, short: bool) -> Item:
    figures = {"words": level.counts.words, "sentences": level.counts.sentences, "grade": level.grade,
               "scores": [asdict(score) for score in level.scores],
               "aim_grade": targets.aim_grade, "warn_grade": targets.warn_grade}
    if level.grade is None:
        return Item(name, INFO, "no body text to measure", where, [figures])
    text = f"{_describe(level)}; aim for grade {targets.aim_grade:g}, warning above {targets.warn_grade:g}"
    if notes := [s.note for s in level.scores if s.note]:
        text += f" ({notes[0]})"
    if short:
        return Item(name, INFO, f"{text} (only {level.counts.words} words: too short to judge)", where, [figures])
    if level.grade > targets.warn_grade:
        return Item(name, WARN, f"{text}: use shorter sentences and everyday words", where, [figures])
    if level.grade > targets.aim_grade:
        text += " (above the aim, within the limit)"
    return Item(name, PASS, text, where, [figures])


def reading_levels(article: Article, targets: Targets) -> list[Item]:
    items = [_judge("reading level", readability.level(body_text(article), article.lang), targets, "article", False)]
    for name, sentences in parts(article):
        level = readability.level([s.spoken_text for s in sentences], article.lang)
        items.append(_judge("reading level", level, targets, name, level.counts.words < targets.min_words))
    return items


def longest_sentences(article: Article, how_many: int = 10) -> Item:
    found = [(len(readability.words(s.spoken_text)), name, s) for name, sentences in parts(article) for s in sentences]
    found.sort(key=lambda entry: -entry[0])
    details = [{"words": n, "section": name, "id": s.id, "text": s.spoken_text} for n, name, s in found[:how_many]]
    longest = details[0]["words"] if details else 0
    return Item("longest sentences", INFO, f"the {len(details)} longest sentences; the longest has {longest} words",
                "article", details)


# Ways plain-language writers explain a word where they use it.
_EXPLAINED_AFTER = r"\s*(?:\(|—|–|:|,\s*(?:which|that is|or|also called)\b|\s+(?:means|is when|is a|is an|is the|are|refers to|is called)\b)"
_EXPLAINED_BEFORE = r"\b(?:called|named|known as|term|word)\s+[\"“‘']?"


# The article or pronoun a French, Italian or Catalan word carries before an apostrophe ("d'alcool",
# "l'examen", "jusqu'au", "dell'acqua"): the reader sounds out only the word after it.
_ELIDED = re.compile(r"^[^\W\d_]{1,6}['’](?=[^\W\d_])")
_ELIDING_LANGUAGES = {"fr", "it", "ca"}


def long_words(article: Article, glossary_terms: dict[str, str]) -> Item:
    """Words of three or more syllables not explained in the text, nor in ``pronounce:`` or ``glossary:``."""
    sentences = body_text(article)
    text = "\n".join(sentences)
    known = {term.lower() for term in [*article.pronounce, *glossary_terms]}
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    eliding = primary_language(article.lang) in _ELIDING_LANGUAGES
    for word in readability.words(text):
        if eliding:
            word = _ELIDED.sub("", word)
        key = word.lower()
        if key in known or readability.syllables(word, article.lang) < 3:
            continue
        counts[key] = counts.get(key, 0) + 1
        spelled.setdefault(key, word)
    unexplained = []
    for key in counts:
        word = re.escape(spelled[key])
        if re.search(rf"\b{word}\b{_EXPLAINED_AFTER}|{_EXPLAINED_BEFORE}{word}\b", text, re.IGNORECASE):
            continue
        unexplained.append(key)
    unexplained.sort(key=lambda key: (-counts[key], key))
    details = [{"word": spelled[key], "times": counts[key],
                "syllables": readability.syllables(spelled[key], article.lang)} for key in unexplained]
    message = (f"{len(details)} long words are not explained: explain each where it is first used, use a "
               "shorter word, or add it to 'glossary:' in the front matter" if details else
               "every long word is explained or in the glossary")
    return Item("long words", INFO, message, "article", details)


# --- structure -------------------------------------------------------------------------

_VAGUE_LINK_TEXT = {"click here", "here", "click", "this link", "link", "read more", "more", "this page", "this",
                    "go", "see here", "haga clic aquí", "aquí", "cliquez ici", "ici"}


def structure(article: Article, name: str, lines: list[str], targets: Targets, *,
              failed: set[str] = frozenset()) -> list[Item]:
    """The structural checks; ``name`` is the article's path as given, for FILE:LINE:COL."""
    items: list[Item] = []
    warned = {"headings": [], "citations": [], "source": []}
    for d in article.warnings:
        if d.message.startswith("heading level"):
            warned["headings"].append(Item("headings", WARN, _message(d), _where(d)))
        elif "is never cited" in d.message:
            warned["citations"].append(Item("citations", WARN, _message(d), _where(d)))
        elif d.message != "no disclaimer":  # the disclaimer item below says it
            warned["source"].append(Item("source", WARN, _message(d), _where(d)))
    uncited = [r for r in article.references if not r.cited]
    if uncited and not warned["citations"]:
        warned["citations"] = [Item("citations", WARN, f"reference '{r.key}' is never cited") for r in uncited]
    items += warned["source"]
    if "citations" not in failed:
        items += warned["citations"] or [Item("citations", PASS, f"{len(article.references)} references, each cited; "
                                          "every citation has its reference")]
    else:
        items += warned["citations"]
    if "images" not in failed:
        figures = article.figures()
        decorative = sum(f.decorative for f in figures)
        items.append(Item("images", PASS, f"{len(figures)} image{'s' if len(figures) != 1 else ''}, "
                          "each with alternative text"
                          + (f" ({decorative} marked decorative)" if decorative else "")))
    items += warned["headings"] or [Item("headings", PASS, "no heading level is skipped")]
    items.append(_review(article, name, lines, targets))
    items.append(Item("disclaimer", PASS, "has a disclaimer") if article.disclaimer else
                 Item("disclaimer", WARN, "no disclaimer; health articles should carry a 'disclaimer:' "
                      "in the front matter", _at(name, lines, None)))
    items.append(Item("summary", PASS, "has a summary") if article.summary else
                 Item("summary", WARN, "no summary; add 'summary:' (one or two sentences) to the front matter",
                      _at(name, lines, None)))
    items.append(Item("key points", PASS, f"{len(article.key_points)} key points") if article.key_points else
                 Item("key points", WARN, "no key points; add 'key_points:' (a list of the main messages) "
                      "to the front matter", _at(name, lines, None)))
    items += _links(article, name, lines) or [Item("link text", PASS, "every link says where it leads")]
    return items


def _at(path: str, lines: list[str], needle: str | None) -> str:
    """FILE:LINE:COL of the first line holding ``needle`` (1:1 when there is none)."""
    if needle:
        for number, line in enumerate(lines, 1):
            if (col := line.find(needle)) >= 0:
                return f"{path}:{number}:{col + 1}"
    return f"{path}:1:1"


def _review(article: Article, name: str, lines: list[str], targets: Targets) -> Item:
    today = targets.today or dt.date.today()
    if article.reviewed is None:
        return Item("review date", WARN, "no review date; add 'reviewed: YYYY-MM-DD' (the last clinical review) "
                    "to the front matter", _at(name, lines, None))
    where = _at(name, lines, "reviewed:")
    months = (today.year - article.reviewed.year) * 12 + today.month - article.reviewed.month \
        - (today.day < article.reviewed.day)
    if article.reviewed > today:
        return Item("review date", WARN, f"reviewed {article.reviewed} is in the future; give the date of the "
                    "last clinical review", where)
    if months >= targets.review_months:
        return Item("review date", WARN, f"last reviewed {article.reviewed}, {months} months ago (more than "
                    f"{targets.review_months}); have it reviewed again and update 'reviewed:'", where)
    return Item("review date", PASS, f"reviewed {article.reviewed} ({months} months ago)", where)


def _links(article: Article, name: str, lines: list[str]) -> list[Item]:
    items = []
    for _, sentences in parts(article):
        for sentence in sentences:
            for link in _links_in(sentence.inlines):
                text = " ".join(plain_text(link.children, citations=False).split())
                plain = text.lower().strip(" .!:")
                if plain in _VAGUE_LINK_TEXT:
                    problem = f"link text '{text}' does not say where it leads"
                elif re.match(r"(?:https?://|www\.|mailto:)", plain) or plain == link.url.lower():
                    problem = f"link text is a bare address ({text})"
                else:
                    continue
                items.append(Item("link text", WARN, f"{problem}; write what the reader will find there, "
                                  "e.g. [the CDC's page on handwashing](...)", _at(name, lines, text)))
    return items


def _links_in(inlines):
    for node in inlines:
        if isinstance(node, Link):
            yield node
        children = getattr(node, "children", None)
        if children:
            yield from _links_in(children)
