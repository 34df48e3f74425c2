"""The large-print HTML page: one self-contained file that works opened from disk.

Everything the page needs travels inside it: the stylesheet, and the
Atkinson Hyperlegible faces and every image as ``data:`` URLs. Without
audio the page has no script at all (the high-contrast switch is links and
CSS, see the template); with audio it links the MP3 beside it and carries the
read-along player (formats/player.py): one script of ours, pinned in the
Content-Security-Policy by its hash. The policy forbids loading or running
anything else, so a reader offline, or behind a strict network, sees exactly
what we tested, and a script that found its way in would not run.

The theme provides the page template (``html/page.html.j2``) and the
stylesheet (``html/page.css``); this module gathers the pieces, renders the
blocks with the shared renderer and writes the file atomically.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from markupsafe import Markup

from ..source import settings
from ..source.errors import OutputError
from ..source.model import Article, Figure, Table
from ..themes import Theme
from . import files, fonts
from . import player as player_module
from .edition import edition_facts, table_id
from .images import SVG_TYPE, clean_svg, media_type_of_name
from .markup import Renderer
from .options import Options
from .readalong import audio_edition

TEMPLATE = "html/page.html.j2"
STYLESHEET = "html/page.css"

# Only what is inside the page: its own styles, data: fonts and pictures; no script at all.
# (A page with the player adds its audio and its one script: player.policy.)
CONTENT_SECURITY_POLICY = player_module.POLICY_WITHOUT_PLAYER


def write(
    article: Article,
    theme: Theme,
    out_dir: Path,
    *,
    options: Options,
    consumed: Mapping[str, list[Path]] | None = None,
) -> list[Path]:
    """Write ``out_dir/<slug>.html`` and return its path.

    With the audio among ``consumed`` (made in the same run, or up to date in
    ``out_dir``), the page links it and reads along; without, it has no player.
    """
    player = player_module.player_for(audio_edition(consumed), theme, Path(out_dir))
    page = render_page(article, theme, player=player, organisation=settings.load(article.source_path, options.config))
    target = Path(out_dir) / f"{article.slug}.html"
    _write(target, page)
    return [target]


def render_page(article: Article, theme: Theme, *, player: player_module.Player | None = None,
                organisation: settings.Settings = settings.NONE) -> str:
    """The whole page as a string (a pure function of the article, theme, player and organisation)."""
    article = settings.published_by(article, organisation)  # as the audio says it, and the EPUB shows it
    facts = edition_facts(article)
    renderer = PageRenderer(labels=facts.labels, image_src=_image_data_url, table_labels=facts.table_labels)
    context = {
        "article": article,
        "facts": facts,
        "r": renderer,
        "lang": facts.lang,
        "dir": facts.dir,
        "labels": facts.labels,
        "authors": facts.authors,
        "byline": facts.byline,
        "reviewed": facts.reviewed,
        "published": facts.published,
        "key_points": renderer.key_points(article) if article.key_points else None,
        "intro": renderer.blocks(article.intro),
        "sections": facts.outline,
        "references": renderer.references(article.references) if article.references else None,
        "disclaimer": renderer.blocks(article.disclaimer) if article.disclaimer else None,
        "styles": Markup(_font_face_css() + "\n" + theme.read_text(STYLESHEET)),
        "csp": player_module.policy(player),
        "player": player,
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
        label = self.table_labels.get(table_id(table), "")
        return Markup('<div class="table-scroll" role="region" tabindex="0" aria-label="%s">%s</div>') % (
            label,
            super().table(table),
        )


# --- embedded resources ----------------------------------------------------


def _data_url(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _image_data_url(figure: Figure) -> str:
    media_type = media_type_of_name(figure.path.name)
    if media_type is None:
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
    return fonts.font_face_css(lambda face: _data_url(face.path.read_bytes(), face.media_type))


# --- output ---------------------------------------------------------------


def _write(target: Path, text: str) -> None:
    try:
        files.write_text(target, text)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the page ({exc.strerror or exc})") from exc
