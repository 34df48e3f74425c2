"""The clinic's handout: its organisation, the QR code to the other editions, pages that fit, themes.

Given an ``openleaf.toml`` beside articles the project has never seen, the
PDF carries the clinic's name, logo and phone, and a QR code that a decoder
reads back as the large-print page's address; it stays PDF/UA-1; no last
page holds the disclaimer alone; bad settings stop the run with exit 78 and
a ``FILE:LINE`` message. Every check reads a real PDF with real tools
(zbarimg, pdftoppm, pdftotext, pikepdf).
"""

from __future__ import annotations

import json
import logging
import random
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import example_articles, require_tool, run_cli, write_article
from openleaf.formats import pdf as pdf_writer
from openleaf.formats.options import Options
from openleaf.source import settings
from openleaf.source.errors import ConfigError, ThemeError
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme
from test_pdf import claimed_mcids, struct_elements, text_runs

CONFIG = """\
[organisation]
name = "Lakeside Family Health"
phone = "555-0142"
url = "https://lakeside.example.org"
logo = "logo.svg"            # SVG or PNG, relative to this file
logo_alt = "Lakeside Family Health"
accent = "#1a5c8a"           # any colour the themes use

[editions]
base_url = "https://lakeside.example.org/handouts/"
review_max_age_years = 3
"""

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">'
    '<circle cx="20" cy="20" r="18" fill="#1a5c8a"/><path d="M12 20h16M20 12v16" stroke="#fff" stroke-width="5"/></svg>'
)

SHORT = "Wash your hands often. Soap and water work best.\n\n## When to wash\n\nBefore you eat and after the toilet.\n"

WORDS = (
    "water body drink glass day heat sleep walk food salt sugar doctor nurse clinic help rest cool shade tired "
    "thirsty older adults family carer medicine kidney heart blood pressure weight fruit vegetables"
).split()


def prose(words: int, rng: random.Random) -> str:
    sentences = []
    while words > 0:
        n = min(words, rng.randint(10, 18))
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        words -= n
    return " ".join(sentences)


def typical_article(folder: Path) -> Path:
    """An 800-word handout as clinics write them: key points, an introduction, five sections
    (one with a list), four references and a disclaimer."""
    rng = random.Random(3)
    body = prose(70, rng) + " [@r1]\n\n"
    for number in range(5):
        body += f"## Section heading number {number + 1}\n\n{prose(60, rng)} [@r{number % 4 + 1}]\n\n"
        if number == 2:
            body += "".join(f"- {prose(11, rng)}\n" for _ in range(5)) + "\n"
        body += prose(55, rng) + "\n\n"
    front = dict(
        title="Looking After Your Kidneys", subtitle="A guide for patients and carers",
        authors=[{"name": "Jane Doe", "credentials": "RD"}], reviewed="2026-10-01",
        key_points=[prose(14, rng), prose(16, rng), prose(12, rng)], disclaimer=prose(38, rng),
        references=[{"id": f"r{i}", "type": "webpage", "title": f"Kidney health fact sheet {i}",
                     "container-title": "NHS website", "URL": f"https://www.nhs.uk/conditions/kidney-{i}/"}
                    for i in range(1, 5)],
    )  # fmt: skip
    path = write_article(folder, body, name="kidneys.md", **front)
    text = path.read_text(encoding="utf-8").split("---", 2)[2]
    counted = len(re.findall(r"\w+", text)) + sum(len(re.findall(r"\w+", p)) for p in front["key_points"])
    assert 780 <= counted + len(front["disclaimer"].split()) <= 840
    return path


def clinic_folder(root: Path, config: str = CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "openleaf.toml").write_text(config, encoding="utf-8")
    (root / "logo.svg").write_text(LOGO, encoding="utf-8")
    return root


def pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def page_text(path: Path, number: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip


def require_poppler_and_zbar() -> None:
    require_tool(shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None, "poppler-utils")
    require_tool(shutil.which("zbarimg") is not None, "zbarimg (zbar-tools)")


@pytest.fixture(scope="module")
def clinic(tmp_path_factory) -> dict[str, Path]:
    """Articles in a clinic's folder (the config one folder up), as handouts: A4, Letter, large print."""
    require_poppler_and_zbar()
    root = clinic_folder(tmp_path_factory.mktemp("clinic"))
    short = parse_article(write_article(root / "leaflets", SHORT, name="hand-washing.md", reviewed="2026-09-01"))
    typical = parse_article(typical_article(root / "leaflets"))
    out = root / "out"
    made = {}
    for name, article in (("short", short), ("typical", typical)):
        for paper in ("a4", "letter"):
            [made[f"{name}-{paper}"]] = pdf_writer.write(article, load_theme("handout"), out / paper,
                                                         options=Options(paper=paper))  # fmt: skip
    [made["large"]] = pdf_writer.write_large_print(short, load_theme("handout"), out / "large", options=Options())
    return made


# --- the organisation and the QR code --------------------------------------------------


@pytest.mark.parametrize("name", ["short-a4", "typical-letter", "large"])
def test_page_one_carries_a_qr_code_that_opens_the_large_print_page(clinic, name, tmp_path):
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(clinic[name]), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    [image] = tmp_path.glob("p*.png")
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True).stdout.split()
    slug = "hand-washing" if name in ("short-a4", "large") else "kidneys"
    address = f"https://lakeside.example.org/handouts/{slug}/{slug}.html"
    assert decoded == [address]
    assert address in "".join(page_text(clinic[name], 1).split())  # printed beside it, too


def test_the_qr_code_is_a_vector_figure_at_least_2_cm_wide_that_says_where_it_leads(clinic):
    with pikepdf.open(clinic["short-a4"]) as pdf:
        figures = {str(e.Alt): e for e in struct_elements(pdf) if e.S == pikepdf.Name.Figure}
        [qr] = [f for alt, f in figures.items() if alt.startswith("QR code")]
        assert "https://lakeside.example.org/handouts/hand-washing/hand-washing.html" in str(qr.Alt)
        assert "large-print page with audio" in str(qr.Alt)
        x1, _, x2, _ = (float(v) for v in qr.A.BBox)
        assert x2 - x1 >= 20 * 72 / 25.4
        assert "Lakeside Family Health" in figures  # the logo, with its alt text
        assert not pdf.pages[0].get_images()  # the code and the logo are drawn, not pictures


@pytest.mark.parametrize("name", ["short-a4", "typical-a4", "typical-letter", "large"])
def test_the_text_holds_the_organisations_name_and_phone(clinic, name):
    first = " ".join(page_text(clinic[name], 1).split())
    assert "Lakeside Family Health" in first
    if name != "large":  # the handout's footer: name, phone and web address on every page
        for number in range(1, pages(clinic[name]) + 1):
            assert "Lakeside Family Health · Phone 555-0142 · lakeside.example.org" in page_text(clinic[name], number)


@pytest.mark.parametrize("name", ["short-a4", "typical-letter", "large"])
def test_the_handout_is_still_pdf_ua_with_no_structure_problems(clinic, name):
    with pikepdf.open(clinic[name]) as pdf:
        assert pdf.open_metadata().get("pdfuaid:part") == "1"
        assert pdf.Root.MarkInfo.Marked is True
        claimed = claimed_mcids(pdf)
        for number, page in enumerate(pdf.pages):  # all content tagged or an artifact
            marked = {run.mcid for run in text_runs(page) if run.mcid is not None}
            assert marked <= claimed.get(number, set()), number
        for element in struct_elements(pdf):
            if element.S == pikepdf.Name.Figure:
                assert str(element.get("/Alt", "")).strip()
            assert element.P is not None


