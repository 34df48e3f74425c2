"""Bad sources: one clear line per problem, naming file, line and fix; exit 65; nothing written.

The corpus lives in tests/bad_sources/ (one broken article per file); the
table below says what each must report. Sources too big to commit (20 MB,
500 nested levels, a 10,000-word sentence) are generated into tmp.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, write_article
from openleaf.publish import main
from openleaf.source.errors import ExitCode, InputError, SourceError
from openleaf.source.model import sentences_of
from openleaf.source.body import LONG_SENTENCE_WORDS, MAX_NESTING
from openleaf.source.limits import MAX_BYTES
from openleaf.source.parser import parse_article, parse_text

CORPUS = REPO / "tests" / "bad_sources"

# file → [(line, what the message says)], in the order they are reported
EXPECTED = {
    "empty.md": [(1, "the file is empty")],
    "no-front-matter.md": [(1, "no front matter")],
    "unclosed-front-matter.md": [(1, "front matter is not closed")],
    "yaml-syntax-error.md": [(2, "a '[' is not closed")],
    "yaml-colon-in-title.md": [(2, "a ':' where YAML does not expect one")],
    "yaml-tab-indent.md": [(5, "a tab character")],
    "yaml-quote-inside-quotes.md": [(2, "text goes on after a closing quote")],
    "yaml-bad-indent.md": [(6, "this line is not indented like the lines above it")],
    "yaml-is-a-list.md": [(2, "front matter is a list, not a set of keys")],
    "yaml-python-tag.md": [(2, "the YAML tag '!!python/object/apply:os.system' is not allowed")],
    "yaml-invalid-date.md": [(5, "'2026-02-30' is not a real date")],
    "missing-title.md": [(1, "missing 'title'")],
    "missing-lang.md": [(1, "missing 'lang'")],
    "invalid-lang.md": [(3, "'lang: English' is not a BCP 47 language tag")],
    "unknown-citation-key.md": [(13, "unknown citation key '@nhs2032'")],
    "malformed-citation.md": [(13, "malformed citation '[@nhs2023 @nhs2023]'")],
    "duplicate-reference-id.md": [(10, "duplicate reference id 'nhs2023' (first on line 6)")],
    "reference-without-title.md": [(6, "reference 'nhs2023' has no title")],
    "reference-bad-author.md": [(8, "reference 'nhs2023': 'author' must be a list of names")],
    "heading-level-one.md": [(8, "a '#' heading in the body")],
    "heading-without-text.md": [(8, "a heading without text")],
    "image-missing.md": [(8, "image 'images/mirror.png' not found")],
    "image-without-alt.md": [(8, "image 'images/foot.svg' has no alt text")],
    "image-leaves-folder.md": [(8, "image '../../README.md' leaves the article's folder")],
    "image-not-a-picture.md": [(8, "is not really a PNG picture")],
    "unknown-callout.md": [(8, "unknown callout '::: danger'")],
    "unsupported-citation-style.md": [(5, "unsupported citation-style 'harvard-my-clinic'")],
    "not-utf8.md": [(2, "not UTF-8 text (byte 0xE9, perhaps 'é'"), (5, "not UTF-8 text (byte 0xE9")],
    "binary-file.md": [(1, "this is a PNG image, not a Markdown article")],
    "utf16.md": [(1, "the file is saved as UTF-16 text")],
    # a date YAML cannot build no longer hides the article's other problems
    "bad-date-among-others.md": [(4, "'2026-13-45' is not a real date"), (9, "unknown citation key '@sfed2021'")],
    "several-problems.md": [
        (1, "missing 'title'"),
        (9, "a '#' heading in the body"),
        (11, "unknown citation key '@nhs2024'"),
        (13, "has no alt text"),
    ],
}

# FILE:LINE:COL: message; hint   (one line, both parts said)
DIAGNOSTIC_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>[^;\n]+); (?P<hint>[^\n]+)$")


def diagnostics_of(path: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    return caught.value.lines()


def check_lines(lines: list[str], path: Path, expected: list[tuple[int, str]]) -> None:
    assert len(lines) == len(expected), lines
    for text, (line, fragment) in zip(lines, expected):
        match = DIAGNOSTIC_LINE.match(text)
        assert match, f"not FILE:LINE:COL: message; hint: {text!r}"
        assert match["file"] == str(path)
        assert int(match["line"]) == line, text
        assert int(match["col"]) >= 1
        assert fragment in match["message"], text
        assert len(match["hint"]) > 10, text  # says how to fix it


def publish(capsys, *args, quiet: bool = True) -> tuple[int, str, str]:
    code = main([*map(str, args)] + (["--quiet"] if quiet else []))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_every_file_in_the_corpus_has_an_expectation():
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_parser_reports_each_problem_with_its_line_and_a_fix(name):
    path = CORPUS / name
    check_lines(diagnostics_of(path), path, EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_publish_prints_one_line_per_problem_exits_65_and_writes_nothing(name, tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = publish(capsys, CORPUS / name, "--out", out, "--formats", "html")
    assert code == ExitCode.SOURCE == 65
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith(str(CORPUS / name) + ":")]
    check_lines(problems, CORPUS / name, EXPECTED[name])
    assert files_in(out) == []


# --- generated sources -------------------------------------------------------------------


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.write(b"---\ntitle: Huge\nlang: en\n---\n")
        handle.write(b"Too much text here. " * (20_000_000 // 20))
    assert path.stat().st_size > MAX_BYTES
    check_lines(diagnostics_of(path), path, [(1, f"above the {MAX_BYTES / 1e6:g} MB limit for one article")])
    with pytest.raises(SourceError, match="MB limit"):
        parse_text(path.read_bytes(), path)  # the same limit when the bytes are handed over
    code, _, err = publish(capsys, path, "--out", tmp_path / "out", "--formats", "html")
    assert code == 65 and "MB limit" in err and files_in(tmp_path / "out") == []


def test_a_file_just_under_the_limit_is_read(article_folder):
    filler = "Walk for ten minutes after meals. " * ((MAX_BYTES - 2000) // 34)
    article = parse_article(write_article(article_folder, filler))
    assert len(sentences_of(article.intro)) > 50_000


def test_lists_nested_500_levels_are_an_error_not_a_crash_or_silent_loss(article_folder, tmp_path, capsys):
    body = "".join("  " * level + f"- level {level}\n" for level in range(500))
    path = write_article(article_folder, body)
    check_lines(diagnostics_of(path), path, [(6 + MAX_NESTING, f"nested more than {MAX_NESTING} levels deep")])
    code, _, err = publish(capsys, path, "--out", tmp_path / "out", "--formats", "html")
    assert code == 65 and "Traceback" not in err and files_in(tmp_path / "out") == []


def test_quotes_nested_500_levels_are_an_error_too(article_folder):
    path = write_article(article_folder, "Intro.\n\n" + ">" * 500 + " deep\n")
    check_lines(diagnostics_of(path), path, [(8, f"nested more than {MAX_NESTING} levels deep")])


def test_lists_nested_to_the_limit_keep_every_item(article_folder):
    body = "".join("  " * level + f"- level {level}\n" for level in range(MAX_NESTING))
    article = parse_article(write_article(article_folder, body))
    assert [s.text for s in sentences_of(article.intro)] == [f"level {n}" for n in range(MAX_NESTING)]


def test_a_10000_word_sentence_is_kept_whole_with_a_warning(article_folder, tmp_path, capsys):
    """Accepted: it is the author's text. The splitter keeps it as one sentence (one id);
    the speech writer cuts long sentences into pieces it can synthesise."""
    sentence = "Word " + " ".join(["word"] * 9_999) + "."
    path = write_article(article_folder, f"Short first sentence. {sentence} Short last one.\n")
    article = parse_article(path)
    texts = [s.text for s in sentences_of(article.intro)]
    assert texts == ["Short first sentence.", sentence, "Short last one."]
    assert any("a sentence of 10,000 words" in str(w) for w in article.warnings)
    assert LONG_SENTENCE_WORDS < 10_000

    out = tmp_path / "out"
    code, _, err = publish(capsys, path, "--out", out, "--formats", "html", quiet=False)
    assert code == 0, err
    assert f"{path}:6:1: a sentence of 10,000 words" in err
    (page,) = [p for p in files_in(out) if p.suffix == ".html"]
    assert page.read_text(encoding="utf-8").count("word word") > 4000


def test_a_long_run_of_punctuation_does_not_stall_the_splitter(article_folder):
    article = parse_article(write_article(article_folder, "Wait" + "." * 200_000 + " Then go.\n"))
    assert [s.text[-9:] for s in sentences_of(article.intro)] == [".........", "Then go."]


# --- other hostile shapes that used to crash ---------------------------------------------


@pytest.mark.parametrize(
    "front, on_line_with, fragment",
    [
        ({"references": [{"id": "a", "title": "A", "issued": {"date-parts": [["spring"]]}}]}, "issued:",
         "reference 'a': 'issued' is not a date"),
        ({"references": [{"id": "a b", "title": "A"}]}, "id: a b", "reference id 'a b' cannot be cited"),
        ({"references": [{"id": "a", "title": "A"}, {"id": "A", "title": "B"}]}, "id: A",
         "duplicate reference id 'A' (first on line 6) ('a' differs only in capital letters)"),
        ({"authors": 5}, "authors:", "'authors' must be a list of names"),
        ({"date": [2024]}, "date:", "'date: [2024]' is not a date"),
        ({"key_points": [{"a": "b"}]}, "- a: b", "key point 1 has ': ' in it, which YAML reads as 'key: value'; "
         'put the key point in quotes: - "…: …"'),
        ({"key_points": [{"a": ["b"]}]}, "- a:", "key point 1 must be text"),
        ({"pronounce": {"A1C": ["A", "one", "C"]}}, "A1C:", "how to say 'A1C' must be text"),
        ({"citation_style": "../../../../etc/passwd"}, "citation-style:", "unsupported citation-style"),
    ],
)
def test_odd_front_matter_values_are_diagnostics(article_folder, front, on_line_with, fragment):
    path = write_article(article_folder, "Text [@a].\n" if "references" in front else "Text.\n", **front)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if on_line_with in text)
    lines = diagnostics_of(path)
    assert f":{line}:" in lines[0] and fragment in lines[0], lines  # the first, in line order


def test_an_impossible_date_in_a_reference_is_reported_where_it_is_written(article_folder):
    # YAML reads "2026-02-30" as a date it cannot build; kept as text, it must not be published as one.
    path = article_folder / "refs.md"
    article_folder.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: T\nlang: en\ndisclaimer: x\nreferences:\n  - id: a\n    title: A study\n"
                    "    issued: 2026-02-30\n---\n## S\n\nText [@a].\n", encoding="utf-8")
    assert diagnostics_of(path) == [f"{path}:8:5: reference 'a': '2026-02-30' is not a real date; "
                                    "write it as YYYY-MM-DD, e.g. 2026-11-01, or a year such as 2024"]


def test_a_name_written_as_plain_text_is_a_literal_name(article_folder):
    refs = [{"id": "who", "title": "Diabetes", "author": "World Health Organization", "issued": 2023}]
    article = parse_article(write_article(article_folder, "See [@who].\n", references=refs))
    assert article.references[0].text.startswith("World Health Organization. Diabetes.")
    assert "2023" in article.references[0].text


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("---\ntitle: T\nlang: en\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nHi.\n", "nested more than 32 levels"),
        ("---\ntitle: T\nlang: en\nn: " + "9" * 5000 + "\n---\nHi.\n", "is not a usable number"),
        ("---\ntitle: T\nlang: en\nx: &a [*a]\n---\nHi.\n", "refers to the value that contains it"),
        ("+++\ntitle = 'T'\n+++\nHi.\n", "TOML"),
        ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is a PDF file"),
        ("---\ntitle: T\nlang: en\n---\n" + "*" * 5000 + "x" + "*" * 5000 + "\n", None),
        ("---\ntitle: T\nlang: en\n---\n[a](http://[broken) and ![b](http://[broken)\n", "is not a file inside"),
        ("---\ntitle: T\nlang: en\n---\n![A](a%00b.png)\n", "is not a usable file name"),
    ],
)
def test_shapes_that_used_to_crash_the_parser(tmp_path, text, fragment):
    raw = text.encode("utf-8") if not text.startswith("%PDF") else text.encode("latin-1")
    if fragment is None:
        parse_text(raw, tmp_path / "a.md")  # parses: emphasis 5,000 deep is flattened, its text kept
        return
    with pytest.raises(SourceError) as caught:
        parse_text(raw, tmp_path / "a.md")
    assert fragment in str(caught.value)
    assert all(DIAGNOSTIC_LINE.match(line) for line in caught.value.lines())


def test_control_characters_are_removed_with_a_warning_naming_the_line(article_folder):
    path = write_article(article_folder, "Line one.\n\nBad \x0b\x1b[31mred\x00 text.\n")
    article = parse_article(path)
    assert [s.text for s in sentences_of(article.intro)] == ["Line one.", "Bad [31mred text."]
    assert any(":8:5: invisible control character U+000B removed" in str(w) for w in article.warnings)


def test_reference_ids_with_capitals_are_formatted(article_folder):
    refs = [{"id": "Ford2013", "type": "book", "title": "The Everything Guide", "publisher": "Adams Media"}]
    article = parse_article(write_article(article_folder, "See [@Ford2013].\n", references=refs))
    assert "The Everything Guide" in article.references[0].text
    assert article.references[0].key == "Ford2013"


def test_a_missing_file_and_a_folder_are_input_errors(tmp_path, capsys):
    code, _, err = publish(capsys, tmp_path / "nowhere.md", "--out", tmp_path / "out")
    assert code == ExitCode.NO_INPUT == 66 and "no such file" in err and "Traceback" not in err
    code, _, err = publish(capsys, tmp_path / "nowhere", "--out", tmp_path / "out")
    assert code == 66 and "Traceback" not in err


def test_the_corpus_can_be_copied_and_still_says_the_same(tmp_path):
    """Expectations depend on the file, not on where the corpus lives."""
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    for name in ("several-problems.md", "not-utf8.md"):
        check_lines(diagnostics_of(copy / name), copy / name, EXPECTED[name])


def test_thousands_of_problems_are_summarised_after_the_first_hundred(tmp_path):
    with pytest.raises(SourceError) as caught:
        parse_text("---\ntitle: T\nlang: en\n---\n" + "See [@nobody]. " * 5000, tmp_path / "a.md")
    lines = caught.value.lines()
    assert len(caught.value.diagnostics) == 5000 and len(lines) == 101
    assert lines[-1].endswith("4,900 more problems not shown; fix the ones above and publish again")


# --- faults: a failed run never costs a good earlier output ----------------------------------


def test_an_output_folder_that_cannot_be_made_is_a_clear_error_before_any_work(article_folder, tmp_path, capsys):
    path = write_article(article_folder, "Hello there.\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = publish(capsys, path, "--out", blocker / "out", "--formats", "html")
    assert code == ExitCode.OUTPUT == 73
    assert f"{blocker / 'out'}: cannot create the output folder" in err and "Traceback" not in err


@pytest.fixture
def good_build(article_folder, tmp_path, capsys):
    """An article published once to HTML; returns (source, out, page, page bytes)."""
    path = write_article(article_folder, "Hello there.\n", name="leaflet.md")
    out = tmp_path / "out"
    code, _, err = publish(capsys, path, "--out", out, "--formats", "html")
    assert code == 0, err
    page = out / "leaflet" / "leaflet.html"
    return path, out, page, page.read_bytes()


def test_a_source_broken_after_a_good_build_keeps_the_good_output(good_build, capsys):
    path, out, page, before = good_build
    path.write_text(path.read_text().replace("Hello there.", "# Hello there.\n\n![](gone.png)"), encoding="utf-8")
    code, _, err = publish(capsys, path, "--out", out, "--formats", "html")
    assert code == 65 and "a '#' heading in the body" in err and "has no alt text" in err
    assert page.read_bytes() == before
    assert [p.name for p in page.parent.iterdir() if p.name.endswith(".part")] == []


def test_a_writer_that_fails_midway_leaves_no_partial_file_and_keeps_the_old_one(good_build, tmp_path, capsys):
    path, out, page, before = good_build
    theme = tmp_path / "broken-theme"
    (theme / "html").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "broken"\nextends = "large-print"\n')
    (theme / "html" / "page.html.j2").write_text("{{ article.title }} {{ nothing.at.all }}")
    path.write_text(path.read_text().replace("Hello there.", "Hello again."), encoding="utf-8")
    code, _, err = publish(capsys, path, "--out", out, "--formats", "html", "--theme", theme)
    assert code == ExitCode.THEME == 78 and "'nothing' is undefined" in err and "Traceback" not in err
    assert page.read_bytes() == before
    assert sorted(p.name for p in page.parent.iterdir() if not p.name.startswith(".openleaf")) == ["leaflet.html"]


def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "article.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file"):
        parse_article(fifo)


class RecordingEngine:
    """A real engine that also notes every text it is asked to say."""

    def __init__(self, engine):
        self.engine, self.texts = engine, []
        self.name, self.sample_rate, self.rate = engine.name, engine.sample_rate, getattr(engine, "rate", 1.0)
        self.voice = getattr(engine, "voice", "")

    def synthesize(self, text: str):
        self.texts.append(text)
        return self.engine.synthesize(text)


def test_a_very_long_sentence_is_spoken_in_pieces_an_engine_can_take(article_folder):
    from openleaf.formats.audio.engines import get_engine
    from openleaf.formats.audio.script import build_script
    from openleaf.formats.audio.speech import MAX_PIECE_CHARS, speak

    sentence = "Walking " + ", ".join(["it helps the body use insulin"] * 100) + "."
    article = parse_article(write_article(article_folder, sentence + "\n"))
    engine = RecordingEngine(get_engine("espeak", "en-US"))
    spoken = speak(build_script(article), engine, None)
    seconds = sum(len(segment.samples) for segment in spoken.segments) / spoken.sample_rate
    assert max(len(text) for text in engine.texts) <= MAX_PIECE_CHARS
    said = " ".join(engine.texts)
    assert said.count("insulin") == 100  # every word is said, once
    assert seconds > 60  # ~600 words take minutes, not seconds


# --- changes needed in files owned elsewhere (green once they land) -------------------------


def test_format_references_finds_ids_with_capitals():
    from openleaf.source.references import format_references

    ((text, html),) = format_references([{"id": "Ford2013", "type": "book", "title": "The Guide"}],
                                        "american-medical-association")
    assert "The Guide" in text and "The Guide" in html


def test_a_reference_without_a_type_is_not_called_a_preprint(article_folder):
    refs = [{"id": "doe2020", "title": "Foot care", "issued": {"date-parts": [[2020]]}}]
    article = parse_article(write_article(article_folder, "See [@doe2020].\n", references=refs))
    assert "Preprint" not in article.references[0].text


@pytest.mark.parametrize("nickname", ["AMA", "vancouver", "Harvard", "mla", "chicago", "american-medical-assocation"])
def test_a_style_nickname_or_typo_is_an_error_that_names_a_style_that_works(article_folder, nickname):
    (line,) = diagnostics_of(write_article(article_folder, "Text.\n", citation_style=nickname))
    suggested = re.search(r"did you mean '([a-z0-9-]+)'\?", line).group(1)
    article = parse_article(write_article(article_folder, "Text.\n", citation_style=suggested))
    assert article.citation_style == suggested


def test_a_style_citeproc_cannot_use_is_named_as_the_problem(article_folder):
    """chicago-notes is a real CSL style, but citeproc-py fails on it: the style is at fault."""
    refs = [{"id": "a", "type": "book", "title": "Foot care"}]
    path = write_article(article_folder, "See [@a].\n", references=refs, citation_style="chicago-notes")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("citation-style"))
    check_lines(diagnostics_of(path), path, [(line, "the citation-style 'chicago-notes' cannot be used")])


def test_a_reference_one_style_cannot_format_is_named_when_the_others_can_be(article_folder):
    refs = [{"id": "web", "type": "webpage", "title": "Foot care", "URL": "https://example.org/"},
            {"id": "who", "type": "book", "title": "Diabetes", "author": [{"family": "Doe", "given": "J."}],
             "publisher": "P", "issued": {"date-parts": [[2020]]}}]
    path = write_article(article_folder, "See [@web] and [@who].\n", references=refs,
                         citation_style="biological-journal-of-the-linnean-society")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "id: who" in text)
    check_lines(diagnostics_of(path), path, [(line, "reference 'who' cannot be formatted")])
