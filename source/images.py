"""Checks on the pictures an article shows: the kind matches the name, the size is sane, SVG is inert."""

from __future__ import annotations

import re
import warnings
from pathlib import Path


from .values import _short

# --- images -----------------------------------------------------------------------------

_IMAGE_SIGNATURES = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
    ".svg": ("SVG", ()),
}
MAX_SVG_BYTES = 5_000_000
MAX_PIXELS = 100_000_000  # a 48-megapixel phone photo passes; a "decompression bomb" of gigapixels does not
# What may not be inside an SVG: it would run, or reach outside the picture, in a reader's browser.
_SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler", "listener", "audio",
                         "video", "animation"})
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def _image_problem(path: Path) -> tuple[str, str, bool] | None:
    """(what is wrong, how to fix it, whether it stops publishing) for a picture outputs cannot carry safely."""
    suffix = path.suffix.lower()
    if suffix not in _IMAGE_SIGNATURES:
        return ("is not a PNG, JPEG, GIF, WebP or SVG picture",
                "save the picture as PNG or JPEG (or SVG) and use that file", True)
    kind, signatures = _IMAGE_SIGNATURES[suffix]
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_SVG_BYTES + 1 if kind == "SVG" else 16)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", "check the file's permissions", True
    if kind == "SVG":
        return _svg_problem(head)
    if not head.startswith(signatures) or (kind == "WebP" and head[8:12] != b"WEBP"):
        return (f"is not really a {kind} picture (its content does not match its name)",
                f"save it again as {kind} from an image editor, or give the file the right extension", True)
    return _raster_problem(path, kind)


def _raster_problem(path: Path, kind: str) -> tuple[str, str, bool] | None:
    """Reads only the picture's header: its size is known before anything is decoded."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # we judge the size ourselves
            with Image.open(path) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        width = height = MAX_PIXELS  # Pillow refused to even say how large: far too large
    except Exception:  # Pillow raises many kinds on a damaged header
        return f"is a damaged {kind} file", f"save it again as {kind} from an image editor", True
    if width * height > MAX_PIXELS:
        return (f"has more than {MAX_PIXELS // 1_000_000} million pixels, too many to publish",
                "resize it to at most a few thousand pixels on each side", True)
    return None


def _svg_problem(data: bytes) -> tuple[str, str, bool] | None:
    """An SVG that cannot be read is an error. Active content (scripts, handlers, links out)
    is only a warning: the writers remove it, and the author keeps the picture."""
    from lxml import etree

    fix = "open it in an image editor and export it again as plain SVG, or as PNG"
    if len(data) > MAX_SVG_BYTES:
        return f"is larger than {MAX_SVG_BYTES / 1e6:g} MB", "simplify it or save it as PNG", True
    if b"<!ENTITY" in data:  # XML parsers differ on entities; none of ours should have to decide
        return "declares XML entities, which readers refuse", fix, True
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return "is not a valid SVG file", fix, True
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "is not an SVG picture", fix, True
    removed = "the outputs show the picture without it; export the picture again as plain SVG to be sure"
    if b"xml-stylesheet" in data:
        return "loads a style sheet from outside itself", removed, False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        name = etree.QName(element).localname.lower()
        if name in _SVG_ACTIVE:
            return f"contains a <{etree.QName(element).localname}> element that could run in a reader's browser", \
                removed, False
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            if attribute.startswith("on"):
                return f"contains an event handler ('{attribute}') that could run in a reader's browser", \
                    removed, False
            if attribute in ("href", "src") and not _svg_reference_ok(value, name):
                return f"refers to '{_short(value)}' outside the picture", removed, False
        styles = [element.attrib.get("style", "")] + ([element.text or ""] if name == "style" else [])
        for style in styles:
            if "@import" in style.lower() or any(not _svg_reference_ok(u, "") for u in _CSS_URL.findall(style)):
                return "loads a style or picture from outside itself", removed, False
    return None


def _svg_reference_ok(value: str, element: str) -> bool:
    value = value.strip()
    if value.startswith("#"):
        return True
    if element == "image":  # pictures embedded in the SVG itself
        return re.match(r"data:image/(png|jpeg|gif|webp);", value, re.IGNORECASE) is not None
    return False
