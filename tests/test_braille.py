"""The braille edition: a BRF an embosser and a braille display can use, that reads back as the article."""

from __future__ import annotations

import re
import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli, write_article
from openleaf.formats.braille import louis
from openleaf.formats.braille.brf import to_ascii, to_cells
from openleaf.formats.braille.codes import CODES
from openleaf.source.errors import ExitCode

pytestmark = pytest.mark.usefixtures("speech_cache")


@pytest.fixture(autouse=True)
def _needs_liblouis():
    from conftest import require_tool

    require_tool(louis.available(), "liblouis (apt-get install liblouis20 liblouis-data)")


REFERENCES = [
    {"id": "who", "type": "webpage", "author": [{"literal": "World Health Organization"}],
     "title": "Drinking water and your kidneys", "container-title": "WHO fact sheets",
     "issued": {"date-parts": [[2023, 3, 1]]},
     "URL": "https://www.who.int/news-room/fact-sheets/detail/drinking-water-and-healthy-kidneys"},
    {"id": "smith", "type": "article-journal", "author": [{"family": "Smith", "given": "Alice"}],
     "title": "Thirst in older adults", "container-title": "Journal of Geriatric Care",
     "volume": "12", "page": "40-48", "issued": {"date-parts": [[2021]]}},
]  # fmt: skip

ARTICLES = {
    "en": dict(
        front=dict(
            title="Looking After Your Kidneys",
            lang="en-GB",
            authors=[{"name": "Priya Natarajan", "credentials": "RN"}],
            key_points=["Drink water through the day.", "See a nurse when your ankles swell."],
            disclaimer="This leaflet gives general advice only. Ask your own doctor about your care.",
            references=REFERENCES,
        ),
        body="""\
Your kidneys clean your blood and remove waste through urine [@who].

## Everyday habits

Healthy kidneys need steady care:

- drink water with every meal
- cut down on salty snacks
- keep moving every afternoon

![A pair of bean-shaped kidneys beside a glass of water](kidney.svg "Kidneys filter about fifty gallons of blood daily.")

### Checking your fluids

| Drink | Amount | When |
|-------|--------|------|
| Water | Two glasses | Morning |
| Herbal tea | One mug | Evening |

1. Weigh yourself every morning.
2. Write the number in a notebook.

::: warning
Sudden swelling needs a **phone call** to the clinic *today* [@smith].
:::

> Steady habits protect the kidneys for years.

## Getting help

Ring the kidney helpline whenever something worries you. Nurses answer questions about medicines,
tests and diet.
""",
    ),
    "es": dict(
        front=dict(
            title="Cuidar los riñones",
            lang="es-ES",
            disclaimer="Este folleto ofrece consejos generales. Consulte siempre a su médico.",
            references=REFERENCES,
        ),
        body="""\
Los riñones limpian la sangre cada día [@who].

## Hábitos diarios

- beber agua con cada comida
- comer menos sal

![Dos riñones junto a un vaso de agua](kidney.svg)

| Bebida | Cantidad |
|--------|----------|
| Agua | Dos vasos |
| Infusión | Una taza |

## Pedir ayuda

Llame a la enfermera cuando note hinchazón en los tobillos [@smith].
""",
    ),
    "fr": dict(
        front=dict(
            title="Prendre soin de ses reins",
            lang="fr-FR",
            disclaimer="Cette brochure donne des conseils généraux. Demandez toujours l'avis de votre médecin.",
            references=REFERENCES,
        ),
        body="""\
Les reins nettoient le sang chaque jour [@who].

## Habitudes quotidiennes

- boire de l'eau à chaque repas
- manger moins salé

![Deux reins à côté d'un verre d'eau](kidney.svg)

| Boisson | Quantité |
|---------|----------|
| Eau | Deux verres |
| Tisane | Une tasse |

## Demander de l'aide

Appelez l'infirmière si vos chevilles gonflent [@smith].
""",
    ),
}


def publish_braille(capsys, tmp_path: Path, language: str, *options) -> tuple[Path, dict]:
    spec = ARTICLES[language]
    folder = tmp_path / language
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "images" / "water-glass.svg", folder / "kidney.svg")
    source = write_article(folder, spec["body"], name="kidneys.md", **spec["front"])
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, source, "--out", out, "--formats", "braille", "--jobs", "1", *options)
    assert code == ExitCode.OK, err
    files = sorted(out.glob("*/*.brf"))
    assert len(files) == 1, files
    return files[0], spec


