"""The large-print page reads along: given an article published with its audio, the page plays it
and marks each sentence as it is heard; without the audio (or without script) it is plain text.

The article is written here (English, a list, a table, a figure) and published with the real
command (espeak, so it is quick). Everything a reader does is done in real headless Chromium,
on the page opened from disk (file://), as a reader who downloaded the folder would.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import lxml.html
import pytest
from browser import WCAG_AAA, axe_violations, format_violations, launch
from conftest import write_article
from openleaf.formats.labels import LABELS
from openleaf.formats.readalong import ACTIVE_CLASS

BODY = """\
Fluids keep the body cool. Water is the best choice for most people. Drink a glass with each meal.

## Signs you need more

- You feel thirsty.
- Your urine is dark yellow.
- You feel tired or dizzy.

![A glass of water on a table](images/glass.svg "A full glass is about 250 millilitres.")

## How much to drink

| Who | Each day |
|---|---|
| Women | About 2 litres |
| Men | About 2.5 litres |

Hot days and exercise raise the need. Ask your care team if you have heart or kidney disease.
"""

GLASS = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 60" width="80" height="120">'
    '<rect x="5" y="5" width="30" height="50" fill="#1a5fb4"/></svg>'
)


def _publish(root: Path, *extra: str) -> Path:
    """Publish the article with audio into ``root/out``; return the page's path."""
    from openleaf.publish import main

    folder = root / "articles"
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "glass.svg").write_text(GLASS, encoding="utf-8")
    source = write_article(folder, BODY, name="drink-water.md", title="Drink enough water",
                           key_points=["Drink before you feel thirsty."], reviewed="2026-11-01")
    code = main([str(source), "--out", str(root / "out"), "--voice", "espeak", "--jobs", "1", "--quiet", *extra])
    assert code == 0
    return root / "out" / "drink-water" / "drink-water.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The page with its audio, and the same article published with --no-read-along (a module's
    own speech cache, as the speech_cache fixture gives a single test)."""
    root = tmp_path_factory.mktemp("readalong")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPENLEAF_CACHE_DIR", str(root / "speech-cache"))
        page = _publish(root / "with", "--formats", "audio,html")
        plain = _publish(root / "without", "--formats", "audio,html", "--no-read-along")
    timeline = json.loads((page.parent / "audio" / "drink-water.timeline.json").read_text(encoding="utf-8"))
    return {"page": page, "plain": plain, "timeline": timeline}


@pytest.fixture(scope="module")
def player_context():
    # Headless Chromium plays audio; the test page has no user gesture to start it, so allow that here.
    with launch(("--autoplay-policy=no-user-gesture-required",), viewport={"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture
def page(player_context, built):
    tab = player_context.new_page()
    tab.goto(built["page"].as_uri())
    _wait(tab, "document.getElementById('player-audio').readyState >= 1")
    try:
        yield tab
    finally:
        tab.close()


def _tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def _wait(tab, expression: str, seconds: float = 10) -> None:
    """Poll ``expression`` until it is true. (Playwright's wait_for_function evaluates strings
    with eval, which the page's policy rightly forbids.)"""
    for _ in range(int(seconds / 0.05)):
        if tab.evaluate(expression):
            return
        tab.wait_for_timeout(50)
    pytest.fail(f"still false after {seconds} s: {expression}")


def _active_ids(tab) -> list[str]:
    return tab.evaluate(f"[...document.getElementsByClassName('{ACTIVE_CLASS}')].map(e => e.id)")


# --- what the file holds -----------------------------------------------------------------------


def test_the_page_links_its_audio_relatively_with_captions_and_no_autoplay(built):
    tree = _tree(built["page"])
    [audio] = tree.xpath("//audio")
    assert audio.get("src") == "audio/drink-water.mp3"
    assert audio.get("autoplay") is None
    [track] = audio.xpath("track")
    assert (track.get("kind"), track.get("srclang")) == ("captions", "en-US")
    # The captions travel in the page, the same bytes as the .vtt beside the MP3.
    prefix = "data:text/vtt;base64,"
    assert track.get("src").startswith(prefix)
    vtt = built["page"].parent / "audio" / "drink-water.vtt"
    assert base64.b64decode(track.get("src")[len(prefix):]) == vtt.read_bytes()
    assert tree.xpath("//a[@href='audio/drink-water.mp3']"), "a plain link to the MP3"
    assert (built["page"].parent / audio.get("src")).is_file()


def test_every_button_is_a_real_button_with_words_in_the_language(built):
    tree = _tree(built["page"])
    words = LABELS["en"]
    names = [" ".join(b.text_content().split()) for b in tree.xpath("//*[@id='player-controls']//button")]
    assert names == [words["play"] + words["pause"], words["previous_sentence"], words["next_sentence"],
                     words["previous_section"], words["next_section"], words["back_10"], words["forward_10"],
                     words["speed"] + " 1×"]
    assert all(b.get("type") == "button" for b in tree.xpath("//button"))


def test_the_one_script_is_ours_and_pinned_by_its_hash_in_the_policy(built):
    from openleaf.themes import load_theme

    tree = _tree(built["page"])
    scripts = tree.xpath("//script[not(@type)]")
    assert len(scripts) == 1
    text = scripts[0].text
    assert text == load_theme("large-print").read_text("html/player.js")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    [policy] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == f"'sha256-{digest}'"
    assert directives["default-src"] == "'none'" and directives["media-src"] == "'self' data:"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in policy
    assert not [(e.tag, a) for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith("on")]


def test_the_timeline_is_json_data_with_ids_and_times_only(built):
    tree = _tree(built["page"])
    [block] = tree.xpath("//script[@type='application/json']")
    data = json.loads(block.text)
    assert data["active"] == ACTIVE_CLASS
    assert data["entries"] == [[e["id"], e["section"], e["start_ms"], e["end_ms"]] for e in built["timeline"]]
    assert "<" not in block.text and "&" not in block.text


def test_every_timeline_id_is_an_element_of_the_page(built):
    ids = set(_tree(built["page"]).xpath("//@id"))
    assert {e["id"] for e in built["timeline"]} <= ids


def test_a_page_built_with_no_read_along_has_no_player_and_no_script(built):
    tree = _tree(built["plain"])
    assert not tree.xpath("//audio | //script | //*[@id='player']")
    [policy] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "script-src 'none'" in policy and "media-src" not in policy


# --- in the browser ------------------------------------------------------------------------------


def test_the_player_loads_its_audio_from_disk_under_the_policy(page):
    assert page.evaluate("document.getElementById('player-controls').hidden") is False
    duration = page.evaluate("document.getElementById('player-audio').duration")
    assert duration > 5
    # The policy let the MP3 in: no violation was reported.
    assert page.evaluate("document.getElementById('player-audio').error") is None


def test_playback_moves_the_highlight_forward_in_timeline_order(page, built):
    order = [e["id"] for e in built["timeline"]]
    first = next(e for e in built["timeline"] if e["id"].startswith("s-"))
    page.evaluate(f"document.getElementById('player-audio').currentTime = {first['start_ms'] / 1000}")
    page.click("button[data-action='play']")
    seen = []
    for _ in range(100):  # at most about 15 s of listening
        page.wait_for_timeout(150)
        for active in _active_ids(page):
            if not seen or seen[-1] != active:
                seen.append(active)
        if len(seen) >= 4:
            break
    page.evaluate("document.getElementById('player-audio').pause()")
    assert len(seen) >= 3, seen
    positions = [order.index(i) for i in seen]
    assert positions == sorted(positions) and len(set(positions)) == len(positions), seen
    assert len(_active_ids(page)) == 1


def test_seeking_to_a_sentence_highlights_it_and_marks_its_section_in_the_contents(page, built):
    entry = next(e for e in built["timeline"] if e["section"] != "opening" and e["id"].startswith("s-"))
    page.evaluate(f"document.getElementById('player-audio').currentTime = {(entry['start_ms'] + 50) / 1000}")
    _wait(page, f"document.getElementById('{entry['id']}').classList.contains('{ACTIVE_CLASS}')")
    assert _active_ids(page) == [entry["id"]]
    current = page.evaluate("[...document.querySelectorAll('.toc [aria-current]')].map(a => a.getAttribute('href'))")
    assert current == [f"#{entry['section']}"]


def test_clicking_a_sentence_plays_from_its_start(page, built):
    entry = [e for e in built["timeline"] if e["id"].startswith("s-")][-1]
    page.click(f"#{entry['id']}")
    time = page.evaluate("document.getElementById('player-audio').currentTime")
    assert entry["start_ms"] / 1000 - 0.05 <= time <= entry["end_ms"] / 1000
    _wait(page, "!document.getElementById('player-audio').paused")
    assert entry["id"] in _active_ids(page)


def test_the_text_is_one_tab_stop_arrows_move_in_it_and_enter_plays(page, built):
    stops = page.evaluate("[...document.querySelectorAll('main [tabindex=\"0\"]:not(.table-scroll)')].map(e => e.id)")
    assert len(stops) == 1, "the spoken text is one stop in the Tab order, not one per sentence"
    page.focus(f"#{stops[0]}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.id")
    assert focused != stops[0]
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    entry = next(e for e in built["timeline"] if e["id"] == focused)
    time = page.evaluate("document.getElementById('player-audio').currentTime")
    assert entry["start_ms"] / 1000 - 0.05 <= time <= entry["end_ms"] / 1000
    assert page.evaluate("document.querySelectorAll('main [tabindex=\"0\"]:not(.table-scroll)').length") == 1


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_tab_reaches_the_play_button_and_the_key_starts_playback(page, key):
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "play":
            break
    else:
        pytest.fail("Tab never reached the play button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.evaluate("document.getElementById('player-audio').paused")
    page.keyboard.press(key)
    _wait(page, "!document.getElementById('player-audio').paused")
    # The controls follow the audio's play event, which the browser queues after paused turns false.
    _wait(page, "!document.querySelector('.when-playing').hidden")


def test_speed_goes_from_three_quarters_to_double(page):
    rates = []
    for _ in range(6):
        page.click("button[data-action='speed']")
        rates.append(page.evaluate("document.getElementById('player-audio').playbackRate"))
    assert sorted(rates) == [0.75, 1, 1.25, 1.5, 1.75, 2]
    # The label follows the audio's ratechange event, which the browser queues after the click.
    _wait(page, "document.querySelector('.player-rate').textContent === '1×'")


def test_ten_seconds_back_and_forward(page):
    page.evaluate("document.getElementById('player-audio').currentTime = 12")
    page.click("button[data-action='back']")
    assert page.evaluate("document.getElementById('player-audio').currentTime") == pytest.approx(2, abs=0.3)
    page.click("button[data-action='forward']")
    assert page.evaluate("document.getElementById('player-audio').currentTime") == pytest.approx(12, abs=0.3)


def test_next_section_goes_to_the_first_thing_said_in_it(page, built):
    sections = []
    for e in built["timeline"]:
        if not sections or sections[-1]["section"] != e["section"]:
            sections.append(e)
    page.click("button[data-action='next-section']")
    page.evaluate("document.getElementById('player-audio').pause()")
    assert _active_ids(page) == [sections[1]["id"]]


def _highlight_a_sentence_in(page, built, palette: str) -> None:
    """The page in ``palette`` with the first sentence highlighted, as it is while that sentence plays."""
    page.emulate_media(color_scheme="dark" if palette == "dark" else "light")
    if palette == "high-contrast":
        page.click("a[href='#high-contrast']")
    entry = next(e for e in built["timeline"] if e["id"].startswith("s-"))
    page.evaluate(f"document.getElementById('player-audio').currentTime = {(entry['start_ms'] + 50) / 1000}")
    _wait(page, f"document.getElementById('{entry['id']}').classList.contains('{ACTIVE_CLASS}')")


@pytest.mark.parametrize("palette", ["light", "dark", "high-contrast"])
def test_axe_finds_nothing_with_the_player_and_a_sentence_highlighted(page, built, palette):
    _highlight_a_sentence_in(page, built, palette)
    page.focus("button[data-action='play']")
    violations = axe_violations(page, WCAG_AAA)
    assert not violations, format_violations(violations, where=palette)


def test_the_highlight_is_not_colour_alone(page, built):
    entry = next(e for e in built["timeline"] if e["id"].startswith("s-"))
    page.evaluate(f"document.getElementById('player-audio').currentTime = {(entry['start_ms'] + 50) / 1000}")
    _wait(page, f"document.getElementById('{entry['id']}').classList.contains('{ACTIVE_CLASS}')")
    shadow = page.evaluate(f"getComputedStyle(document.getElementById('{entry['id']}')).boxShadow")
    assert shadow != "none", "a frame around the sentence, besides its colours"


def test_without_javascript_all_the_text_is_there_with_the_mp3_link(built):
    with launch(java_script_enabled=False, viewport={"width": 1280, "height": 900}) as context:
        tab = context.new_page()
        tab.goto(built["page"].as_uri())
        text = " ".join(tab.inner_text("body").split())
        assert tab.is_visible("a[href='audio/drink-water.mp3']")
        assert not tab.is_visible("#player-controls")
        for entry in built["timeline"]:
            assert tab.is_visible(f"#{entry['id']}"), entry["id"]
            if entry["id"].startswith(("s-", "kp-")):
                assert " ".join(entry["text"].split()) in text, entry


@pytest.mark.parametrize("width", [320, 1280])
def test_the_player_reflows_without_sideways_scrolling(player_context, built, width, tmp_path_factory):
    tab = player_context.new_page()
    try:
        tab.set_viewport_size({"width": width, "height": 800})
        tab.goto(built["page"].as_uri())
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        shots = tmp_path_factory.getbasetemp() / "screenshots"
        shots.mkdir(exist_ok=True)
        tab.screenshot(path=str(shots / f"player-{width}.png"))
    finally:
        tab.close()


def test_opened_from_disk_the_captions_load_under_the_policy(page, built):
    """Chromium gives every file:// URL an origin of its own and refuses a <track> file beside the
    page; the captions the page carries load."""
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.evaluate("document.querySelector('track').track.mode = 'hidden'")
    _wait(page, "document.querySelector('track').readyState === 2")
    assert page.evaluate("document.querySelector('track').track.cues.length") == len(built["timeline"])
    assert not [m for m in refused if "Content Security" in m or "Unsafe attempt" in m], refused


def test_on_a_web_server_the_audio_and_its_captions_load_under_the_policy(player_context, built):
    """Served over HTTP, as from any web server, the policy lets the audio and the captions in."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built["page"].parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    tab = player_context.new_page()
    try:
        refused = []
        tab.on("console", lambda message: refused.append(message.text) if "Content Security" in message.text else None)
        tab.goto(f"http://127.0.0.1:{server.server_port}/{built['page'].name}")
        tab.evaluate("document.querySelector('track').track.mode = 'hidden'")
        _wait(tab, "document.querySelector('track').readyState === 2 && document.getElementById('player-audio').readyState >= 1")
        cues = tab.evaluate("document.querySelector('track').track.cues.length")
        assert cues == len(built["timeline"])
        assert not refused
    finally:
        tab.close()
        server.shutdown()
        server.server_close()


def test_the_heard_sentence_is_scrolled_into_view_unless_the_reader_scrolled_away(page, built):
    page.emulate_media(reduced_motion="reduce")  # instant scrolling: nothing to wait for
    spoken = [e for e in built["timeline"] if e["id"].startswith("s-")]
    in_view = "(id) => { const b = document.getElementById(id).getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }"
    page.evaluate("window.scrollTo(0, 0)")
    page.click("button[data-action='play']")
    page.evaluate(f"document.getElementById('player-audio').currentTime = {(spoken[-1]['start_ms'] + 50) / 1000}")
    _wait(page, f"document.getElementById('{spoken[-1]['id']}').classList.contains('{ACTIVE_CLASS}')")
    _wait(page, f"({in_view})('{spoken[-1]['id']}')")
    # The reader scrolls back to the top to read something else: the page stays where they put it.
    page.mouse.wheel(0, -5000)
    _wait(page, "window.scrollY === 0")
    page.evaluate(f"document.getElementById('player-audio').currentTime = {(spoken[-2]['start_ms'] + 50) / 1000}")
    _wait(page, f"document.getElementById('{spoken[-2]['id']}').classList.contains('{ACTIVE_CLASS}')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == 0
    page.evaluate("document.getElementById('player-audio').pause()")


def test_reduced_motion_makes_following_instant(page):
    behaviour = "getComputedStyle(document.documentElement).scrollBehavior"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(behaviour) == "auto"
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(behaviour) == "smooth"


PLAYER_WORDS = ("listen", "audio_link", "player", "play", "pause", "previous_sentence", "next_sentence",
                "previous_section", "next_section", "back_10", "forward_10", "speed")


def test_every_language_names_every_button_and_no_two_alike():
    for lang, words in LABELS.items():
        missing = [key for key in PLAYER_WORDS if not words.get(key)]
        assert not missing, (lang, missing)
        buttons = [words[key] for key in PLAYER_WORDS[3:]]
        assert len(set(buttons)) == len(buttons), lang


def test_a_spanish_page_has_spanish_buttons_and_captions_in_spanish(tmp_path):
    from markupsafe import Markup
    from openleaf.formats.html import render_page
    from openleaf.formats.player import Player
    from openleaf.source.parser import parse_article
    from openleaf.themes import load_theme

    source = write_article(tmp_path, "Beba agua. Es bueno.\n", name="agua.md", title="Agua", lang="es-MX")
    player = Player("audio/agua.mp3", "audio/agua.vtt", Markup('{"entries":[]}'), Markup("0"), "sha256-x")
    tree = lxml.html.fromstring(render_page(parse_article(source), load_theme("large-print"), player=player))
    buttons = [" ".join(b.text_content().split()) for b in tree.xpath("//button")]
    assert buttons[1:3] == [LABELS["es"]["previous_sentence"], LABELS["es"]["next_sentence"]]
    assert tree.xpath("//track/@srclang") == ["es-MX"]
    assert tree.xpath("//a[@href='audio/agua.mp3']/text()") == [LABELS["es"]["audio_link"]]


def test_a_page_built_alone_reads_along_with_the_audio_already_up_to_date(built, tmp_path):
    """`--formats html` after an earlier run made the audio: the page consumes the audio in out/."""
    import shutil

    from openleaf.publish import main

    root = built["page"].parents[2]  # .../with: articles/ and out/
    copy = tmp_path / "with"
    shutil.copytree(root / "articles", copy / "articles")
    shutil.copytree(root / "out", copy / "out")
    page = copy / "out" / "drink-water" / "drink-water.html"
    page.unlink()
    code = main([str(copy / "articles" / "drink-water.md"), "--out", str(copy / "out"), "--formats", "html",
                 "--voice", "espeak", "--jobs", "1", "--quiet"])
    assert code == 0
    assert _tree(page).xpath("//audio/@src") == ["audio/drink-water.mp3"]


@pytest.mark.parametrize("palette", ["light", "dark", "high-contrast"])
def test_the_player_and_the_highlight_keep_7_to_1_like_all_the_text(page, built, palette):
    from test_html import CONTRAST_JS  # the large-print page's own promise, measured the same way

    _highlight_a_sentence_in(page, built, palette)
    page.evaluate("window.scrollTo(0, 0)")
    low = page.evaluate(CONTRAST_JS)
    assert not low, f"{palette}: text below 7:1: {low[:8]}"
