"""The edition facts: everything a writer says *about* an article, computed once.

The byline, the dates, the words we add in the article's language, the
reference texts, the chapter names, the outline of sections, the book's
identifier and the ids of everything the audio says are facts of the article
and its language, not of a format. Each used to be worked out by every writer
on its own, and the copies drifted (three bylines for one article, spoken ids
with no element to point at). Writers and the audio script now read them from
``edition_facts(article)``, which computes them once per article object.

The ids are the key every edition shares: the audio timeline says when an id
is heard, and the HTML page and the EPUB put that id on the element showing
it. The functions at the end of this module name the ids of the few things the
audio says that are not sentences (the opening, a quote's start and end, a
callout's label, a table), so the markup and the script cannot disagree.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
import tomllib
import uuid
import weakref
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

from ..source.model import (
    Article,
    Block,
    Callout,
    Figure,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Table,
    plain_text,
    walk_blocks,
)
from ..source.references import report_number
from .labels import date_text, direction, has_labels, labels_for, primary_language, spoken_labels_for

# Ids of what the audio says in the opening and between the parts of the
# article; each is also the id of the element showing it in the HTML and EPUB.
TITLE = "title"
SUBTITLE = "subtitle"
AUTHORS = "authors"
REVIEWED = "reviewed"
PUBLISHER = "publisher"
KEY_POINTS = "key-points"
REFERENCES = "references"
DISCLAIMER = "disclaimer"
OPENING = "opening"  # the chapter before the first section (title, byline, key points, introduction)

# Front matter keys the writers read from ``article.meta``.
ID_KEY = "id"  # a stable identifier of the article, kept when its title or file name changes
CERTIFIER_KEY = "certified_by"  # who checked the EPUB's accessibility; nobody unless named

# uuid5 namespace of Openleaf books: the same id (or slug) gives the same urn:uuid everywhere.
BOOK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://openleaf.invalid/book")


@dataclass(frozen=True)
class DateFact:
    value: _dt.date
    iso: str  # "2026-11-01", for datetime attributes and metadata
    text: str  # "November 1, 2026": as readers of the language write it (ISO if we know no month names)


@dataclass(frozen=True)
class Chapter:
    """A part of the article with a name: the audio's chapters, the EPUB's documents, the page's outline."""

    id: str  # OPENING, a section id, REFERENCES or DISCLAIMER
    title: str


@dataclass(frozen=True)
class ReferenceFact:
    id: str  # "ref-1": the element id, and the id under which the audio says it
    number: int
    label: str  # "Reference 1." as said before it
    text: str  # formatted by citeproc, plain text (captions show this)
    spoken: str  # the same made fit for listening (sites, not web addresses; no DOI)


@dataclass(frozen=True)
class OutlineNode:
    """A section placed in the outline, with the sections under it; depth 0 is a top-level section."""

    section: Section
    depth: int
    name: str  # the heading as plain text
    children: tuple["OutlineNode", ...] = ()

    def heading(self, top: int) -> int:
        """The heading level when top-level sections get ``top``: never skips a level, never past h6."""
        return min(top + self.depth, 6)


@dataclass(frozen=True)
class EditionFacts:
    lang: str  # BCP 47, as written
    language: str  # primary subtag, "en"
    dir: str  # "ltr" | "rtl"
    labels: Mapping[str, str]  # written words (labels.LABELS), English where the language has none
    spoken_labels: Mapping[str, str]  # the audio's words (labels.SPOKEN and the headings as sentences)
    labels_in_language: bool  # False: ``labels`` are English stand-ins, to be marked lang="en"
    authors: tuple[str, ...]  # "Ana Ruiz, RD, CDCES": name and credentials, as shown
    author_names: tuple[str, ...]  # names only, for metadata (dc:creator, ID3 artist)
    byline: str  # the authors as one phrase, the same in every edition
    byline_spoken: str  # "Written by <byline>.": what the audio says under AUTHORS
    published: DateFact | None
    reviewed: DateFact | None
    reviewed_spoken: str  # "Reviewed on <date>.": what the audio says under REVIEWED
    publisher_spoken: str  # "Published by <publisher>.": what the audio says under PUBLISHER
    modified: _dt.date  # the latest of the dates: a timestamp from the article, never the clock
    identifier: str  # "urn:uuid:…" from the ``id:`` key, else the slug: survives a title edit
    certified_by: str  # the ``certified_by:`` key; "" when nobody certified the book
    outline: tuple[OutlineNode, ...]  # sections nested by level
    chapters: tuple[Chapter, ...]  # in reading order; the audio drops a chapter with nothing to say
    references: tuple[ReferenceFact, ...]
    table_labels: Mapping[str, str]  # table_id(table) -> "Table 1", in reading order
    # A weak reference: the cache below must not keep an article alive.
    article_ref: weakref.ref = field(repr=False, compare=False)

    @cached_property
    def spoken_ids(self) -> tuple[str, ...]:
        """The id of every utterance of the audio script, in order: each is an element id in HTML and EPUB."""
        from .audio.script import build_script  # the script reads these facts; import late

        return tuple(u.id for u in build_script(self.article_ref()).utterances)


