"""The PDF handout and the large-print PDF: tagged PDF/UA-1, read back as a reader would.

Every check reads a real PDF that the writer made: pikepdf for the catalog,
fonts, annotations and content streams; poppler's ``pdfinfo -struct-text``
for the structure tree with its text (an independent reader); ``pdftotext``
for what a person can copy out of the page.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from conftest import example_articles, require_tool, write_article
from openleaf.formats import pdf as pdf_writer
from openleaf.formats.labels import labels_for
from openleaf.formats.options import Options
from openleaf.source.errors import OutputError, UsageError
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme

MM = 72 / 25.4  # points per millimetre
PAPER = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
LONG_WORD = "Pseudo" + "hypoparathyroidism" * 6  # 114 letters: wider than any line

HYPHENATED = (
    "A well-planned, low-cost, easy-to-follow, step-by-step plan helps: short walks after meals, "
    "sugar-free drinks, high-fibre breakfasts, slow-release starches and low-fat dairy, with "
    "family-style meals, long-term goals, check-ups twice a year, self-monitoring and heart-healthy, "
    "low-salt, home-cooked, plant-based, fibre-rich, ready-to-eat snacks for day-to-day life."
)

REFERENCES = [
    {"id": "ford2013", "type": "book", "title": "The Everything Guide to Managing Type 2 Diabetes",
     "publisher": "Adams Media", "publisher-place": "Massachusetts",
     "author": [{"family": "Ford-Martin", "given": "P."}], "issued": {"date-parts": [[2013]]}},
    {"id": "gebel2011", "type": "webpage", "title": "Understanding Insulin Resistance",
     "container-title": "Diabetes Forecast", "author": [{"family": "Gebel", "given": "E."}],
     "URL": "https://www.example.org/2011/jun/understanding-insulin-resistance.html"},
]

BODY = f"""Sugar is fuel for the body [@ford2013]. This guide explains how to read a label.

## Eating well

