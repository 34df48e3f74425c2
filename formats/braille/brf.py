"""Braille Ready Format: pages of six-dot cells as North American braille ASCII.

Each of the 64 cells is one ASCII character from space to underscore
(0x20-0x5F); the table below lists them in the order of the cells' dot bits
(dot 1 = 1, dot 2 = 2, ..., dot 6 = 32), the order Unicode braille uses too.
Lines end with a carriage return and a line feed, as the DOS programs BRF
comes from wrote them (and as an embosser fed a file without a driver needs:
a bare line feed may not return the head). Pages are separated by a form feed,
which stands in for the line end after a page's last line, so an embosser
set for that many lines can use all of them, and a reader that splits at line
ends gets each page as exactly its lines.
"""

from __future__ import annotations

NABCC = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
_TO_ASCII = {0x2800 + bits: char for bits, char in enumerate(NABCC)}
_FROM_ASCII = {char: chr(0x2800 + bits) for bits, char in enumerate(NABCC)}


def to_ascii(cells: str) -> str:
    """Unicode braille to braille ASCII. Dots 7 and 8 do not exist on six-dot paper and are dropped
    (our tables are six-dot; liblouis never gives them for text it defines)."""
    return "".join(" " if c == " " else _TO_ASCII[0x2800 + ((ord(c) - 0x2800) & 0x3F)] for c in cells)


def to_cells(text: str) -> str:
    """Braille ASCII (either case) to Unicode braille, for reading a BRF back."""
    return "".join(_FROM_ASCII.get(c.upper(), c) for c in text)


def brf(pages: list[list[str]]) -> str:
    return "\f".join("\r\n".join(to_ascii(line).rstrip() for line in page) for page in pages)
