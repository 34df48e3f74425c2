"""The EPUB 3 writer: one article as a reflowable, accessible e-book.

ebooklib assembles the package (OPF, NCX, container, zip). Every XHTML
document, the navigation document included, is rendered by us from the
theme's templates (``epub/*.xhtml``): ebooklib's own document builder
re-parses content with an HTML parser and rebuilds the head, which would take
``lang``, ``epub:type`` and the landmarks out of our hands.

Reading order (the spine): title page, contents, one document per ``##``
section (its subsections inside it), references, disclaimer.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ebooklib import epub
from lxml import etree
from markupsafe import Markup

from ..source.errors import InputError, OutputError
from ..source.model import Article, Block, Figure, Section, Table, plain_text, walk_blocks
from ..themes import Theme
from . import fonts
from .files import atomic_path
from .images import SVG_TYPE, clean_svg
from .labels import date_parts, direction, has_labels, labels_for
from .markup import Renderer
from ..source import settings
from .options import Options

TOOLKIT = "Openleaf"
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CSS_FILE = "css/epub.css"
XHTML = "application/xhtml+xml"
DASH = "\u2013"

# Image formats every EPUB 3 reading system must show; others become PNG.
CORE_IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", SVG_TYPE: "svg"}


# Words the writer adds around the author's text, so that a Spanish book
# does not say "References". Other languages get English, marked lang="en".
def labels_and_lang(article: Article) -> tuple[Mapping[str, str], Markup]:
    """The labels, and the attributes for an element holding one (lang="en" for stand-ins)."""
    if has_labels(article.lang):
        return labels_for(article.lang), Markup("")
    return labels_for(article.lang), Markup(' lang="en" xml:lang="en"')


# --- the shape of the book ---------------------------------------------------


@dataclass
class SectionNode:
    """A section with the subsections under it; depth 0 starts a document."""

    section: Section
    depth: int
    children: list["SectionNode"] = field(default_factory=list)

    @property
    def heading(self) -> int:
        # Each document opens with its own h1 (a reading system shows one
        # document at a time); below that the levels follow the tree, so a
        # "####" straight under "##" never skips a level.
        return min(self.depth + 1, 6)


def section_tree(sections: tuple[Section, ...]) -> list[SectionNode]:
    roots: list[SectionNode] = []
    stack: list[SectionNode] = []
    for section in sections:
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        node = SectionNode(section, depth=len(stack))
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


@dataclass
class TocEntry:
    title: str
    href: str
    children: list["TocEntry"] = field(default_factory=list)
    label: bool = False  # one of our words, not the author's: may need lang="en"


def section_name(section: Section) -> str:
    """The heading as plain text; a heading that is only a citation keeps its number."""
    return section.title_text or plain_text(section.title).strip() or str(section.number)


def _toc_of(node: SectionNode, file_name: str) -> TocEntry:
    return TocEntry(
        section_name(node.section),
        f"{file_name}#{node.section.id}",
        [_toc_of(child, file_name) for child in node.children],
    )


@dataclass
class Document:
    file_name: str
    item_id: str
    name: str  # what the contents and the NCX call it
    template: str
    context: dict = field(default_factory=dict)
    xhtml: str = ""


def all_blocks(article: Article) -> list[Block]:
    groups = [article.intro, *(section.blocks for section in article.sections), article.disclaimer]
    return [block for group in groups for block in walk_blocks(group)]


def figures_of(article: Article) -> list[Figure]:
    return [block for block in all_blocks(article) if isinstance(block, Figure)]


def tables_of(article: Article) -> list[Table]:
    return [block for block in all_blocks(article) if isinstance(block, Table)]


# --- images -------------------------------------------------------------------


@dataclass(frozen=True)
class Image:
    name: str  # entry name inside the EPUB folder, e.g. "images/01-insulin-key.svg"
    media_type: str
    data: bytes


def safe_stem(text: str) -> str:
    """ASCII letters, digits and hyphens only: valid in every zip tool, file system and URL."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    return stem or "image"


