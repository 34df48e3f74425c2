"""The large-print HTML page: what it holds, and that readers who rely on it can use it.

Every page checked here is a real output of ``formats.html.write``: the
example articles, plus small articles written by the tests for the hard
cases (images, a wide table, nested lists, very long words and URLs, another
language). Structure is read from the file with lxml; everything a reader
experiences (layout, colours, focus, reflow) is measured in real headless
Chromium, where axe-core also runs.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import lxml.html
import pytest

from browser import WCAG_AAA, axe_violations, browser_context, browser_page, format_violations, launch  # noqa: F401
from conftest import example_articles, write_article
from openleaf.formats import html
from openleaf.formats.options import Options
from openleaf.source.errors import ThemeError
from openleaf.source.model import Article, Section, Text, sentences_of
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme

REFERENCES = [
    {
        "id": "who2009",
        "type": "book",
        "author": [{"literal": "World Health Organization"}],
        "title": "Guidelines on Hand Hygiene in Health Care",
        "publisher": "World Health Organization",
        "publisher-place": "Geneva",
        "issued": {"date-parts": [[2009]]},
    },
    {
        "id": "longurl",
        "type": "webpage",
        "title": "A page with a very long address",
        "container-title": "Example Health",
        "URL": "https://example.org/" + "a-very-long-path-segment-without-spaces/" * 6 + "index.html",
    },
]

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
LONG_URL = "https://example.org/" + "another-extremely-long-path-segment/" * 6 + "end"

EDGE_BODY = f"""\
This article exists to stress the page. It has a very long word,
{LONG_WORD}, and a long address in a link: [{LONG_URL}]({LONG_URL}) [@longurl].

## Pictures and tables

![An orange square on a white ground](images/square.png "A caption: the square is orange.")

![decorative](images/line.svg)

| Nutrient | Breakfast | Lunch | Dinner | Snacks | Weekly total | Daily goal | Notes |
|---|---:|---:|---:|---:|---:|---:|---|
| Carbohydrate | 45 g | 60 g | 60 g | 15 g | 1260 g | 180 g | {LONG_WORD} |
| Fibre | 8 g | 10 g | 9 g | 3 g | 210 g | 30 g | Beans and whole grains |

## Lists

- First level, with a citation [@who2009, p. 12].
  - Second level.
    1. Third level, numbered.
       - Fourth level with {LONG_WORD}.
- Back at the first level.

1. Step one.
2. Step two.

::: warning
Stop and call your doctor if the pain gets worse.
:::

::: note
A note with *emphasis* and **strong** words.
:::

> A quoted patient said this. It helped [@who2009; @longurl].

#### A skipped level in the source

The page still steps down one level at a time.
"""

SPANISH_BODY = """\
Lavarse las manos evita muchas infecciones. Es fácil y cuesta poco [@who2009].

## Cuándo lavarse las manos

- antes de comer
- después de ir al baño

## Cómo hacerlo

1. Mójese las manos con agua limpia.
2. Frote con jabón durante al menos veinte segundos.

| Paso | Tiempo |
|---|---|
| Frotar | 20 segundos |
| Secar | 10 segundos |
"""

SVG_LINE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 10" width="200" height="10">'
    '<rect width="200" height="10" fill="#555"/></svg>'
)


def _png(width: int, height: int, rgb: bytes) -> bytes:
    """A solid-colour PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# --- the pages under test ----------------------------------------------------