Choose whole foods. Read more on the [NHS website](https://www.nhs.uk/live-well/eat-well/).

- Fruit and vegetables
- Whole grains
  - oats
  - brown rice
    1. cooked
    2. cooled

> Small steps add up.

### Reading labels

| Food | Sugar per 100 g |
|---|---:|
| Apple | 10 g |
| {LONG_WORD} | 0 g |

![A bar chart: apples have more sugar than oats.](images/chart.png "Sugar in common foods")

::: warning
Check with your doctor before you change your diet.
:::

## Moving more

The word {LONG_WORD} is long. Walking helps your muscles use sugar [@gebel2011, p. 4].

{HYPHENATED}

![decorative](images/banner.png)
"""

FRONT = dict(
    title="Sugar and You",
    subtitle="A guide for patients",
    authors=[{"name": "Jane Doe", "credentials": "RD"}, "Sam Roe"],
    reviewed="2026-11-01",
    publisher="Example Clinic",
    key_points=["Sugar is fuel for the body.", "Walking helps your muscles use sugar."],
    disclaimer="This handout does not replace advice from your own doctor.",
    references=REFERENCES,
)

SPANISH_BODY = """El agua es vida [@agua].

## Por qué beber agua

El cuerpo pierde agua cada día. Beba a menudo.

## Cuándo beber más

Cuando hace calor, beba más.
"""

SPANISH_FRONT = dict(
    title="Beba agua", lang="es-ES", key_points=["Beba agua a menudo."],
    disclaimer="Esta hoja no sustituye el consejo de su médico.",
    references=[{"id": "agua", "type": "webpage", "title": "El agua y la salud", "URL": "https://example.org/agua"}],
)


# --- reading a PDF back --------------------------------------------------------


@dataclass
class Node:
    """One structure element as poppler reads it: its type, text and children."""

    tag: str
    text: str = ""
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def all_text(self) -> str:
        return " ".join(part for node in self.walk() for part in [node.text] if part)


def structure(path: Path) -> Node:
    """The structure tree with its text, from ``pdfinfo -struct-text``."""
    output = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    root = Node("root")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in output.splitlines():
        depth = len(line) - len(line.lstrip(" "))
        content = line.strip()
        if not content or content.startswith("/"):  # attributes such as /BBox
            continue
        while stack[-1][0] >= depth:
            stack.pop()
        if content.startswith('"'):
            stack[-1][1].text += content.strip('"')
            continue
        node = Node(content.split()[0].rstrip(":"))
        stack[-1][1].children.append(node)
        stack.append((depth, node))
    return root


def text_of(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: lines may wrap anywhere, words may not change."""
    return re.sub(r"\s+", "", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def struct_elements(pdf: pikepdf.Pdf):
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if node.get("/Type") == pikepdf.Name.StructElem:
            yield node
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        stack.extend(kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid)


def claimed_mcids(pdf: pikepdf.Pdf) -> dict[int, set[int]]:
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    claimed: dict[int, set[int]] = {}
    for element in struct_elements(pdf):
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, int):
                claimed.setdefault(pages[element.Pg.objgen], set()).add(kid)
    return claimed


@dataclass
class Run:
    size: float  # effective font size in points
    mcid: int | None  # the marked-content id around it; None for artifacts


def text_runs(page: pikepdf.Page) -> list[Run]:
    """Every text-showing operator on the page with its real size (Tf size scaled by Tm and CTM)."""
    runs: list[Run] = []
    ctm = pikepdf.Matrix()
    saved: list[pikepdf.Matrix] = []
    marks: list[int | None] = []
    size, tm = 0.0, pikepdf.Matrix()
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            saved.append(ctm)
        elif op == "Q":
            ctm = saved.pop()
        elif op == "cm":
            ctm = pikepdf.Matrix(*map(float, operands)) @ ctm
        elif op == "BT":
            tm = pikepdf.Matrix()
        elif op == "Tm":
            tm = pikepdf.Matrix(*map(float, operands))
        elif op == "Tf":
            size = float(operands[1])
        elif op == "BDC":
            props = operands[1]
            marks.append(int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None)
        elif op == "BMC":
            marks.append(None)
        elif op == "EMC":
            marks.pop()
        elif op in ("Tj", "TJ", "'", '"'):
            full = tm @ ctm
            scale = (full.c ** 2 + full.d ** 2) ** 0.5  # length of the text's vertical axis
            mcid = next((m for m in reversed(marks) if m is not None), None)
            runs.append(Run(round(size * scale, 2), mcid))
    return runs


def font_dicts(pdf: pikepdf.Pdf):
    for page in pdf.pages:
        yield from _fonts_in(page.Resources)


def _fonts_in(resources):
    for font in resources.get("/Font", {}).values():
        yield font
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == pikepdf.Name.Form and "/Resources" in xobject:
            yield from _fonts_in(xobject.Resources)


def descriptor(font: pikepdf.Dictionary):
    if font.Subtype == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    return font.get("/FontDescriptor")


def headings(tree: Node) -> list[tuple[int, str]]:
    return [(int(n.tag[1]), one_line(n.all_text())) for n in tree.walk() if re.fullmatch(r"H[1-6]", n.tag)]


def section_with_heading(tree: Node, title: str) -> Node:
    for node in tree.walk():
        if node.tag == "Sect" and node.children and re.fullmatch(r"H[1-6]", node.children[0].tag):
            if one_line(node.children[0].all_text()) == title:
                return node
    raise AssertionError(f"no Sect opens with the heading {title!r}")


# --- building the PDFs once ----------------------------------------------------


def require_poppler() -> None:
    require_tool(bool(shutil.which("pdftotext") and shutil.which("pdfinfo")), "poppler-utils (pdftotext, pdfinfo)")



def make_images(folder: Path) -> None:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    chart = Image.new("RGB", (600, 300), "#dbeef3")
    chart.paste("#0b4f6c", (40, 60, 280, 260))
    chart.save(folder / "images" / "chart.png")
    Image.new("RGB", (800, 80), "#e6c27a").save(folder / "images" / "banner.png")


@dataclass
class Built:
    article: object
    path: Path

    @property
    def tree(self) -> Node:
        return structure(self.path)

    @property
    def text(self) -> str:
        return text_of(self.path)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Built]:
    """One article, in several PDFs: A4 handout, Letter handout, large print; and a Spanish one."""
    require_poppler()
    root = tmp_path_factory.mktemp("pdf")
    folder = root / "sugar"
    make_images(folder)
    article = parse_article(write_article(folder, BODY, name="sugar.md", **FRONT))
    spanish = parse_article(write_article(root / "agua", SPANISH_BODY, name="agua.md", **SPANISH_FRONT))
    handout = load_theme("handout")
    [a4] = pdf_writer.write(article, handout, root / "a4", options=Options(paper="a4"))
    [letter] = pdf_writer.write(article, handout, root / "letter", options=Options(paper="letter"))
    [large] = pdf_writer.write_large_print(article, handout, root / "large", options=Options(paper="a4"))
    [es] = pdf_writer.write(spanish, handout, root / "es", options=Options())
    return {
        "a4": Built(article, a4),
        "letter": Built(article, letter),
        "large": Built(article, large),
        "es": Built(spanish, es),
    }


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> list[Built]:
    require_poppler()
    out = tmp_path_factory.mktemp("examples")
    made = []
    for source in example_articles():
        article = parse_article(source)
        [path] = pdf_writer.write(article, load_theme("handout"), out, options=Options())
        made.append(Built(article, path))
    return made


