"""The EPUB 3 writer: one article as a reflowable, accessible e-book.

ebooklib assembles the package (OPF, NCX, container, zip). Every XHTML
document, the navigation document included, is rendered by us from the
theme's templates (``epub/*.xhtml``): ebooklib's own document builder
re-parses content with an HTML parser and rebuilds the head, which would take
``lang``, ``epub:type`` and the landmarks out of our hands.

Reading order (the spine): title page, contents, one document per ``##``
section (its subsections inside it), references, disclaimer.

When the audio is consumed (read-along), the book also carries the chapter
MP3s and a media overlay per content document (formats/overlays.py): it
reads itself aloud and highlights what it is saying.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ebooklib import epub
from lxml import etree
from markupsafe import Markup

from ..source.errors import InputError, OutputError
from ..source.model import Article, Block, Figure, Table, walk_blocks
from ..themes import Theme
from . import fonts, overlays
from .edition import DISCLAIMER, REFERENCES, EditionFacts, OutlineNode, edition_facts
from .files import atomic_path, file_stem
from .images import SVG_TYPE, clean_svg, extension, media_type_of_format
from .markup import Renderer
from ..source import settings
from .options import Options
from .readalong import ACTIVE_CLASS, PLAYING_CLASS, AudioEdition, audio_edition

CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CSS_FILE = "css/epub.css"
XHTML = "application/xhtml+xml"
DASH = "\u2013"



# Words the writer adds around the author's text, so that a Spanish book
# does not say "References". Other languages get English, marked lang="en".
def label_lang(facts: EditionFacts) -> Markup:
    """The attributes for an element holding one of our words (lang="en" for English stand-ins)."""
    return Markup("") if facts.labels_in_language else Markup(' lang="en" xml:lang="en"')


# --- the shape of the book ---------------------------------------------------


@dataclass
class TocEntry:
    title: str
    href: str
    children: list["TocEntry"] = field(default_factory=list)
    label: bool = False  # one of our words, not the author's: may need lang="en"


def _toc_of(node: OutlineNode, file_name: str) -> TocEntry:
    return TocEntry(node.name, f"{file_name}#{node.section.id}", [_toc_of(child, file_name) for child in node.children])


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
            media_type = media_type_of_format(picture.format)
            if media_type is not None and not animated:
                return media_type, data
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
            name = f"images/{len(images) + 1:02d}-{file_stem(figure.path.stem, 'image')}.{extension(media_type)}"
            images[figure.path] = Image(name, media_type, data)
    return images


# --- rendering ----------------------------------------------------------------


def _ids_in(xhtml: str) -> list[str]:
    root = etree.fromstring(xhtml.encode("utf-8"))
    return [element.get("id") for element in root.iter() if element.get("id")]


def plan(article: Article) -> tuple[list[Document], list[TocEntry], list[tuple[str, TocEntry]]]:
    """The content documents in reading order, the table of contents and the landmarks."""
    facts = edition_facts(article)
    labels, roots = facts.labels, facts.outline

    documents = [Document("title.xhtml", "title", article.title, "epub/title.xhtml")]
    title_entry = TocEntry(article.title, "title.xhtml")
    if article.key_points:
        title_entry.children.append(TocEntry(labels["key_points"], "title.xhtml#key-points", label=True))
    if article.intro:
        title_entry.children.append(TocEntry(labels["introduction"], "title.xhtml#intro", label=True))
    toc = [title_entry]

    for node in roots:
        file_name = f"{node.section.id}.xhtml"
        documents.append(Document(file_name, node.section.id, node.name, "epub/section.xhtml", {"node": node}))
        toc.append(_toc_of(node, file_name))
    for part, present in [(REFERENCES, bool(article.references)), (DISCLAIMER, bool(article.disclaimer))]:
        if present:
            documents.append(Document(f"{part}.xhtml", part, labels[part], f"epub/{part}.xhtml"))
            toc.append(TocEntry(labels[part], f"{part}.xhtml", label=True))

    # Where a reading system opens the book: the introduction, else the first section.
    if article.intro:
        start = TocEntry(labels["introduction"], "title.xhtml#intro", label=True)
    elif roots:
        start = TocEntry(roots[0].name, documents[1].file_name)
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
    facts = edition_facts(article)
    labels = facts.labels

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
        "facts": facts,
        "labels": labels,
        "label_lang": label_lang(facts),
        "r": renderer,
        "lang": facts.lang,
        "dir": facts.dir,
        "byline": facts.byline,
        "published": facts.published,
        "reviewed": facts.reviewed,
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


# --- metadata -----------------------------------------------------------------


def modified_time(article: Article) -> _dt.datetime:
    """A time taken from the article, not the clock, so two builds are byte-identical."""
    day = edition_facts(article).modified
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


def accessibility_summary(article: Article, read_along: bool = False) -> str:
    """A few honest sentences about this book's accessibility, for people choosing it."""
    n_sections = len(edition_facts(article).outline)
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
    if read_along:
        parts.append("The book reads itself aloud: all of its text, image descriptions and table rows are "
                     "narrated, and each sentence is highlighted as it is heard (synchronized audio and text).")
        parts.append("Text size, font, spacing and colours are left to the reader; nothing flashes or moves, "
                     "and sound plays only when the reader starts it.")
    else:
        parts.append("Text size, font, spacing and colours are left to the reader, and nothing flashes, moves or makes a sound.")
    return " ".join(parts)


