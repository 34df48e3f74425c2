"""Braille lines and pages: wrapping without breaking words, and BANA's page layout.

Works on Unicode braille cells (one character per cell, U+2800 a blank cell)
so that it knows nothing of print or of any particular code. Formats follow
BANA's Braille Formats 2016 where a health leaflet needs them: paragraphs
begin in cell 3 with runovers in cell 1, list items 1-3 (nested 3-5, ...),
transcriber's notes 7-5, centred headings with at least three blank cells
either side and a blank line before and after, cell-5 and cell-7 headings
for lower levels, a heading never alone at the bottom of a page, no blank
line at the top of a page, and the braille page number at the right of the
last line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

BLANK = "\u2800"
CENTRE_MARGIN = 3  # blank cells at least either side of a centred heading (BANA 4.3)


@dataclass(frozen=True)
class Para:
    """A run of braille laid out as one unit: a paragraph, an item, a heading, a note."""

    cells: str
    first: int = 0  # blank cells before the first line (BANA "3-1" paragraph: first=2, runover=0)
    runover: int = 0  # blank cells before every other line
    centred: bool = False
    space_before: bool = False  # a blank line before it (dropped at the top of a page)
    space_after: bool = False
    keep_with_next: bool = False  # a heading: never the last thing on a page


@dataclass(frozen=True)
class Division:
    """How a code divides a word longer than a line (a web address, a DOI): ``cell`` ends each
    piece; a piece ends right after one of ``after`` (the code's "/") where one falls in the line's
    second half, unless ``number_sign`` comes just before it (French braille's "/2020": the digits
    after it would lose their sign)."""

    cell: str
    after: tuple[str, ...] = ()
    number_sign: str = ""

    def at(self, word: str, most: int) -> int:
        """How many cells of ``word`` the line that cannot hold it all takes (at most ``most``)."""
        for end in range(most, most // 2, -1):
            for mark in self.after:
                if word.endswith(mark, 0, end) and not (self.number_sign and
                                                        word.endswith(self.number_sign + mark, 0, end)):
                    return end
        return most


def wrap(para: Para, width: int, divide: Division) -> list[str]:
    """The lines of ``para``: words are never broken, except one longer than a whole line, which
    is divided as the code's ``divide`` says."""
    if para.centred:
        inner = max(width - 2 * CENTRE_MARGIN, width // 2)
        lines = _fill(para.cells, inner, 0, 0, divide)
        return [BLANK * ((width - len(line)) // 2) + line for line in lines]
    return _fill(para.cells, width, para.first, para.runover, divide)


def _fill(cells: str, width: int, first: int, runover: int, divide: Division) -> list[str]:
    lines: list[str] = []
    indent, line = min(first, width - 2), ""
    for word in (w for w in cells.split(BLANK) if w):
        while word:
            room = width - indent
            candidate = f"{line}{BLANK}{word}" if line else word
            if len(candidate) <= room:
                line, word = candidate, ""
            elif line:
                lines.append(BLANK * indent + line)
                indent, line = min(runover, width - 2), ""
            else:  # a word longer than a whole line
                cut = divide.at(word, room - len(divide.cell))
                lines.append(BLANK * indent + word[:cut] + divide.cell)
                indent, word = min(runover, width - 2), word[cut:]
    if line:
        lines.append(BLANK * indent + line)
    return lines


def paginate(paras: list[Para], width: int, lines: int, divide: Division,
             page_number: Callable[[int], str]) -> list[list[str]]:
    """Pages of exactly ``lines`` lines; the last line of each holds only its braille page number."""
    body = lines - 1
    pages: list[list[str]] = [[]]
    wrapped = [wrap(p, width, divide) for p in paras]
    for index, (para, text) in enumerate(zip(paras, wrapped)):
        if not text:
            continue
        page = pages[-1]
        previous = paras[index - 1] if index else None
        blank = bool(page) and (para.space_before or (previous is not None and previous.space_after))
        if para.keep_with_next and index + 1 < len(paras):
            following = paras[index + 1]
            needed = blank + len(text) + (para.space_after or following.space_before) + 1
            if page and body - len(page) < needed <= body:
                pages.append([])  # a heading and the first line of what it heads start the next page
                page, blank = pages[-1], False
        if blank and len(page) < body:
            page.append("")
        for line in text:
            if len(pages[-1]) >= body:
                pages.append([])
            pages[-1].append(line)
    if not pages[-1]:
        pages.pop()
    finished = []
    for number, page in enumerate(pages, start=1):
        label = page_number(number)
        finished.append(page + [""] * (body - len(page)) + [BLANK * (width - len(label)) + label])
    return finished
