"""One article, one set of facts: what the editions say about an article agrees.

Given an article, its HTML page, EPUB, PDF and audio are built for real (the
audio with espeak-ng, which is fast) and read back with real parsers: the
byline is the same words in all four, and every id the audio timeline names
is an element id in the HTML page and in the EPUB's content documents, which
is what read-along (media overlays, the page's player) points at.
"""

from __future__ import annotations

import inspect
import json
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

import lxml.html
import pytest
from lxml import etree

from conftest import example_articles, require_tool, write_article
from openleaf.formats import audio, epub, html, pdf
from openleaf.formats.audio.script import build_script
from openleaf.formats.edition import edition_facts
from openleaf.formats.options import Options
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme

ANA = {"name": "Ana Ruiz", "credentials": "RD, CDCES"}

# Everything the audio speaks besides plain sentences: a subtitle, authors, the
# review date, key points, a quote, a callout, a table, a figure, references,
# the disclaimer.
BODY = """\
Walking after meals helps your body use sugar [@ada].

## What to do

> "I walk the dog after supper."
>
> — a reader

::: tip
Start with ten minutes.
:::

| When | How long |
|---|---|
| After breakfast | 10 minutes |
| After supper | 15 minutes |

![A person walking a dog](images/walk.svg "An evening walk")

## When to stop

Stop if you feel dizzy. Call your nurse.
"""

FRONT = dict(
    title="Walking After Meals",
    subtitle="A short guide",
    reviewed="2026-11-01",
    key_points=["Walk for ten minutes after a meal."],
    disclaimer="This is general information. Ask your own doctor.",
    references=[{"id": "ada", "type": "webpage", "title": "Get Moving", "author": [{"literal": "ADA"}],
                 "URL": "https://diabetes.org/health-wellness/fitness"}],
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def write_walking(folder: Path, **front) -> Path:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "walk.svg").write_text(SVG)
    return write_article(folder, BODY, name="walking.md", **(FRONT | front))


def spoken_timeline(article, out: Path) -> list[dict]:
    """The audio edition made for real with espeak-ng; its timeline's entries."""
    audio.write(article, load_theme("base"), out, options=Options(voice="espeak", cache_dir=out / "cache"))
    return json.loads((out / "audio" / f"{article.slug}.timeline.json").read_text(encoding="utf-8"))


def epub_documents(path: Path) -> dict[str, etree._Element]:
    """The EPUB's content documents (the spine, without the navigation document), parsed as XML."""
    with zipfile.ZipFile(path) as book:
        container = etree.fromstring(book.read("META-INF/container.xml"))
        opf_name = container.find(".//{*}rootfile").get("full-path")
        opf = etree.fromstring(book.read(opf_name))
        base = PurePosixPath(opf_name).parent
        items = {i.get("id"): i for i in opf.iter("{*}item")}
        documents = {}
        for ref in opf.iter("{*}itemref"):
            item = items[ref.get("idref")]
            if "nav" not in (item.get("properties") or "").split():
                name = str(base / item.get("href"))
                documents[name] = etree.fromstring(book.read(name))
        return documents