def accessibility_metadata(article: Article, read_along: bool = False) -> list[tuple[str, str]]:
    """(property, value) pairs of EPUB Accessibility 1.1, in package document order.

    Features are values of the schema.org accessibilityFeature vocabulary
    that this book really has; a certifier only when the author names one
    (``certified_by:``): the toolkit checks the book, it does not certify it.
    With read-along the whole text is narrated in sync (image descriptions
    included), so listening alone is sufficient too, as the EPUB
    Accessibility techniques say for complete synchronized audio.
    """
    visual = any(not figure.decorative for figure in figures_of(article))
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if visual:
        features.append("alternativeText")
    if read_along:
        features.append("synchronizedAudioText")
    pairs = [("schema:accessMode", "textual")]
    if visual:
        pairs.append(("schema:accessMode", "visual"))
    if read_along:
        pairs.append(("schema:accessMode", "auditory"))
    pairs.append(("schema:accessModeSufficient", "textual"))
    if read_along:
        pairs.append(("schema:accessModeSufficient", "auditory"))
        if visual:
            pairs.append(("schema:accessModeSufficient", "textual,visual"))
    pairs += [("schema:accessibilityFeature", feature) for feature in features]
    pairs += [
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", accessibility_summary(article, read_along)),
        ("dcterms:conformsTo", CONFORMANCE),
    ]
    certifier = edition_facts(article).certified_by
    if certifier:
        pairs.append(("a11y:certifiedBy", certifier))
    return pairs


def _add_metadata(book: epub.EpubBook, article: Article, read_along: bool = False) -> None:
    facts = edition_facts(article)
    book.IDENTIFIER_ID = "pub-id"
    book.set_identifier(facts.identifier)
    book.set_title(article.title)
    book.set_language(facts.lang)
    if facts.dir == "rtl":
        book.set_direction("rtl")
    for index, name in enumerate(facts.author_names, start=1):
        book.add_author(name, role="aut", uid=f"creator-{index}")
    if article.publisher:
        book.add_metadata("DC", "publisher", article.publisher)
    published = facts.published or facts.reviewed
    if published:
        book.add_metadata("DC", "date", published.iso)
    if article.summary:
        book.add_metadata("DC", "description", " ".join(article.summary.split()))
    for prop, value in accessibility_metadata(article, read_along):
        attributes = {"property": prop}
        if prop == "schema:accessibilitySummary" and facts.language != "en":
            attributes["{http://www.w3.org/XML/1998/namespace}lang"] = "en"  # the summary is written in English
        book.add_metadata(None, "meta", value, attributes)


# --- the package --------------------------------------------------------------


def theme_style_sheet(theme: Theme) -> str:
    """The theme's EPUB styles as one file: base's sheet first, then each theme's on top
    (a theme states only what it changes)."""
    return "\n".join(path.read_text(encoding="utf-8") for path in theme.stylesheets("epub/epub.css"))