def test_the_headings_take_the_organisations_accent_colour(clinic):
    with pikepdf.open(clinic["short-a4"]) as pdf:
        content = b"".join(op.read_bytes() for op in pdf.pages[0].obj.Contents.wrap_in_array())
    colours = {tuple(round(float(v) * 255) for v in found) for found in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", content)}
    assert (0x1A, 0x5C, 0x8A) in colours


# --- pages that fit ----------------------------------------------------------------------


def assert_last_page_holds_more_than_the_disclaimer(path: Path, article) -> None:
    last = page_text(path, pages(path))
    disclaimer = " ".join(s.text for block in article.disclaimer for s in getattr(block, "sentences", ()))
    rest = " ".join(last.split())
    for word in ["Disclaimer", *disclaimer.split()]:
        rest = rest.replace(word, " ", 1)
    rest = re.sub(r"Lakeside Family Health · Phone 555-0142 · lakeside\.example\.org|Page \d+ of \d+", " ", rest)
    rest = re.sub(rf"{re.escape(article.title)}", " ", rest)  # the footer without an organisation
    assert len(re.findall(r"\w+", rest)) >= 5, f"{path.name}: the last page holds only the disclaimer"


def test_the_last_page_of_every_handout_holds_more_than_the_disclaimer(clinic, tmp_path):
    short = parse_article(next(clinic["short-a4"].parents[2].glob("leaflets/hand-washing.md")))
    typical = parse_article(next(clinic["short-a4"].parents[2].glob("leaflets/kidneys.md")))
    for name, article in (("short-a4", short), ("short-letter", short), ("typical-a4", typical),
                          ("typical-letter", typical), ("large", short)):  # fmt: skip
        assert_last_page_holds_more_than_the_disclaimer(clinic[name], article)
    for source in example_articles():  # without an organisation, A4 and Letter
        article = parse_article(source)
        for paper in ("a4", "letter"):
            [path] = pdf_writer.write(article, load_theme("handout"), tmp_path / paper, options=Options(paper=paper))
            if pages(path) > 1:
                assert_last_page_holds_more_than_the_disclaimer(path, article)


def test_a_short_handout_whose_disclaimer_would_spill_takes_company_with_it(tmp_path):
    """Paragraphs that end just where the disclaimer would start on page 2."""
    for paragraphs in range(13, 17):
        body = "\n\n".join("Drink water through the day and more when it is hot. " * 5 for _ in range(paragraphs))
        article = parse_article(write_article(tmp_path / str(paragraphs), body + "\n", disclaimer="Ask your doctor. " * 12))
        [path] = pdf_writer.write(article, load_theme("handout"), tmp_path / f"out{paragraphs}", options=Options())
        if pages(path) > 1:
            assert_last_page_holds_more_than_the_disclaimer(path, article)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_typical_800_word_handout_fits_on_two_pages(clinic, paper):
    assert pages(clinic[f"typical-{paper}"]) == 2


def last_tagged_element_per_page(path: Path) -> list[str]:
    """The structure type of the last tagged content drawn on each page (the footer is an artifact)."""
    found = []
    with pikepdf.open(path) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        trees = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            mcids = [run.mcid for run in text_runs(page) if run.mcid is not None]
            mapping = trees[int(page.StructParents)]
            found.append(str(mapping[mcids[-1]].S) if mcids else "")
    return found


def test_no_page_ends_with_a_heading(clinic, tmp_path):
    paths = [clinic[name] for name in ("typical-a4", "typical-letter", "large")]
    for source in example_articles():
        [path] = pdf_writer.write(parse_article(source), load_theme("handout"), tmp_path, options=Options())
        [large] = pdf_writer.write_large_print(parse_article(source), load_theme("handout"), tmp_path, options=Options())
        paths += [path, large]
    for path in paths:
        ends = last_tagged_element_per_page(path)[:-1]
        assert not [end for end in ends if re.fullmatch(r"/H[1-6]", end)], (path.name, ends)


# --- settings that are wrong stop the run --------------------------------------------------


def test_an_accent_below_4_5_to_1_stops_the_run_with_exit_78_naming_both_colours(tmp_path, capsys):
    folder = clinic_folder(tmp_path / "clinic", CONFIG.replace("#1a5c8a", "#9a9a9a"))
    article = write_article(folder, SHORT, name="hands.md")
    code, out, err = run_cli(capsys, article, "--formats", "pdf", "--out", tmp_path / "out", "--jobs", "1")
    assert code == 78
    assert f"{folder / 'openleaf.toml'}:7:" in err
    assert "'#9a9a9a'" in err and "'#ffffff'" in err and "2.81:1" in err and "4.5:1" in err
    assert not (tmp_path / "out").exists()


def test_an_unknown_key_or_a_wrong_type_is_named_with_file_line_and_did_you_mean(tmp_path, capsys):
    config = CONFIG.replace('phone = "555-0142"', "phone = 5550142").replace("logo_alt", "logo_alternative")
    config = config.replace("[editions]", "[edition]")
    folder = clinic_folder(tmp_path / "clinic", config)
    article = write_article(folder / "leaflets", SHORT, name="hands.md")
    code, _, err = run_cli(capsys, article, "--formats", "pdf", "--out", tmp_path / "out", "--jobs", "1")
    assert code == 78
    toml = folder / "openleaf.toml"
    assert f"{toml}:3: 'phone' must be text in quotes, not 5550142" in err
    assert f"{toml}:6: unknown key 'logo_alternative' in [organisation] (did you mean 'logo_alt'?)" in err
    assert f"{toml}:9: unknown table [edition] (did you mean 'editions'?)" in err


def test_a_toml_syntax_error_and_a_missing_logo_are_named_too(tmp_path):
    folder = clinic_folder(tmp_path / "a", CONFIG.replace('name = "Lakeside Family Health"', "name = Lakeside"))
    with pytest.raises(ConfigError, match=rf"{re.escape(str(folder / 'openleaf.toml'))}:2:\d+: .*TOML"):
        settings.load(folder / "x.md")
    folder = clinic_folder(tmp_path / "b", CONFIG.replace("logo.svg", "missing.png"))
    with pytest.raises(ConfigError, match=r"openleaf.toml:5: logo 'missing.png' not found"):
        settings.load(folder / "x.md")
    folder = clinic_folder(tmp_path / "c")
    (folder / "logo.svg").write_text("<svg><unclosed", encoding="utf-8")  # the article images' check
    with pytest.raises(ConfigError, match=r"openleaf.toml:5: logo 'logo.svg' is not a valid SVG file"):
        settings.load(folder / "x.md")


def test_the_nearest_config_wins_and_config_names_one_explicitly(tmp_path):
    outer = clinic_folder(tmp_path)
    inner = clinic_folder(tmp_path / "branch", CONFIG.replace("Lakeside Family Health", "Lakeside North"))
    assert settings.load(inner / "deep" / "a.md").name == "Lakeside North"
    assert settings.load(tmp_path / "other" / "a.md").name == "Lakeside Family Health"
    assert settings.load(inner / "a.md", outer / "openleaf.toml").name == "Lakeside Family Health"


def test_an_old_review_date_warns_with_the_articles_line(tmp_path, caplog):
    folder = clinic_folder(tmp_path / "clinic")
    article = parse_article(write_article(folder, SHORT, name="old.md", reviewed="2019-03-01"))
    with caplog.at_level(logging.WARNING):
        pdf_writer.write(article, load_theme("handout"), tmp_path / "out", options=Options())
    lines = (folder / "old.md").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("reviewed:"))
    [warning] = [r.getMessage() for r in caplog.records if "reviewed" in r.getMessage()]
    assert warning.startswith(f"{folder / 'old.md'}:{line}: PDF: last reviewed on 2019-03-01, more than 3 years ago")