ALL = ["a4", "letter", "large", "es"]


# --- PDF/UA identification and document-level accessibility --------------------


def test_the_file_is_named_after_the_slug(built):
    assert built["a4"].path.name == "sugar.pdf"
    assert built["large"].path.name == "sugar-large-print.pdf"
    assert not [p for p in built["a4"].path.parent.iterdir() if p.name != "sugar.pdf"]  # no temp file left


def test_the_same_article_gives_the_same_bytes(built, tmp_path):
    [again] = pdf_writer.write(built["a4"].article, load_theme("handout"), tmp_path, options=Options(paper="a4"))
    assert again.read_bytes() == built["a4"].path.read_bytes()


@pytest.mark.parametrize("name", ALL)
def test_the_pdf_is_tagged_pdf_ua_with_language_and_title(built, name):
    article, path = built[name].article, built[name].path
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == article.lang
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == article.title
        meta = pdf.open_metadata()
        assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title") == article.title


@pytest.mark.parametrize("name", ALL)
def test_every_font_is_embedded(built, name):
    with pikepdf.open(built[name].path) as pdf:
        fonts = list(font_dicts(pdf))
        assert fonts
        for font in fonts:
            found = descriptor(font)
            assert found is not None and any(k in found for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
        assert any("Atkinson" in str(font.BaseFont) for font in fonts)


def test_the_paper_size_follows_the_option(built):
    for name in ("a4", "letter"):
        with pikepdf.open(built[name].path) as pdf:
            for page in pdf.pages:
                width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
                assert (width, height) == pytest.approx(PAPER[name], abs=0.5), name


# --- structure ------------------------------------------------------------------


def test_headings_run_from_one_h1_down_without_skipping(built):
    article = built["a4"].article
    found = headings(built["a4"].tree)
    labels = labels_for(article.lang)
    assert found[0] == (1, article.title)
    assert [level for level, _ in found].count(1) == 1
    for (before, _), (after, _) in zip(found, found[1:]):
        assert after <= before + 1
    expected = [labels["key_points"], "Eating well", "Reading labels", "Moving more", labels["references"], labels["disclaimer"]]
    assert [title for _, title in found[1:]] == expected
    assert dict((title, level) for level, title in found)["Reading labels"] == 3


def test_references_are_an_ordered_list_with_one_item_per_reference(built):
    article = built["a4"].article
    section = section_with_heading(built["a4"].tree, labels_for(article.lang)["references"])
    [references] = [node for node in section.children if node.tag == "L"]
    items = [node for node in references.children if node.tag == "LI"]
    assert len(items) == len(article.references) == 2
    for item, reference in zip(items, article.references):
        label = next(node for node in item.children if node.tag == "Lbl")
        body = next(node for node in item.children if node.tag == "LBody")
        assert label.all_text().strip() == f"{reference.number}."
        assert squeeze(reference.csl["title"]) in squeeze(body.all_text())


def test_key_points_and_disclaimer_are_sections_with_headings(built):
    article = built["a4"].article
    labels = labels_for(article.lang)
    key_points = section_with_heading(built["a4"].tree, labels["key_points"])
    [points] = [node for node in key_points.children if node.tag == "L"]
    assert [squeeze(li.all_text()) for li in points.children if li.tag == "LI"] == [
        squeeze("• " + point.text) for point in article.key_points
    ]
    disclaimer = section_with_heading(built["a4"].tree, labels["disclaimer"])
    assert "does not replace advice from your own doctor" in one_line(disclaimer.all_text())


def test_list_items_hold_only_a_label_and_a_body(built):
    items = [node for node in built["a4"].tree.walk() if node.tag == "LI"]
    assert len(items) >= 9  # key points, bullets, nested bullets, numbered, references
    for item in items:
        assert {child.tag for child in item.children} <= {"Lbl", "LBody"}, item


def assert_whole_across_pages(tree: Node, article) -> None:
    """A section or list that runs over a page break is still one element."""
    sections = [node for node in tree.walk() if node.tag == "Sect"]
    assert sections and all(re.fullmatch(r"H[1-6]", node.children[0].tag) for node in sections)
    references = section_with_heading(tree, labels_for(article.lang)["references"])
    lists = [node for node in references.children if node.tag == "L"]
    assert len(lists) == 1 and sum(1 for item in lists[0].children if item.tag == "LI") == len(article.references)
    for item in (node for node in tree.walk() if node.tag == "LI"):
        assert item.children[0].tag == "Lbl", one_line(item.all_text())


def test_sections_and_lists_that_cross_a_page_break_stay_one_element(built, examples):
    with pikepdf.open(built["large"].path) as pdf:
        assert len(pdf.pages) >= 3  # large print: several page breaks to cross
    assert_whole_across_pages(built["large"].tree, built["large"].article)
    for made in examples:
        assert_whole_across_pages(made.tree, made.article)


def test_nested_lists_stay_lists(built):
    tree = built["a4"].tree
    nested = [node for node in tree.walk() if node.tag == "L" and any(child.tag == "L" for child in node.walk() if child is not node)]
    assert nested, "the nested bullet and numbered lists should be L inside L"
    texts = [one_line(node.all_text()) for node in tree.walk() if node.tag == "LI"]
    assert any("cooked" in text for text in texts)


def test_tables_have_header_cells(built):
    tree = built["a4"].tree
    [table] = [node for node in tree.walk() if node.tag == "Table"]
    headers = [one_line(node.all_text()) for node in table.walk() if node.tag == "TH"]
    assert headers == ["Food", "Sugar per 100 g"]
    assert sum(1 for node in table.walk() if node.tag == "TD") == 4


def test_every_image_has_alt_text_and_decoration_is_not_a_figure(built):
    article = built["a4"].article
    described = [f.alt for f in article.figures() if not f.decorative]
    with pikepdf.open(built["a4"].path) as pdf:
        figures = [element for element in struct_elements(pdf) if element.S == pikepdf.Name.Figure]
        assert sorted(str(f.Alt) for f in figures) == sorted(described)
        for figure in figures:
            x1, y1, x2, y2 = (float(v) for v in figure.A.BBox)
            width, height = float(figure.Pg.MediaBox[2]), float(figure.Pg.MediaBox[3])
            assert 0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height  # in page space, points
        images = {image.objgen for page in pdf.pages for image in page.get_images().values()}
        assert len(images) == len(article.figures())  # the decorative banner is still drawn


def test_page_furniture_is_an_artifact_and_all_other_content_is_tagged(built):
    for name in ALL:
        with pikepdf.open(built[name].path) as pdf:
            claimed = claimed_mcids(pdf)
            for number, page in enumerate(pdf.pages):
                marked = {run.mcid for run in text_runs(page) if run.mcid is not None}
                assert marked <= claimed.get(number, set()), (name, number)
        tagged_text = one_line(built[name].tree.all_text())
        assert "Page 1 of" not in tagged_text and "Página 1 de" not in tagged_text


@pytest.mark.parametrize("name", ALL)
def test_the_structure_tree_is_consistent(built, name):
    """Each element points back to its parent, and the parent tree maps each id to its holder."""
    with pikepdf.open(built[name].path) as pdf:
        holder: dict[tuple[int, int], tuple[int, int]] = {}  # (page, mcid) -> element
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
            for kid in kids:
                if isinstance(kid, int):
                    holder[(pages[node.Pg.objgen], kid)] = node.objgen
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    assert kid.P.objgen == node.objgen
                    stack.append(kid)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        mapped = {}
        for page in pdf.pages:
            index = int(page.StructParents)
            array = next(nums[i + 1] for i in range(0, len(nums), 2) if int(nums[i]) == index)
            for mcid, element in enumerate(array):
                if element is not None:
                    mapped[(pages[page.objgen], mcid)] = element.objgen
        assert mapped == holder


def test_a_bare_article_makes_a_complete_pdf_too(tmp_path):
    """No authors, dates, key points or references: nothing empty is left on the page."""
    require_poppler()
    article = parse_article(write_article(tmp_path / "art", "Just a line.\n\n## Only section\n\nText.\n"))
    [path] = pdf_writer.write(article, load_theme("handout"), tmp_path / "out", options=Options())
    tree = structure(path)
    assert headings(tree) == [(1, "A Test Article"), (2, "Only section"), (2, labels_for("en")["disclaimer"])]
    assert not [node for node in tree.walk() if node.tag == "L"]
    assert "Page 1 of 1" in one_line(text_of(path))


def test_every_link_has_a_description(built):
    with pikepdf.open(built["a4"].path) as pdf:
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == pikepdf.Name.Link]
        contents = [str(link.get("/Contents", "")) for link in links]
    assert len(links) >= 3
    assert all(contents)
    assert "Reference 1" in contents and "Reference 2" in contents
    assert "NHS website" in contents