def pages_of(brf: Path) -> list[list[str]]:
    text = brf.read_bytes().decode("ascii")
    return [page.split("\r\n") for page in text.split("\f")]


def read_back(brf: Path, table: str) -> str:
    """The BRF back to print with liblouis, page numbers left out."""
    body = [line.strip() for page in pages_of(brf) for line in page[:-1] if line.strip()]
    return " ".join(louis.back_translate(table, to_cells(" ".join(body))).split())


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text).lower())


def article_words(spec: dict) -> list[str]:
    front = spec["front"]
    text = [front["title"], spec["body"], front["disclaimer"], *front.get("key_points", [])]
    text += [f"{r['title']} {r['container-title']}" for r in REFERENCES]
    body = re.sub(r"\[@\w+\]|\(kidney\.svg[^)]*\)|^:::.*$|\|-+", " ", "\n".join(text), flags=re.M)
    return words(body)


# --- the file an embosser takes ------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_every_page_fits_40_cells_by_25_lines_in_braille_ascii(capsys, tmp_path, language):
    brf, _ = publish_braille(capsys, tmp_path, language)
    raw = brf.read_bytes()
    assert set(raw) <= set(range(0x20, 0x60)) | {0x0D, 0x0A, 0x0C}, "only braille ASCII, line ends and form feeds"
    assert raw.count(b"\n") == raw.count(b"\r\n") > 0, "every line ends with CR LF, as DOS wrote BRF"
    pages = pages_of(brf)
    assert len(pages) >= 2, "the article is long enough for a form feed between pages"
    for number, page in enumerate(pages, start=1):
        assert len(page) == 25, f"page {number} has {len(page)} lines"
        assert all(len(line) <= 40 for line in page), f"page {number} has a line over 40 cells"
        assert page[-1].endswith(to_ascii(louis.translate(CODES[language].table, str(number)))), \
            f"page {number} does not end with its braille page number"


def test_the_options_set_the_page_size(capsys, tmp_path):
    brf, _ = publish_braille(capsys, tmp_path, "en", "--braille-cells", "32", "--braille-lines", "20")
    pages = pages_of(brf)
    assert all(len(page) == 20 and max(map(len, page)) <= 32 for page in pages)
    assert pages[-1][-1] == " " * (32 - len(pages[-1][-1].strip())) + pages[-1][-1].strip(), "number at the right"
    assert len(pages) > len(pages_of(publish_braille(capsys, tmp_path / "default", "en")[0]))


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_brf_reads_back_as_the_article(capsys, tmp_path, language):
    brf, spec = publish_braille(capsys, tmp_path, language)
    found = set(words(read_back(brf, CODES[language].table)))
    expected = article_words(spec)
    missing = [w for w in expected if w not in found]
    assert len(missing) <= 0.10 * len(expected), f"{len(missing)} of {len(expected)} words missing: {missing}"
    for must in (spec["front"]["title"], spec["front"]["disclaimer"], "Thirst in older adults"):
        assert set(words(must)) <= found, must


def test_english_is_contracted_ueb_and_says_so_in_a_transcribers_note(capsys, tmp_path):
    brf, _ = publish_braille(capsys, tmp_path, "en")
    text = brf.read_text("ascii")
    back = read_back(brf, CODES["en"].table)
    assert "Unified English Braille, contracted (grade 2)" in back
    note = text.index("@.<")  # UEB opening transcriber's note indicator (dots 4, 46, 126)
    assert note < text.index(to_ascii(louis.translate(CODES["en"].table, "Everyday habits"))), "the note comes first"
    assert text.count("@.<") == text.count("@.>") == 2, "the code note and the picture's description"
    assert "&" in text and "!" in text, "grade 2: 'and' and 'the' are one cell each"
    assert "^1PH\"O ^1CALL" in text and ".1TD" in text, "bold and italic words keep their UEB indicators"


