"""A small ctypes binding to liblouis, the braille translator screen readers use.

liblouis is not on PyPI; Debian and Ubuntu package the library as
``liblouis20`` and its tables as ``liblouis-data`` (LGPL-2.1+). We call the
string API (``lou_translateString``), never the command-line tools, so that a
backslash or any other character in an article is text, not an escape.

Braille comes back as Unicode braille cells (U+2800 + dot bits, through
liblouis's ``unicode.dis`` display table): one character per cell, whatever
table made it, and ``brf.py`` maps the 64 six-dot cells to braille ASCII.
``OPENLEAF_LIBLOUIS`` names the library file to load instead of the system's
(tests set it to a missing file to see what a machine without liblouis does).
"""

from __future__ import annotations

import ctypes
import functools
import os

from ...source.errors import EngineUnavailable

INSTALL_HINT = "install it with: sudo apt-get install liblouis20 liblouis-data (Debian/Ubuntu)"
LIBRARY_ENV = "OPENLEAF_LIBLOUIS"
DISPLAY_TABLE = "unicode.dis"  # cells out (and in, for back-translation) as Unicode braille

# Typeforms: the emphasis of each input character, in the order tables declare their emphasis
# classes (UEB: italic, underline, bold); tables without emphasis ignore them.
ITALIC, BOLD = 0x1, 0x4
NO_UNDEFINED = 128  # liblouis mode "noUndefined": drop characters the table does not define, no \x escapes
_LOG_OFF = 60000  # LOU_LOG_OFF: our own errors say what went wrong, liblouis's log would repeat it on stderr


class LouisUnavailable(EngineUnavailable):
    """liblouis or its tables are not installed (exit 69)."""


@functools.cache
def _load(path: str | None) -> ctypes.CDLL:
    candidates = [path] if path else ["liblouis.so.20", "liblouis.so"]
    for candidate in candidates:
        try:
            lib = ctypes.CDLL(candidate)
            break
        except OSError:
            continue
    else:
        where = f" ({path}, from {LIBRARY_ENV})" if path else ""
        raise LouisUnavailable(f"braille needs the liblouis library, which is not installed{where}; {INSTALL_HINT}")
    lib.lou_version.restype = ctypes.c_char_p
    lib.lou_getTable.restype = ctypes.c_void_p
    lib.lou_getTable.argtypes = [ctypes.c_char_p]
    lib.lou_setLogLevel(_LOG_OFF)
    return lib


def library() -> ctypes.CDLL:
    """The loaded liblouis; LouisUnavailable when it cannot be loaded."""
    return _load(os.environ.get(LIBRARY_ENV) or None)


def available() -> bool:
    try:
        library()
        return True
    except LouisUnavailable:
        return False


def version() -> str:
    return library().lou_version().decode()


def check_table(table: str) -> None:
    """Fail with the package to install when liblouis cannot find or compile ``table`` (a table list)."""
    if not library().lou_getTable(table.encode()):
        raise LouisUnavailable(f"liblouis cannot load its braille table {table}; "
                               "install it with: sudo apt-get install liblouis-data (Debian/Ubuntu)")


def translate(table: str, text: str, *, forms: list[int] | None = None, mode: int = NO_UNDEFINED,
              display: str = DISPLAY_TABLE) -> str:
    """Print text to Unicode braille cells with ``table`` (a blank cell for each space). ``forms``
    gives each character's emphasis (ITALIC, BOLD); another ``display`` table other characters for the cells."""
    return _run("lou_translateString", f"{display},{table}", text, mode, forms)


def back_translate(table: str, cells: str) -> str:
    """Unicode braille cells back to print with ``table``."""
    return _run("lou_backTranslateString", f"{DISPLAY_TABLE},{table}", cells, 0)


def _run(function: str, tables: str, text: str, mode: int, forms: list[int] | None = None) -> str:
    lib = library()
    width = lib.lou_charSize()  # liblouis's widechar: 2 or 4 bytes, fixed when it was built
    char, encoding = (ctypes.c_uint32, "utf-32-le") if width == 4 else (ctypes.c_uint16, "utf-16-le")
    data = text.encode(encoding)
    length = len(data) // width
    if length == 0:
        return ""
    inbuf = (char * length).from_buffer_copy(data)
    size = length * 4 + 64  # contractions shorten; indicators (capitals, numbers) lengthen
    while True:
        outbuf = (char * size)()
        inlen, outlen = ctypes.c_int(length), ctypes.c_int(size)
        # liblouis may write to the typeform array, so it gets room for the output too.
        typeform = (ctypes.c_uint16 * size)(*forms[:length]) if forms and any(forms) else None
        ok = getattr(lib, function)(tables.encode(), inbuf, ctypes.byref(inlen),
                                    outbuf, ctypes.byref(outlen), typeform, None, mode)
        if not ok:
            check_table(tables)
            raise LouisUnavailable(f"liblouis could not translate text with {tables}")
        if inlen.value >= length or size > length * 64:
            break
        size *= 4  # the output did not fit: liblouis stopped early
    return bytes(outbuf)[: outlen.value * width].decode(encoding)
