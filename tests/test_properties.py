"""Properties of the parser and the shared renderer, over generated sources (hypothesis).

- Any text, and any bytes, either parse or fail with our error types, never another exception.
- Any article built from Markdown's pieces (headings, lists, quotes, tables, callouts, citations,
  emphasis, links, raw HTML, hostile URLs) parses; every block renders to well-formed XHTML with
  no script, no event handler and no javascript:/data:/vbscript: URL; cutting into sentences
  loses no text and every id is unique.
"""

from __future__ import annotations

import os
import re
import string
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from openleaf.formats.markup import Renderer
from openleaf.source.errors import InputError, SourceError
from openleaf.source.model import Table, plain_text, sentences_of, walk_blocks
from openleaf.source.parser import parse_text

# OPENLEAF_FUZZ_EXAMPLES=5000 for a long hunt; the default keeps this file to a few seconds.
EXAMPLES = int(os.environ.get("OPENLEAF_FUZZ_EXAMPLES", "100"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
XHTML = "http://www.w3.org/1999/xhtml"
EPUB_OPS = "http://www.idpf.org/2007/ops"
FRONT = "---\ntitle: Generated\nlang: en-US\nreferences:\n  - {id: ref1, title: One}\n  - {id: ref2, title: Two}\n---\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """An article folder with one PNG and one SVG the generated articles may show."""
    folder = tmp_path_factory.mktemp("generated")
    (folder / "images").mkdir()
    (folder / "images" / "a.png").write_bytes(tiny_png())
    (folder / "images" / "b.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')
    return folder


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def parses_or_says_why(raw, folder: Path) -> None:
    try:
        parse_text(raw, folder / "fuzz.md")
    except (SourceError, InputError) as error:
        for line in error.lines():
            assert re.match(r"^.+:\d+:\d+: .+", line), line
            assert "\n" not in line


# --- any input ---------------------------------------------------------------------------

MARKDOWN_CHARS = string.ascii_letters[:8] + string.digits[:3] + " \t\n\n\n#*_[]()!@:;>-|`~<>&\"'.,?{}=+\\/" + "é…¿\u00a0\u200b\ufffc"
# Pieces that mean something to Markdown, our citation rule or our path checks; repeated, they
# build the deep, long and unbalanced shapes single characters rarely reach.
SNIPPETS = ["*", "**", "_", "[", "]", "(", ")", "![", "](", "[@", "@ref1", "@ref2", "; ", ", p. 3", "%00", "%2e%2e/",
            "http://[", "javascript:", "images/a.png", "images/", "../", "/etc/passwd", "\n", "\n\n", "\n- ",
            "\n  - ", "\n1. ", "\n> ", "> ", "\n## ", "\n# ", "\n::: note\n", "\n:::\n", "|", "\n|-|\n", "`",
            "```", "<", ">", "&", "&#0;", "&#x10FFFF;", ". ", "! ", "…", "\ufffc", "\x0b", "\x00", "\ud800", "word",
            "Word"]
markdownish = st.one_of(
    st.text(alphabet=MARKDOWN_CHARS, max_size=400),
    st.lists(st.tuples(st.sampled_from(SNIPPETS), st.one_of(st.integers(1, 8), st.just(1500))), max_size=30).map(
        lambda parts: "".join(snippet * count for snippet, count in parts)),
)


@SETTINGS
@given(text=st.text(max_size=300))
@example(text="---\n")
@example(text="---\n---\n")
@example(text="---\n...\n")
@example(text="\ufeff---\ntitle: x\nlang: en\n---\n")
def test_any_text_parses_or_fails_with_our_error(folder, text):
    parses_or_says_why(text, folder)


@SETTINGS
@given(raw=st.binary(max_size=300))
@example(raw=b"\xff\xfe-\x00-\x00-\x00")
@example(raw=b"---\ntitle: \xc3\n---\n")
def test_any_bytes_parse_or_fail_with_our_error(folder, raw):
    parses_or_says_why(raw, folder)


@SETTINGS
@given(body=markdownish)
@example(body="[@ref1" + "[" * 50 + "](x)")
@example(body="- a\n" + "".join("  " * i + "- b\n" for i in range(30)))
@example(body="> " * 30 + "x\n")
@example(body="::: note\n" * 30)
@example(body="|a|\n|-|\n|![x](images/a.png)|\n")
@example(body="*" * 3000 + "x" + "*" * 3000)  # was a RecursionError
@example(body="[" * 3000 + "@ref1]")
def test_any_markdown_body_parses_or_fails_with_our_error(folder, body):
    parses_or_says_why(FRONT + body, folder)


# Values of every YAML shape, for the keys the parser reads, written out by PyYAML itself.
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=20), st.dates(), st.sampled_from(["2020-13-45", "0000-01-01", "2024", "en_US",
                                                                        "../../x", "javascript:alert(1)", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=12)
CSL_KEYS = ["id", "type", "title", "author", "editor", "issued", "accessed", "URL", "DOI", "container-title",
            "page", "volume", "publisher"]
reference = st.dictionaries(st.sampled_from(CSL_KEYS), values, max_size=6).map(
    lambda item: {"id": "ref1", "title": "T", **item})
FRONT_KEYS = ["title", "lang", "subtitle", "authors", "date", "reviewed", "summary", "key_points", "disclaimer",
              "pronounce", "citation-style", "slug", "publisher"]
front_matter = st.fixed_dictionaries(
    {"title": st.just("T"), "lang": st.just("en")},
    optional={**{key: values for key in FRONT_KEYS[2:]}, "references": st.lists(reference, max_size=3)},
).flatmap(lambda base: st.dictionaries(st.sampled_from(FRONT_KEYS), values, max_size=2).map(
    lambda extra: {**base, **extra}))


@SETTINGS
@given(data=front_matter)
def test_any_front_matter_values_parse_or_fail_with_our_error(folder, data):
    import yaml

    parses_or_says_why("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nText [@ref1].\n", folder)


@SETTINGS
@given(item=reference)
def test_any_reference_parses_or_fails_with_our_error(folder, item):
    """One cited reference of any shape in an otherwise valid article: citeproc must never see what it cannot format."""
    import yaml

    parses_or_says_why(FRONT.split("references:")[0] + yaml.safe_dump({"references": [item]}, allow_unicode=True)
                       + "---\nText [@ref1].\n", folder)


PATH_PIECES = ["images", "a.png", "b.svg", "/", "..", ".", "%00", "%2e", "%2F", "%20", "\\", "http://[", "file:",
               "C:", "~", "#x", "?q", "a" * 300, "é", " "]
image_src = st.lists(st.sampled_from(PATH_PIECES), min_size=1, max_size=8).map("".join)


@SETTINGS
@given(src=image_src, alt=st.sampled_from(["", "A picture", "decorative"]))
def test_any_image_path_is_a_figure_inside_the_folder_or_a_diagnostic(folder, src, alt):
    try:
        article = parse_text(FRONT + f"![{alt}]({src})\n", folder / "generated.md")
    except SourceError as error:
        assert all(re.match(r"^.+:8:\d+: image ", line) for line in error.lines()), error.lines()
        return
    for figure in article.figures():
        assert figure.path.is_relative_to(folder.resolve()) and figure.path.is_file()


@SETTINGS
@given(yaml_text=st.text(alphabet=string.ascii_letters[:6] + " \n:-[]{}&*!|>'\"#,?%@`", max_size=200))
@example(yaml_text="a: &x [*x]")
@example(yaml_text="title: !!binary aGk=\nlang: en")
@example(yaml_text="title: !!set {a, b}\nlang: en")
@example(yaml_text="? [a]\n: b")
@example(yaml_text="title: x\nlang: en\nreferences: [{id: a, title: b, author: [{}]}]")
def test_any_front_matter_parses_or_fails_with_our_error(folder, yaml_text):
    parses_or_says_why("---\n" + yaml_text + "\n---\nText [@a].\n", folder)


# --- generated articles --------------------------------------------------------------------

WORDS = ["Insulin", "helps", "cells", "use", "glucose", "Dr.", "e.g.", "5.7%", "café", "niños", "A1C", "and",
         "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>", "</p>", "<style>",
         "&amp;", "&#0;", "&#x0B;", "&nbsp;", "]]>", '"', "'", "<!--", "onload=alert(1)"]
URLS = ["https://example.org/a?b=1&c=2", "http://x.org/\"onmouseover=\"alert(1)", "mailto:a@b.org", "tel:+15551234",
        "#sec-1", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "&#106;avascript:alert(1)",
        "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "file:///etc/passwd", "//evil.example/x", "../../etc/passwd"]

sentence_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


def inline_piece() -> st.SearchStrategy[str]:
    return st.one_of(
        sentence_text,
        sentence_text.map(lambda t: f"*{t}*"),
        sentence_text.map(lambda t: f"**{t}**"),
        sentence_text.map(lambda t: f"`{t}`"),
        st.tuples(sentence_text, st.sampled_from(URLS)).map(lambda p: f"[{p[0]}]({p[1]})"),
        st.tuples(sentence_text, st.sampled_from(URLS)).map(lambda p: f'[{p[0]}](https://x.org "{p[1]}")'),
        st.sampled_from(URLS).map(lambda u: f"<{u.strip()}>"),
        st.sampled_from(["[@ref1]", "[@ref2, p. 12]", "[@ref1; @ref2]"]),
    )


inline_line = st.lists(inline_piece(), min_size=1, max_size=5).map(lambda parts: " ".join(parts) + ".")


def block() -> st.SearchStrategy[str]:
    paragraph = st.lists(inline_line, min_size=1, max_size=3).map(" ".join)
    return st.one_of(
        paragraph,
        inline_line.map(lambda t: f"## {t}"),
        inline_line.map(lambda t: f"### {t}"),
        st.lists(inline_line, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
        st.lists(inline_line, min_size=1, max_size=3).map(
            lambda items: "\n".join(f"{n}. {i}" + f"\n   - {i}" for n, i in enumerate(items, 1))),
        paragraph.map(lambda t: f"> {t}\n>\n> > {t}"),
        st.lists(inline_line, min_size=2, max_size=4).map(
            lambda cells: "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells) + "\n| " + " | ".join(cells) + " |"),
        st.tuples(st.sampled_from(["note", "tip", "warning"]), paragraph).map(lambda p: f"::: {p[0]}\n{p[1]}\n:::"),
        paragraph.map(lambda t: f"```\n{t}\n```"),
        st.sampled_from(["![A picture](images/a.png \"A <b>caption</b>\")", "![decorative](images/b.svg)",
                         '<div onclick="alert(1)">raw</div>', "<script>\nalert(1)\n</script>", "---"]),
    )


hostile_title = st.sampled_from(["Plain", "<script>alert(1)</script>", "../../etc/passwd", "A \"quoted\" & <b>bold</b>"])
article_source = st.tuples(hostile_title, st.lists(block(), min_size=1, max_size=8)).map(
    lambda p: FRONT.replace("Generated", p[0].replace('"', "'")).replace("title: <", "title: '<").replace(
        "</script>\n", "</script>'\n") + "\n\n".join(p[1]) + "\n")


def renderers() -> list[Renderer]:
    return [Renderer(), Renderer(epub=True)]


def assert_safe_xhtml(markup: str) -> None:
    root = etree.fromstring(f'<root xmlns="{XHTML}" xmlns:epub="{EPUB_OPS}">{markup}</root>'.encode())
    assert "<script" not in markup.lower()
    for element in root.iter():
        name = etree.QName(element).localname
        assert name not in ("script", "iframe", "object", "embed", "style"), markup
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname
            assert not attribute.lower().startswith("on"), markup
            if attribute in ("href", "src"):
                scheme = re.sub(r"[\x00-\x20]", "", value).split(":")[0].lower() if ":" in value else ""
                assert scheme in ("", "http", "https", "mailto", "tel"), value
                if attribute == "src":
                    assert value.startswith("images/"), value  # only the article's own pictures


@SETTINGS
@given(source=article_source)
def test_generated_articles_render_to_safe_well_formed_xhtml_with_unique_ids(folder, source):
    article = parse_text(source, folder / "generated.md")
    assert_ids_unique(article)
    parts = [article.intro, *(s.blocks for s in article.sections), article.disclaimer]
    for renderer in renderers():
        for blocks in parts:
            for piece in blocks:
                assert_safe_xhtml(str(renderer.block(piece)))
        for section in article.sections:
            assert_safe_xhtml(str(renderer.inlines(section.title)))
        if article.references:
            assert_safe_xhtml(str(renderer.references(article.references)))


def assert_ids_unique(article) -> None:
    ids = [s.id for s in article.key_points] + [s.id for s in article.sections] + [f.id for f in article.figures()]
    for blocks in [article.intro, *(s.blocks for s in article.sections), article.disclaimer]:
        ids += [s.id for s in sentences_of(blocks)]
        ids += [row.id for b in walk_blocks(blocks) if isinstance(b, Table) for row in (b.header, *b.rows) if row]
    ids += [r.id for r in article.references] + sorted({c for r in article.references for c in r.back_ids})
    assert len(ids) == len(set(ids))


# (markdown, the text a reader sees) for pieces whose visible text is known
PLAIN_WORDS = ["Insulin", "helps.", "Cells", "use", "glucose!", "Dr.", "Smith", "e.g.", "5.7%", "Why?", "¿Qué?",
               "<b>raw</b>", "(see", "below).", "J.", "U.S.", "etc.", "And", "“Quoted.”"]
visible_piece = st.one_of(
    st.sampled_from(PLAIN_WORDS).map(lambda w: (w, w)),
    st.sampled_from(PLAIN_WORDS).map(lambda w: (f"*{w}*", w)),
    st.sampled_from(PLAIN_WORDS).map(lambda w: (f"**{w}**", w)),
    st.tuples(st.sampled_from(PLAIN_WORDS), st.sampled_from(URLS[:6])).map(lambda p: (f"[{p[0]}]({p[1].strip()})", p[0])),
)


@SETTINGS
@given(pieces=st.lists(visible_piece, min_size=1, max_size=40))
def test_cutting_a_paragraph_into_sentences_loses_and_adds_no_text(folder, pieces):
    body = " ".join(markdown for markdown, _ in pieces)
    article = parse_text(FRONT + body + "\n", folder / "generated.md")
    (paragraph,) = article.intro
    seen = "".join(plain_text(s.inlines) for s in paragraph.sentences)
    assert "".join(seen.split()) == "".join("".join(visible for _, visible in pieces).split())
    assert all(s.text == s.text.strip() and s.text for s in paragraph.sentences)


# --- the writers on generated articles -----------------------------------------------------


@settings(max_examples=max(EXAMPLES // 8, 12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=article_source)
def test_every_generated_article_is_written_as_html_and_epub_and_both_are_well_formed(folder, source):
    import tempfile
    import zipfile

    from lxml import html as lxml_html

    from openleaf.formats import epub, html
    from openleaf.formats.options import Options
    from openleaf.themes import load_theme

    article = parse_text(source, folder / "generated.md")
    theme = load_theme("large-print")
    with tempfile.TemporaryDirectory() as out:
        (page,) = html.write(article, theme, Path(out), options=Options())
        document = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        assert not list(document.iter("script"))  # the page carries no script at all
        (book,) = epub.write(article, theme, Path(out), options=Options())
        with zipfile.ZipFile(book) as archive:
            for name in archive.namelist():
                if name.endswith((".xhtml", ".opf", ".ncx", ".svg")):
                    data = archive.read(name)
                    etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
                    assert b"<script" not in data.lower(), name
