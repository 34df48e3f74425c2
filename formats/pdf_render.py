"""WeasyPrint for the handout: fetching only from allowed folders, its log turned into our errors,
and a second, tighter layout for a short handout that spills onto one more sheet."""

from __future__ import annotations

import logging
import re
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.formatting_structure.boxes import MarginBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..source import settings as organisation_settings
from ..source.errors import OutputError
from ..source.model import Article
from ..source.settings import Settings
from ..themes import Theme
from . import fonts
from .edition import edition_facts
from .images import SVG_TYPE, clean_svg
from .labels import edition_labels_for

log = logging.getLogger("openleaf.formats.pdf")
STYLESHEET = "pdf/handout.css"


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
