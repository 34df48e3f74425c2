"""The article model: built once by the parser, read by every writer.

Everything is frozen. Writers never see Markdown or YAML; they see these
objects. The one key shared by all formats is the element id: a sentence id
such as ``s-3-7`` (section 3, sentence 7), a table-row id, a section id. The
audio timeline says when an id is spoken, and HTML/EPUB put the same id on the
element that shows it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Union


# --- inlines ---------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emph:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    """A link. ``url`` is already vetted: only http(s), mailto, tel and #fragments."""

    url: str
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Cite:
    key: str
    number: int
    locator: str = ""  # e.g. "p. 12"


@dataclass(frozen=True)
class Citation:
    """``[@a; @b, p. 3]``: shown as numbers that link to the references, never spoken."""

    cites: tuple[Cite, ...]
    id: str  # element id of the citation mark, target of the back link

    @property
    def groups(self) -> list[tuple[Cite, Cite | None]]:
        """The cites as numeric styles show them: in number order, a run of three or more
        numbers without a locator as (first, last), every other cite as (cite, None).
        ``[@c; @a; @b]`` -> [(1, 3)]; ``[@b; @a, p. 4]`` -> [(1, p. 4), (2)]."""
        ordered = sorted(dict.fromkeys(self.cites), key=lambda c: (c.number, c.locator))
        groups: list[list[Cite]] = []
        for cite in ordered:
            run = groups[-1] if groups else None
            if run and not cite.locator and not run[-1].locator and cite.number == run[-1].number + 1:
                run.append(cite)
            else:
                groups.append([cite])
        out: list[tuple[Cite, Cite | None]] = []
        for run in groups:
            if len(run) >= 3:
                out.append((run[0], run[-1]))
            else:
                out.extend((cite, None) for cite in run)
        return out


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = Union[Text, Emph, Strong, Code, Link, Citation, LineBreak]


def plain_text(inlines: tuple[Inline, ...], *, citations: bool | str = True) -> str:
    """The visible text of inlines; citations as ``[1, 2]``, left out with ``citations=False``,
    or each written as the given string."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            out.append(node.text)
        elif isinstance(node, Emph | Strong | Link):
            out.append(plain_text(node.children, citations=citations))
        elif isinstance(node, Citation):
            if isinstance(citations, str):
                out.append(citations)
            elif citations:
                out.append(citation_label(node))
        elif isinstance(node, LineBreak):
            out.append(" ")
    return "".join(out)


def citation_label(citation: Citation) -> str:
    """ "[1, 2]", "[1–3]", "[2, p. 12]": sorted and compressed as numeric styles print them."""
    parts = []
    for cite, last in citation.groups:
        if last is not None:
            parts.append(f"{cite.number}–{last.number}")
        else:
            parts.append(f"{cite.number}, {cite.locator}" if cite.locator else str(cite.number))
    return "[" + ", ".join(parts) + "]"


# --- blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence as our splitter cut it. ``id`` is stable across builds."""

    id: str
    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return plain_text(self.inlines).strip()

    @property
    def spoken_text(self) -> str:
        """Visible text without citation marks; normalisation for speech happens later."""
        # "helps [1]." loses its mark and the space before it, not its full stop; the space French
        # puts before ";" and ":" stays.
        text = " ".join(plain_text(self.inlines, citations="\uFFFC").split())
        return re.sub(r"\s*\uFFFC", "", text).strip()


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Quote:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class TableRow:
    id: str  # spoken as one unit: "Header: cell, Header: cell"
    cells: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Table:
    header: TableRow | None
    rows: tuple[TableRow, ...]
    aligns: tuple[str, ...]  # "left" | "center" | "right" | "" per column


@dataclass(frozen=True)
class Figure:
    id: str  # element id; the alt text is spoken under this id
    src: str  # path relative to the article, as written
    path: Path  # resolved absolute path, checked to lie inside the article folder
    alt: str  # "" when decorative
    caption: tuple[Inline, ...] = ()

    @property
    def decorative(self) -> bool:
        return self.alt == ""


@dataclass(frozen=True)
class Callout:
    kind: str  # "note" | "tip" | "warning"
    blocks: tuple["Block", ...]


Block = Union[Paragraph, ListBlock, Quote, Table, Figure, Callout]


# --- article ---------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    id: str  # "sec-3"; also the heading's element id
    number: int  # 1-based, in reading order, subsections included
    level: int  # 2 for ##, 3 for ###, ...
    title: tuple[Inline, ...]
    blocks: tuple[Block, ...]

    @property
    def title_text(self) -> str:
        return plain_text(self.title, citations=False).strip()


@dataclass(frozen=True)
class Reference:
    key: str  # the CSL id, as cited with [@key]
    number: int  # 1-based, in order of first citation (uncited ones last)
    id: str  # element id, "ref-1"
    csl: Mapping  # the CSL item as written
    text: str  # formatted by citeproc, plain text
    html: str  # formatted by citeproc, safe HTML (inputs escaped)
    cited: bool = True
    back_ids: tuple[str, ...] = ()  # ids of citation marks that point here

    @property
    def url(self) -> str:
        return str(self.csl.get("URL", "") or "")


@dataclass(frozen=True)
class Author:
    name: str
    credentials: str = ""

    @property
    def display(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class Diagnostic:
    """A problem in a source: ``FILE:LINE:COL: message`` plus a hint how to fix it."""

    file: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


@dataclass(frozen=True)
class Article:
    source_path: Path
    slug: str
    title: str
    lang: str  # BCP 47, e.g. "en-US"
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    date: _dt.date | None = None
    reviewed: _dt.date | None = None
    publisher: str = ""
    summary: str = ""
    key_points: tuple[Sentence, ...] = ()
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    references: tuple[Reference, ...] = ()
    disclaimer: tuple[Block, ...] = ()
    pronounce: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    citation_style: str = "american-medical-association"
    meta: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def folder(self) -> Path:
        return self.source_path.parent

    @property
    def language(self) -> str:
        """The primary language subtag: "en" for "en-US"."""
        return primary_language(self.lang)

    def figures(self) -> list[Figure]:
        found: list[Figure] = []
        for blocks in [self.intro, *(s.blocks for s in self.sections)]:
            for block in walk_blocks(blocks):
                if isinstance(block, Figure):
                    found.append(block)
        return found


# How the first of a month is written and said where it is not the bare number: "1er novembre",
# in the byline, the references and the audio alike.
FIRST_DAY = {"fr": "1er"}


def primary_language(lang: str) -> str:
    """The primary language subtag of a BCP 47 tag, in lower case: "en" for "en-US" (or "en_US")."""
    return lang.replace("_", "-").split("-")[0].lower()


def walk_blocks(blocks: tuple[Block, ...]):
    """Every block, depth first, containers before their contents."""
    for block in blocks:
        yield block
        if isinstance(block, Quote | Callout):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item.blocks)


def sentences_of(blocks: tuple[Block, ...]) -> list[Sentence]:
    """All sentences in reading order (table rows and figures are not sentences)."""
    found: list[Sentence] = []
    for block in walk_blocks(blocks):
        if isinstance(block, Paragraph):
            found.extend(block.sentences)
    return found