# --- text -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a4", "letter", "large"])
def test_the_text_holds_every_part_of_the_article(built, name):
    article, text = built[name].article, built[name].text
    flat, squeezed = one_line(text), squeeze(text)
    assert article.title in flat and "A guide for patients" in flat
    assert "Jane Doe, RD" in flat and "Sam Roe" in flat
    assert "November 1, 2026" in flat and "Example Clinic" in flat
    for section in article.sections:
        assert section.title_text in flat
    for point in article.key_points:
        assert point.text in flat
    for reference in article.references:
        assert squeeze(f"{reference.number}.{reference.text}") in squeezed
    assert "This handout does not replace advice from your own doctor." in flat
    assert "Check with your doctor before you change your diet." in flat
    with pikepdf.open(built[name].path) as pdf:
        pages = len(pdf.pages)
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in flat


@pytest.mark.parametrize("name", ["a4", "letter", "large"])
def test_hyphenated_words_read_back_whole(built, name):
    """pdftotext drops a hyphen at the end of a line; so no line may end inside a hyphenated word."""
    text = one_line(built[name].text)
    words = re.findall(r"\w+(?:-\w+)+", HYPHENATED)
    assert len(words) >= 15
    for word in words:
        assert word in text
    url = built[name].article.references[1].url
    assert url.count("-") >= 2 and url in squeeze(built[name].text)


