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
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path
from typing import Callable, Mapping

from markupsafe import Markup, escape

from ..source import settings as organisation_settings
from ..source.errors import UsageError
from ..source.model import Article, Figure, Inline, Reference, Table, Text
from ..source.settings import Settings
from ..themes import BUILTIN_DIR, Theme, load_theme
from .files import atomic_path
from .edition import edition_facts
from .labels import MONTHS, edition_labels_for
from .markup import Renderer
from .options import Options
from .pdf_render import _render
from .pdfua import _link_descriptions, _mend

log = logging.getLogger(__name__)

TEMPLATE = "pdf/handout.html.j2"
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
#
# And one way a reader can: a line that starts with a lone unit or sign ("g/24 h." after "4",
# "4 g" after "≤", or French punctuation that takes a space: " :", " ?", " »") reads as a new
# thought, in large print most of all. A number stays with its unit and sign, and such
# punctuation with its word.
HYPHENATED = re.compile(r"[^\s/<>]*\w-\w[^\s/<>]*")
_MONTH_NAMES = "|".join(sorted({form for names in MONTHS.values() for name in names for form in (name, name.capitalize())},
                                key=len, reverse=True))
UNBROKEN = re.compile(
    "(?:" + HYPHENATED.pattern
    # a date: "21 septembre 2016", "17 de mayo de 2024", "junio de 2022"
    + r"|(?<![\w.,])\d{1,2}(?:er)?\s(?:de\s)?(?:" + _MONTH_NAMES + r")(?:\s(?:de\s)?\d{4}(?!\d))?(?!\w)"
    + r"|(?<![\w.,])(?:" + _MONTH_NAMES + r")\s(?:de\s)?\d{4}(?!\d)"
    + r"|(?<![\w.,])(?:[≤≥<>≈~±]\s?)?\d+(?:[ \u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)*\s(?:[^\W\d_]{1,3}|°\s?[CF]?|%)"
    + r"(?:/\d*\s?[^\W\d_]{1,3})?(?!\w)"
    + r"|[≤≥<>≈~±]\s\d+(?:[.,]\d+)*"
    + r"|«\s\S+|\S+(?=\s[:;!?»](?![^\s.,])))(?:\s[:;!?»](?![^\s.,]))?"  # each with the French punctuation after it
)
LONGEST_UNBROKEN = 40
LONG_WORD = re.compile(r"\w{24,}")
WORD_PIECE = 12
ZERO_WIDTH_SPACE = "\u200b"


def _breakable(word: str) -> str:
    return ZERO_WIDTH_SPACE.join(word[i : i + WORD_PIECE] for i in range(0, len(word), WORD_PIECE))


def paper_text(text: str, *, keep_hyphenated: bool = True) -> Markup:
    """Plain text as markup: long words breakable; hyphenated words, a number and its unit, a day
    and its month, and French punctuation with its word, in a span that does not wrap."""
    text = LONG_WORD.sub(lambda match: _breakable(match.group()), text)
    if not keep_hyphenated:
        return escape(text)
    out, start = [], 0
    for match in UNBROKEN.finditer(text):
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
