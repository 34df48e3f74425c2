"""The PDF handout, rendered by WeasyPrint as tagged PDF/UA-1.

The theme's Jinja2 template lays the article out as HTML (blocks come from the
shared renderer in ``markup.py``), the theme's CSS styles it, and WeasyPrint
turns it into a tagged PDF. WeasyPrint 70's tagging falls short of PDF/UA in a
few places, so the finished file is read back with pikepdf and mended (see
``_mend``): a section or list that crosses a page break is one element again,
list items hold only Lbl and LBody, figure boxes are in page space, text that
is not in the structure tree (the page footer) becomes an artifact, and every
link says what it is.

The organisation's settings (``openleaf.toml``, see ``source/settings.py``)
add its logo, name, colour and contact, and a QR code to the large-print page
with the audio. Pages are made to fit: the theme's CSS keeps headings with
what follows and the last block with what precedes it, and a short handout
that spills a little onto one more sheet is laid out a second time with the
theme's tighter spacing (``pdf/tighter.css``), kept if it saves the sheet.

WeasyPrint only fetches what the restricted fetcher allows (the article, theme
and font folders; never the network), and its log records are watched: an
ERROR record fails the build with our own error instead of a quietly broken PDF.
"""

from __future__ import annotations

import base64
import datetime as _dt
import io
import logging
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pikepdf
import weasyprint
from markupsafe import Markup, escape
from weasyprint.formatting_structure.boxes import MarginBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..source import settings as organisation_settings
from ..source.errors import OutputError, UsageError
from ..source.model import Article, Figure, Inline, Reference, Table, Text
from ..source.settings import Settings
from ..themes import BUILTIN_DIR, Theme, load_theme
from . import fonts
from .files import atomic_path
from .edition import edition_facts
from .images import SVG_TYPE, clean_svg
from .labels import edition_labels_for
from .markup import Renderer
from .options import Options

log = logging.getLogger(__name__)

TEMPLATE = "pdf/handout.html.j2"
STYLESHEET = "pdf/handout.css"
LARGE_PRINT_THEME = "large-print"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def write(article: Article, theme: Theme, out_dir: Path, *, options: Options,
          consumed: Mapping[str, list[Path]] | None = None) -> list[Path]:
    """The handout as ``out_dir/<slug>.pdf``, styled by ``theme``."""
    return [_write(article, theme, Path(out_dir) / f"{article.slug}.pdf", options)]


def write_large_print(
    article: Article, theme: Theme, out_dir: Path, *, options: Options,
    consumed: Mapping[str, list[Path]] | None = None,
) -> list[Path]:
    """The large-print edition as ``out_dir/<slug>-large-print.pdf``.

    Uses ``theme`` when it is (or extends) the large-print theme, so a user's
    large-print variant is honoured; otherwise the built-in large-print theme.
    """
    if BUILTIN_DIR / LARGE_PRINT_THEME not in theme.folders:
        theme = load_theme(LARGE_PRINT_THEME)
    return [_write(article, theme, Path(out_dir) / f"{article.slug}-large-print.pdf", options)]


def _write(article: Article, theme: Theme, target: Path, options: Options) -> Path:
    paper = PAPER_SIZES.get(options.paper.lower())
    if paper is None:
        raise UsageError(f"unknown paper size '{options.paper}'; use one of: {', '.join(PAPER_SIZES)}")
    org = organisation_settings.load(article.source_path, options.config)
    _warn_if_review_is_old(article, org)
    html = page_html(article, theme, org)
    pdf = _render(html, article, theme, paper, org)
    with atomic_path(target) as temp:
        _mend(pdf, _link_descriptions(html), temp)
    return target


def _warn_if_review_is_old(article: Article, org: Settings, today: _dt.date | None = None) -> None:
    """A build warning when the last review is older than the organisation allows."""
    limit = org.review_max_age_years
    if not limit or article.reviewed is None:
        return
    today = today or _dt.date.today()
    try:
        due = article.reviewed.replace(year=article.reviewed.year + limit)
    except ValueError:  # reviewed on 29 February
        due = article.reviewed.replace(year=article.reviewed.year + limit, day=28)
    if due >= today:
        return
    log.warning(
        "%s:%d: PDF: last reviewed on %s, more than %d years ago (review_max_age_years in %s); "
        "review the article and update 'reviewed:'",
        article.source_path, _front_matter_line(article.source_path, "reviewed"),
        article.reviewed.isoformat(), limit, org.path,
    )


