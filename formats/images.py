"""Pictures as every writer may pass them on: SVG drawings made inert.

An SVG is a document, not just a picture: it can carry scripts, event
handlers, animation, embedded HTML and references to files or web addresses.
Drawing programs write some of that, a hostile source more. The parser warns
about such SVGs and lets them through; every writer passes on only what
``clean_svg`` returns, so the EPUB, the page and the PDF show the same
drawing and nothing in it runs, moves or reaches outside it.
"""

from __future__ import annotations

import re

from lxml import etree

SVG_TYPE = "image/svg+xml"

# The pictures every output shows (EPUB 3's core media types, which browsers
# and WeasyPrint show too): media type -> (file name extensions, the first one
# used for names we make; Pillow's name of the format, None for SVG).
IMAGE_TYPES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "image/png": ((".png",), "PNG"),
    "image/jpeg": ((".jpg", ".jpeg"), "JPEG"),
    "image/gif": ((".gif",), "GIF"),
    "image/webp": ((".webp",), "WEBP"),
    SVG_TYPE: ((".svg",), None),
}


def media_type_of_name(name: str) -> str | None:
    """The media type a file name says ("x.JPG" -> image/jpeg); None for anything else."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return next((kind for kind, (suffixes, _) in IMAGE_TYPES.items() if suffix in suffixes), None)


def media_type_of_format(pillow_format: str | None) -> str | None:
    """The media type of a picture Pillow read as ``pillow_format`` ("PNG"); None if no output shows it."""
    return next((kind for kind, (_, name) in IMAGE_TYPES.items() if name and name == pillow_format), None)


def extension(media_type: str) -> str:
    """The file name extension, without the dot, that we give a picture of ``media_type``."""
    return IMAGE_TYPES[media_type][0][0].lstrip(".")

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Elements that run code, show other documents, play media or move.
# Matched by local name in any namespace: an XHTML <script> inside an SVG
# is as unwelcome as an SVG one.
ACTIVE_ELEMENTS = frozenset(
    name.lower()
    for name in (
        "script", "handler", "listener", "foreignObject", "iframe", "object", "embed", "audio", "video",
        "animation", "animate", "animateMotion", "animateTransform", "animateColor", "set", "discard",
    )
)

# Elements that only show what they refer to: with the reference gone they
# show nothing (and WeasyPrint refuses an <image> without one).
REFERRING_ELEMENTS = frozenset({"image", "use", "feImage"})

# Pictures an <image> may carry inside the drawing itself (a data: URL);
# nothing that could be another document (an SVG, HTML).
EMBEDDED_PICTURE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)

CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
CSS_IMPORT = re.compile(r"@import[^;]*(;|$)", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)""", re.IGNORECASE)
# Movement in a style: without these declarations a drawing keeps still.
CSS_MOTION = re.compile(r"(?<![\w-])(animation|transition)[\w-]*\s*:[^;}]*;?", re.IGNORECASE)
# What may still fetch or hide something once the above is taken out: any
# other url(), a function that loads pictures, @font-face, a CSS escape
# (``\75 rl(`` is url( to a browser, not to a regular expression) or an
# address in some other disguise.
CSS_STILL_ACTIVE = re.compile(
    r"url\(|image-set\(|image\(|cross-fade\(|element\(|src\(|expression\(|@import|@font-face|\\|javascript:"
    r"|-moz-binding|behavior\s*:|://",
    re.IGNORECASE,
)


def clean_svg(data: bytes) -> bytes | None:
    """The SVG with nothing that could run, move or reach outside it; None if ``data`` is not SVG.

    Kept: the drawing, its own styles, links to its own parts (``#id``) and
    raster pictures embedded in it. Removed: active elements, every ``on*``
    attribute, every reference that is not ``#...``, ``@import`` and
    outside ``url()`` in styles, animation, comments, processing
    instructions (an ``xml-stylesheet`` would load a style sheet), the
    DOCTYPE, and the markup of other programs (Inkscape's and Illustrator's
    metadata carry web addresses). Entities are never expanded or loaded.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{SVG_NS}}}svg":
        return None
    for node in list(root.iter()):
        if node is root or _keeps(node):
            _clean_attributes(node)
            if etree.QName(node).localname in REFERRING_ELEMENTS and not _refers(node):
                _remove(node)
        else:
            _remove(node)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def _keeps(node) -> bool:
    """SVG elements that draw; not entity references, other programs' markup or active elements."""
    if not isinstance(node.tag, str):
        return False  # an entity reference: its declaration is gone with the DOCTYPE
    name = etree.QName(node)
    if name.namespace != SVG_NS or name.localname.lower() in ACTIVE_ELEMENTS:
        return False
    if name.localname == "style":
        safe = clean_css(node.text or "")
        if safe is None:
            return False
        node.text = safe
    return True


def _remove(node) -> None:
    """Take ``node`` out (it may already be out, inside a removed ancestor), keeping the text after it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _clean_attributes(element) -> None:
    for attribute in list(element.attrib):
        name = etree.QName(attribute)
        value = element.attrib[attribute]
        local = name.localname.lower()
        if local.startswith("on"):
            del element.attrib[attribute]
        elif name.namespace not in (None, XLINK_NS, XML_NS) or (name.namespace == XML_NS and local not in ("lang", "space")):
            del element.attrib[attribute]  # another program's attributes, or xml:base
        elif local in ("href", "src"):
            if not reference_ok(value, etree.QName(element).localname):
                del element.attrib[attribute]
        elif local == "style" or "url(" in value.lower() or "\\" in value:
            safe = clean_css(value)
            if safe is None:
                del element.attrib[attribute]
            else:
                element.attrib[attribute] = safe


def _refers(element) -> bool:
    return any(etree.QName(attribute).localname == "href" for attribute in element.attrib)


def reference_ok(value: str, element: str) -> bool:
    """A reference that stays inside the drawing: its own ``#id``, or a picture embedded in an <image>."""
    value = value.strip()
    if value.startswith("#"):
        return True
    return element == "image" and EMBEDDED_PICTURE.fullmatch(value) is not None


def clean_css(css: str) -> str | None:
    """The style without imports, outside url()s or movement; None when what is left cannot be trusted."""
    css = CSS_COMMENT.sub(" ", css)
    css = CSS_IMPORT.sub("", css)
    css = CSS_MOTION.sub("", css)
    css = CSS_URL.sub(lambda match: match.group(0) if _fragment(match) else "none", css)
    if CSS_STILL_ACTIVE.search(CSS_URL.sub("", css)):
        return None
    return css


def _fragment(match: re.Match) -> bool:
    target = next((group for group in match.groups() if group is not None), "")
    return target.strip().startswith("#")