# --- computing them ---------------------------------------------------------------------------------

_cache: dict[int, tuple[weakref.ref, EditionFacts]] = {}
_lock = threading.Lock()


def edition_facts(article: Article) -> EditionFacts:
    """The facts of ``article``, computed on the first call for this article object."""
    key = id(article)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is article:
            return hit[1]
    facts = _compute(article)
    with _lock:
        _cache[key] = (weakref.ref(article, lambda _ref, key=key: _cache.pop(key, None)), facts)
    return facts


def _compute(article: Article) -> EditionFacts:
    lang = article.lang
    labels = labels_for(lang)
    said = spoken_labels_for(lang)
    authors = tuple(author.display for author in article.authors)
    names = join_names(authors, labels["and"], lang)
    published = _date(article.date, lang)
    reviewed = _date(article.reviewed, lang)
    outline = _outline(article.sections)
    dates = [d for d in (article.date, article.reviewed) if d is not None]

    chapters = [Chapter(OPENING, article.title)]
    chapters += [Chapter(s.id, section_name(s)) for s in article.sections]
    chapters += [Chapter(REFERENCES, labels["references"])] * bool(article.references)
    chapters += [Chapter(DISCLAIMER, labels["disclaimer"])] * bool(article.disclaimer)

    references = tuple(
        ReferenceFact(ref.id, ref.number, said["reference"].format(n=ref.number), ref.text,
                      spoken_reference(ref.text, ref.csl, said))
        for ref in article.references
    )
    tables = [b for blocks in _groups(article) for b in walk_blocks(blocks) if isinstance(b, Table)]
    return EditionFacts(
        lang=lang,
        language=primary_language(lang),
        dir=direction(lang),
        labels=labels,
        spoken_labels=said,
        labels_in_language=has_labels(lang),
        authors=authors,
        author_names=tuple(author.name for author in article.authors),
        byline=names,
        # "…, M. Sc." and "Acme Inc." end on their own stop: the sentence's is not written twice
        byline_spoken=said["by"].format(names=names.removesuffix(".")) if names else "",
        published=published,
        reviewed=reviewed,
        reviewed_spoken=said["reviewed"].format(date=reviewed.text) if reviewed else "",
        publisher_spoken=(said["published_by"].format(publisher=article.publisher.removesuffix("."))
                          if article.publisher else ""),
        modified=max(dates) if dates else _dt.date(2000, 1, 1),
        identifier=book_identifier(article),
        certified_by=_meta_text(article, CERTIFIER_KEY),
        outline=outline,
        chapters=tuple(chapters),
        references=references,
        table_labels={table_id(t): labels["table"].format(n=n) for n, t in enumerate(tables, start=1)},
        article_ref=weakref.ref(article),
    )


def join_names(names: tuple[str, ...] | list[str], and_word: str, lang: str) -> str:
    """Names as one phrase: "Ana Ruiz", "A and B", "A, B, and C"; "Ana Ruiz, RD, CDCES; B; and C".

    Credentials contain commas, so when any name has one the names are
    separated by semicolons (as style guides do for lists of items with
    commas), and a comma closes the credentials before "and" in a pair
    ("Dana Whitfield, RD, CDCES, and Marcus Lee": CDCES is not a person).
    English puts the separator before "and" (the serial comma of medical
    style guides); other languages only where credentials need it.
    """
    names = [n for n in names if n]
    if len(names) <= 1:
        return names[0] if names else ""
    if len(names) == 2:
        joiner = "," if "," in names[0] else ""
        return f"{names[0]}{joiner} {and_word} {names[1]}"
    separator = ";" if any("," in n for n in names) else ","
    serial = separator if separator == ";" or primary_language(lang) == "en" else ""
    return f"{separator} ".join(names[:-1]) + f"{serial} {and_word} {names[-1]}"


def section_name(section: Section) -> str:
    """The heading as plain text; a heading that is only a citation keeps its number."""
    return section.title_text or plain_text(section.title).strip() or str(section.number)