def read_image(path: Path) -> tuple[str, bytes]:
    """(media type, bytes), judged by content rather than by the file's extension.

    Formats a reading system need not show become PNG, and an animated
    picture keeps its first frame: nothing in the book moves or flashes.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the image ({exc.strerror})") from exc
    svg = clean_svg(data)
    if svg is not None:
        return SVG_TYPE, svg
    from PIL import Image as PILImage, UnidentifiedImageError

    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            animated = getattr(picture, "n_frames", 1) > 1
            if picture.format in CORE_IMAGE_TYPES and not animated:
                return CORE_IMAGE_TYPES[picture.format], data
            picture.seek(0)
            converted = io.BytesIO()
            picture.save(converted, "PNG")
            return "image/png", converted.getvalue()
    except (UnidentifiedImageError, OSError, EOFError) as exc:
        raise InputError(f"{path}: not an image Openleaf can read; use PNG, JPEG, GIF, WebP or SVG") from exc


def collect_images(article: Article) -> dict[Path, Image]:
    """One entry per image file, however often the article shows it."""
    images: dict[Path, Image] = {}
    for figure in figures_of(article):
        if figure.path not in images:
            media_type, data = read_image(figure.path)
            name = f"images/{len(images) + 1:02d}-{safe_stem(figure.path.stem)}.{EXTENSIONS[media_type]}"
            images[figure.path] = Image(name, media_type, data)
    return images


# --- rendering ----------------------------------------------------------------


def _ids_in(xhtml: str) -> list[str]:
    root = etree.fromstring(xhtml.encode("utf-8"))
    return [element.get("id") for element in root.iter() if element.get("id")]


def plan(article: Article) -> tuple[list[Document], list[TocEntry], list[tuple[str, TocEntry]]]:
    """The content documents in reading order, the table of contents and the landmarks."""
    labels, _ = labels_and_lang(article)
    roots = section_tree(article.sections)

    documents = [Document("title.xhtml", "title", article.title, "epub/title.xhtml")]
    title_entry = TocEntry(article.title, "title.xhtml")
    if article.key_points:
        title_entry.children.append(TocEntry(labels["key_points"], "title.xhtml#key-points", label=True))
    if article.intro:
        title_entry.children.append(TocEntry(labels["introduction"], "title.xhtml#intro", label=True))
    toc = [title_entry]

    for node in roots:
        file_name = f"{node.section.id}.xhtml"
        documents.append(Document(file_name, node.section.id, section_name(node.section), "epub/section.xhtml", {"node": node}))
        toc.append(_toc_of(node, file_name))
    for part, present in [("references", bool(article.references)), ("disclaimer", bool(article.disclaimer))]:
        if present:
            documents.append(Document(f"{part}.xhtml", part, labels[part], f"epub/{part}.xhtml"))
            toc.append(TocEntry(labels[part], f"{part}.xhtml", label=True))

    # Where a reading system opens the book: the introduction, else the first section.
    if article.intro:
        start = TocEntry(labels["introduction"], "title.xhtml#intro", label=True)
    elif roots:
        start = TocEntry(section_name(roots[0].section), documents[1].file_name)
    else:
        start = TocEntry(article.title, "title.xhtml")
    landmarks = [
        ("titlepage", TocEntry(labels["title_page"], "title.xhtml", label=True)),
        ("toc", TocEntry(labels["contents"], "nav.xhtml#toc", label=True)),
        ("bodymatter", start),
    ]
    if article.references:
        landmarks.append(("bibliography", TocEntry(labels["references"], "references.xhtml", label=True)))
    return documents, toc, landmarks


def render(article: Article, theme: Theme, images: dict[Path, Image]) -> tuple[list[Document], Document]:
    """Every content document (in reading order) and the navigation document, as XHTML."""
    documents, toc, landmarks = plan(article)
    labels, label_lang = labels_and_lang(article)

    # A back link must name the document that holds its citation mark, so
    # the references are rendered after every other document.
    where: dict[str, str] = {}
    renderer = Renderer(
        labels=labels,
        epub=True,
        ref_href=lambda number: f"references.xhtml#ref-{number}",
        cite_href=lambda citation_id: f"{where[citation_id]}#{citation_id}",
        image_src=lambda figure: images[figure.path].name,
    )
    common = {
        "article": article,
        "labels": labels,
        "label_lang": label_lang,
        "r": renderer,
        "lang": article.lang,
        "dir": direction(article.lang),
        "published": date_parts(article.date, article.lang),
        "reviewed": date_parts(article.reviewed, article.lang),
        "css_href": CSS_FILE,
    }

    def title_of(name: str) -> str:
        return name if name == article.title else f"{name} {DASH} {article.title}"

    for document in sorted(documents, key=lambda d: d.item_id == "references"):
        document.xhtml = theme.render(
            document.template, doc_title=title_of(document.name), **common, **document.context
        )
        for element_id in _ids_in(document.xhtml):
            where.setdefault(element_id, document.file_name)

    for document in documents:
        document.xhtml = retarget_fragments(document.xhtml, document.file_name, where)

    nav = Document("nav.xhtml", "nav", labels["contents"], "epub/nav.xhtml")
    nav.xhtml = theme.render(nav.template, doc_title=title_of(nav.name), toc=toc, landmarks=landmarks, **common)
    return documents, nav


def retarget_fragments(xhtml: str, file_name: str, where: dict[str, str]) -> str:
    """Point an author's ``#id`` links at the document that now holds the id.

    In one HTML page ``#sec-2`` just works; split into documents it must
    name the file, and a link to an id that exists nowhere is no link at all.
    """
    if 'href="#' not in xhtml:
        return xhtml
    root = etree.fromstring(xhtml.encode("utf-8"))
    for link in root.iter("{http://www.w3.org/1999/xhtml}a"):
        href = link.get("href", "")
        if not href.startswith("#"):
            continue
        holder = where.get(href[1:])
        if holder is None:
            del link.attrib["href"]
        elif holder != file_name:
            link.set("href", f"{holder}{href}")
    body = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + body + "\n"


def font_faces_css() -> str:
    rules = []
    for face in fonts.faces():
        rules.append(
            "@font-face {\n"
            f'  font-family: "{fonts.FAMILY}";\n'
            f'  src: url("../fonts/{face.path.name}") format("truetype");\n'
            f"  font-weight: {face.weight};\n"
            f"  font-style: {face.style};\n"
            "}\n"
        )
    return "".join(rules)


# --- metadata -----------------------------------------------------------------


def book_identifier(article: Article) -> str:
    """Stable across builds, so a reading system knows a new build is the same book."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"openleaf:{article.slug}:{article.title}"))