def _small_articles(folder: Path) -> list[Path]:
    images = folder / "edge" / "images"
    images.mkdir(parents=True)
    (images / "square.png").write_bytes(_png(240, 160, b"\xe0\x70\x10"))
    (images / "line.svg").write_text(SVG_LINE, encoding="utf-8")
    edge = write_article(
        folder / "edge", EDGE_BODY, name="edge-cases.md",
        title="Edge cases: " + LONG_WORD, subtitle="Images, tables, lists and long words",
        authors=[{"name": "Jane Doe", "credentials": "RD"}], reviewed="2026-11-01",
        key_points=["Long words wrap.", "Tables scroll in their own box."],
        references=REFERENCES,
    )
    spanish = write_article(
        folder / "es", SPANISH_BODY, name="manos.md",
        title="Lávese las manos", lang="es-MX", reviewed="2026-10-01",
        authors=[{"name": "Lucía Romero", "credentials": "Enfermera"}],
        key_points=["El jabón y el agua evitan infecciones."],
        disclaimer="Esta hoja no sustituye el consejo de su médico. **En una urgencia, llame al 911.**",
        references=REFERENCES[:1],
    )
    return [edge, spanish]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[Article, Path]]:
    """Every page under test, built once per module: name -> (article, written file)."""
    sources = tmp_path_factory.mktemp("sources")
    out = tmp_path_factory.mktemp("html")
    theme = load_theme("large-print")
    built = {}
    for path in example_articles() + _small_articles(sources):
        article = parse_article(path)
        [written] = html.write(article, theme, out, options=Options())
        built[article.slug] = (article, written)
    return built


def _page_names() -> list[str]:
    # Names are known before the fixture runs, so each page is its own test case.
    names = [parse_article(p).slug for p in example_articles()]
    return names + ["edge-cases", "manos"]


PAGE_NAMES = _page_names()


@pytest.fixture(params=PAGE_NAMES)
def page_under_test(request, pages) -> tuple[Article, Path]:
    return pages[request.param]


def _tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def _text(element) -> str:
    # A <br> separates words on screen; the model's plain text has a space there.
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(element.text_content().split())


def _all_sentences(article: Article):
    found = list(article.key_points) + sentences_of(article.intro)
    for section in article.sections:
        found += sentences_of(section.blocks)
    return found + sentences_of(article.disclaimer)


def _open(page, path: Path, *, width: int = 1280, height: int = 900) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")


# --- what the page holds --------------------------------------------------------