def book_identifier(article: Article) -> str:
    """A urn:uuid from the ``id:`` key, else from the slug: the same book to reading systems after any edit."""
    name = _meta_text(article, ID_KEY) or f"slug:{article.slug}"
    return f"urn:uuid:{uuid.uuid5(BOOK_NAMESPACE, name)}"


def _meta_text(article: Article, key: str) -> str:
    value = article.meta.get(key)
    return " ".join(str(value).split()) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _date(value: _dt.date | None, lang: str) -> DateFact | None:
    return None if value is None else DateFact(value, value.isoformat(), date_text(value, lang))


def _outline(sections: tuple[Section, ...]) -> tuple[OutlineNode, ...]:
    """Nest sections by level. The source may jump from ``##`` to ``####``; the outline does not."""
    roots: list[list] = []
    stack: list[list] = []  # [section, depth, children] while building
    for section in sections:
        while stack and stack[-1][0].level >= section.level:
            stack.pop()
        node = [section, len(stack), []]
        (stack[-1][2] if stack else roots).append(node)
        stack.append(node)

    def freeze(node) -> OutlineNode:
        section, depth, children = node
        return OutlineNode(section, depth, section_name(section), tuple(freeze(c) for c in children))

    return tuple(freeze(node) for node in roots)


def _groups(article: Article) -> list[tuple[Block, ...]]:
    return [article.intro, *(s.blocks for s in article.sections), article.disclaimer]


# --- reference texts for the ear -------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)]")
_DOI = re.compile(r"\s*\b(?:doi|DOI)\s?:\s*\S+?(?=\.?\s|\.?$)\.?")  # "DOI :" in French
_PMID = re.compile(r"\s*\b(?:PubMed\s+)?PMID\s?:\s*\d+\.?")  # NLM: "PubMed PMID: 123"
# AMA's "2024;47(Suppl 1):S20-S42.", "2008;100(3 Suppl 3):S1-S148." are for finding a paper, not for listening: keep
# the year.
_JOURNAL_LOCATOR = re.compile(r"\b((?:19|20)\d{2})(?:\s*[A-Z][a-z]{2}(?:\s*\d{1,2})?)?;[^.\s]*(?:(?:\s[^.\s]*){1,2}\))?[^.\s]*"
                              r"(?:\.e\d+[^.\s]*)*\.")  # and online pages: "707-719.e1", "247.e1-247.e9"


_LEADS_TO_A_URL = re.compile(r"(?::|\b[^\W\d_]*[a-zà-ÿ])\s*$")  # a colon or a word, not a sentence's end
_JOINT_BODIES = re.compile(r"\b[A-Z][A-Za-z]*[A-Z](?:/[A-Z][A-Za-z]*[A-Z])+\b")  # "AHA/ACC", "AGS/APhA/ASPC"
_INITIALS = re.compile(r"\b([A-Z][a-zà-ÿ’'-]+ )([A-Z]{2,3})(?=[,.](?:\s|$))")  # "Boulet LP,"


def journal_in_full(title: str) -> str:
    """ "Am J Respir Crit Care Med" -> "American Journal of Respiratory Critical Care Medicine": a
    title written as NLM abbreviates it, every word in the table of journal words (a pair such as
    "Med J" first), said in full; any other title as it is ("Presse Med", "Nutr Hosp")."""
    words, known = title.split(), _journal_words()
    said, i = [], 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in known and i + 1 < len(words):
            said.append(known[pair])
            i += 2
        elif words[i] in known:
            said.append(known[words[i]])
            i += 1
        else:
            return title
    return re.sub(r" of$", "", " ".join(said)) if len(words) >= 2 else title  # "... J": "Journal", not "Journal of"


@lru_cache(maxsize=1)
def _journal_words() -> Mapping[str, str]:
    with (Path(__file__).with_name("journals.toml")).open("rb") as handle:
        return tomllib.load(handle)["journal_words"]


def _all_of(names: list[str], and_: str) -> str:
    return ", ".join(names[:-1]) + f" {and_} {names[-1]}"


def _without_report_number(said: str, csl: Mapping) -> str:
    """A report's number ("NG145", "IMSS-320-10") is for finding it in a library, as a journal's pages are: the
    printed editions keep it, the voice leaves it out, with a word the style put before it ("Report", "Rapport")."""
    number = report_number(csl)
    if not number:
        return said
    # As a sentence of its own ("2019. NG145. Accessed", NLM's "Report 2024-05."); APA's "(No. 12; Series)" stays.
    term = r"(?:[^\W\d_]+ (?:[^\W\d_]+(?:\.[^\W\d_]+)*\.? ?: )?)?"  # "Report ", "Rapport nᵒ : ", "Informe n.º: "
    found = list(re.finditer(rf"(?<=\. ){term}{re.escape(number)}\.(?=\s|$)", said))
    if not found:
        return said
    last = found[-1]  # printed after the title: "3" may be in it too
    return said[:last.start()] + said[last.end():]