def modified_time(article: Article) -> _dt.datetime:
    """A time taken from the article, not the clock, so two builds are byte-identical."""
    dates = [d for d in (article.date, article.reviewed) if d is not None]
    day = max(dates) if dates else _dt.date(2000, 1, 1)
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


def accessibility_summary(article: Article) -> str:
    """A few honest sentences about this book's accessibility, for people choosing it."""
    n_sections = len(section_tree(article.sections))
    if n_sections:
        plural = "s" if n_sections != 1 else ""
        structure = f"a table of contents, a heading at the start of each of its {n_sections} section{plural}"
    else:
        structure = "a table of contents"
    parts = [f"This EPUB of \u201c{article.title}\u201d has {structure}, and a reading order that follows the article."]
    described = {figure.path for figure in figures_of(article) if not figure.decorative}
    if len(described) == 1:
        parts.append("Its one image has a text description.")
    elif described:
        parts.append(f"All {len(described)} of its images have text descriptions.")
    tables = tables_of(article)
    if tables and all(table.header is not None for table in tables):
        parts.append("Its tables have column headers.")
    if article.references:
        parts.append("Citation numbers link to the numbered references, and each reference links back.")
    parts.append("Text size, font, spacing and colours are left to the reader, and nothing flashes, moves or makes a sound.")
    return " ".join(parts)


def accessibility_metadata(article: Article) -> list[tuple[str, str]]:
    """(property, value) pairs of EPUB Accessibility 1.1, in package document order."""
    visual = any(not figure.decorative for figure in figures_of(article))
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if visual:
        features.append("alternativeText")
    if tables_of(article):
        features.append("table")
    pairs = [("schema:accessMode", "textual")]
    if visual:
        pairs.append(("schema:accessMode", "visual"))
    pairs.append(("schema:accessModeSufficient", "textual"))
    pairs += [("schema:accessibilityFeature", feature) for feature in features]
    pairs += [
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", accessibility_summary(article)),
        ("dcterms:conformsTo", CONFORMANCE),
        ("a11y:certifiedBy", article.publisher or TOOLKIT),
    ]
    return pairs