def test_every_sentence_of_the_source_is_on_the_page_under_its_id(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    sentences = _all_sentences(article)
    assert len(sentences) > 3
    for sentence in sentences:
        found = tree.get_element_by_id(sentence.id, None)
        assert found is not None, f"{path.name}: no element with id {sentence.id} ({sentence.text!r})"
        assert _text(found) == " ".join(sentence.text.split()), f"{path.name}: {sentence.id}"


def test_section_headings_tables_and_figures_keep_their_ids(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    for section in article.sections:
        heading = tree.get_element_by_id(section.id)
        assert heading.tag in {"h2", "h3", "h4", "h5", "h6"}
        assert _text(heading) == section.title_text
    for figure in article.figures():
        [img] = tree.get_element_by_id(figure.id).iter("img")
        assert img.get("alt") == figure.alt


def test_references_are_an_ordered_list_with_links_both_ways(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    assert article.references, "every page under test cites something"
    [section] = tree.xpath("//main//section[@id='references']")
    assert _text(section.xpath(".//h2")[0]) in {"References", "Referencias"}
    items = section.xpath(".//ol/li")
    assert [li.get("id") for li in items] == [ref.id for ref in article.references]
    ids = set(tree.xpath("//@id"))
    for link in tree.xpath("//a[@role='doc-noteref' or @role='doc-backlink']"):
        assert link.get("href").startswith("#") and link.get("href")[1:] in ids, link.get("href")
    for li, ref in zip(items, article.references):
        backs = li.xpath(".//a[@role='doc-backlink']")
        assert [back.get("href") for back in backs] == [f"#{i}" for i in ref.back_ids]
        for back in backs:
            back.drop_tree()
        assert _text(li) == " ".join(ref.text.split())


def test_each_back_link_names_its_reference_so_a_list_of_links_tells_them_apart(page_under_test):
    _, path = page_under_test
    names = _tree(path).xpath("//a[@role='doc-backlink']/@aria-label")
    assert names and len(set(names)) == len(names), names


def test_disclaimer_is_a_headed_section_at_the_end_of_main(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    main = tree.xpath("//main")[0]
    last = [child for child in main if child.tag == "section"][-1]
    assert last.get("id") == "disclaimer"
    heading = last.xpath("./h2")[0]
    assert last.get("aria-labelledby") == heading.get("id")
    expected = " ".join(s.text for s in sentences_of(article.disclaimer))
    assert " ".join(expected.split()) in _text(last)


def test_header_and_footer_show_title_authors_and_reviewed_date(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    [h1] = tree.xpath("//h1")
    assert _text(h1) == article.title
    assert tree.findtext(".//title") == article.title
    assert tree.xpath("/html/@lang") == [article.lang]
    for part in ("//header", "//footer"):
        text = _text(tree.xpath(part)[0])
        for author in article.authors:
            assert author.display in text, part
        if article.reviewed:
            assert tree.xpath(f"{part}//time[@datetime='{article.reviewed.isoformat()}']"), part


def test_page_is_self_contained(page_under_test):
    _, path = page_under_test
    tree = _tree(path)
    assert not tree.xpath("//link[@rel='stylesheet'] | //script[@src] | //iframe | //object | //embed")
    for element in tree.iter():
        for name in ("src", "srcset", "poster", "data", "action", "background"):
            value = element.get(name)
            if value is not None:
                assert value.startswith("data:"), f"<{element.tag} {name}={value[:60]!r}> is not inline"
        if element.tag != "a" and element.get("href") is not None:
            pytest.fail(f"<{element.tag} href={element.get('href')!r}> loads a resource")
    for style in tree.xpath("//style/text()"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", style):
            assert url.startswith("data:"), f"stylesheet loads {url[:60]!r}"
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_the_page_carries_no_script_and_no_event_handler(page_under_test):
    # A checker of outputs cannot tell a script of ours from one an article
    # smuggled in, so the page has none: the contrast switch is plain HTML and CSS.
    _, path = page_under_test
    tree = _tree(path)
    assert not list(tree.iter("script"))
    handlers = [(el.tag, name) for el in tree.iter() if isinstance(el.tag, str) for name in el.attrib
                if name.lower().startswith("on")]
    assert not handlers
    assert "javascript:" not in path.read_text(encoding="utf-8").lower()
    [csp] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "script-src 'none'" in csp


def test_opened_from_disk_the_page_requests_nothing_else(browser_page, page_under_test):
    _, path = page_under_test
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    _open(browser_page, path)
    assert [url for url in requested if not url.startswith("data:")] == [path.as_uri()]
    images = browser_page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
    assert all(complete and width > 0 for complete, width in images), images


def test_one_h1_and_no_skipped_heading_levels(page_under_test):
    _, path = page_under_test
    levels = [int(h.tag[1]) for h in _tree(path).iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} is followed by h{after}"


def test_skipped_source_levels_step_down_one_at_a_time(pages):
    article, path = pages["edge-cases"]
    last = article.sections[-1]
    assert last.title_text == "A skipped level in the source"
    assert _tree(path).get_element_by_id(last.id).tag == "h3"  # "####" right after "##"


def test_the_writer_itself_never_skips_a_level():
    # The parser already warns and repairs; the page must hold even for a
    # model built some other way.
    def section(number: int, level: int) -> Section:
        return Section(f"sec-{number}", number, level, (Text(f"Part {number}"),), ())

    sections = (section(1, 2), section(2, 5), section(3, 4), section(4, 2), section(5, 3))
    article = Article(source_path=Path("/nowhere/a.md"), slug="a", title="A", lang="en", sections=sections)
    tree = lxml.html.fromstring(html.render_page(article, load_theme("large-print")))
    levels = [(s.id, tree.get_element_by_id(s.id).tag) for s in sections]
    assert levels == [("sec-1", "h2"), ("sec-2", "h3"), ("sec-3", "h3"), ("sec-4", "h2"), ("sec-5", "h3")]


def test_landmarks_and_table_of_contents(page_under_test):
    article, path = page_under_test
    tree = _tree(path)
    body = tree.xpath("//body")[0]
    assert [child.tag for child in body if child.tag in {"header", "nav", "main", "footer"}] == [
        "header", "nav", "main", "footer"]
    assert len(tree.xpath("//main")) == 1
    toc = tree.xpath("//nav")[0]
    targets = [href[1:] for href in toc.xpath(".//a/@href")]
    ids = set(tree.xpath("//@id"))
    assert all(target in ids for target in targets)
    assert [s.id for s in article.sections] == [t for t in targets if t.startswith("sec-")]
    assert {"references-title", "disclaimer-title"} <= set(targets)


def test_spanish_article_gets_spanish_page_words(pages):
    _, path = pages["manos"]
    tree = _tree(path)
    assert tree.xpath("/html/@lang") == ["es-MX"]
    assert _text(tree.xpath("//a[@class='skip-link']")[0]) == "Saltar al contenido principal"
    assert _text(tree.xpath("//nav/h2")[0]) == "Índice"
    assert "1 de octubre de 2026" in _text(tree.xpath("//header")[0])
    assert tree.xpath("//div[@role='region']/@aria-label") == ["Tabla 1"]
    assert [_text(a) for a in tree.xpath("//header//a")] == ["Alto contraste", "Contraste normal"]


@pytest.mark.parametrize("lang, sentence", [
    ("en-US", "Last reviewed March 30, 2026. First published April 14, 2025."),
    ("fr-BE", "Revu le 30 mars 2026. Publié pour la première fois le 14 avril 2025."),
    ("es-ES", "Revisado el 30 de marzo de 2026. Publicado por primera vez el 14 de abril de 2025."),
])
def test_the_colophon_says_its_dates_in_a_sentence_of_the_language(tmp_path, lang, sentence):
    # "Publié pour la première fois 14 avril 2025" lacked its "le" (a twelfth reading's fr-BE handout).
    source = write_article(tmp_path / "src", "Text.\n", lang=lang, reviewed="2026-03-30", date="2025-04-14")
    [page] = html.write(parse_article(source), load_theme("large-print"), tmp_path / "out", options=Options())
    footer = _tree(page).xpath("//footer")[0]
    assert sentence in _text(footer)
    assert footer.xpath(".//time/@datetime") == ["2026-03-30", "2025-04-14"]


def test_the_colophon_ends_a_name_written_short_with_one_stop(tmp_path):
    # "et Marc-André Gagnon, M.D.." (a French twenty-ninth reading); the EPUB and PDF had one stop
    source = write_article(tmp_path / "src", "Text.\n", lang="fr-CA", publisher="Clinique Roy inc.",
                           authors=[{"name": "Isabelle Tremblay"}, {"name": "Marc-André Gagnon", "credentials": "M.D."}])
    [page] = html.write(parse_article(source), load_theme("large-print"), tmp_path / "out", options=Options())
    footer = _text(_tree(page).xpath("//footer")[0])
    assert "Gagnon, M.D." in footer and "Clinique Roy inc." in footer and ".." not in footer, footer


def test_writing_replaces_the_file_whole_and_leaves_nothing_else(tmp_path, pages):
    article, _ = pages["manos"]
    theme = load_theme("large-print")
    [first] = html.write(article, theme, tmp_path, options=Options())
    [again] = html.write(article, theme, tmp_path, options=Options())
    assert first == again == tmp_path / "manos.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manos.html"]


def test_a_user_theme_can_replace_the_stylesheet(tmp_path, pages):
    article, _ = pages["manos"]
    theme_dir = tmp_path / "mine"
    (theme_dir / "html").mkdir(parents=True)
    (theme_dir / "theme.toml").write_text('name = "mine"\nextends = "large-print"\n', encoding="utf-8")
    (theme_dir / "html" / "page.css").write_text("/* my-own-stylesheet */ body { color: black; }\n")
    [path] = html.write(article, load_theme(theme_dir), tmp_path / "out", options=Options())
    text = path.read_text(encoding="utf-8")
    assert "my-own-stylesheet" in text and "Atkinson Hyperlegible" in text  # fonts still inline


def test_a_theme_without_the_template_is_reported_with_the_folders_searched(tmp_path, pages):
    article, _ = pages["manos"]
    theme_dir = tmp_path / "broken"
    theme_dir.mkdir()
    (theme_dir / "theme.toml").write_text('name = "broken"\n', encoding="utf-8")
    theme = load_theme(theme_dir)
    theme = type(theme)(name=theme.name, folders=(theme_dir,), settings=theme.settings)  # no base to fall back on
    with pytest.raises(ThemeError, match="searched"):
        html.write(article, theme, tmp_path / "out", options=Options())
    assert not (tmp_path / "out" / "manos.html").exists()


# --- in the browser: accessibility -------------------------------------------------


def _set_palette(page, palette: str) -> None:
    """"light", "dark" (the system's scheme) or "high-contrast" (the reader's switch, on a light system)."""
    page.emulate_media(color_scheme="dark" if palette == "dark" else "light")
    if palette == "high-contrast":
        page.click("a[href='#high-contrast']")


@pytest.mark.parametrize("palette", ["light", "dark", "high-contrast"])
def test_axe_finds_no_wcag_a_aa_aaa_violations(browser_page, page_under_test, palette):
    _, path = page_under_test
    _open(browser_page, path)
    _set_palette(browser_page, palette)
    violations = axe_violations(browser_page, WCAG_AAA)
    assert not violations, format_violations(violations, where=f"{path.name} ({palette})")


# axe counts 24 px text as "large" and asks only 4.5:1 of it even at AAA; a
# large-print page promises 7:1 for all text, so we measure that ourselves.
CONTRAST_JS = """
() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      if (c.length === 4 && c[3] > 0) return null;  // translucent: not ours to judge here
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
  };
  const worst = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0 || box.bottom < 0) continue;
    const fg = parse(getComputedStyle(el).color), bg = background(el);
    if (!bg || (fg.length === 4 && fg[3] < 1)) { worst.push([el.tagName, 'translucent colour', 0]); continue; }
    const [a, b] = [lum(fg.slice(0, 3)), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 7) worst.push([el.tagName + (el.className ? '.' + el.className : ''), el.textContent.trim().slice(0, 40), ratio]);
  }
  return worst;
}
"""


@pytest.mark.parametrize("palette", ["light", "dark", "high-contrast"])
def test_all_text_reaches_7_to_1_contrast(browser_page, page_under_test, palette):
    _, path = page_under_test
    _open(browser_page, path)
    _set_palette(browser_page, palette)
    low = browser_page.evaluate(CONTRAST_JS)
    assert not low, f"{path.name} ({palette}): text below 7:1: {low[:8]}"


COLOURS = "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }"
HIGH_CONTRAST = ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]


def test_dark_scheme_is_dark_and_high_contrast_is_black_and_white(browser_page, pages):
    _, path = pages["edge-cases"]
    _open(browser_page, path)
    light = browser_page.evaluate(COLOURS)
    browser_page.emulate_media(color_scheme="dark")
    dark = browser_page.evaluate(COLOURS)
    browser_page.click("a[href='#high-contrast']")
    high = browser_page.evaluate(COLOURS)
    assert light != dark
    assert dark[0] == "rgb(17, 17, 17)"
    assert high == HIGH_CONTRAST


@pytest.mark.parametrize(
    "scheme, expected",
    [("light", ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]), ("dark", HIGH_CONTRAST)],
)
def test_a_system_asking_for_more_contrast_gets_pure_black_and_white(browser_page, pages, scheme, expected):
    _, path = pages["edge-cases"]
    _open(browser_page, path)
    browser_page.emulate_media(color_scheme=scheme, contrast="more")
    assert browser_page.evaluate(COLOURS) == expected
    assert not browser_page.evaluate(CONTRAST_JS)


def test_high_contrast_switch_works_holds_on_links_in_the_page_and_survives_a_reload(browser_page, pages):
    _, path = pages["edge-cases"]
    _open(browser_page, path, width=320, height=256)
    on = browser_page.get_by_role("link", name="High contrast")
    off = browser_page.get_by_role("link", name="Standard contrast")
    assert on.is_visible() and not off.is_visible()
    normal = browser_page.evaluate(COLOURS)
    assert normal != HIGH_CONTRAST
    on.focus()
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate(COLOURS) == HIGH_CONTRAST
    assert off.is_visible() and not on.is_visible()
    assert browser_page.evaluate("scrollY") == 0, "the switch moved the page"
    browser_page.keyboard.press("Tab")  # the next stop is the switch's other link
    assert browser_page.evaluate("document.activeElement.textContent") == "Standard contrast"
    assert not browser_page.evaluate(CONTRAST_JS), "text below 7:1 in high contrast"
    for link in ["a.skip-link", "nav a", "a[role='doc-noteref']", "a[role='doc-backlink']"]:
        browser_page.locator(link).first.focus()
        browser_page.keyboard.press("Enter")  # following links inside the page keeps the choice
        assert browser_page.evaluate(COLOURS) == HIGH_CONTRAST, link
    off.click()
    assert browser_page.evaluate(COLOURS) == normal and on.is_visible() and not off.is_visible()
    browser_page.reload()
    assert browser_page.evaluate(COLOURS) == normal
    on.click()
    browser_page.reload()
    assert browser_page.evaluate(COLOURS) == HIGH_CONTRAST, "the choice did not survive a reload"
    assert off.is_visible() and not on.is_visible()
    off.click()
    assert browser_page.evaluate(COLOURS) == normal
    browser_page.goto(path.as_uri() + "#high-contrast")  # a bookmark of the page in high contrast
    assert browser_page.evaluate(COLOURS) == HIGH_CONTRAST


def test_the_switch_needs_no_script(pages):
    article, path = pages["edge-cases"]
    with launch(java_script_enabled=False, viewport={"width": 1280, "height": 900}) as context:
        page = context.new_page()
        page.goto(path.as_uri())
        page.get_by_role("link", name="High contrast").click()
        assert page.evaluate(COLOURS) == HIGH_CONTRAST
        page.get_by_role("link", name="Standard contrast").click()
        assert page.evaluate(COLOURS) != HIGH_CONTRAST
        for sentence in _all_sentences(article):
            assert page.locator(f"[id='{sentence.id}']").is_visible(), sentence.id


# --- in the browser: large print ------------------------------------------------------

TYPOGRAPHY_JS = """
() => {
  const problems = [];
  const inHeadingOrControl = (el) => el.closest('h1, h2, h3, h4, h5, h6, button');
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || el.closest('.skip-link')) continue;
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize), line = parseFloat(s.lineHeight);
    const name = el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '"';
    if (size < 24) problems.push(name + ' font-size ' + s.fontSize);
    if (!inHeadingOrControl(el) && !(line >= 1.5 * size - 0.01)) problems.push(name + ' line-height ' + s.lineHeight);
    if (!el.closest('td, th') && !['left', 'start'].includes(s.textAlign)) problems.push(name + ' text-align ' + s.textAlign);
    if (!s.fontFamily.startsWith('"Atkinson Hyperlegible"') && !el.closest('code, .backlink'))
      problems.push(name + ' font ' + s.fontFamily);
  }
  return problems;
}
"""


def test_text_is_large_spaced_left_aligned_atkinson(browser_page, page_under_test):
    _, path = page_under_test
    _open(browser_page, path)
    body = browser_page.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.fontSize, s.lineHeight, s.textAlign]; }"
    )
    assert float(body[0].removesuffix("px")) >= 24 and float(body[1].removesuffix("px")) >= 36
    assert body[2] in {"left", "start"}
    problems = browser_page.evaluate(TYPOGRAPHY_JS)
    assert not problems, f"{path.name}: {problems[:8]}"
    loaded = browser_page.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Atkinson') && f.status === 'loaded').length"
    )
    assert loaded >= 2, "the embedded Atkinson Hyperlegible faces did not load"