def test_layout_follows_braille_formats(capsys, tmp_path):
    brf, _ = publish_braille(capsys, tmp_path, "en")
    lines = [line for page in pages_of(brf) for line in page[:-1]]
    table = CODES["en"].table

    def cells(text: str) -> str:
        return to_ascii(louis.translate(table, text))

    title = next(line for line in lines if line.strip())
    left, right = len(title) - len(title.lstrip()), 40 - len(title)
    assert title.strip() == cells("Looking After Your Kidneys") and abs(left - right) <= 1, "centred title"
    heading = lines.index(next(line for line in lines if line.strip() == cells("Everyday habits")))
    assert lines[heading - 1] == "" and lines[heading + 1] == "", "a centred heading between blank lines"
    assert any(line.startswith(cells("• drink water")) for line in lines), "list items start with their bullet"
    assert any(line.startswith(cells("1. Weigh")) for line in lines), "numbered steps keep their numbers"
    back = read_back(brf, table)
    assert "Drink: Water; Amount: Two glasses; When: Morning" in back, "a table row with its headers"
    assert re.search(r"1\. World Health Organization.*2\. Smith A", back), "references numbered, in order"
    assert back.rstrip().endswith("Ask your own doctor about your care."), "the disclaimer comes last"
    paragraph = next(line for line in lines if cells("Your kidneys clean") in line)
    assert paragraph.startswith("  ") and not paragraph.startswith("   "), "paragraphs begin in cell 3"


def test_the_organisation_that_publishes_it_is_on_the_title_page(capsys, tmp_path):
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "openleaf.toml").write_text('[organisation]\nname = "Lakeside Family Health"\n', encoding="utf-8")
    brf, _spec = publish_braille(capsys, tmp_path, "en")
    title_page = " ".join(louis.back_translate(CODES["en"].table, to_cells(line)) for line in pages_of(brf)[0])
    assert "Lakeside Family Health" in " ".join(title_page.split())


def test_a_new_liblouis_makes_the_braille_again_and_nothing_else(capsys, tmp_path, monkeypatch):
    source = write_article(tmp_path / "src", "Drink water with every meal.\n")
    command = [source, "--out", tmp_path / "out", "--formats", "braille,html", "--jobs", "1", "--json", "-"]

    def statuses() -> dict[str, str]:
        code, out, err = run_cli(capsys, *command)
        assert code == ExitCode.OK, err
        return {o["format"]: o["status"] for o in json.loads(out)["articles"][0]["outputs"]}

    assert statuses() == {"braille": "written", "html": "written"}
    assert statuses() == {"braille": "unchanged", "html": "unchanged"}
    monkeypatch.setattr(louis, "version", lambda: "99.0.0")
    assert statuses() == {"braille": "written", "html": "unchanged"}


def test_no_word_is_broken_across_lines(capsys, tmp_path):
    brf, spec = publish_braille(capsys, tmp_path, "es")
    table = CODES["es"].table
    text = " ".join(line.strip() for page in pages_of(brf) for line in page[:-1])
    for word in set(article_words(spec)):
        assert to_ascii(louis.translate(table, word)) in text, f"'{word}' is not whole in the BRF"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_web_address_longer_than_a_line_is_divided_after_a_slash(language):
    from openleaf.formats.braille.layout import Division, Para, wrap

    code = CODES[language]
    url = louis.translate(code.table, "https://www.example.org/consejos-de-higiene-del-sueno/")
    slash = louis.translate(code.table, "/")
    divide = Division(code.divide, (slash,), louis.translate(code.table, "1")[:-1])
    lines = wrap(Para(url), 40, divide)
    assert len(lines) > 1 and "".join(line[:-len(code.divide)] for line in lines[:-1]) + lines[-1] == url
    for line in lines[:-1]:  # each piece ends at a slash, then the code's division sign
        assert line.endswith(slash + code.divide)
    assert wrap(Para(url), 40, Division(code.divide)) != lines  # without break marks: cut at the line's end


def test_a_slash_that_carries_the_number_sign_is_not_where_a_line_is_divided():
    from openleaf.formats.braille.layout import Division, Para, wrap

    table = CODES["fr"].table  # French braille: "/2020" is number sign, slash, digits
    cells = louis.translate(table, "https://www.example.org/2020123456789abcdefgh")
    divide = Division(CODES["fr"].divide, (louis.translate(table, "/"),), louis.translate(table, "1")[:-1])
    first = wrap(Para(cells), 32, divide)[0]
    assert not first[:-len(divide.cell)].endswith(louis.translate(table, "1")[:-1] + louis.translate(table, "/"))