def test_a_changed_config_rebuilds_the_pdf(tmp_path, capsys):
    folder = clinic_folder(tmp_path / "clinic")
    article = write_article(folder, SHORT, name="hands.md")
    out = tmp_path / "out"

    def status() -> str:
        code, _, _ = run_cli(capsys, article, "--formats", "pdf", "--out", out, "--jobs", "1",
                             "--json", tmp_path / "r.json", "--quiet")  # fmt: skip
        assert code == 0
        report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        return report["articles"][0]["outputs"][0]["status"]

    assert status() == "written"
    assert status() == "unchanged"
    (folder / "openleaf.toml").write_text(CONFIG.replace("555-0142", "555-0199"), encoding="utf-8")
    assert status() == "written"
    assert "555-0199" in page_text(out / "hands" / "hands.pdf", 1)


# --- themes a clinic can change ------------------------------------------------------------


def test_publish_themes_lists_the_built_in_themes_and_what_each_is_for(capsys):
    code, out, _ = run_cli(capsys, "themes")
    assert code == 0
    listed = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith("A theme")}
    assert set(listed) == {"base", "handout", "large-print"}
    assert "UKAAF" in listed["large-print"] and "18 pt" in listed["large-print"]


def test_a_theme_name_is_a_built_in_theme_even_when_a_folder_has_that_name(tmp_path, monkeypatch):
    """Issue 10: a stray ./handout/theme.toml silently replaced the built-in handout theme."""
    stray = tmp_path / "handout"
    (stray / "pdf").mkdir(parents=True)
    (stray / "theme.toml").write_text('name = "stray"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    theme = load_theme("handout")
    assert theme.name == "handout" and stray.resolve() not in theme.folders
    assert load_theme("./handout").folders[0] == stray.resolve()  # as a path, the folder is used
    with pytest.raises(ThemeError, match=r"no built-in theme 'mine'.*\./mine"):
        (tmp_path / "mine").mkdir()
        (tmp_path / "mine" / "theme.toml").write_text('extends = "handout"\n', encoding="utf-8")
        load_theme("mine")


def test_a_theme_folder_overrides_one_block_and_adds_one_stylesheet(tmp_path):
    theme = tmp_path / "my-theme"
    (theme / "pdf").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "mine"\nextends = "handout"\n[pdf]\nstylesheets = ["extra.css"]\n',
                                      encoding="utf-8")  # fmt: skip
    (theme / "extra.css").write_text('.disclaimer::after { content: "Printed at the front desk"; }\n', encoding="utf-8")
    (theme / "pdf" / "handout.html.j2").write_text(
        '{% extends "base:pdf/handout.html.j2" %}\n'
        '{% block disclaimer %}<p>Bring this leaflet to your next visit.</p>\n{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    loaded = load_theme(theme)
    sheets = loaded.stylesheets("pdf/handout.css")
    assert sheets[0].parent.parent.name == "base" and sheets[-1] == (theme / "extra.css").resolve()
    article = parse_article(write_article(tmp_path / "art", SHORT))
    [path] = pdf_writer.write(article, loaded, tmp_path / "out", options=Options())
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())
    assert "Bring this leaflet to your next visit. Disclaimer" in text
    assert "Printed at the front desk" in text
    assert "Wash your hands often" in text  # everything else inherited