LINE_LENGTH_JS = """
() => {
  const probe = document.createElement('span');
  probe.style.cssText = 'display:inline-block;width:1ch';
  document.querySelector('main p').appendChild(probe);
  const ch = probe.getBoundingClientRect().width;
  probe.remove();
  let longest = '';
  for (const block of document.querySelectorAll('main p, main li')) {
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode;
      if (text.parentElement.closest('a[href^="http"]')) continue;  // an address is one long "word"
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i); range.setEnd(text, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const key = Math.round(rect.top);
        lines.set(key, (lines.get(key) || '') + text.data[i]);
      }
    }
    for (const line of lines.values()) if (line.trim().length > longest.trim().length) longest = line;
  }
  return {measure: document.querySelector('main p').getBoundingClientRect().width / ch, longest: longest.trim()};
}
"""


def test_lines_hold_about_70_characters_at_most(browser_page, pages):
    for name in [n for n in PAGE_NAMES if n not in {"edge-cases"}]:  # long words would count as lines
        _, path = pages[name]
        _open(browser_page, path, width=1600)
        result = browser_page.evaluate(LINE_LENGTH_JS)
        assert result["measure"] <= 50, f"{name}: a paragraph is {result['measure']:.0f}ch wide"
        assert len(result["longest"]) <= 75, f"{name}: {len(result['longest'])} characters: {result['longest']!r}"


