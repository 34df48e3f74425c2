"""The article in braille reading order, as paragraphs of cells ready for layout.

The order and content are those of the other editions (html.py, the audio
script): title, subtitle, byline and dates, then a transcriber's note naming
the code, key points, introduction, sections, numbered references, and the
disclaimer last. Pictures become transcriber's notes holding their
descriptions; tables are read row by row, each cell after its header.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import replace

from ...source.model import (
    Article,
    Callout,
    Citation,
    Code,
    Emph,
    Figure,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableRow,
    Text,
    citation_label,
    plain_text,
)
from ..edition import edition_facts
from . import louis
from .codes import BrailleCode
from .layout import Para

# Print characters some tables do not define, and what to give them instead (tried only when undefined).
FALLBACKS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...", "\u2022": "-", "\u00d7": "x",
    "\u2264": "<=", "\u2265": ">=", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u1d49": "e", "\u02b3": "r", "\u1d52": "o",  # the superscript letters of "2ᵉ éd.", "1ʳᵉ", "Nᵒ"
}  # fmt: skip


@functools.cache
def _defined(table: str, char: str) -> bool:
    # liblouis drops an undefined character (noUndefined), and some tables give a printed sign a
    # blank cell (French "ᵉ"): neither is the character written.
    return bool(louis.translate(table, char).strip("\u2800")) or char.isspace()


def printable(table: str, runs: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """The text of ``runs`` (text, emphasis) and each character's emphasis, spaces collapsed and
    characters ``table`` does not define replaced by their nearest plain form; ones with none are
    left for liblouis to drop, rather than spelled out as escape codes."""
    chars: list[str] = []
    forms: list[int] = []
    for text, form in runs:
        for char in unicodedata.normalize("NFC", text):
            if char.isspace():
                char = " "
            elif not (char.isascii() or _defined(table, char)):
                char = FALLBACKS.get(char) or "".join(
                    c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            for c in char:
                if c == " " and (not chars or chars[-1] == " "):
                    continue
                chars.append(c)
                forms.append(form)
    while chars and chars[-1] == " ":
        chars.pop(), forms.pop()
    return "".join(chars), forms


def runs_of(inlines, form: int = 0) -> list[tuple[str, int]]:
    """Inlines as (text, emphasis) runs: what liblouis needs to mark italic and bold."""
    runs: list[tuple[str, int]] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            runs.append((node.text, form))
        elif isinstance(node, Emph):
            runs += runs_of(node.children, form | louis.ITALIC)
        elif isinstance(node, Strong):
            runs += runs_of(node.children, form | louis.BOLD)
        elif isinstance(node, Link):
            runs += runs_of(node.children, form)
        elif isinstance(node, Citation):
            runs.append((citation_label(node), form))
        elif isinstance(node, LineBreak):
            runs.append((" ", form))
    return runs


class Transcriber:
    def __init__(self, article: Article, code: BrailleCode):
        self.article, self.code = article, code
        self.facts = edition_facts(article)
        self.labels = self.facts.labels
        self.said = self.facts.spoken_labels  # "Image: {alt}", in the article's language
        self.paras: list[Para] = []
        self.tables = 0

    def cells(self, text: str | list[tuple[str, int]]) -> str:
        text, forms = printable(self.code.table, [(text, 0)] if isinstance(text, str) else text)
        return louis.translate(self.code.table, text, forms=forms)

    def add(self, text: str | list[tuple[str, int]], **layout) -> None:
        """A paragraph of print ``text``, or of (text, emphasis) runs."""
        cells = self.cells(text)
        if cells.strip("\u2800"):
            self.paras.append(Para(cells, **layout))

    def note(self, text: str, **layout) -> None:
        """A transcriber's note (BANA 7-5), between the code's note indicators."""
        code = self.code
        body = self.cells(f"{code.note_label} {text}".strip())
        self.paras.append(Para(code.note_open + body + code.note_close, first=6, runover=4, **layout))

    def set_off(self, start: int) -> None:
        """A blank line before and after the paragraphs added since ``start``."""
        if len(self.paras) > start:
            self.paras[start] = replace(self.paras[start], space_before=True)
            self.paras[-1] = replace(self.paras[-1], space_after=True)

    def heading(self, text: str, level: int = 2) -> None:
        """Level 2: centred heading; 3: cell-5 heading; 4 and below: cell-7 heading (BANA 4.3-4.5)."""
        if level <= 2:
            self.add(text, centred=True, space_before=True, space_after=True, keep_with_next=True)
        elif level == 3:
            self.add(text, first=4, runover=4, space_before=True, keep_with_next=True)
        else:
            self.add(text, first=6, runover=6, keep_with_next=True)

    # --- blocks ---

    def blocks(self, blocks, depth: int = 0, marker: str = "") -> None:
        """``depth`` > 0 inside list items (BANA lists 1-3, nested 3-5, ...); ``marker`` starts
        the first paragraph of an item."""
        for block in blocks:
            self.block(block, depth, marker)
            marker = ""

    def block(self, block, depth: int, marker: str) -> None:
        if isinstance(block, Paragraph):
            runs = [(marker + " ", 0)] if marker else []
            for sentence in block.sentences:
                runs += runs_of(sentence.inlines) + [(" ", 0)]
            if depth:
                indent = 2 * (depth - 1)
                self.add(runs, first=indent if marker else indent + 2, runover=indent + 2)
            else:
                self.add(runs, first=2)
        elif isinstance(block, ListBlock):
            start = len(self.paras)
            for number, item in enumerate(block.items, start=block.start):
                self.blocks(item.blocks, depth + 1, f"{number}." if block.ordered else self.code.bullet)
            if not depth:
                self.set_off(start)
        elif isinstance(block, Quote):
            start = len(self.paras)
            self.blocks(block.blocks, depth)
            self.set_off(start)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            caption = plain_text(block.caption).strip()
            if block.decorative:
                if caption:
                    self.add(caption, first=2)
                return
            text = self.said["image"].format(alt=block.alt.strip())
            if caption and caption not in block.alt:
                text = f"{text.rstrip('.')}. {caption}"
            self.note(text, space_before=True, space_after=True)
        elif isinstance(block, Callout):
            start = len(self.paras)
            self.add(f"{self.labels.get(block.kind, self.labels['note'])}:", keep_with_next=True)
            self.blocks(block.blocks, depth)
            self.set_off(start)

    def table(self, table: Table) -> None:
        """Linear table format: a title line, then each row (1-3) as "header: cell; header: cell"."""
        self.tables += 1
        start = len(self.paras)
        self.add(self.labels["table"].format(n=self.tables), keep_with_next=True)
        headers = [plain_text(c, citations=False).strip() for c in table.header.cells] if table.header else []
        if table.header and not table.rows:
            self.add("; ".join(headers), runover=2)
        for row in table.rows:
            self.add(_row_text(row, headers), runover=2)
        self.set_off(start)

    # --- the article ---

    def transcribe(self) -> list[Para]:
        article, labels = self.article, self.labels
        self.add(article.title, centred=True, space_after=True)
        if article.subtitle:
            self.add(article.subtitle, centred=True, space_after=True)
        facts = self.facts
        if facts.byline:
            self.add(f"{labels['by']} {facts.byline}", runover=2)
        for key, value in (("reviewed", facts.reviewed), ("published", facts.published)):
            if value:
                self.add(f"{labels[key]}: {value.text}", runover=2)
        if article.publisher:
            self.add(f"{labels['published_by']} {article.publisher}", runover=2)
        self.note(self.code.note.format(code=self.code.name), space_before=True, space_after=True)
        if article.key_points:
            self.heading(labels["key_points"])
            start = len(self.paras)
            for point in article.key_points:
                self.add(f"{self.code.bullet} {point.text}", runover=2)
            self.set_off(start)
        self.blocks(article.intro)
        levels: list[tuple[int, int]] = []  # (source level, braille level): never skip a level
        for section in article.sections:
            while levels and levels[-1][0] >= section.level:
                levels.pop()
            level = levels[-1][1] + 1 if levels else 2
            levels.append((section.level, level))
            self.heading(section.title_text, level)
            self.blocks(section.blocks)
        if article.references:
            self.heading(labels["references"])
            for ref in article.references:
                self.add(f"{ref.number}. {ref.text}", runover=2)
        if article.disclaimer:
            self.heading(labels["disclaimer"])
            self.blocks(article.disclaimer)
        return self.paras


def _row_text(row: TableRow, headers: list[str]) -> str:
    parts = []
    for index, cell in enumerate(row.cells):
        value = plain_text(cell).strip()
        header = headers[index] if index < len(headers) else ""
        if value:
            parts.append(f"{header}: {value}" if header else value)
    return "; ".join(parts)
