"""The large-print HTML page: one self-contained file that works opened from disk.

Everything the page needs travels inside it: the stylesheet, and the
Atkinson Hyperlegible faces and every image as ``data:`` URLs. The page has
no script at all (the high-contrast switch is links and CSS, see the
template), and its Content-Security-Policy forbids loading or running
anything else, so a reader offline, or behind a strict network, sees exactly
what we tested, and a script that found its way in would not run.

The theme provides the page template (``html/page.html.j2``) and the
stylesheet (``html/page.css``); this module gathers the pieces, renders the
blocks with the shared renderer and writes the file atomically.
"""

from __future__ import annotations

import base64
import functools
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from markupsafe import Markup

from ..source import settings
from ..source.errors import OutputError
from ..source.model import Article, Figure, Section, Table, walk_blocks
from ..themes import Theme
from . import files, fonts
from .images import SVG_TYPE, clean_svg
from .labels import byline, date_parts, direction, labels_for
from .markup import Renderer
from .options import Options

TEMPLATE = "html/page.html.j2"
STYLESHEET = "html/page.css"

# Only what is inside the page: its own styles, data: fonts and pictures; no script at all.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
    "script-src 'none'; base-uri 'none'; form-action 'none'"
)


# Formats a browser shows in <img>; anything else is refused rather than
# silently producing a broken picture.
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": SVG_TYPE,
}


def write(
    article: Article,
    theme: Theme,
    out_dir: Path,
    *,
    options: Options,
    timeline=None,
) -> list[Path]:
    """Write ``out_dir/<slug>.html`` and return its path.

    ``timeline`` is accepted for the common writer signature; the page has no
    audio inside it, so it does not use it yet.
    """
    page = render_page(article, theme, settings.load(article.source_path, options.config))
    target = Path(out_dir) / f"{article.slug}.html"
    _write(target, page)
    return [target]


def render_page(article: Article, theme: Theme, organisation: settings.Settings = settings.NONE) -> str:
    """The whole page as a string (a pure function of the article and theme)."""
    labels = labels_for(article.lang)
    renderer = PageRenderer(
        labels=labels,
        image_src=_image_data_url,
        table_labels=_table_labels(article, labels),
    )
    context = {
        "article": article,
        "lang": article.lang,
        "dir": direction(article.lang),
        "labels": labels,
        "authors": [author.display for author in article.authors],
        "byline": byline(article, labels),
        "reviewed": date_parts(article.reviewed, article.lang),
        "published": date_parts(article.date, article.lang),
        "key_points": renderer.key_points(article) if article.key_points else None,
        "intro": renderer.blocks(article.intro),
        "sections": section_tree(article.sections, renderer),
        "references": renderer.references(article.references) if article.references else None,
        "disclaimer": renderer.blocks(article.disclaimer) if article.disclaimer else None,
        "styles": Markup(_font_face_css() + "\n" + theme.read_text(STYLESHEET)),
        "csp": CONTENT_SECURITY_POLICY,
        "organisation": organisation,  # openleaf.toml: its name and phone in the header
    }
    return theme.render(TEMPLATE, **context)


# --- blocks ---------------------------------------------------------------


@dataclass(frozen=True)
class PageRenderer(Renderer):
    """The shared renderer, with tables in a labelled, keyboard-scrollable box.

    A wide table may not fit a 320 px screen; the page itself must never
    scroll sideways (WCAG 1.4.10), so the table scrolls inside its own box,
    which keyboard users can focus and screen readers announce by name.
    """

    table_labels: Mapping[str, str] = field(default_factory=dict)

    def table(self, table: Table) -> Markup:
        label = self.table_labels.get(_table_key(table), "")
        return Markup('<div class="table-scroll" role="region" tabindex="0" aria-label="%s">%s</div>') % (
            label,
            super().table(table),
        )


def _table_key(table: Table) -> str:
    first = table.header or (table.rows[0] if table.rows else None)
    return first.id if first else ""


def _table_labels(article: Article, labels: Mapping[str, str]) -> dict[str, str]:
    tables = [
        block
        for blocks in [article.intro, *(s.blocks for s in article.sections)]
        for block in walk_blocks(blocks)
        if isinstance(block, Table)
    ]
    return {_table_key(t): labels["table"].format(n=n) for n, t in enumerate(tables, start=1)}


@dataclass
class SectionNode:
    """A section placed in the page outline, with the heading level it gets."""

    section: Section
    level: int  # 2..6, never more than one below its parent
    title: Markup
    body: Markup
    children: list["SectionNode"] = field(default_factory=list)


def section_tree(sections: tuple[Section, ...], renderer: Renderer) -> list[SectionNode]:
    """Nest sections by level; a heading never skips a level (### after # becomes h2).

    The source may jump from ``##`` to ``####``; the page still has to be a
    proper outline for screen-reader heading navigation, so a section is at
    most one level below the section that contains it.
    """
    roots: list[SectionNode] = []
    stack: list[SectionNode] = []
    for section in sections:
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        level = min(stack[-1].level + 1 if stack else 2, 6)
        node = SectionNode(section, level, renderer.inlines(section.title), renderer.blocks(section.blocks))
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


# --- embedded resources ----------------------------------------------------


def _data_url(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _image_data_url(figure: Figure) -> str:
    media_type = IMAGE_TYPES.get(figure.path.suffix.lower()) or mimetypes.guess_type(figure.path.name)[0]
    if not media_type or not media_type.startswith("image/"):
        raise OutputError(f"{figure.src}: not an image type a browser can show; use PNG, JPEG, GIF, WebP or SVG")
    try:
        data = figure.path.read_bytes()
    except OSError as exc:
        raise OutputError(f"{figure.src}: cannot read the image ({exc.strerror})") from exc
    if media_type == SVG_TYPE:
        data = clean_svg(data)
        if data is None:
            raise OutputError(f"{figure.src}: not a valid SVG picture; export it again as plain SVG, or as PNG")
    return _data_url(data, media_type)


@functools.lru_cache(maxsize=1)
def _font_face_css() -> str:
    rules = []
    for face in fonts.faces():
        url = _data_url(face.path.read_bytes(), face.media_type)
        rules.append(
            "@font-face {\n"
            f'  font-family: "{fonts.FAMILY}";\n'
            f"  font-weight: {face.weight};\n"
            f"  font-style: {face.style};\n"
            "  font-display: block;\n"
            f'  src: url("{url}") format("truetype");\n'
            "}"
        )
    return "\n".join(rules)


# --- output ---------------------------------------------------------------


def _write(target: Path, text: str) -> None:
    try:
        files.write_text(target, text)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the page ({exc.strerror or exc})") from exc
