"""The EPUB reads along: published with its audio, it carries EPUB 3 Media Overlays.

One article written here (a table, lists, a figure, a quote, a callout,
references and a disclaimer) is published from the command line with
``--formats audio,epub --voice espeak``; its book is then opened and checked
as a reading system would use it: every SMIL parses, points at real elements
in document order, plays clips that exist in the chapter MP3s, adds up to the
declared durations and covers what the documents say. A few clips are cut out
and transcribed offline to check that each plays its own sentence (in the
default voice, Piper: the recogniser mishears espeak-ng).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
import soundfile
from lxml import etree
from PIL import Image as PILImage

from conftest import require_tool, write_article
from openleaf.formats.readalong import ACTIVE_CLASS, PLAYING_CLASS
from openleaf.source.model import sentences_of
from openleaf.source.parser import parse_article
from test_epub import NS, epubcheck_command

SMIL = "http://www.w3.org/ns/SMIL"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
TEXTREF = "{http://www.idpf.org/2007/ops}textref"

BODY = """\
Sun cream protects the skin from burning [@nhs]. Use it every day in summer.

## What to look for

Read the label before you buy a bottle.

| Label | What it means |
|:---|:---|
| SPF 30 | Protects well against burning |
| Four stars | Protects well against ageing |

Choose a cream that says both of these things.

- Put it on thickly.
- Put it on again after swimming.
  1. Dry your skin first.
  2. Then apply a fresh layer.

![A bottle of sun cream with a yellow cap](images/bottle.png "The label is on the back of the bottle")

## Staying in the shade

> The sun is strongest in the middle of the day. Stay in the shade at noon.

::: tip
Wear a hat with a wide brim.
:::