# Elements that reach past the right edge of the viewport, outside boxes that
# scroll on their own (a wide table scrolls inside its labelled box).
OFF_SCREEN_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollsOnItsOwn = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || scrollsOnItsOwn(el)) continue;
    if (box.right > width + 1 || box.left < -1) out.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out};
}
"""


@pytest.mark.parametrize(
    "width, height",
    [
        (320, 256),  # WCAG 1.4.10: 1280 px at 400 % zoom
        (640, 450),  # 1280 x 900 window at 200 % zoom: zoom divides the CSS viewport
    ],
)
def test_reflows_without_horizontal_scrolling(browser_page, page_under_test, width, height):
    _, path = page_under_test
    _open(browser_page, path, width=width, height=height)
    result = browser_page.evaluate(OFF_SCREEN_JS)
    assert result["scrollWidth"] <= width, f"{path.name}: page is {result['scrollWidth']}px wide at {width}px"
    assert not result["out"], f"{path.name} at {width}px: {result['out'][:8]}"


def test_wide_tables_scroll_in_a_focusable_labelled_box(browser_page, pages):
    _, path = pages["edge-cases"]
    _open(browser_page, path, width=320, height=600)
    box = browser_page.locator("[role='region'][aria-label='Table 1']")
    assert box.get_attribute("tabindex") == "0"
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert sizes[0] > sizes[1], "the wide table should scroll inside its box at 320px"
    box.focus()
    browser_page.keyboard.press("ArrowRight")
    # Chromium animates keyboard scrolling whatever the page asks; wait for it to move.
    browser_page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle(), timeout=10_000)


TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, blockquote, figcaption, dd { margin-bottom: 2em !important; }
"""

