"""Hostile sources: nothing in an article may run in a reader's browser or e-reader, or reach
outside the article's folder; output paths stay inside --out.

First the parser's part (what reaches the model), then the published HTML, EPUB and PDF of a
hostile article, read back and searched for scripts, event handlers, dangerous URLs and paths.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import require_tool, write_article
from openleaf.formats.markup import Renderer
from openleaf.publish import main
from openleaf.source.errors import SourceError
from openleaf.source.model import Link, sentences_of
from openleaf.source.parser import parse_article, parse_text

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{background:url(https://evil.example/x)}</style>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
]
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "java%0ascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/path",
    "../../etc/passwd",
]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def problems(path: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    return caught.value.lines()


# --- what reaches the model ----------------------------------------------------------------


@pytest.mark.parametrize("raw", HOSTILE_HTML)
def test_raw_html_is_text_with_a_warning_and_is_escaped_when_rendered(article_folder, raw):
    article = parse_article(write_article(article_folder, f"Before {raw} after.\n"))
    assert raw in " ".join(s.text for s in sentences_of(article.intro))
    assert any("raw HTML" in str(w) and ":6:8:" in str(w) for w in article.warnings)
    rendered = str(Renderer().blocks(article.intro))
    assert "<" + raw[1:] not in rendered and "&lt;" + raw[1:6] in rendered


def test_raw_html_blocks_are_text_too(article_folder):
    body = "<div onclick=\"alert(1)\">\n<script>\nalert(1)\n</script>\n</div>\n"
    article = parse_article(write_article(article_folder, body))
    rendered = str(Renderer().blocks(article.intro))
    assert "<script" not in rendered and "<div" not in rendered and "&lt;script&gt;" in rendered


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_dangerous_links_are_removed_their_text_kept_with_a_warning(article_folder, url):
    article = parse_article(write_article(article_folder, f"Read [the leaflet]({url}) today.\n"))
    (sentence,) = sentences_of(article.intro)
    assert sentence.text == "Read the leaflet today."
    assert not any(isinstance(node, Link) for node in sentence.inlines)
    assert any("removed, its text kept" in str(w) for w in article.warnings)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd"])
def test_dangerous_autolinks_are_removed_too(article_folder, url):
    article = parse_article(write_article(article_folder, f"See <{url}> now.\n"))
    assert not any(isinstance(n, Link) for s in sentences_of(article.intro) for n in s.inlines)


def test_safe_links_stay_and_quotes_in_titles_or_urls_cannot_break_out(article_folder):
    body = ('Read [this](https://example.org/a?x="y"&z=1 "a \\" onmouseover=\\"alert(1)") and '
            "<https://example.org/b> and [mail](mailto:clinic@example.org) and [back](#sec-1).\n")
    article = parse_article(write_article(article_folder, body))
    links = [n for s in sentences_of(article.intro) for n in s.inlines if isinstance(n, Link)]
    assert [urlsplit(link.url).scheme or "#" for link in links] == ["https", "https", "mailto", "#"]
    rendered = str(Renderer().blocks(article.intro))
    root = etree.fromstring(f"<root>{rendered}</root>")
    assert all(set(a.attrib) <= {"href"} for a in root.iter("a"))  # the title never becomes an attribute


@pytest.mark.parametrize(
    "src, fragment",
    [
        ("../secret.png", "leaves the article's folder"),
        ("images/../../secret.png", "leaves the article's folder"),
        ("/etc/passwd", "is not a file inside the article's folder"),
        ("file:///etc/passwd", "is not a file inside the article's folder"),
        ("http://evil.example/x.png", "is not a file inside the article's folder"),
        ("//evil.example/x.png", "is not a file inside the article's folder"),
        ("C:/Windows/x.png", "is not a file inside the article's folder"),
        ("images/link-out.png", "leaves the article's folder"),
        ("linked-folder/secret.png", "leaves the article's folder"),
        ("test-article.md", "is not a PNG, JPEG, GIF, WebP or SVG picture"),
    ],
)
def test_images_only_from_inside_the_article_folder_symlinks_resolved(tmp_path, src, fragment):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(tiny_png())
    (tmp_path / "secret.png").write_bytes(tiny_png())
    folder = tmp_path / "article"
    (folder / "images").mkdir(parents=True)
    os.symlink(outside / "secret.png", folder / "images" / "link-out.png")
    os.symlink(outside, folder / "linked-folder")
    path = write_article(folder, f"Text.\n\n![A picture]({src})\n")
    (line,) = problems(path)
    assert f"{path}:8:" in line and fragment in line


def test_a_symlink_that_stays_inside_the_folder_is_fine(tmp_path):
    folder = tmp_path / "article"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "real.png").write_bytes(tiny_png())
    os.symlink(folder / "images" / "real.png", folder / "images" / "alias.png")
    article = parse_article(write_article(folder, "![A picture](images/alias.png)\n"))
    assert article.figures()[0].path == (folder / "images" / "real.png").resolve()


ACTIVE_SVGS = [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler ('onload')"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     '<image x:href="file:///etc/passwd"/></svg>', "refers to 'file:///etc/passwd' outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png"/></svg>', "outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><use href="../other.svg#a"/></svg>', "outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
     "refers to 'javascript:alert(1)'"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
     "</foreignObject></svg>", "<foreignObject> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>',
     "loads a style or picture from outside itself"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/p)"/></svg>',
     "loads a style or picture from outside itself"),
    ('<?xml-stylesheet href="https://evil.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "loads a style sheet from outside itself"),
]


@pytest.mark.parametrize("svg, fragment", ACTIVE_SVGS)
def test_svg_images_that_could_run_or_reach_out_are_kept_with_a_warning(article_folder, svg, fragment):
    """Drawing programs write such SVGs; the author keeps the picture, the writers drop what is active."""
    (article_folder / "picture.svg").write_text(svg, encoding="utf-8")
    path = write_article(article_folder, "![A chart](picture.svg)\n")
    article = parse_article(path)
    assert article.figures()
    assert any(f"{path}:6:" in str(w) and fragment in str(w) and "without it" in str(w) for w in article.warnings)


@pytest.mark.parametrize(
    "svg, fragment",
    [
        ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "declares XML entities"),
        ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
         '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "declares XML entities"),
        ("<html><body>not a picture</body></html>", "is not an SVG picture"),
        ("<svg", "is not a valid SVG file"),
    ],
)
def test_svg_files_that_cannot_be_read_safely_are_refused(article_folder, svg, fragment):
    (article_folder / "picture.svg").write_text(svg, encoding="utf-8")
    path = write_article(article_folder, "![A chart](picture.svg)\n")
    (line,) = problems(path)
    assert f"{path}:6:" in line and fragment in line


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "data, fragment",
    [
        (png_claiming(200_000, 200_000), "has more than 100 million pixels"),  # a decompression bomb
        (png_claiming(12_000, 9_000), "has more than 100 million pixels"),
        (tiny_png()[:20], "is a damaged PNG file"),
    ],
)
def test_pictures_too_large_to_decode_or_damaged_are_refused_from_their_header(article_folder, data, fragment):
    (article_folder / "photo.png").write_bytes(data)
    (line,) = problems(write_article(article_folder, "![A photo](photo.png)\n"))
    assert ":6:" in line and fragment in line


def test_a_plain_svg_with_internal_links_and_embedded_pictures_is_accepted(article_folder):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="2" height="2"/>'
           '<use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>')
    (article_folder / "chart.svg").write_text(svg, encoding="utf-8")
    assert parse_article(write_article(article_folder, "![A chart](chart.svg)\n")).figures()


@pytest.mark.parametrize(
    "yaml_text, line, fragment",
    [
        ("title: !!python/object/apply:os.system ['echo owned']\nlang: en", 2,
         "YAML tag '!!python/object/apply:os.system'"),
        ("title: !!python/name:os.system\nlang: en", 2, "is not allowed in an article"),
        ("!!python/object:builtins.dict {}", 2, "is not allowed in an article"),
        ("title: T\nlang: en\nx: &a [*a]", 4, "refers to the value that contains it"),
    ],
)
def test_yaml_is_loaded_safely_and_refusals_are_source_errors(tmp_path, yaml_text, line, fragment):
    with pytest.raises(SourceError) as caught:
        parse_text(f"---\n{yaml_text}\n---\nText.\n", tmp_path / "a.md")
    assert fragment in str(caught.value) and str(caught.value).startswith(f"{tmp_path / 'a.md'}:{line}:")


def test_a_billion_laughs_is_refused_before_it_expands(tmp_path):
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for name, previous in zip("bcdefghij", "abcdefghi"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = "---\ntitle: T\nlang: en\n" + "\n".join(levels) + "\n---\nText.\n"
    with pytest.raises(SourceError) as caught:
        parse_text(text, tmp_path / "laughs.md")
    (line,) = caught.value.lines()
    assert "more than 100,000 values" in line and "YAML aliases" in line


def test_a_few_aliases_are_still_fine(tmp_path):
    text = "---\ntitle: T\nlang: en\nx: &who {name: Jane Doe}\nauthors: [*who, *who]\n---\nText.\n"
    assert [a.name for a in parse_text(text, tmp_path / "a.md").authors] == ["Jane Doe", "Jane Doe"]


@pytest.mark.parametrize("slug", ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "CON", "\u202e.exe"])
def test_a_slug_can_never_leave_the_output_folder(article_folder, slug):
    article = parse_article(write_article(article_folder, "Text.\n", slug=slug))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug), article.slug


def test_a_hostile_title_does_not_steer_the_slug(article_folder):
    path = write_article(article_folder, "Text.\n", name="leaflet.md", title="../../etc/passwd")
    assert parse_article(path).slug == "leaflet"


def test_reference_fields_with_html_are_escaped_and_bad_urls_removed(article_folder):
    refs = [{"id": "x", "type": "webpage", "title": "<script>alert(1)</script> & <b>bold</b>",
             "author": [{"family": "<img src=x onerror=alert(1)>", "given": "A."}],
             "container-title": '"><svg onload=alert(1)>', "URL": "javascript:alert(1)"}]
    article = parse_article(write_article(article_folder, "See [@x].\n", references=refs))
    (ref,) = article.references
    assert "<script" not in ref.html and "<img" not in ref.html and "<svg" not in ref.html
    assert "&lt;script&gt;" in ref.html and ref.url == ""
    assert any("URL 'javascript:alert(1)' removed" in str(w) for w in article.warnings)
    etree.fromstring(f"<li>{ref.html}</li>")  # well-formed: goes into EPUB XHTML as it is


# --- what reaches the outputs -------------------------------------------------------------

HOSTILE_BODY = """Raw HTML stays text: {html}