def _front_matter_line(path: Path, key: str) -> int:
    """The line of a top-level front matter key (1 when it cannot be found)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if line.startswith(f"{key}:"):
                    return number
                if number > 1000:
                    break
    except OSError:
        pass
    return 1


# --- the page as HTML --------------------------------------------------------


# Two ways text extraction (pdftotext, copy and paste, many screen readers)
# can lose what a line break split:
# - after a hyphen, it reads the break as hyphenation and drops the hyphen
#   ("Barrett-Connor" becomes "BarrettConnor", a URL changes). So hyphenated
#   words, and hyphenated parts of URLs between slashes, stay on one line;
#   longer runs may still break so that nothing runs off the page.
# - a very long word must break somewhere, and in a table it would otherwise
#   make its column as wide as the word, pushing the table off the page. It
#   gets zero-width spaces: break points that neither show nor extract.
HYPHENATED = re.compile(r"[^\s/<>]*\w-\w[^\s/<>]*")
LONGEST_UNBROKEN = 40
LONG_WORD = re.compile(r"\w{24,}")
WORD_PIECE = 12
ZERO_WIDTH_SPACE = "\u200b"


def _breakable(word: str) -> str:
    return ZERO_WIDTH_SPACE.join(word[i : i + WORD_PIECE] for i in range(0, len(word), WORD_PIECE))


def paper_text(text: str, *, keep_hyphenated: bool = True) -> Markup:
    """Plain text as markup: long words breakable, hyphenated words in a span that does not wrap."""
    text = LONG_WORD.sub(lambda match: _breakable(match.group()), text)
    if not keep_hyphenated:
        return escape(text)
    out, start = [], 0
    for match in HYPHENATED.finditer(text):
        if len(match.group()) > LONGEST_UNBROKEN:
            continue
        out.append(escape(text[start : match.start()]))
        out.append(Markup('<span style="white-space: nowrap">%s</span>') % match.group())
        start = match.end()
    out.append(escape(text[start:]))
    return Markup("").join(out)


def _paper_html(html: str) -> Markup:
    """The same inside safe HTML (citeproc's), touching text only, never tags."""
    parts = re.split(r"(<[^>]*>)", html)
    return Markup("").join(
        Markup(part) if part.startswith("<") else paper_text(unescape(part)) for part in parts
    )


@dataclass(frozen=True)
class PdfRenderer(Renderer):
    """The shared renderer, adapted to paper.

    Images are addressed as file URLs. Hyphenated words stay whole and long
    words get break points (see HYPHENATED); in table cells hyphenated words
    may break, as a column should not grow to fit them. A decorative image
    is drawn as a CSS background: WeasyPrint marks backgrounds as artifacts,
    which is what PDF/UA asks of decoration (an ``<img alt="">`` would be
    tagged as a Figure without alternate text).
    """

    image_src: Callable[[Figure], str] = lambda figure: figure.path.as_uri()
    keep_hyphenated: bool = True

    def inline(self, node: Inline) -> Markup:
        if isinstance(node, Text):
            return paper_text(node.text, keep_hyphenated=self.keep_hyphenated)
        return super().inline(node)

    def table(self, table: Table) -> Markup:
        return Renderer.table(replace(self, keep_hyphenated=False), table)

    def references(self, references: tuple[Reference, ...]) -> Markup:
        whole = tuple(replace(ref, html=_paper_html(ref.html)) for ref in references)
        return super().references(whole)

    def figure(self, figure: Figure) -> Markup:
        if not figure.decorative:
            return super().figure(figure)
        size = _image_size(figure.path)
        if size is None:
            box = Markup('<div class="decorative-image" style="height: 4cm; background-image: url(%s)"></div>')
            return box % figure.path.as_uri()
        width, height = size
        box = Markup(
            '<div class="decorative-frame" style="width: %spx">'
            '<div class="decorative-image" style="padding-top: %.3f%%; background-image: url(%s)"></div>'
            "</div>"
        )
        return box % (width, 100 * height / width, figure.path.as_uri())


def _image_size(path: Path) -> tuple[int, int] | None:
    try:
        from PIL import Image  # a WeasyPrint dependency

        with Image.open(path) as image:
            width, height = image.size
    except Exception:  # not a raster image (SVG) or unreadable: WeasyPrint reports the latter
        return None
    return (width, height) if width and height else None


def page_html(article: Article, theme: Theme, org: Settings = organisation_settings.NONE) -> str:
    """The article laid out by the theme's template, ready for WeasyPrint."""
    facts = edition_facts(article)
    renderer = PdfRenderer(labels=facts.labels)
    return theme.render(
        TEMPLATE,
        article=article,
        facts=facts,
        r=renderer,
        dir=facts.dir,
        title=paper_text(article.title),
        subtitle=paper_text(article.subtitle),
        labels=facts.labels,
        authors=facts.authors,
        byline=paper_text(facts.byline),
        reviewed=facts.reviewed,
        published=facts.published,
        organisation={
            "name": org.name,
            "phone": org.phone,
            "url": org.url,
            "logo": org.logo.as_uri() if org.logo else "",
            "logo_alt": org.logo_alt,
        },
        editions=_editions(article, org),
        key_points=renderer.key_points(article) if article.key_points else None,
        intro=renderer.blocks(article.intro),
        sections=facts.outline,
        references=renderer.references(article.references) if article.references else None,
        disclaimer=renderer.blocks(article.disclaimer) if article.disclaimer else None,
    )


def _editions(article: Article, org: Settings) -> dict | None:
    """The QR code that opens the large-print page with the audio, and that address as text."""
    url = org.edition_url(article.slug)
    if not url:
        return None
    words = edition_labels_for(article.lang)
    return {
        "url": url,
        "shown_url": paper_text(url),
        "label": words["other_editions"],
        "alt": words["qr_alt"].format(url=url),
        "qr": qr_data_url(url),
    }


def qr_data_url(url: str) -> str:
    """A QR code for ``url`` as an SVG data URL: vector, so it prints sharp at any size.

    Error correction M (15 %) survives a crease or a smudge. The drawing
    keeps a border of one module; the rest of the quiet zone is the white
    margin the theme leaves around it, so the code itself is nearly as wide
    as the box the theme gives it (22 mm by default).
    """
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", border=1, xmldecl=False, svgns=True)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def _page_css(paper: str, lang: str, labels: Mapping[str, str], org: Settings = organisation_settings.NONE) -> str:
    """Paper size, the words of "Page 3 of 5" that the theme's CSS reads as var(--page-word),
    var(--of-word), and the organisation's colour (--accent) and contact line (--footer)."""
    page, of = labels["page"], labels["of"]
    css = f'@page {{ size: {paper}; --page-word: "{page}"; --of-word: "{of}"; }}'
    contact = [org.name]
    if org.phone:
        contact.append(f"{edition_labels_for(lang)['phone']} {org.phone}")
    if org.url:
        contact.append(re.sub(r"^https?://", "", org.url).rstrip("/"))
    if any(contact):
        css += f"\n@page {{ --footer: {_css_string(' · '.join(c for c in contact if c))}; }}"
    if org.accent:
        css += f"\n:root {{ --accent: {org.accent}; }}"
    return css


# --- rendering with WeasyPrint -----------------------------------------------


class RefusedFetch(FatalURLFetchingError):
    """Stops the render: the document asked for something outside the allowed folders."""


class FolderFetcher(URLFetcher):
    """Fetches ``file:`` and ``data:`` URLs only, and files only from inside ``folders``.

    An SVG is handed over cleaned (see ``images.clean_svg``), as the other
    writers pass it on: WeasyPrint then never meets the scripts or outside
    references a drawing program left in it, and one such reference no
    longer stops the whole PDF.
    """

    def __init__(self, folders: list[Path]):
        super().__init__(allowed_protocols={"file", "data"})
        self.folders = [folder.resolve() for folder in folders]

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedFetch(f"refused to fetch '{url}': Openleaf never uses the network while publishing")
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            allowed = ", ".join(str(f) for f in self.folders)
            raise RefusedFetch(f"refused to read '{path}': only files inside {allowed} may be used")
        if path.suffix.lower() == ".svg":
            return self._clean_svg(url, path)
        return super().fetch(url, headers)

    @staticmethod
    def _clean_svg(url: str, path: Path) -> URLFetcherResponse:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RefusedFetch(f"cannot read '{path}' ({exc.strerror or exc})") from None
        cleaned = clean_svg(data)
        if cleaned is None:
            raise RefusedFetch(f"'{path}' is not a valid SVG picture; export it again as plain SVG, or as PNG")
        return URLFetcherResponse(url, cleaned, {"Content-Type": SVG_TYPE})


class _Records(logging.Handler):
    """Collects this thread's WeasyPrint log records while one document renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@contextmanager
def _watched_log():
    records = _Records()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(records)
    try:
        yield records.records
    finally:
        logger.removeHandler(records)


def _render(html: str, article: Article, theme: Theme, paper: str, org: Settings) -> bytes:
    fetcher = FolderFetcher([article.folder, *theme.folders, fonts.FOLDER, *org.folders])
    font_config = FontConfiguration()

    def sheets(paths: list[Path]) -> list[weasyprint.CSS]:
        return [
            weasyprint.CSS(string=path.read_text(encoding="utf-8"), base_url=path.parent.as_uri() + "/",
                           font_config=font_config, url_fetcher=fetcher)
            for path in paths
        ]

    with _watched_log() as records:
        try:
            stylesheets = [
                weasyprint.CSS(string=fonts.font_face_css(lambda face: face.path.as_uri()), font_config=font_config,
                               url_fetcher=fetcher),
                *sheets(theme.stylesheets(STYLESHEET)),  # base first, then each theme's on top
                weasyprint.CSS(string=_page_css(paper, article.lang, edition_facts(article).labels, org),
                               url_fetcher=fetcher),
            ]
            source = weasyprint.HTML(string=html, base_url=article.folder.as_uri() + "/", url_fetcher=fetcher)
            document = source.render(stylesheets=stylesheets, font_config=font_config, pdf_variant=PDF_VARIANT)
            tighter = theme.stylesheets(TIGHTER_STYLESHEET, required=False)
            if tighter and _worth_tightening(document):
                # A short handout that spills a little onto its last page: laid out again with the
                # theme's tighter spacing, and kept if that saves the sheet.
                second = source.render(stylesheets=stylesheets[:-1] + sheets(tighter) + stylesheets[-1:],
                                       font_config=font_config, pdf_variant=PDF_VARIANT)
                if len(second.pages) < len(document.pages):
                    document = second
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
        except RefusedFetch as exc:
            raise OutputError(f"{article.source_path}: PDF: {exc}") from None
    _report(records, article)
    return pdf


PDF_VARIANT = "pdf/ua-1"
TIGHTER_STYLESHEET = "pdf/tighter.css"
MOST_PAGES_TO_TIGHTEN = 4  # a handout; a long document is not worth a second layout
SPILL = 0.4  # the last page is used less than this: tighter spacing may well take it back


def _worth_tightening(document) -> bool:
    return 1 < len(document.pages) <= MOST_PAGES_TO_TIGHTEN and last_page_fill(document) < SPILL


def last_page_fill(document) -> float:
    """How much of the last page's text area the content takes, from 0 to 1."""
    page = document.pages[-1]._page_box
    top, height = page.content_box_y(), page.height
    bottom = top
    stack = [child for child in page.children if not isinstance(child, MarginBox)]  # not the footer
    while stack:
        box = stack.pop()
        if isinstance(box.height, (int, float)) and box.height:
            bottom = max(bottom, box.position_y + box.margin_height())
        stack.extend(getattr(box, "children", ()))
    return (bottom - top) / height if height else 1.0


MISSING_GLYPH = re.compile(r'unsupported by fonts: "(.+)" \(U\+')


def _report(records: list[logging.LogRecord], article: Article) -> None:
    """Raise WeasyPrint's errors as ours; pass its warnings on, missing characters as one."""
    errors, missing = [], []
    for record in records:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            errors.append(message)
        elif match := MISSING_GLYPH.search(message):
            missing.append(match.group(1))
        else:
            log.warning("%s: PDF: %s", article.source_path, message)
    if missing:
        log.warning(
            "%s: PDF: no installed font has %s, so they print as empty boxes; "
            "install a font for %s text (the Noto fonts cover most scripts)",
            article.source_path,
            " ".join(sorted(set(missing))),
            article.lang,
        )
    if errors:
        raise OutputError(f"{article.source_path}: the PDF could not be made: " + "; ".join(errors))


# --- mending what WeasyPrint leaves short of PDF/UA --------------------------


class _LinkTexts(HTMLParser):
    """What each link in our HTML says, keyed by its target: the link's description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self._open: list[list] = []  # [target, label, collected text]

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            attributes = dict(attrs)
            href = attributes.get("href") or ""
            target = href[1:] if href.startswith("#") else href
            self._open.append([target, attributes.get("aria-label") or "", []])

    def handle_data(self, data):
        for link in self._open:
            link[2].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            target, label, text = self._open.pop()
            description = label or " ".join("".join(text).split())
            self.texts.setdefault(target, description)


def _link_descriptions(html: str) -> dict[str, str]:
    parser = _LinkTexts()
    parser.feed(html)
    return parser.texts


def _mend(pdf_bytes: bytes, link_texts: dict[str, str], target: Path) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _join_page_fragments(pdf)
        elements = list(_structure_elements(pdf))
        _wrap_list_bodies(pdf, elements)
        _figure_boxes_to_page_space(elements)
        tagged = _tagged_content(pdf, elements)
        parent_tree = _parent_tree(pdf)
        for number, page in enumerate(pdf.pages):
            artifacts = _untagged_to_artifacts(pdf, page, tagged.get(number, set()))
            mapping = parent_tree.get(int(page.obj.get("/StructParents", -1)))
            for mcid in artifacts:
                if mapping is not None and mcid < len(mapping):
                    mapping[mcid] = None  # no content carries this id any more
            _describe_links(page, link_texts)
        pdf.save(target, deterministic_id=True)  # same article, same bytes


def _structure_elements(pdf: pikepdf.Pdf):
    """Every structure element reachable from the root, parents before children."""
    stack = [pdf.Root.StructTreeRoot]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if node.get("/Type") == pikepdf.Name.StructElem:
            yield node
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        stack.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]


def _tagged_content(pdf: pikepdf.Pdf, elements) -> dict[int, set[int]]:
    """The marked-content ids that structure elements claim, per page index."""
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    found: dict[int, set[int]] = {}
    for element in elements:
        page = element.get("/Pg")
        mcids = {int(kid) for kid in _kids(element) if isinstance(kid, int)}
        if page is not None and mcids:
            found.setdefault(page_index[page.objgen], set()).update(mcids)
    return found


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Array]:
    """The per-page MCID arrays of the parent tree (WeasyPrint writes a flat /Nums)."""
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums", [])
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums) - 1, 2) if isinstance(nums[i + 1], pikepdf.Array)}


# Containers that WeasyPrint tags once per page when they run over a page
# break. Paragraphs are left split: a paragraph that ends a page and one that
# starts the next cannot be told from one paragraph in two parts.
JOINABLE = {"/Sect", "/Div", "/L", "/LI", "/LBody", "/BlockQuote"}
HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}


def _join_page_fragments(pdf: pikepdf.Pdf) -> None:
    """Make a section, list or box that runs over a page break one element again.

    WeasyPrint builds the structure tree page by page, so the references list
    that continues on the next page becomes two lists and a section two
    sections, the second without its heading. A fragment is recognised as the
    next sibling on the following page that cannot be a new element of its
    own: a section not opening with a heading, a list item without its label.
    """
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    last_page: dict[tuple[int, int], int] = {}  # an element already joined ends on a later page

    def continues(first, second) -> bool:
        if not (isinstance(first, pikepdf.Dictionary) and isinstance(second, pikepdf.Dictionary)):
            return False
        kind = str(second.get("/S"))
        if kind != str(first.get("/S")) or kind not in JOINABLE:
            return False
        if "/Pg" not in first or "/Pg" not in second:
            return False
        if page_index[second.Pg.objgen] != last_page.get(first.objgen, page_index[first.Pg.objgen]) + 1:
            return False
        if any(isinstance(kid, int) for kid in [*_kids(first), *_kids(second)]):
            return False  # marked content right in the element: it belongs to its page
        opening = next((kid for kid in _kids(second) if isinstance(kid, pikepdf.Dictionary)), None)
        if kind == "/Sect":
            return opening is None or str(opening.get("/S")) not in HEADINGS
        if kind == "/LI":
            return not any(isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == pikepdf.Name.Lbl for kid in _kids(second))
        return True

    def join(parent) -> None:
        joined: list = []
        for kid in _kids(parent):
            if joined and continues(joined[-1], kid):
                for grandchild in _kids(kid):
                    if isinstance(grandchild, pikepdf.Dictionary) and "/S" in grandchild:
                        grandchild.P = joined[-1]
                joined[-1].K = pikepdf.Array([*_kids(joined[-1]), *_kids(kid)])
                last_page[joined[-1].objgen] = page_index[kid.Pg.objgen]
            else:
                joined.append(kid)
        parent.K = pikepdf.Array(joined)
        for kid in joined:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                join(kid)

    for top in _kids(pdf.Root.StructTreeRoot):
        _prune_empty(top)
        join(top)


def _prune_empty(element) -> bool:
    """Drop structure elements that hold nothing; True when ``element`` itself is empty.

    WeasyPrint leaves an empty list item behind when only a nested list
    continues on the next page (and an empty Div for a decorative image);
    an empty element would sit between two fragments that belong together.
    """
    kept = [kid for kid in _kids(element) if not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid and _prune_empty(kid))]
    if "/K" in element:
        element.K = pikepdf.Array(kept)
    return not kept


def _wrap_list_bodies(pdf: pikepdf.Pdf, elements) -> None:
    """Put what a list item holds besides its label into an LBody.

    WeasyPrint tags a list item with several blocks (paragraphs) as LI > P;
    a list item should hold only Lbl and LBody.
    """
    for item in elements:
        if item.S != pikepdf.Name.LI:
            continue
        kids = _kids(item)
        loose = [
            isinstance(kid, pikepdf.Dictionary) and kid.get("/S") not in (None, pikepdf.Name.Lbl, pikepdf.Name.LBody)
            for kid in kids
        ]
        if not any(loose):
            continue
        moved = [kid for kid, is_loose in zip(kids, loose) if is_loose]
        kept = [kid for kid, is_loose in zip(kids, loose) if not is_loose]
        body = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item, K=pikepdf.Array(moved))
        )
        if "/Pg" in item:
            body.Pg = item.Pg
        for kid in moved:
            kid.P = body
        item.K = pikepdf.Array([*kept, body])


CSS_PX = 0.75  # PDF points per CSS pixel: WeasyPrint lays out in CSS px at zoom 1


def _figure_boxes_to_page_space(elements) -> None:
    """Turn a figure's /BBox from layout coordinates into page coordinates.

    WeasyPrint writes the image box in CSS pixels from the top-left corner;
    the PDF's Layout attribute wants points from the bottom-left, as reflow
    and read-aloud tools use it to find the picture on the page.
    """
    for element in elements:
        attributes = element.get("/A")
        if element.S != pikepdf.Name.Figure or not isinstance(attributes, pikepdf.Dictionary):
            continue
        if "/BBox" not in attributes or "/Pg" not in element:
            continue
        x1, y1, x2, y2 = (float(value) for value in attributes.BBox)
        height = float(element.Pg.MediaBox[3])
        attributes.BBox = pikepdf.Array(
            [round(x1 * CSS_PX, 3), round(height - y2 * CSS_PX, 3), round(x2 * CSS_PX, 3), round(height - y1 * CSS_PX, 3)]
        )


# How WeasyPrint opens marked content in a page's content stream: "/Span <</MCID 3>> BDC".
# Its text is written as hex strings, so this pattern cannot occur inside text.
MARKED_CONTENT = re.compile(rb"/[A-Za-z0-9]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
PAGINATION_ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def _untagged_to_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, tagged: set[int]) -> list[int]:
    """Mark content that no structure element claims as a pagination artifact.

    WeasyPrint gives the page-margin boxes (our footer) marked-content ids but
    leaves them out of the structure tree; PDF/UA wants such furniture marked
    as an artifact instead, so assistive technology skips it. Returns the
    ids it took away.

    The content stream is rewritten as bytes: parsing it into operators and
    back took a third of a long table's render time.
    """
    contents = page.obj.Contents
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    data = b"\n".join(stream.read_bytes() for stream in streams)
    artifacts: list[int] = []

    def mend(match: re.Match) -> bytes:
        mcid = int(match.group(1))
        if mcid in tagged:
            return match.group(0)
        artifacts.append(mcid)
        return PAGINATION_ARTIFACT

    mended = MARKED_CONTENT.sub(mend, data)
    if artifacts:
        page.obj.Contents = pdf.make_stream(mended)
    return artifacts


def _describe_links(page: pikepdf.Page, link_texts: dict[str, str]) -> None:
    """Give every link annotation a /Contents that says what the link is, not just where it goes."""
    for annotation in page.obj.get("/Annots", []):
        if annotation.get("/Subtype") != pikepdf.Name.Link:
            continue
        if "/Dest" in annotation:
            target = str(annotation.Dest) if isinstance(annotation.Dest, pikepdf.String) else ""
        else:
            target = str(annotation.get("/A", {}).get("/URI", ""))
        description = link_texts.get(target) or target
        if description:
            annotation.Contents = pikepdf.String(description)