def _add_metadata(book: epub.EpubBook, article: Article) -> None:
    book.IDENTIFIER_ID = "pub-id"
    book.set_identifier(book_identifier(article))
    book.set_title(article.title)
    book.set_language(article.lang)
    if direction(article.lang) == "rtl":
        book.set_direction("rtl")
    for index, author in enumerate(article.authors, start=1):
        book.add_author(author.name, role="aut", uid=f"creator-{index}")
    if article.publisher:
        book.add_metadata("DC", "publisher", article.publisher)
    published = article.date or article.reviewed
    if published:
        book.add_metadata("DC", "date", published.isoformat())
    if article.summary:
        book.add_metadata("DC", "description", " ".join(article.summary.split()))
    for prop, value in accessibility_metadata(article):
        attributes = {"property": prop}
        if prop == "schema:accessibilitySummary" and article.language != "en":
            attributes["{http://www.w3.org/XML/1998/namespace}lang"] = "en"  # the summary is written in English
        book.add_metadata(None, "meta", value, attributes)


# --- the package --------------------------------------------------------------


def build_book(article: Article, theme: Theme) -> epub.EpubBook:
    images = collect_images(article)
    documents, nav = render(article, theme, images)
    book = epub.EpubBook()
    _add_metadata(book, article)

    css = font_faces_css() + theme.read_text("epub/epub.css")
    book.add_item(epub.EpubItem(uid="css", file_name=CSS_FILE, media_type="text/css", content=css.encode("utf-8")))
    for index, face in enumerate(fonts.faces(), start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"font-{index}",
                file_name=f"fonts/{face.path.name}",
                media_type=face.media_type,
                content=face.path.read_bytes(),
            )
        )
    for index, image in enumerate(images.values(), start=1):
        book.add_item(epub.EpubImage(uid=f"img-{index}", file_name=image.name, media_type=image.media_type, content=image.data))

    # Plain items, not EpubHtml/EpubNav: ebooklib then writes our XHTML untouched.
    items = {}
    for document in [nav, *documents]:
        item = epub.EpubItem(
            uid=document.item_id, file_name=document.file_name, media_type=XHTML, content=document.xhtml.encode("utf-8")
        )
        book.add_item(item)
        items[document.item_id] = item
    items["nav"].properties = ["nav"]
    # The NCX keeps EPUB 2 reading systems navigable; without one ebooklib
    # would still point the spine at it.
    book.add_item(epub.EpubNcx())
    book.toc = [epub.Link(d.file_name, d.name, d.item_id) for d in documents]
    book.spine = [items["title"], items["nav"], *(items[d.item_id] for d in documents[1:])]
    return book


def _rezip(data: bytes, target: Path, when: _dt.datetime) -> None:
    """Copy the zip with one fixed timestamp (ebooklib stamps entries with the clock)."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.external_attr = 0o644 << 16
            # The mimetype entry comes first (ebooklib writes it first) and stays uncompressed.
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(entry, source.read(info.filename))


def write(article: Article, theme: Theme, out_dir: Path, *, options: Options, timeline=None) -> list[Path]:
    """Write ``out_dir/<slug>.epub``. ``timeline`` (read-along audio) is not used yet."""
    article = settings.as_publisher(article, options.config)  # the organisation (openleaf.toml) publishes it
    book = build_book(article, theme)
    modified = modified_time(article)
    packed = io.BytesIO()
    # raise_exceptions: without it ebooklib reports a failed write only as False.
    epub.write_epub(packed, book, {"raise_exceptions": True, "mtime": modified, "epub2_guide": False})
    target = Path(out_dir) / f"{article.slug}.epub"
    try:
        with atomic_path(target) as temp:
            _rezip(packed.getvalue(), temp, modified)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the EPUB ({exc.strerror or exc})") from exc
    return [target]
