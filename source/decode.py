"""Bytes to text, for the parser: a UTF-8 Markdown file, or a diagnostic saying what the file is instead."""

from __future__ import annotations

import bisect
import codecs
import re


from .errors import SourceError
from .limits import MAX_BYTES, too_big
from .model import (
    Diagnostic,
)

# Characters no output format can hold (XML forbids them) and no author means to type:
# C0/C1 controls except tab and newline, lone surrogates, U+FFFE/U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# What a file that is not Markdown text usually is, by its first bytes.
_FILE_KINDS = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a Word (.docx), OpenDocument, EPUB or ZIP file"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


class Decoding:
    """Bytes to text: refuse what is not a UTF-8 Markdown file, remove invisible characters."""


    def _decode(self, raw: bytes | str) -> str:
        if isinstance(raw, str):
            size = len(raw.encode("utf-8", "surrogatepass"))
            if size > MAX_BYTES:
                raise SourceError([too_big(self.name, size)])
            text = raw
        else:
            text = self._text_of(raw)
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        text = self._without_invisible(text)
        if not text.strip():
            raise SourceError([Diagnostic(self.name, 1, 1, "the file is empty",
                                          "write front matter with a title and lang, then the article")])
        return text

    def _text_of(self, raw: bytes) -> str:
        if len(raw) > MAX_BYTES:
            raise SourceError([too_big(self.name, len(raw))])
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise SourceError([Diagnostic(self.name, 1, 1, "the file is saved as UTF-16 text",
                                          "save it as UTF-8 in your editor ('Save as', encoding UTF-8)")])
        for magic, kind in _FILE_KINDS:
            if raw.startswith(magic):
                raise SourceError([Diagnostic(self.name, 1, 1, f"this is {kind}, not a Markdown article",
                                              "save or export the article as Markdown text (.md) and give that file")])
        if _looks_binary(raw[:8192]):
            raise SourceError([Diagnostic(self.name, 1, 1, "this is a binary file, not a Markdown article",
                                          "give the .md file of the article")])
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        # One diagnostic for each line that holds bytes that are not UTF-8.
        text = raw.decode("utf-8", "surrogateescape")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        problems = []
        for match in re.finditer("[\udc80-\udcff]", text):
            line = bisect.bisect_right(line_starts, match.start())
            if problems and problems[-1].line == line:
                continue
            col = match.start() - line_starts[line - 1] + 1
            byte = ord(match.group()) - 0xDC00
            guess = bytes([byte]).decode("cp1252", "replace")
            meant = f", perhaps '{guess}' saved in an older encoding" if guess.isprintable() and guess != "\ufffd" else ""
            problems.append(Diagnostic(self.name, line, col, f"not UTF-8 text (byte 0x{byte:02X}{meant})",
                                       "save the file as UTF-8 in your editor ('Save as', encoding UTF-8)"))
        raise SourceError(problems)

    def _without_invisible(self, text: str) -> str:
        """Remove control characters that no output can hold, with one warning per line."""
        if not _INVISIBLE.search(text):
            return text
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            found = _INVISIBLE.search(line)
            if found:
                code = ord(found.group())
                self.warn(number, found.start() + 1, f"invisible control character U+{code:04X} removed",
                          "it often comes from copying out of a word processor or a web page; delete it")
                lines[number - 1] = _INVISIBLE.sub("", line)
        return "\n".join(lines)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes make a file binary; one stray NUL in UTF-8 text is only removed, with a warning."""
    nuls = head.count(b"\x00")
    if nuls == 0:
        return False
    if nuls > len(head) // 100:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return True
    return False


# What authors call a style, and the CSL file that is it (a suggestion only: the name must be exact).