def test_no_line_of_large_print_starts_with_a_unit_or_french_punctuation(tmp_path):
    """In French, "4 g/24 h", "38,5 °C" and "urgence :" stay on one line: a line that starts
    with a lone "g/24 h" or ":" reads as a new thought."""
    require_poppler()
    doses = " ".join(f"Prenez ≤ {n} g/24 h ou {n} 500 mg ; la fièvre dépasse {n},5 °C : des anti-inflammatoires ? « Vite »."
                     for n in range(1, 13))
    article = parse_article(write_article(tmp_path / "fr", f"{doses}\n\n## Suite\n\n{doses}\n", lang="fr"))
    [path] = pdf_writer.write_large_print(article, load_theme("handout"), tmp_path / "out", options=Options())
    lines = [line.strip() for line in text_of(path).splitlines() if line.strip()]
    assert sum("g/24 h" in line for line in lines) >= 24
    starts = [line for line in lines if re.match(r"(?:g/24|h\b|°C|[:;!?»])", line) or re.match(r"\d+ (?:g/24|mg)", line)]
    assert not starts, starts


@pytest.mark.parametrize("lang, dates, parts", [
    ("fr", "Revu le {n} septembre 2016, puis le {n} mai 2026.", r"(?:septembre|mai|2016|2026)\b"),
    ("es", "Revisado el {n} de septiembre de 2016, y en junio de 2026.", r"(?:de|septiembre|2016|2026)\b"),
])
def test_no_line_of_large_print_parts_a_date(tmp_path, lang, dates, parts):
    """ "HAS. 21 / septembre 2016", "17 de / mayo de 2024": a date cut inside reads as a number and a new line."""
    require_poppler()
    text = " ".join(dates.format(n=n) for n in range(1, 29))
    article = parse_article(write_article(tmp_path / lang, f"{text}\n", lang=lang))
    [path] = pdf_writer.write_large_print(article, load_theme("handout"), tmp_path / "out", options=Options())
    lines = [line.strip() for line in text_of(path).splitlines() if line.strip()]
    assert sum("septiembre" in line or "septembre" in line for line in lines) >= 28
    assert not [line for line in lines if re.match(parts, line)]