# Text that no longer fits its box is either cut off (overflow hidden or
# clip) or spills over what follows (overflow visible); both fail 1.4.12.
# A box that scrolls on purpose (overflow auto) keeps its text reachable.
CLIPPING_JS = """
() => {
  const problems = [];
  const clips = (v) => v === 'hidden' || v === 'clip';
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    if (['inline', 'none', 'contents'].includes(s.display) || el.getBoundingClientRect().width === 0) continue;
    const name = el.tagName + '#' + el.id + '.' + el.className;
    const wide = el.scrollWidth > el.clientWidth + 1, tall = el.scrollHeight > el.clientHeight + 1;
    if ((wide && clips(s.overflowX)) || (tall && clips(s.overflowY))) problems.push(name + ' clips its text');
    if (tall && s.overflowY === 'visible' && el.clientHeight > 0) problems.push(name + ' text spills out below');
    let scrolled = false;
    for (let e = el.parentElement; e; e = e.parentElement)
      if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e !== document.documentElement) scrolled = true;
    if (wide && s.overflowX === 'visible' && el.clientWidth > 0 && !scrolled) problems.push(name + ' text spills out sideways');
  }
  // Boxes in normal flow must not overlap their next sibling.
  for (const parent of document.querySelectorAll('body, body *')) {
    const kids = [...parent.children].filter(k => {
      const s = getComputedStyle(k);
      return !['inline', 'none', 'contents', 'table-cell', 'table-row'].includes(s.display)
        && ['static', 'relative'].includes(s.position) && s.float === 'none' && k.getBoundingClientRect().height > 0;
    });
    for (let i = 1; i < kids.length; i++) {
      const a = kids[i - 1].getBoundingClientRect(), b = kids[i].getBoundingClientRect();
      if (b.top < a.bottom - 1 && b.left < a.right && a.left < b.right)
        problems.push(kids[i].tagName + '#' + kids[i].id + ' overlaps ' + kids[i - 1].tagName + '#' + kids[i - 1].id);
    }
  }
  return problems;
}
"""