def build_book(article: Article, theme: Theme, audio: AudioEdition | None = None) -> epub.EpubBook:
    """The book; with ``audio`` it carries the chapter MP3s and reads along (media overlays)."""
    images = collect_images(article)
    documents, nav = render(article, theme, images)
    book = epub.EpubBook()
    _add_metadata(book, article, read_along=audio is not None)

    css = fonts.font_face_css(lambda face: f"../fonts/{face.path.name}") + theme_style_sheet(theme)
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
    if audio is not None:
        _add_overlays(book, audio, documents, items)
    # The NCX keeps EPUB 2 reading systems navigable; without one ebooklib
    # would still point the spine at it.
    book.add_item(epub.EpubNcx())
    book.toc = [epub.Link(d.file_name, d.name, d.item_id) for d in documents]
    book.spine = [items["title"], items["nav"], *(items[d.item_id] for d in documents[1:])]
    return book


def _add_overlays(book: epub.EpubBook, audio: AudioEdition, documents: list[Document],
                  items: dict[str, epub.EpubItem]) -> None:
    """The chapter MP3s, one SMIL overlay per content document, and the Media Overlays metadata."""
    where: dict[str, str] = {}
    for document in documents:
        for element_id in _ids_in(document.xhtml):
            where.setdefault(element_id, document.file_name)
    planned = overlays.plan_overlays(audio, where)
    by_file = {document.file_name: document for document in documents}
    heard = {clip.chapter.file: clip.chapter for overlay in planned for clip in overlay.clips}
    for index, chapter in enumerate(audio.chapters, start=1):
        if chapter.file in heard:
            book.add_item(epub.EpubItem(uid=f"audio-{index}", file_name=overlays.audio_name(chapter),
                                        media_type="audio/mpeg", content=(audio.folder / chapter.file).read_bytes()))
    for overlay in planned:
        document = by_file[overlay.document]
        book.add_item(epub.EpubSMIL(uid=overlay.item_id, file_name=overlay.file_name,
                                    content=overlays.smil(overlay, document.xhtml).encode("utf-8")))
        # ebooklib writes an item's media_overlay as the manifest's media-overlay attribute.
        items[document.item_id].media_overlay = overlay.item_id
        book.add_metadata(None, "meta", overlays.clock(overlay.duration_ms),
                          {"property": "media:duration", "refines": f"#{overlay.item_id}"})
    total = sum(overlay.duration_ms for overlay in planned)
    book.add_metadata(None, "meta", overlays.clock(total), {"property": "media:duration"})
    book.add_metadata(None, "meta", ACTIVE_CLASS, {"property": "media:active-class"})
    book.add_metadata(None, "meta", PLAYING_CLASS, {"property": "media:playback-active-class"})


def _with_package_lang(opf: bytes, lang: str) -> bytes:
    """The package document with ``xml:lang`` on ``<package>`` (ebooklib writes none): the language
    of the metadata, which reading systems and DAISY Ace read there."""
    root = etree.fromstring(opf)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _rezip(data: bytes, target: Path, when: _dt.datetime, lang: str) -> None:
    """Copy the zip with one fixed timestamp (ebooklib stamps entries with the clock)."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.external_attr = 0o644 << 16
            # The mimetype entry comes first (ebooklib writes it first) and stays uncompressed.
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename.endswith(".opf"):
                content = _with_package_lang(content, lang)
            out.writestr(entry, content)


def write(article: Article, theme: Theme, out_dir: Path, *, options: Options,
          consumed: Mapping[str, list[Path]] | None = None) -> list[Path]:
    """Write ``out_dir/<slug>.epub``; with the audio among ``consumed``, a book that reads along."""
    article = settings.as_publisher(article, options.config)  # the organisation (openleaf.toml) publishes it
    audio = audio_edition(consumed) if options.read_along else None
    book = build_book(article, theme, audio)
    modified = modified_time(article)
    packed = io.BytesIO()
    # raise_exceptions: without it ebooklib reports a failed write only as False.
    epub.write_epub(packed, book, {"raise_exceptions": True, "mtime": modified, "epub2_guide": False})
    target = Path(out_dir) / f"{article.slug}.epub"
    try:
        with atomic_path(target) as temp:
            _rezip(packed.getvalue(), temp, modified, article.lang)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the EPUB ({exc.strerror or exc})") from exc
    return [target]