Links: [javascript](javascript:alert(1)), [data](data:text/html,<b>x</b>), [vb](vbscript:x),
[file](file:///etc/passwd), <javascript:alert(1)>, [fine](https://example.org/?a="b"&c=<d>).

## Section with <script>alert(2)</script> in its heading

A chart:

![A chart that stays inside the folder](images/chart.svg "Caption with <script>alert(3)</script>")

![A dot](images/dot.png)

| Column <b>one</b> | Column `<script>` |
|---|---|
| <img src=x onerror=alert(4)> | [x](javascript:alert(5)) |

::: warning
<iframe src="https://evil.example/"></iframe> See [@ref1].
:::
""".format(html=" ".join(HOSTILE_HTML))

HOSTILE_REFS = [{"id": "ref1", "type": "webpage", "title": "<script>alert(6)</script> Foot care",
                 "author": [{"family": "<b onmouseover=alert(7)>Doe</b>", "given": "J."}],
                 "URL": "https://example.org/\"><script>alert(8)</script>"}]


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "articles"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>')
    (folder / "images" / "dot.png").write_bytes(tiny_png())
    (root / "secret.txt").write_text("outside the article folder")
    path = write_article(
        folder, HOSTILE_BODY, name="hostile.md", title="<script>alert(9)</script> Feet & \"you\"",
        slug="../../escape", summary='"><script>alert(10)</script>', key_points=["Point [x](javascript:alert(11))."],
        authors=[{"name": "<img src=x onerror=alert(12)>", "credentials": "<b>RD</b>"}],
        disclaimer="Not advice. <script>alert(13)</script> [x](javascript:alert(14))", references=HOSTILE_REFS,
    )
    out = root / "out"
    code = main([str(path), "--out", str(out), "--formats", "html,epub,pdf", "--quiet"])
    assert code == 0
    written = {p.suffix: p for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".epub", ".pdf")}
    assert set(written) == {".html", ".epub", ".pdf"}
    return {"out": out, "folder": folder, **{suffix[1:]: p for suffix, p in written.items()}}


def test_every_output_stays_inside_out_whatever_the_slug_says(hostile_outputs):
    out = hostile_outputs["out"].resolve()
    for name in ("html", "epub", "pdf"):
        assert hostile_outputs[name].resolve().is_relative_to(out / "escape")


def bad_url(value: str) -> str | None:
    """Why a URL in an output is dangerous, or None. data: is judged by the caller."""
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = compact.split(":", 1)[0] if re.match(r"^[a-z][a-z0-9+.-]*:", compact) else ""
    if scheme in ("javascript", "vbscript", "file", "data"):
        return f"{scheme}: URL"
    if compact.startswith(("//", "/", "\\")) or "../" in compact or "..\\" in compact:
        return "a path outside the article"
    return None


def test_the_html_page_has_no_script_no_handlers_and_no_foreign_urls(hostile_outputs):
    text = hostile_outputs["html"].read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    scripts = [(s.text or "").strip() for s in page.iter("script")]
    assert scripts == [], "without audio the page carries no script, not even one of ours"
    assert_no_handlers_or_foreign_urls(page)


def assert_no_handlers_or_foreign_urls(page) -> None:
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("iframe", "object", "embed", "base", "form"), element.tag
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), (element.tag, attribute, value)
            if attribute in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster"):
                if value.startswith("data:") and element.tag == "img" and attribute == "src":
                    assert re.match(r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,", value)  # ours: inlined pictures
                    continue
                if value.startswith("data:") and element.tag == "track" and attribute == "src":
                    assert re.fullmatch(r"data:text/vtt;base64,[A-Za-z0-9+/=]+", value)  # ours: the captions
                    continue
                assert bad_url(value) is None, (element.tag, attribute, value[:80])
    for style in page.iter("style"):  # only our own fonts may come as data:, never anything from outside
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", style.text or ""):
            assert url.startswith(("data:font/", "data:application/font", "#")), url[:60]


@pytest.fixture(scope="module")
def hostile_read_along(tmp_path_factory, hostile_outputs) -> Path:
    """The hostile article's page published with its audio: the page with the player."""
    out = tmp_path_factory.mktemp("hostile-read-along")
    source = hostile_outputs["folder"] / "hostile.md"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPENLEAF_CACHE_DIR", str(out / "speech-cache"))
        code = main([str(source), "--out", str(out / "out"), "--formats", "audio,html", "--voice", "espeak",
                     "--jobs", "1", "--quiet"])
    assert code == 0
    [page] = (out / "out").rglob("*.html")
    return page


def test_with_audio_the_page_runs_only_our_script_pinned_by_its_hash(hostile_read_along):
    import base64
    import hashlib
    import json

    from openleaf.themes import load_theme

    text = hostile_read_along.read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    code = [s for s in page.iter("script") if s.get("type") != "application/json"]
    data = [s for s in page.iter("script") if s.get("type") == "application/json"]
    assert [s.text for s in code] == [load_theme("large-print").read_text("html/player.js")]
    assert len(data) == 1 and "<" not in data[0].text and not data[0].get("src")
    timeline = json.loads(data[0].text)
    assert all(isinstance(i, str) and isinstance(t0, int) for i, _, t0, _ in timeline["entries"])
    digest = base64.b64encode(hashlib.sha256(code[0].text.encode("utf-8")).digest()).decode("ascii")
    [policy] = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert f"script-src 'sha256-{digest}';" in policy and policy.count("script-src") == 1
    assert "unsafe" not in policy.replace("style-src 'unsafe-inline'", "")
    assert text.lower().count("<script") == 2  # nothing of the article's became a script element
    assert_no_handlers_or_foreign_urls(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_ids_in_the_timeline_data_can_never_close_its_element():
    import json

    from openleaf.formats.audio.timeline import Timeline, TimelineEntry
    from openleaf.formats.player import timeline_json
    from openleaf.formats.readalong import AudioEdition

    hostile = "</script><script>alert(1)</script><!--&amp;"
    entry = TimelineEntry(hostile, "opening", 0, 1000, hostile)
    edition = AudioEdition(Path("audio"), Path("audio/x.mp3"), Path("audio/x.vtt"), Timeline((entry,)), ())
    markup = str(timeline_json(edition))
    assert "<" not in markup and ">" not in markup and "&" not in markup
    assert json.loads(markup)["entries"] == [[hostile, "opening", 0, 1000]]


def test_the_html_page_shows_the_hostile_text_as_text(hostile_outputs):
    text = hostile_outputs["html"].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;script&gt;alert(9)&lt;/script&gt; Feet" in text  # the title, escaped


def epub_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {info.filename: book.read(info) for info in book.infolist()}


def test_epub_entry_names_are_plain_and_inside_the_book(hostile_outputs):
    for name in epub_entries(hostile_outputs["epub"]):
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", name), name
        assert ".." not in name.split("/") and not name.startswith("/")


def test_epub_documents_are_well_formed_with_no_script_handler_or_foreign_url(hostile_outputs):
    for name, data in epub_entries(hostile_outputs["epub"]).items():
        if not name.endswith((".xhtml", ".html", ".svg", ".ncx", ".opf", ".xml")):
            continue
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        assert b"<script" not in data.lower(), name
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            assert etree.QName(element).localname not in ("script", "iframe", "object", "embed", "foreignObject"), name
            for attribute, value in element.attrib.items():
                local = etree.QName(attribute).localname
                assert not local.lower().startswith("on"), (name, local)
                if local in ("href", "src", "full-path"):
                    assert bad_url(value) is None, (name, local, value[:80])


def test_the_pdf_has_no_javascript_launch_or_foreign_links(hostile_outputs):
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(hostile_outputs["pdf"]) as pdf:
        names = pdf.Root.get("/Names")
        assert names is None or ("/JavaScript" not in names and "/EmbeddedFiles" not in names)
        assert "/OpenAction" not in pdf.Root or "/JS" not in pdf.Root.OpenAction
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get("/A")
                if action is None:
                    continue
                assert action.get("/S") in ("/URI", "/GoTo"), action.get("/S")
                if action.get("/S") == "/URI":
                    uri = str(action.URI)
                    assert urlsplit(uri).scheme in ("http", "https", "mailto", "tel"), uri


# --- an SVG as drawing programs and worse write it: the writers must clean it ----------------

HOSTILE_SVG = (
    '<?xml version="1.0"?>\n<?xml-stylesheet href="https://evil.example/s.css"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" '
    'onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="5" height="5"/></a>'
    "<style>@import url(https://evil.example/a.css); rect{fill:url(https://evil.example/p.png)}</style>"
    '<image xlink:href="https://example.org/tracker.png" width="1" height="1"/>'
    '<image href="file:///etc/passwd" width="1" height="1"/><use href="../secret.svg#x"/>'
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(4)">x</div></foreignObject>'
    '<circle cx="5" cy="5" r="4" fill="#1a4fa0"/></svg>'
)


def svg_problems(data: bytes) -> list[str]:
    """What in an SVG could run, or reach outside the picture."""
    found = [] if b"xml-stylesheet" not in data else ["an xml-stylesheet"]
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name.lower() in ("script", "foreignobject", "iframe", "object", "embed", "handler", "listener"):
            found.append(f"<{name}>")
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                found.append(f"{local}=")
            if local in ("href", "src") and not (value.startswith("#") or value.startswith("data:image/")):
                found.append(f"{local}={value}")
        for style in (element.get("style", ""), element.text if name == "style" else ""):
            if "@import" in (style or "") or re.search(r"url\(\s*['\"]?\s*[^#'\"\s)]", style or ""):
                found.append("a style that loads from outside")
    return found


@pytest.fixture(scope="module")
def hostile_svg_outputs(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile-svg")
    folder = root / "articles"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "star.svg").write_text(HOSTILE_SVG, encoding="utf-8")
    path = write_article(folder, "A star:\n\n![A blue circle](images/star.svg)\n", name="star.md")
    out = root / "out"
    code = main([str(path), "--out", str(out), "--formats", "html,epub,pdf", "--quiet"])
    return {"code": code, "folder": out / "star"}


def test_svg_problems_sees_what_it_must():
    assert len(svg_problems(HOSTILE_SVG.encode())) >= 9
    assert svg_problems(b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="1" fill="url(#g)"/></svg>') == []


def test_a_hostile_svg_reaches_the_epub_cleaned(hostile_svg_outputs):
    (book,) = hostile_svg_outputs["folder"].glob("*.epub")
    svgs = {name: data for name, data in epub_entries(book).items() if name.endswith(".svg")}
    assert len(svgs) == 1
    for name, data in svgs.items():
        assert b"circle" in data and svg_problems(data) == [], name


def test_a_hostile_svg_reaches_the_html_page_cleaned(hostile_svg_outputs):
    import base64

    (page,) = hostile_svg_outputs["folder"].glob("*.html")
    urls = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page.read_text(encoding="utf-8"))
    assert len(urls) == 1
    data = base64.b64decode(urls[0])
    assert b"circle" in data and svg_problems(data) == []


def test_a_hostile_svg_does_not_stop_the_pdf_and_its_drawing_is_printed(hostile_svg_outputs, tmp_path):
    import shutil
    import subprocess

    from PIL import Image

    assert hostile_svg_outputs["code"] == 0
    (pdf,) = hostile_svg_outputs["folder"].glob("*.pdf")
    require_tool(bool(shutil.which("pdftoppm")), "poppler-utils (pdftoppm)")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as page:
        colours = {colour for _, colour in page.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert any(abs(r - 0x1A) + abs(g - 0x4F) + abs(b - 0xA0) < 12 for r, g, b in colours), "the blue circle is missing"


# --- images.clean_svg: one cleaner for every writer ---------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
DRAWING = '<circle cx="5" cy="5" r="4" fill="#1a4fa0"/>'
# Every hostile snippet below names evil.example, alert or passwd; none of them may be left.
TRACES = [b"evil", b"alert", b"passwd", b"DOCTYPE", b"ENTITY", b"<!--", b"xml-stylesheet", b"javascript"]

HOSTILE_SNIPPETS = {
    "script": "<script>alert(1)</script>",
    "script in CDATA": "<script><![CDATA[alert(1)]]></script>",
    "XHTML script": '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>',
    "handlers": '<g onclick="alert(1)" ONMOUSEOVER="alert(2)"><rect width="1" height="1" onfocusin="alert(3)"/></g>',
    "link to javascript": '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
    "xlink to javascript": '<a xlink:href=" JavaScript:alert(1)"><text>x</text></a>',
    "picture from the web": '<image href="https://evil.example/t.png" width="1" height="1"/>',
    "picture from a file": '<image xlink:href="file:///etc/passwd" width="1" height="1"/>',
    "another SVG's part": '<use href="../evil.svg#a"/>',
    "filter picture": '<filter id="f"><feImage href="https://evil.example/x.png"/></filter>',
    "SVG as a picture": '<image href="data:image/svg+xml;base64,PHN2Zz5ldmlsPC9zdmc+" width="1" height="1"/>',
    "HTML as a picture": '<image href="data:text/html,alert(1)" width="1" height="1"/>',
    "foreignObject": '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(1)">'
                     '<iframe src="https://evil.example/"/></div></foreignObject>',
    "iframe, object, embed": '<iframe src="https://evil.example/"/><object data="https://evil.example/"/>'
                             '<embed src="https://evil.example/"/>',
    "media": '<audio src="https://evil.example/a.mp3"/><video src="https://evil.example/v.mp4"/>',
    "SVG Tiny handler": '<handler type="application/ecmascript">alert(1)</handler><listener handler="#h"/>',
    "animation": '<rect width="1" height="1"><animate attributeName="opacity" values="1;0" dur="0.1s" '
                 'repeatCount="indefinite"/><animateTransform attributeName="transform" type="rotate"/>'
                 '<animateMotion path="M0 0"/><animateColor attributeName="fill"/></rect>',
    "set to javascript": '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
    "import by url": "<style>@import url(https://evil.example/a.css); rect { fill: red }</style>",
    "import by string": '<style>@import "https://evil.example/a.css";</style>',
    "url in a style element": "<style>rect { fill: url('https://evil.example/p.png') }</style>",
    "font from the web": "<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>",
    "url in a style attribute": '<rect width="1" height="1" style="fill: url(https://evil.example/p)"/>',
    "url in a presentation attribute": '<rect width="1" height="1" fill="url(https://evil.example/p#g)"/>',
    "url behind a CSS escape": '<rect width="1" height="1" style="fill: \\75 rl(https://evil.example/p)"/>',
    "url behind a comment": "<style>rect { fill: u/**/rl(https://evil.example/p); }</style>",
    "CSS animation": "<style>@keyframes blink { to { opacity: 0 } } rect { animation: blink 0.1s infinite }</style>",
    "xml:base": '<g xml:base="https://evil.example/"><rect width="1" height="1"/></g>',
    "other programs' metadata": '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                                '<rdf:Description rdf:about="https://evil.example/"/></rdf:RDF></metadata>',
    "a comment": "<!-- <script>alert(1)</script> -->",
}


def css_movement(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    styles = [e.get("style", "") for e in root.iter() if isinstance(e.tag, str)]
    styles += [e.text or "" for e in root.iter("{http://www.w3.org/2000/svg}style")]
    return [s for s in styles if re.search(r"(animation|transition)[\w-]*\s*:", s)]


@pytest.mark.parametrize("snippet", HOSTILE_SNIPPETS.values(), ids=HOSTILE_SNIPPETS.keys())
def test_clean_svg_leaves_nothing_that_runs_moves_or_reaches_out_and_keeps_the_drawing(snippet):
    from openleaf.formats.images import clean_svg

    cleaned = clean_svg(f"{SVG_OPEN}{snippet}{DRAWING}</svg>".encode())
    assert cleaned is not None
    assert svg_problems(cleaned) == []
    assert [trace for trace in TRACES if trace in cleaned] == []
    root = etree.fromstring(cleaned)
    names = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
    assert not names & {"animate", "animateTransform", "animateMotion", "animateColor", "set"}
    assert not [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).namespace != SVG_NS]
    assert css_movement(cleaned) == []
    [circle] = root.iter(f"{{{SVG_NS}}}circle")
    assert circle.attrib == {"cx": "5", "cy": "5", "r": "4", "fill": "#1a4fa0"}


@pytest.mark.parametrize(
    "prologue",
    [
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "https://evil.example/svg11.dtd">',
        '<?xml-stylesheet href="https://evil.example/s.css"?>',
    ],
    ids=["outside entity", "entity expansion", "outside DTD", "xml-stylesheet"],
)
def test_clean_svg_never_loads_or_expands_entities_and_drops_the_doctype(prologue):
    from openleaf.formats.images import clean_svg

    source = f'{prologue}{SVG_OPEN}<text>Hello &amp; <tspan>{"&x;" if "x SYSTEM" in prologue else ""}'
    source += f'{"&d;" if "ENTITY d" in prologue else ""}</tspan> world</text>{DRAWING}</svg>'
    cleaned = clean_svg(source.encode())
    assert cleaned is not None and len(cleaned) < 2 * len(source)
    assert [trace for trace in TRACES if trace in cleaned] == [] and b"aaaa" not in cleaned and b"root:" not in cleaned
    root = etree.fromstring(cleaned)
    assert " ".join("".join(root.find(f"{{{SVG_NS}}}text").itertext()).split()) == "Hello & world"


def test_clean_svg_keeps_what_a_drawing_needs():
    from openleaf.formats.images import clean_svg

    png = "data:image/png;base64,iVBORw0KGgo="
    source = (
        f'{SVG_OPEN}<title>A chart</title><desc>Bars</desc>'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
        "<style>.bar { fill: url(#g); stroke: #000 }</style>"
        '<rect class="bar" width="2" height="2" style="fill: url( \'#g\' ); opacity: 0.5" fill="url(#g) red"/>'
        f'<use xlink:href="#g"/><a href="#part"><text id="part" xml:lang="en">A <tspan>label</tspan> here</text></a>'
        f'<image href="{png}" width="1" height="1"/>{DRAWING}</svg>'
    )
    cleaned = clean_svg(source.encode())
    assert etree.tostring(etree.fromstring(cleaned)) == etree.tostring(etree.fromstring(source.encode()))


def test_clean_svg_keeps_the_text_around_what_it_removes():
    from openleaf.formats.images import clean_svg

    source = f'{SVG_OPEN}<text>Take <script>alert(1)</script>one <foreignObject/>pill <set/>daily.</text></svg>'
    text = etree.fromstring(clean_svg(source.encode())).find(f"{{{SVG_NS}}}text")
    assert "".join(text.itertext()) == "Take one pill daily."


@pytest.mark.parametrize(
    "data", [b"<html><body>not a picture</body></html>", b"<svg", b"\x89PNG\r\n\x1a\n", b"", b"<svg>no namespace</svg>"]
)
def test_clean_svg_says_none_for_what_is_not_an_svg(data):
    from openleaf.formats.images import clean_svg

    assert clean_svg(data) is None