Babies under six months should be kept out of direct sunlight.
"""

REFERENCES = [
    {"id": "nhs", "type": "webpage", "title": "Sunscreen and sun safety", "container-title": "NHS website",
     "URL": "https://www.nhs.uk/live-well/seasonal-health/sunscreen-and-sun-safety/",
     "accessed": {"date-parts": [[2026, 5, 1]]}},
]


def write_source(folder: Path) -> Path:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (40, 80), (240, 200, 20)).save(folder / "images" / "bottle.png")
    return write_article(folder, BODY, name="sun-cream.md", title="Sun Cream Made Simple",
                         authors=["Ana Ruiz"], date="2025-06-01", reviewed="2026-05-02", publisher="Example Clinic",
                         references=REFERENCES,
                         disclaimer="This leaflet is general information. Ask a pharmacist about your skin.")


# --- building and reading the books ------------------------------------------------------------


@dataclass
class Par:
    smil: str  # entry name of its SMIL document
    text: str  # entry name of the content document and fragment: "EPUB/sec-1.xhtml#s-1-1"
    audio: str | None  # entry name of the MP3; None: a reading system's own voice reads the text
    begin_ms: int
    end_ms: int
    element: etree._Element


class ReadAlongBook:
    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        container = etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_name = container.find(".//c:rootfile", NS).get("full-path")
        self.opf = etree.fromstring(self.zip.read(self.opf_name))
        self.base = PurePosixPath(self.opf_name).parent

    def entry(self, href: str, relative_to: str | None = None) -> str:
        folder = PurePosixPath(relative_to).parent if relative_to else self.base
        return str(folder / unquote(href))

    def manifest(self) -> list[etree._Element]:
        return self.opf.findall("opf:manifest/opf:item", NS)

    def items_of_type(self, media_type: str) -> list[etree._Element]:
        return [item for item in self.manifest() if item.get("media-type") == media_type]

    def meta(self, prop: str, refines: str | None = None) -> list[str]:
        return [m.text for m in self.opf.findall("opf:metadata/opf:meta", NS)
                if m.get("property") == prop and m.get("refines") == refines]

    def content_documents(self) -> dict[str, etree._Element]:
        """Spine documents but the navigation document, by entry name."""
        items = {item.get("id"): item for item in self.manifest()}
        docs = {}
        for ref in self.opf.findall("opf:spine/opf:itemref", NS):
            item = items[ref.get("idref")]
            if "nav" not in (item.get("properties") or "").split():
                name = self.entry(item.get("href"))
                docs[name] = etree.fromstring(self.zip.read(name))
        return docs

    def overlays(self) -> dict[str, str]:
        """Content document entry -> its SMIL entry, from the manifest's media-overlay attributes."""
        items = {item.get("id"): item for item in self.manifest()}
        return {self.entry(item.get("href")): self.entry(items[item.get("media-overlay")].get("href"))
                for item in self.manifest() if item.get("media-overlay")}

    def smil(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def pars(self, smil_name: str, heard_only: bool = True) -> list[Par]:
        """The pars of an overlay in order; only those with an audio clip unless ``heard_only`` is False."""
        pars = []
        for par in self.smil(smil_name).iter(f"{{{SMIL}}}par"):
            [text] = par.findall(f"{{{SMIL}}}text")
            audios = par.findall(f"{{{SMIL}}}audio")
            assert len(audios) <= 1
            if audios:
                audio = audios[0]
                pars.append(Par(smil_name, self.entry(text.get("src"), smil_name), self.entry(audio.get("src"), smil_name),
                                clock_ms(audio.get("clipBegin")), clock_ms(audio.get("clipEnd")), par))
            elif not heard_only:
                pars.append(Par(smil_name, self.entry(text.get("src"), smil_name), None, 0, 0, par))
        return pars


def clock_ms(value: str) -> int:
    """A SMIL clock value ("0:01:02.345", "01:02.5", "12.3s") in milliseconds."""
    if value.endswith("ms"):
        return round(float(value[:-2]))
    if value.endswith("s"):
        return round(float(value[:-1]) * 1000)
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return round(seconds * 1000)


def publish(capsys, monkeypatch, source: Path, out: Path, *extra: str) -> Path:
    from openleaf.publish import main

    code = main([str(source), "--out", str(out), "--jobs", "1", "--voice", "espeak", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    [book] = out.glob("*/*.epub")
    return book


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The article published with audio and EPUB: the book with read-along, and the article."""
    root = tmp_path_factory.mktemp("readalong")
    source = write_source(root / "src")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(root / "speech-cache"))
    from openleaf.publish import main

    code = main([str(source), "--out", str(root / "out"), "--formats", "audio,epub", "--voice", "espeak",
                 "--jobs", "1", "--quiet"])
    monkeypatch.undo()
    assert code == 0
    [path] = (root / "out").glob("*/*.epub")
    return ReadAlongBook(path), parse_article(source), root


@pytest.fixture(scope="module")
def book(built) -> ReadAlongBook:
    return built[0]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def by_id(root: etree._Element) -> dict[str, etree._Element]:
    return {e.get("id"): e for e in root.iter() if isinstance(e.tag, str) and e.get("id")}


# --- the overlays ---------------------------------------------------------------------------------


def test_each_content_document_has_one_overlay_that_parses(book):
    docs = book.content_documents()
    overlays = book.overlays()
    assert set(overlays) == set(docs), "a content document without an overlay, or an overlay without one"
    smil_items = book.items_of_type("application/smil+xml")
    assert len(smil_items) == len(docs)
    for name in overlays.values():
        root = book.smil(name)
        assert root.tag == f"{{{SMIL}}}smil" and root.get("version") == "3.0"
        assert book.pars(name), f"{name} has no par"


def test_every_text_src_names_an_element_of_its_own_document(book):
    docs = book.content_documents()
    for doc_name, smil_name in book.overlays().items():
        ids = by_id(docs[doc_name])
        for par in book.pars(smil_name, heard_only=False):
            target, _, fragment = par.text.partition("#")
            assert target == doc_name, f"{par.text} in the overlay of {doc_name}"
            assert fragment in ids, f"{par.text} names no element"
        for seq in book.smil(smil_name).iter(f"{{{SMIL}}}seq"):
            target, _, fragment = book.entry(seq.get(TEXTREF), smil_name).partition("#")
            assert target == doc_name and (not fragment or fragment in ids), seq.get(TEXTREF)


def test_pars_follow_the_document_order(book):
    docs = book.content_documents()
    for doc_name, smil_name in book.overlays().items():
        position = {e.get("id"): n for n, e in enumerate(docs[doc_name].iter()) if e.get("id")}
        order = [position[par.text.partition("#")[2]] for par in book.pars(smil_name, heard_only=False)]
        assert order == sorted(order) and len(set(order)) == len(order), f"{smil_name} jumps back"


def test_every_clip_lies_inside_its_chapter_file(book, tmp_path):
    mp3s = {book.entry(item.get("href")) for item in book.items_of_type("audio/mpeg")}
    lengths = {}
    for name in mp3s:
        (tmp_path / "a.mp3").write_bytes(book.zip.read(name))
        info = soundfile.info(str(tmp_path / "a.mp3"))
        lengths[name] = info.frames / info.samplerate * 1000
    used = set()
    for smil_name in book.overlays().values():
        for par in book.pars(smil_name):
            assert par.audio in mp3s, f"{par.audio} is not in the manifest"
            assert 0 <= par.begin_ms < par.end_ms <= lengths[par.audio], (par.text, par.begin_ms, par.end_ms)
            used.add(par.audio)
    assert used == mp3s, "an MP3 the overlays never play"


def test_overlay_durations_add_up_to_the_declared_total(book):
    [total] = book.meta("media:duration")
    declared = 0
    for item in book.items_of_type("application/smil+xml"):
        [duration] = book.meta("media:duration", refines=f"#{item.get('id')}")
        played = sum(par.end_ms - par.begin_ms for par in book.pars(book.entry(item.get("href"))))
        assert abs(clock_ms(duration) - played) <= 1000, item.get("href")
        declared += clock_ms(duration)
    assert abs(declared - clock_ms(total)) <= 1000
    # The book plays as long as the audio edition's chapter files together.
    assert clock_ms(total) > 20_000


def test_every_sentence_heading_row_and_image_description_is_a_par(book, built):
    _, article, _ = built
    named = {par.text.partition("#")[2] for smil in book.overlays().values() for par in book.pars(smil)}
    for section in article.sections:
        assert section.id in named, f"heading {section.id}"
        for sentence in sentences_of(section.blocks):
            assert sentence.id in named, sentence.text
    for sentence in sentences_of(article.intro):
        assert sentence.id in named
    docs = book.content_documents()
    xhtml = "{http://www.w3.org/1999/xhtml}"
    for root in docs.values():
        for element in root.iter(f"{xhtml}tr", f"{xhtml}figure", f"{xhtml}li"):
            inside = {e.get("id") for e in element.iter() if e.get("id")}
            assert inside & named, etree.tostring(element, encoding="unicode")[:120]


def read_along_words(body: etree._Element, named: set[str]) -> tuple[int, int]:
    """(words inside an element a par names, all words) of a document's body."""
    counts = [0, 0]

    def count(text: str | None, inside: bool) -> None:
        n = len(words(text or ""))
        counts[0] += n * inside
        counts[1] += n

    def walk(element: etree._Element, inside: bool) -> None:
        inside = inside or element.get("id") in named
        count(element.text, inside)
        for child in element:
            if isinstance(child.tag, str):
                walk(child, inside)
            count(child.tail, inside)

    walk(body, False)
    return counts[0], counts[1]


def test_at_least_95_percent_of_each_documents_words_are_in_an_element_a_par_names(book):
    docs = book.content_documents()
    for doc_name, smil_name in book.overlays().items():
        named = {par.text.partition("#")[2] for par in book.pars(smil_name, heard_only=False)}
        covered, total = read_along_words(docs[doc_name].find("x:body", NS), named)
        share = covered / total
        print(f"{doc_name}: {share:.1%} of {total} words")
        assert share >= 0.95, f"{doc_name}: only {share:.1%} of {total} words are read along"


def test_only_what_the_audio_does_not_say_is_left_to_the_reading_systems_voice(book, built):
    _, _, root = built
    [timeline] = (root / "out").glob("*/audio/*.timeline.json")
    heard = {entry["id"] for entry in json.loads(timeline.read_text(encoding="utf-8"))}
    unheard = [par.text.partition("#")[2] for smil in book.overlays().values()
               for par in book.pars(smil, heard_only=False) if par.audio is None]
    # The first publication date and the introduction's heading are shown, not said; the publisher is said.
    assert unheard == ["published", "intro-title"]
    assert not heard & set(unheard)
    named = {par.text.partition("#")[2] for smil in book.overlays().values() for par in book.pars(smil)}
    assert heard <= named | {"key-points", "references", "disclaimer"}  # parts announced by their heading


def test_references_tables_and_the_disclaimer_can_be_skipped(book):
    types = {}
    for smil_name in book.overlays().values():
        for element in book.smil(smil_name).iter(f"{{{SMIL}}}seq", f"{{{SMIL}}}par"):
            if element.get(EPUB_TYPE):
                types.setdefault(element.get(EPUB_TYPE), []).append(smil_name)
    assert types["bibliography"] == ["EPUB/references.smil"]
    assert types["note"] == ["EPUB/disclaimer.smil"]  # a skippable structure in EPUB Media Overlays
    assert "table" in types and "table-row" in types


# --- the package ----------------------------------------------------------------------------------


def test_the_package_names_the_active_classes_and_the_style_sheet_styles_them(book):
    assert book.meta("media:active-class") == [ACTIVE_CLASS]
    assert book.meta("media:playback-active-class") == [PLAYING_CLASS]
    [css] = [book.zip.read(book.entry(item.get("href"))).decode() for item in book.items_of_type("text/css")]
    rule = re.search(rf"\.{re.escape(ACTIVE_CLASS)}\s*\{{([^}}]*)\}}", css)
    assert rule and "outline" in rule.group(1) and "underline" in rule.group(1)
    assert PLAYING_CLASS in css


def test_the_accessibility_metadata_says_the_book_reads_aloud(book):
    assert "auditory" in book.meta("schema:accessMode")
    assert "synchronizedAudioText" in book.meta("schema:accessibilityFeature")
    sufficient = book.meta("schema:accessModeSufficient")
    assert {"textual", "auditory", "textual,visual"} <= set(sufficient)  # the article has an image
    [summary] = book.meta("schema:accessibilitySummary")
    assert "reads itself aloud" in summary and "makes a sound" not in summary


def test_epubcheck_finds_no_errors_and_no_warnings(book, tmp_path):
    report = tmp_path / "report.json"
    subprocess.run([*epubcheck_command(), str(book.path), "--json", str(report)], check=False, capture_output=True,
                   timeout=300)
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    problems = [m for m in messages if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert not problems, json.dumps(problems, indent=1)[:3000]


def ace_command() -> str | None:
    """DAISY Ace (npm @daisy/ace): ``$OPENLEAF_ACE`` or ``ace-puppeteer`` on the PATH.

    .ci/run installs it from the npm registry (a few minutes, once per machine); elsewhere the test is
    skipped where Ace is not installed, and fails in CI.
    """
    return os.environ.get("OPENLEAF_ACE") or shutil.which("ace-puppeteer")


def test_daisy_ace_finds_no_violations(book, tmp_path):
    ace = ace_command()
    require_tool(ace is not None, "DAISY Ace (npm @daisy/ace; set OPENLEAF_ACE to its ace-puppeteer)")
    environment = {**os.environ, "ACE_TIMEOUT_INITIAL": "60000"}
    if Path("/usr/bin/chromium").exists():
        environment.setdefault("PUPPETEER_EXECUTABLE_PATH", "/usr/bin/chromium")
    run = subprocess.run([ace, "-f", "-s", "-o", str(tmp_path / "ace"), str(book.path)], check=False, env=environment,
                         capture_output=True, text=True, timeout=600)
    report = json.loads((tmp_path / "ace" / "report.json").read_text(encoding="utf-8"))
    violations = [a for document in report.get("assertions", []) for a in document.get("assertions", [])]
    titles = [v["earl:test"]["dct:title"] for v in violations]
    assert report["earl:result"]["earl:outcome"] == "pass" and not violations, (titles, run.stderr[-2000:])


# --- without read-along -----------------------------------------------------------------------------


def audio_and_overlays(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        opf = next(n for n in names if n.endswith(".opf"))
        package = archive.read(opf).decode()
    found = [n for n in names if n.endswith((".mp3", ".smil"))]
    found += [word for word in ("media-overlay", "media:duration", "synchronizedAudioText") if word in package]
    return found


def test_no_read_along_gives_a_small_text_only_book(built, capsys, monkeypatch, tmp_path):
    book, _, root = built
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(root / "speech-cache"))
    path = publish(capsys, monkeypatch, root / "src" / "sun-cream.md", tmp_path / "out",
                   "--formats", "audio,epub", "--no-read-along")
    assert audio_and_overlays(path) == []
    assert (path.parent / "audio").is_dir()  # the audio is still made, beside the book
    assert path.stat().st_size < book.path.stat().st_size / 3


def test_a_book_made_without_audio_has_none(built, capsys, monkeypatch, tmp_path):
    _, _, root = built
    path = publish(capsys, monkeypatch, root / "src" / "sun-cream.md", tmp_path / "out", "--formats", "epub")
    assert audio_and_overlays(path) == []


# --- what the clips say -----------------------------------------------------------------------------


from test_audio import whisper  # noqa: E402,F401 - the offline recogniser, one fixture for every test file


@pytest.fixture(scope="module")
def spoken_by_piper(built) -> ReadAlongBook:
    """The same article in the default voice: the recogniser mishears espeak-ng too often to judge a clip."""
    _, _, root = built
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(root / "piper-cache"))
    from openleaf.publish import main

    code = main([str(root / "src" / "sun-cream.md"), "--out", str(root / "piper"), "--formats", "audio,epub",
                 "--jobs", "1", "--quiet"])
    monkeypatch.undo()
    assert code == 0
    [path] = (root / "piper").glob("*/*.epub")
    return ReadAlongBook(path)


def test_random_clips_say_their_own_sentence(spoken_by_piper, whisper, tmp_path):
    book = spoken_by_piper
    docs = book.content_documents()
    sentences = []
    for doc_name, smil_name in book.overlays().items():
        ids = by_id(docs[doc_name])
        for par in book.pars(smil_name):
            element = ids[par.text.partition("#")[2]]
            text = " ".join("".join(element.itertext()).split())
            if "s" in (element.get("class") or "").split() and len(words(text)) >= 5:
                sentences.append((par, text))
    def content_words(text: str) -> list[str]:
        return [w for w in words(re.sub(r"\[\d+\]", "", text)) if len(w) > 3]

    def share_heard(text: str, heard: set[str]) -> float:
        return sum(w in heard for w in content_words(text)) / max(1, len(content_words(text)))

    for par, text in random.Random(11).sample(sentences, 3):
        (tmp_path / "clip.mp3").write_bytes(book.zip.read(par.audio))
        samples, rate = soundfile.read(str(tmp_path / "clip.mp3"), dtype="float64", always_2d=False)
        clip = samples[par.begin_ms * rate // 1000 : par.end_ms * rate // 1000]
        clip_file = tmp_path / f"clip-{len(list(tmp_path.glob('clip-*')))}.wav"
        soundfile.write(str(clip_file), clip, rate)
        heard = set(words(whisper(clip_file)))
        # The clip is its own sentence: most of it is heard, and no other sentence of the book is
        # heard better. (Piper's random draw can cost a short sentence two of its four words, as
        # "wide brim" heard "white broom"; a clip cut at the wrong times is heard as another sentence.)
        own = share_heard(text, heard)
        best_other = max(share_heard(other, heard) for _, other in sentences if other != text)
        assert own >= 0.5 and own >= best_other, f"{par.text}: expected {text!r}, heard {sorted(heard)}"