def test_long_words_break_inside_the_margins(built):
    for name in ("a4", "large"):
        page_width = PAPER["a4"][0]
        boxes = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', text_of(built[name].path, "-bbox"))
        assert boxes
        assert all(float(x_min) >= 15 * MM and float(x_max) <= page_width - 15 * MM for x_min, x_max in boxes), name
        assert LONG_WORD in squeeze(built[name].text)


def test_another_language_gets_its_own_labels_and_language_tag(built):
    article, text = built["es"].article, one_line(built["es"].text)
    labels = labels_for("es")
    assert labels["key_points"] != labels_for("en")["key_points"]
    assert labels["key_points"] in text and labels["references"] in text
    assert "Página 1 de 1" in text
    assert [title for _, title in headings(built["es"].tree)][2:4] == ["Por qué beber agua", "Cuándo beber más"]


def test_a_right_to_left_article_is_set_from_the_right(tmp_path):
    require_poppler()
    body = "الإنسولين هرمون يساعد السكر على دخول الخلايا في الجسم.\n\n## كيف يتم اكتشافها\n\nيفحص الطبيب مستوى السكر.\n"
    article = parse_article(write_article(tmp_path / "ar", body, title="مقاومة الإنسولين", lang="ar"))
    [path] = pdf_writer.write(article, load_theme("handout"), tmp_path / "out", options=Options())
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "ar"
        width = float(pdf.pages[0].MediaBox[2])
    lines = re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', text_of(path, "-bbox-layout"))
    body_lines = [(float(a), float(b)) for a, b in lines][:4]  # title and first paragraph
    assert all(width - x_max < 25 * MM and x_min > 60 * MM for x_min, x_max in body_lines), body_lines


def test_characters_no_font_has_are_named_in_one_warning(tmp_path, caplog):
    """The file is still written (its text extracts), but the author learns what prints as boxes."""
    unprintable = "\ue000\ue001"  # private-use characters: no installed font draws them
    article = parse_article(write_article(tmp_path / "art", f"Symbols {unprintable} here.\n"))
    with caplog.at_level(logging.WARNING, logger="openleaf.formats.pdf"):
        [path] = pdf_writer.write(article, load_theme("handout"), tmp_path / "out", options=Options())
    assert path.exists()
    warnings = [r.getMessage() for r in caplog.records if r.name == "openleaf.formats.pdf"]
    assert len(warnings) == 1 and "\ue000" in warnings[0] and "\ue001" in warnings[0], warnings


# --- sizes ------------------------------------------------------------------------


def tagged_sizes(path: Path) -> list[float]:
    with pikepdf.open(path) as pdf:
        return [run.size for page in pdf.pages for run in text_runs(page) if run.mcid is not None]


def body_size(sizes: list[float]) -> float:
    return max(set(sizes), key=sizes.count)


def test_handout_body_text_is_at_least_12_pt(built):
    sizes = tagged_sizes(built["a4"].path)
    assert body_size(sizes) >= 12
    assert min(sizes) >= 12


def test_large_print_is_at_least_18_pt_sans_serif_with_wide_margins(built):
    path = built["large"].path
    sizes = tagged_sizes(path)
    assert body_size(sizes) >= 18
    assert min(sizes) >= 18
    assert body_size(sizes) > body_size(tagged_sizes(built["a4"].path))
    with pikepdf.open(path) as pdf:
        names = [str(font.BaseFont) for font in font_dicts(pdf)]
        # Atkinson Hyperlegible, and DejaVu Sans for the few symbols it lacks (nested list bullets)
        assert all(re.search(r"\+(Atkinson-Hyperlegible|DejaVu-Sans)", name) for name in names), names
        assert not any("Serif" in name for name in names)
        width = float(pdf.pages[0].MediaBox[2])
    lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', text_of(path, "-bbox"))]
    rights = [float(x) for x in re.findall(r'xMax="([\d.]+)"', text_of(path, "-bbox"))]
    assert min(lefts) >= 24 * MM and max(rights) <= width - 24 * MM