def ids_in(root: etree._Element) -> set[str]:
    return {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- the byline ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authors, expected",
    [
        ([ANA], "Ana Ruiz, RD, CDCES"),
        ([ANA, "Marcus Lee"], "Ana Ruiz, RD, CDCES, and Marcus Lee"),
        ([ANA, "Marcus Lee", {"name": "Eve Fox", "credentials": "MD"}], "Ana Ruiz, RD, CDCES; Marcus Lee; and Eve Fox, MD"),
    ],
)
def test_the_byline_is_the_same_words_in_every_edition(tmp_path, authors, expected):
    pdftotext = shutil.which("pdftotext")
    require_tool(pdftotext is not None, "pdftotext (poppler-utils)")
    article = parse_article(write_walking(tmp_path / "src", authors=authors))
    out = tmp_path / "out"

    [page] = html.write(article, load_theme("large-print"), out, options=Options())
    in_html = text_of(lxml.html.parse(str(page)).getroot().get_element_by_id("authors"))

    [book] = epub.write(article, load_theme("large-print"), out, options=Options())
    [in_epub] = [text_of(e) for doc in epub_documents(book).values() for e in doc.iter() if e.get("id") == "authors"]

    [handout] = pdf.write(article, load_theme("handout"), out, options=Options())
    printed = " ".join(subprocess.run([pdftotext, str(handout), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())

    [said] = [e["text"] for e in spoken_timeline(article, out) if e["id"] == "authors"]

    assert in_html == f"By {expected}"
    assert in_epub == f"By {expected}"
    assert f"By {expected} Last reviewed" in printed
    assert said == f"Written by {expected}."  # the audio's own words, as "Reviewed on" is


# --- the ids of everything spoken -----------------------------------------------------------------


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, tuple]:
    """Per article: (article, timeline ids, HTML ids, EPUB ids), every edition made for real."""
    root = tmp_path_factory.mktemp("editions")
    sources = {path.stem: path for path in example_articles()}
    sources["walking"] = write_walking(root / "src", authors=[ANA, "Marcus Lee"])
    found = {}
    for name, source in sources.items():
        article = parse_article(source)
        out = root / "out" / name
        spoken = [e["id"] for e in spoken_timeline(article, out)]
        [page] = html.write(article, load_theme("large-print"), out, options=Options())
        page_ids = ids_in(lxml.html.parse(str(page)).getroot())
        [book] = epub.write(article, load_theme("large-print"), out, options=Options())
        book_ids = set().union(*(ids_in(doc) for doc in epub_documents(book).values()))
        found[name] = (article, spoken, page_ids, book_ids)
    return found


def edition_names() -> list[str]:
    return [path.stem for path in example_articles()] + ["walking"]


@pytest.mark.parametrize("name", edition_names())
def test_every_spoken_id_is_an_element_in_the_page_and_the_book(editions, name):
    article, spoken, page_ids, book_ids = editions[name]
    assert spoken and len(spoken) == len(set(spoken))
    assert [i for i in spoken if i not in page_ids] == []
    assert [i for i in spoken if i not in book_ids] == []
    assert list(edition_facts(article).spoken_ids) == spoken  # what the facts promise read-along


def test_what_is_spoken_besides_sentences_has_an_element_too(editions):
    article, spoken, _, _ = editions["walking"]
    # The opening, a quote's start and end, the tip's label, the table, the figure, the two chapters of ours.
    for wanted in ("title", "subtitle", "authors", "reviewed", "key-points", "references", "disclaimer"):
        assert wanted in spoken
    assert any(i.endswith("-quote") for i in spoken) and any(i.endswith("-end-quote") for i in spoken)
    assert any(i.endswith("-tip") for i in spoken)


@pytest.mark.parametrize("lang, said", [("en-US", "Published by Clinique Saint-Luc."),
                                         ("fr-BE", "Publié par Clinique Saint-Luc."),
                                         ("es-ES", "Publicado por Clinique Saint-Luc.")])
def test_the_audio_says_who_publishes_the_handout_as_the_page_shows_it(tmp_path, lang, said):
    article = parse_article(write_article(tmp_path / "src", "Text.\n", lang=lang, publisher="Clinique Saint-Luc"))
    opening = [u for u in build_script(article).utterances if u.id == "publisher"]
    assert [(u.text, u.spoken) for u in opening] == [(said, said)]
    [page] = html.write(article, load_theme("large-print"), tmp_path / "out", options=Options())
    assert "publisher" in ids_in(lxml.html.parse(str(page)).getroot())


def test_a_byline_or_publisher_that_ends_on_its_own_stop_is_not_given_a_second(tmp_path):
    authors = [{"name": "Mathieu Gagnon", "credentials": "B. Pharm., M. Sc."}]
    article = parse_article(write_article(tmp_path / "src", "Texte.\n", lang="fr-CA", authors=authors,
                                          publisher="Santé Québec Inc."))
    said = {u.id: u.text for u in build_script(article).utterances}
    assert said["publisher"] == "Publié par Santé Québec Inc."
    assert [text for text in said.values() if text.startswith("Par ")] == ["Par Mathieu Gagnon, B. Pharm., M. Sc."]


def test_the_disclaimer_chapter_is_announced_the_way_references_is(tmp_path):
    article = parse_article(write_walking(tmp_path / "src"))
    script = build_script(article)
    for chapter, heading in (("references", "References."), ("disclaimer", "Disclaimer.")):
        first = script.utterances_of(chapter)[0]
        assert (first.id, first.text, first.spoken) == (chapter, heading, heading)
        assert first.pause_after_ms == script.utterances_of("references")[0].pause_after_ms


@pytest.mark.parametrize("writer", [html.write, epub.write, pdf.write, pdf.write_large_print, audio.write])
def test_every_writer_takes_the_common_signature(writer):
    # write(article, theme, out_dir, *, options, consumed=None): `consumed` names the files of
    # the outputs a format reads (the audio, for read-along); there is no `timeline` argument.
    parameters = inspect.signature(writer).parameters
    assert list(parameters)[:3] == ["article", "theme", "out_dir"]
    assert parameters["options"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["consumed"].kind is inspect.Parameter.KEYWORD_ONLY and parameters["consumed"].default is None
    assert "timeline" not in parameters


def test_the_facts_are_computed_once_per_article(tmp_path):
    source = write_walking(tmp_path / "src")
    article = parse_article(source)
    assert edition_facts(article) is edition_facts(article)
    assert edition_facts(parse_article(source)) is not edition_facts(article)  # a new parse, new facts
