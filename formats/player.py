"""The large-print page's read-along player: what the page needs to play its audio and follow it.

The player is progressive enhancement. The page always says where the audio
is (a plain link to the MP3); when the audio was made with the page, it also
carries an ``<audio>`` element, the buttons (hidden until the script shows
them), the timeline as JSON data and one script of ours. That script is the
theme's ``html/player.js``, put inline and pinned in the page's
Content-Security-Policy by its SHA-256: nothing else may run, and a page
without audio keeps ``script-src 'none'``.

The timeline block is data, not script (browsers run no ``application/json``
block, so the policy need not name it); it holds only ids and times, never
article text, and is escaped so that no ``<`` can end the element early.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..source.errors import ThemeError
from ..themes import Theme
from .readalong import ACTIVE_CLASS, PLAYING_CLASS, AudioEdition

SCRIPT = "html/player.js"
TIMELINE_ID = "openleaf-timeline"  # the id of the JSON block the script reads

# The page with nothing but itself: no script at all.
POLICY_WITHOUT_PLAYER = (
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
    "script-src 'none'; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True)
class Player:
    mp3: str  # relative to the page: "audio/<slug>.mp3"
    captions: str  # the WebVTT captions as a data: URL: pages opened from disk may not load a <track> file
    timeline_json: Markup  # safe inside <script type="application/json">
    script: Markup  # the one script, as the page carries it
    script_hash: str  # "sha256-…", as the policy names it


def policy(player: Player | None) -> str:
    """The page's Content-Security-Policy: media from the page's own folder and our one script, or neither."""
    if player is None:
        return POLICY_WITHOUT_PLAYER
    # 'self' admits the MP3 beside the page, from disk (file://) and on a server alike; data: the
    # captions the page carries.
    return POLICY_WITHOUT_PLAYER.replace(
        "script-src 'none'", f"media-src 'self' data:; script-src '{player.script_hash}'"
    )


def player_for(edition: AudioEdition | None, theme: Theme, out_dir: Path) -> Player | None:
    """The player of a page written into ``out_dir``, or None without audio."""
    if edition is None:
        return None
    script = theme.read_text(SCRIPT)
    if "</script" in script.lower() or "<!--" in script:
        raise ThemeError(f"theme '{theme.name}': {SCRIPT} must not contain '</script' or '<!--' (it is put inline in the page)")
    return Player(
        mp3=_relative(edition.mp3, out_dir),
        # Chromium refuses a <track> file next to a page opened from disk (each file:// URL is an
        # origin of its own), so the page carries its captions (a few kB) in the element itself.
        captions="data:text/vtt;base64," + base64.b64encode(Path(edition.captions).read_bytes()).decode("ascii"),
        timeline_json=timeline_json(edition),
        script=Markup(script),
        script_hash=script_hash(script),
    )


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def timeline_json(edition: AudioEdition) -> Markup:
    """When each id is heard, as JSON the page can hold: ``{"active": …, "entries": [[id, section, start, end]]}``."""
    data = {
        "active": ACTIVE_CLASS,
        "playing": PLAYING_CLASS,
        "entries": [[e.id, e.section, e.start_ms, e.end_ms] for e in edition.timeline],
    }
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    # Ids come from the article (custom heading ids): no "<" or "&" may reach the HTML parser.
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(text)


def _relative(path: Path, out_dir: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), Path(out_dir).resolve())).as_posix()