@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_overrides_clip_or_overlap_nothing(browser_page, page_under_test, width):
    _, path = page_under_test
    _open(browser_page, path, width=width)
    before = browser_page.evaluate("document.body.scrollHeight")
    browser_page.add_style_tag(content=TEXT_SPACING_CSS)
    after = browser_page.evaluate("document.body.scrollHeight")
    assert after > before, "the user style did not apply"
    problems = browser_page.evaluate(CLIPPING_JS)
    assert not problems, f"{path.name} at {width}px: {problems[:8]}"
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= width


# --- in the browser: keyboard, motion, print ---------------------------------------------


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(browser_page, page_under_test):
    _, path = page_under_test
    _open(browser_page, path)
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main"]
    box = browser_page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0, "the skip link stays off screen when focused"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_focus_is_clearly_visible_on_every_control(browser_page, pages):
    _, path = pages["edge-cases"]
    _open(browser_page, path)
    seen, names = set(), set()
    for _ in range(12):
        browser_page.keyboard.press("Tab")
        style = browser_page.evaluate(
            "() => { const e = document.activeElement, s = getComputedStyle(e);"
            " return [e.tagName, e.id || e.getAttribute('href'), s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        tag, name, outline, width = style
        seen.add(tag)
        names.add(name)
        assert outline != "none" and width >= 2, f"focus on <{tag} {name}> has outline {outline} {width}px"
    assert {"A", "DIV"} <= seen and "#high-contrast" in names  # links, the switch and the table box were all reached


def test_reduced_motion_turns_off_smooth_scrolling(browser_page, pages):
    _, path = pages["manos"]
    _open(browser_page, path)
    behaviour = "getComputedStyle(document.documentElement).scrollBehavior"
    browser_page.emulate_media(reduced_motion="no-preference")
    assert browser_page.evaluate(behaviour) == "smooth"
    browser_page.emulate_media(reduced_motion="reduce")
    assert browser_page.evaluate(behaviour) == "auto"


def test_print_stylesheet_prints_black_on_white_without_screen_controls(browser_page, pages):
    _, path = pages["edge-cases"]
    _open(browser_page, path)
    browser_page.emulate_media(media="print", color_scheme="dark")
    result = browser_page.evaluate(
        "() => { const d = s => getComputedStyle(document.querySelector(s)).display;"
        " const b = getComputedStyle(document.body);"
        " return [d('.skip-link'), d('.contrast-switch'), d('nav'), b.color, b.backgroundColor, b.fontSize]; }"
    )
    assert result == ["none", "none", "none", "rgb(0, 0, 0)", "rgb(255, 255, 255)", "24px"]