def test_large_print_is_one_ragged_right_column(built):
    """Lines start at the left margin and run across the page; their right ends vary (not justified)."""
    path = built["large"].path
    with pikepdf.open(path) as pdf:
        width = float(pdf.pages[0].MediaBox[2])
    area = width - 2 * 25 * MM
    lines = [
        (float(x_min), float(x_max))
        for x_min, x_max in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', text_of(path, "-bbox-layout"))
    ]
    left = min(x_min for x_min, _ in lines)
    at_left = [(x_min, x_max) for x_min, x_max in lines if x_min - left < 1]
    # left-aligned: lines start at a few shared edges (margin, list and box indents), where
    # centred lines would each start somewhere else
    assert len(at_left) >= 10 and len({round(x_min) for x_min, _ in lines}) <= len(lines) / 3
    assert max(x_max - x_min for x_min, x_max in lines) > 0.8 * area  # one column spans the text area
    rights = [round(x_max) for x_min, x_max in at_left if x_max - x_min > 0.5 * area]
    assert len(rights) >= 5 and len(set(rights)) > len(rights) / 2  # ragged right


# --- examples ---------------------------------------------------------------------


def test_every_example_becomes_a_complete_accessible_pdf(examples):
    assert len(examples) >= 3
    for made in examples:
        article = made.article
        flat, squeezed = one_line(made.text), squeeze(made.text)
        with pikepdf.open(made.path) as pdf:
            assert str(pdf.Root.Lang) == article.lang
            assert pdf.open_metadata().get("pdfuaid:part") == "1"
            for font in font_dicts(pdf):
                assert any(k in descriptor(font) for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            figures = [e for e in struct_elements(pdf) if e.S == pikepdf.Name.Figure]
            assert all(str(f.get("/Alt", "")) for f in figures)
        found = headings(made.tree)
        assert found[0] == (1, article.title)
        for section in article.sections:
            assert section.title_text in flat, (made.path.name, section.title_text)
        for reference in article.references:
            assert squeeze(f"{reference.number}.{reference.text}") in squeezed, reference.key
        for sentence in [s for block in article.disclaimer for s in getattr(block, "sentences", ())]:
            assert sentence.text in flat


# --- safety -----------------------------------------------------------------------


def _theme_with_css(folder: Path, extra_css: str) -> Path:
    (folder / "pdf").mkdir(parents=True)
    (folder / "theme.toml").write_text('name = "mine"\nextends = "handout"\n', encoding="utf-8")
    css = extra_css + "\n" + load_theme("handout").read_text("pdf/handout.css")  # @import must come first
    (folder / "pdf" / "handout.css").write_text(css, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "css, reason",
    [
        ('h1 { background: url("https://example.org/x.png"); }', "never uses the network"),
        ('h1 { background: url("file:///etc/hostname"); }', "only files inside"),
        ('@import url("file:///etc/passwd");', "only files inside"),
    ],
)
def test_a_theme_cannot_fetch_from_the_network_or_outside_its_folders(tmp_path, css, reason):
    theme = load_theme(_theme_with_css(tmp_path / "mine", css))
    article = parse_article(write_article(tmp_path / "art", "Hello.\n\n## One\n\nText.\n"))
    out = tmp_path / "out"
    with pytest.raises(OutputError, match=reason):
        pdf_writer.write(article, theme, out, options=Options())
    assert not out.exists() or not list(out.iterdir())


def test_a_weasyprint_error_fails_the_build_and_keeps_the_old_file(tmp_path):
    folder = tmp_path / "art"
    make_images(folder)
    article = parse_article(write_article(folder, "Intro.\n\n![A chart](images/chart.png)\n"))
    out = tmp_path / "out"
    [good] = pdf_writer.write(article, load_theme("handout"), out, options=Options())
    before = good.read_bytes()
    (folder / "images" / "chart.png").write_bytes(b"not an image")
    with pytest.raises(OutputError, match="chart.png"):
        pdf_writer.write(article, load_theme("handout"), out, options=Options())
    assert good.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [good.name]


def test_an_unknown_paper_size_is_refused(tmp_path):
    article = parse_article(write_article(tmp_path / "art", "Hello.\n"))
    with pytest.raises(UsageError, match="paper"):
        pdf_writer.write(article, load_theme("handout"), tmp_path / "out", options=Options(paper="a3"))
