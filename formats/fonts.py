"""The body font, Atkinson Hyperlegible, as shipped by PyPI `fontpkg-atkinson-hyperlegible`.

Designed by the Braille Institute for low-vision readers; OFL licensed, so it
may be embedded in every output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import fontpkg_atkinson_hyperlegible as _atkinson

FAMILY = _atkinson.FAMILY
FOLDER = Path(_atkinson.ROOT) / "files"


@dataclass(frozen=True)
class FontFace:
    path: Path
    weight: int  # 400 or 700
    style: str  # "normal" or "italic"

    @property
    def media_type(self) -> str:
        return "font/ttf"


def faces() -> list[FontFace]:
    """The four faces of the family; every one must exist (the package is a dependency)."""
    table = [
        ("Regular", 400, "normal"),
        ("Bold", 700, "normal"),
        ("Italic", 400, "italic"),
        ("BoldItalic", 700, "italic"),
    ]
    return [FontFace(FOLDER / f"AtkinsonHyperlegible-{name}.ttf", weight, style) for name, weight, style in table]


def font_face_css(url_of: Callable[[FontFace], str]) -> str:
    """The ``@font-face`` rules of the four faces; ``url_of(face)`` is where each format finds a face
    (a data: URL inside the page, a path inside the EPUB, a file URL for WeasyPrint)."""
    return "\n".join(
        "@font-face {\n"
        f'  font-family: "{FAMILY}";\n'
        f'  src: url("{url_of(face)}") format("truetype");\n'
        f"  font-weight: {face.weight};\n"
        f"  font-style: {face.style};\n"
        "}"
        for face in faces()
    ) + "\n"