def test_a_missing_template_names_the_folders_searched(tmp_path):
    theme = tmp_path / "broken"
    (theme / "pdf").mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "handout"\n', encoding="utf-8")
    (theme / "pdf" / "handout.html.j2").write_text('{% include "pdf/nowhere.html.j2" %}', encoding="utf-8")
    article = parse_article(write_article(tmp_path / "art", SHORT))
    with pytest.raises(ThemeError) as error:
        pdf_writer.write(article, load_theme(theme), tmp_path / "out", options=Options())
    message = str(error.value)
    assert "pdf/nowhere.html.j2" in message
    for folder in load_theme(theme).folders:
        assert str(folder) in message


# --- the organisation in the other editions -------------------------------------------------


def test_the_page_header_and_the_epub_name_the_organisation(tmp_path, capsys):
    folder = clinic_folder(tmp_path / "clinic")
    article = write_article(folder, SHORT, name="hands.md")  # names no publisher of its own
    out = tmp_path / "out"
    code, _, _ = run_cli(capsys, article, "--formats", "html,epub", "--out", out, "--jobs", "1", "--quiet")
    assert code == 0
    page = (out / "hands" / "hands.html").read_text(encoding="utf-8")
    header = page[page.index("<header"):page.index("</header>")]
    # the organisation publishes it: its name, not its phone number, is what the audio's "Published by" highlights
    assert '<p class="organisation"><span id="publisher">Lakeside Family Health</span> · 555-0142</p>' in header
    assert "Published by Lakeside Family Health." in page
    import zipfile

    with zipfile.ZipFile(out / "hands" / "hands.epub") as book:
        opf = next(book.read(n).decode() for n in book.namelist() if n.endswith(".opf"))
        title_page = " ".join(book.read(n).decode() for n in book.namelist() if n.endswith("title.xhtml"))
    assert "<dc:publisher>Lakeside Family Health</dc:publisher>" in opf
    assert "Lakeside Family Health" in title_page