def _site_named(url: str, before: str) -> bool:
    """Whether a reference names the site of its URL before it, as a website's title: "heart.org", "HSE.ie"."""
    host = re.sub(r"^www\d*\.", "", urlsplit(url).hostname or "")
    return "." in host and re.search(rf"(?<![\w.])(?:www\d*\.)?{re.escape(host)}(?![\w-])", before, re.IGNORECASE) is not None


def spoken_reference(text: str, csl: Mapping, labels: Mapping[str, str]) -> str:
    """A formatted reference made fit for listening: sites instead of URLs, no DOI or page numbers."""
    said = _DOI.sub("", text)
    said = _PMID.sub("", said)
    said = _JOURNAL_LOCATOR.sub(r"\1.", said)
    said = _without_report_number(said, csl)
    short, full = csl.get("container-title-short"), csl.get("container-title")
    if isinstance(short, str) and isinstance(full, str) and short and short != full:
        said = said.replace(short, full)  # "N Engl J Med" -> "New England Journal of Medicine"
    elif isinstance(full, str) and (in_full := journal_in_full(full)) != full:
        said = said.replace(full, in_full)  # only the abbreviation given: "Obstet Gynecol"
    # The normaliser says the URL as its site name; after a style's own "Available from:" or
    # APA's "from", "à l'adresse", "de", the site alone ("Disponible en: En imss..." said "en" twice).
    # A site the reference has named already ("heart.org. Accessed …") is not said again after it.
    said = _URL.sub(lambda m: m.group(0) + "." if _LEADS_TO_A_URL.search(said[: m.start()])
                    else "" if _site_named(m.group(0), said[: m.start()])
                    else labels["online"].format(site=m.group(0)), said)
    said = re.sub(r"\.\s*\.", ".", said)
    # Bodies that publish together ("BTS/SIGN", "AHA/ACC/HRS"): all of them, not one or the other.
    said = _JOINT_BODIES.sub(lambda m: _all_of(m.group(0).split("/"), labels["and"]), said)
    # An author's initials are letters, not a word the tables know: "Boulet LP," was said "Boulet à
    # libération prolongée" (LP, a tablet's form in French). In the authors only: "Tramadol ER." is a title.
    authors = re.match(r"(?:[^,.;]+ [A-Z]{1,3}, )*[^,.;]+ [A-Z]{1,3}(?:, et al)?(?:, (?:eds?|dir|coords?|éds?|comps?))?\.", said)
    if authors and (csl.get("author") or csl.get("editor")):
        said = _INITIALS.sub(lambda m: m.group(1) + " ".join(m.group(2)), authors.group(0)) + said[authors.end():]
    # "Townsend CM Jr. Sabiston Textbook": the stop of "Jr." also ends the authors, and the voice, saying "Junior", would
    # run them into the title; a stop of their own keeps the pause.
    said = re.sub(r"^([^.;]* [A-Z]{1,3} (?:Jr|Sr))\.(?= [A-Z])", r"\1. .", said)
    return " ".join(said.split())


# --- ids of what is spoken besides sentences --------------------------------------------------------


def first_id(blocks: tuple[Block, ...]) -> str:
    """The id of the first spoken thing in ``blocks``: names the cues that introduce them."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.sentences:
            return block.sentences[0].id
        if isinstance(block, Figure):
            return block.id
        if isinstance(block, Table) and (block.header or block.rows):
            return (block.header or block.rows[0]).id
        if isinstance(block, Quote | Callout):
            return first_id(block.blocks)
        if isinstance(block, ListBlock):
            for item in block.items:
                return first_id(item.blocks)
    return "block"


def quote_id(quote: Quote) -> str:
    """"Quote." is said under this id: the ``<blockquote>``'s."""
    return f"{first_id(quote.blocks)}-quote"


def end_quote_id(quote: Quote) -> str:
    """"End of quote." is said under this id: a marker at the end of the ``<blockquote>``."""
    return f"{first_id(quote.blocks)}-end-quote"


def callout_id(callout: Callout) -> str:
    """"Tip." is said under this id: the callout's visible title."""
    return f"{first_id(callout.blocks)}-{callout.kind}"


def table_id(table: Table) -> str:
    """"Table with 3 rows." is said under this id: the header row's, else the ``<table>``'s."""
    if table.header is not None:
        return table.header.id
    return f"{table.rows[0].id}-table" if table.rows else "table"