def test_the_pef_beside_the_brf_holds_the_same_pages(capsys, tmp_path):
    import xml.etree.ElementTree as ET

    brf, _ = publish_braille(capsys, tmp_path, "fr", "--braille-cells", "32", "--braille-lines", "20")
    ns = {"pef": "http://www.daisy.org/ns/2008/pef", "dc": "http://purl.org/dc/elements/1.1/"}
    root = ET.parse(brf.with_suffix(".pef")).getroot()
    assert root.get("version") == "2008-1"
    assert root.findtext("pef:head/pef:meta/dc:format", namespaces=ns) == "application/x-pef+xml"
    assert root.findtext("pef:head/pef:meta/dc:identifier", namespaces=ns)
    assert root.findtext("pef:head/pef:meta/dc:language", namespaces=ns) == "fr-FR"
    volume = root.find("pef:body/pef:volume", ns)
    assert (volume.get("cols"), volume.get("rows")) == ("32", "20")
    pef_pages = [[row.text or "" for row in page.iterfind("pef:row", ns)]
                 for page in volume.iterfind("pef:section/pef:page", ns)]
    assert [[to_ascii(row).rstrip() for row in page] for page in pef_pages] == pages_of(brf)


def test_an_unknown_language_is_an_error_pointing_at_lang(capsys, tmp_path):
    source = write_article(tmp_path, "Testo breve.\n", lang="it-IT")
    code, _, err = run_cli(capsys, source, "--out", tmp_path / "out", "--formats", "braille", "--jobs", "1")
    assert code == ExitCode.SOURCE
    assert re.search(r"test-article\.md:\d+:\d+: no braille code for language 'it-IT'", err), err
    assert not list((tmp_path / "out").glob("*/*.brf"))


def test_our_braille_ascii_is_liblouis_north_american_table():
    every_cell = "".join(chr(0x2800 + bits) for bits in range(64))
    assert louis.translate("en-ueb-g2.ctb", every_cell) == every_cell  # cells pass through unchanged
    assert to_ascii(every_cell) == louis.translate("en-ueb-g2.ctb", every_cell, display="en-us-brf.dis").upper()


def test_a_backslash_is_text_not_an_escape():
    cells = louis.translate(CODES["en"].table, r"folder\new\table")
    assert to_ascii(cells).count("_*") == 2  # UEB backslash, dots 456-16
    assert louis.back_translate(CODES["en"].table, cells) == r"folder\new\table"


def test_help_says_braille_needs_liblouis_and_that_it_is_here(capsys):
    _, help_text, _ = run_cli(capsys, "--help")
    assert "needs liblouis (Debian/Ubuntu packages liblouis20, liblouis-data): installed here" in " ".join(help_text.split())


# --- without liblouis ---------------------------------------------------------------------------


def test_without_liblouis_braille_stops_before_any_work_and_the_rest_still_publish(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(louis.LIBRARY_ENV, str(tmp_path / "nonexistent" / "liblouis.so"))
    source = write_article(tmp_path, "Water helps.\n\n## Drink\n\nDrink often.\n", name="water.md")
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, source, "--out", out, "--formats", "html,braille", "--jobs", "1")
    assert code == ExitCode.ENGINE == 69
    assert "liblouis20" in err and "liblouis-data" in err and "Traceback" not in err
    assert not out.exists(), "nothing was made"

    _, help_text, _ = run_cli(capsys, "--help")
    assert "liblouis-data): NOT installed here" in " ".join(help_text.split())

    code, _, err = run_cli(capsys, source, "--out", out, "--formats", "pdf,html", "--jobs", "1")
    assert code == ExitCode.OK, err
    assert (out / "water" / "water.pdf").stat().st_size > 0 and (out / "water" / "water.html").stat().st_size > 0


def test_a_superscript_letter_a_table_gives_a_blank_cell_is_written_as_its_letter():
    from openleaf.formats.braille.transcribe import printable

    # French braille has no "ᵉ": it had become a blank cell, and "2ᵉ éd." read back "2 éd."
    assert printable("fr-bfu-comp6.utb", [("2ᵉ éd., 1ʳᵉ éd.", 0)])[0] == "2e éd., 1re éd."
