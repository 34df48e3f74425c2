"""What a new user trips over: warnings that vanish, typos in --voice and --formats, a summary that counts
the wrong thing, a flood of voices, an --out that is a file, a huge or endless source, an empty --out."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHORT_BODY, run_cli, write_article
from openleaf.source.errors import ExitCode, SourceError
from openleaf.source.limits import MAX_BYTES
from openleaf.source.parser import parse_article

BODY = SHORT_BODY
run = run_cli
pytestmark = pytest.mark.usefixtures("speech_cache")


def warnings_in(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.endswith("  (warning)")]


def one_usage_line(code: int, out: str, err: str) -> str:
    assert code == ExitCode.USAGE, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("publish: error: ")
    return lines[0]


# --- 1. warnings are shown on every run, not only on the run that parsed the article ---------------


def test_an_unchanged_article_shows_its_warnings_again(capsys, tmp_path):
    source = write_article(tmp_path, "Drink <b>water</b> often.\n", disclaimner="typo")
    argv = (source, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1")
    _, _, first = run(capsys, *argv)
    assert any("raw HTML '<b>'" in line for line in warnings_in(first))
    assert any("'disclaimner'" in line for line in warnings_in(first))

    code, _, again = run(capsys, *argv, "--json", tmp_path / "report.json")
    assert code == ExitCode.OK
    assert warnings_in(again) == warnings_in(first), "the rerun must show the same warnings, each once"
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["articles"][0]["outputs"][0]["status"] == "unchanged"
    assert [f"{w}  (warning)" for w in report["articles"][0]["warnings"]] == warnings_in(first)


def test_a_writers_warning_is_kept_with_its_output_and_shown_again(capsys, tmp_path):
    source = write_article(tmp_path, "An ancient sign: \U00013000 here.\n")  # no installed font has it
    argv = (source, "--out", tmp_path / "out", "--formats", "pdf", "--jobs", "1")
    _, _, first = run(capsys, *argv)
    font = [line for line in warnings_in(first) if "no installed font" in line]
    assert font and font[0].startswith(f"{source}: PDF: "), first  # named once, as the user named it
    assert not [line for line in warnings_in(first) if "notdef" in line], "WeasyPrint's raw words, shown as well"

    _, _, again = run(capsys, *argv, "--json", tmp_path / "report.json")
    assert [line for line in warnings_in(again) if "no installed font" in line] == font
    output = json.loads((tmp_path / "report.json").read_text())["articles"][0]["outputs"][0]
    assert output["status"] == "unchanged"
    assert any("no installed font" in w for w in output["warnings"])


def test_warnings_name_the_article_as_this_run_names_it(capsys, tmp_path, monkeypatch):
    write_article(tmp_path, "Drink <b>water</b> often.\n", name="water.md")
    monkeypatch.chdir(tmp_path)
    run(capsys, "water.md", "--out", "out", "--formats", "html", "--jobs", "1")
    _, _, again = run(capsys, tmp_path / "water.md", "--out", "out", "--formats", "html", "--jobs", "1")
    assert warnings_in(again) and all(line.startswith(f"{tmp_path / 'water.md'}:") for line in warnings_in(again))


# --- 2. --voice is checked before any work ---------------------------------------------------------


def test_a_misspelt_speech_engine_is_refused_up_front_with_a_suggestion(capsys, tmp_path, speech_cache):
    source = write_article(tmp_path, BODY)
    line = one_usage_line(*run(capsys, source, "--out", tmp_path / "out", "--voice", "espek"))
    assert "'espek'" in line and "did you mean 'espeak'?" in line
    assert "piper" in line and "espeak" in line and "gtts" in line
    assert not (tmp_path / "out").exists() and not speech_cache.exists()


def test_an_unknown_voice_name_is_refused_up_front(capsys, tmp_path):
    source = write_article(tmp_path, BODY)
    line = one_usage_line(*run(capsys, source, "--out", tmp_path / "out", "--voice", "espeak:xx-nonsense"))
    assert "espeak has no voice 'xx-nonsense'" in line and "publish voices" in line
    assert not (tmp_path / "out").exists()


def test_the_voice_is_not_checked_when_no_audio_is_made(capsys, tmp_path):
    source = write_article(tmp_path, BODY)
    code, _, err = run(capsys, source, "--out", tmp_path / "out", "--formats", "html", "--voice", "espek", "--jobs", "1")
    assert code == ExitCode.OK, err


def test_every_voice_publish_voices_lists_passes_the_check(capsys):
    from openleaf.pipeline.requests import voice

    _, out, _ = run(capsys, "voices")
    listed = [line.split()[0] for line in out.splitlines() if line and not line.startswith("#")]
    assert len(listed) > 100
    for name in listed:
        voice(name)  # raises UsageError for a voice the check refuses
    # What the engines also take: a language for espeak, any case for the engine name.
    for name in ("espeak:en", "Espeak:DE", "piper"):
        voice(name)


def test_every_engine_the_registry_lists_has_a_class_that_speaks():
    from openleaf.formats.audio import engines
    from openleaf.formats.registry import ENGINES

    assert set(engines._ENGINES) == set(ENGINES)


# --- 3. the summary counts articles, then outputs ---------------------------------------------------


def summary_of(out: str) -> str:
    line = out.strip().splitlines()[-1]
    return re.sub(r" in \d+\.\d s.*", "", line)


def test_a_failed_article_is_counted_as_an_article(capsys, tmp_path):
    source = write_article(tmp_path, "## Intro\n\nSee [@nobody].\n")
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, source, "--out", out, "--voice", "espeak", "--jobs", "1")
    assert code == ExitCode.SOURCE
    assert summary_of(stdout) == (f"Published 0 of 1 article into {out}/: 1 failed "
                                  "(outputs: 0 written, 0 unchanged, 4 failed)")  # fmt: skip


def test_the_summary_counts_published_and_failed_articles(capsys, tmp_path):
    write_article(tmp_path / "lib", BODY, name="water.md")
    write_article(tmp_path / "lib", "See [@nobody].\n", name="broken.md")
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, tmp_path / "lib", "--out", out, "--formats", "html", "--jobs", "1", "--quiet")
    assert code == ExitCode.SOME_FAILED
    assert summary_of(stdout) == (f"Published 1 of 2 articles into {out}/: 1 failed "
                                  "(outputs: 1 written, 0 unchanged, 1 failed)")  # fmt: skip
    code, stdout, _ = run(capsys, tmp_path / "lib" / "water.md", "--out", out, "--formats", "html", "--quiet")
    assert summary_of(stdout) == f"Published 1 of 1 article into {out}/ (outputs: 0 written, 1 unchanged, 0 failed)"


def test_the_json_totals_count_published_articles(capsys, tmp_path):
    write_article(tmp_path / "lib", BODY, name="water.md")
    write_article(tmp_path / "lib", "See [@nobody].\n", name="broken.md")
    run(capsys, tmp_path / "lib", "--out", tmp_path / "out", "--formats", "html", "--jobs", "1",
        "--json", tmp_path / "report.json")  # fmt: skip
    totals = json.loads((tmp_path / "report.json").read_text())["totals"]
    assert totals["articles"] == 2 and totals["published_articles"] == 1 and totals["failed_articles"] == 1


# --- 4. publish voices ------------------------------------------------------------------------------


def test_voices_are_listed_under_a_header_per_engine_once_each(capsys):
    code, out, _ = run(capsys, "voices")
    assert code == ExitCode.OK
    lines = out.splitlines()
    headers = [line for line in lines if line.startswith("#")]
    assert [h.split()[1].rstrip(":") for h in headers][:2] == ["piper", "espeak"]
    voices = [line.split()[0] for line in lines if line and not line.startswith("#")]
    assert len(voices) == len(set(voices)), "a voice is listed twice"
    assert "espeak:yue" in voices
    default = [line for line in lines if line.startswith("piper:en_US-joe-medium")]
    assert default and default[0].rstrip().endswith("default")


def test_voices_for_one_language(capsys):
    code, out, _ = run(capsys, "voices", "en")
    assert code == ExitCode.OK
    voices = [line.split()[0] for line in out.splitlines() if line and not line.startswith("#")]
    assert {"piper:en_US-joe-medium", "espeak:en-us", "espeak:en-gb", "gtts:en"} <= set(voices)
    assert "espeak:de" not in voices and "espeak:fr-fr" not in voices


def test_voices_for_a_language_nobody_speaks_is_one_clear_line(capsys):
    line = one_usage_line(*run(capsys, "voices", "xx-nonsense"))
    assert "'xx-nonsense'" in line and "publish voices" in line


def test_voices_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`publish voices | head` is how people look at a long list; the reader leaving is not a bug."""
    script = f"set -o pipefail; '{sys.executable}' '{REPO / 'publish.py'}' voices | true"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr and "Broken pipe" not in result.stderr


# --- 5. --formats in any case ----------------------------------------------------------------------


def test_formats_may_be_written_in_any_case_with_spaces(capsys, tmp_path):
    source = write_article(tmp_path, BODY, name="water.md")
    code, _, err = run(capsys, source, "--out", tmp_path / "out", "--formats", " HTML , Epub ", "--jobs", "1")
    assert code == ExitCode.OK, err
    assert {p.name for p in (tmp_path / "out" / "water").iterdir()} >= {"water.html", "water.epub"}


def test_a_misspelt_format_gets_a_suggestion(capsys):
    line = one_usage_line(*run(capsys, "a.md", "--formats", "pdf,epbu"))
    assert "unknown format epbu" in line and "did you mean epub?" in line
    assert "pdf, epub, html, audio, large-print-pdf" in line


# --- 6. --out is a file ----------------------------------------------------------------------------


def test_an_out_that_is_a_file_is_one_clear_line(capsys, tmp_path):
    source = write_article(tmp_path, BODY)
    blocker = tmp_path / "out.txt"
    blocker.write_text("my notes")
    code, out, err = run(capsys, source, "--out", blocker, "--formats", "html")
    assert code == ExitCode.OUTPUT
    assert out == ""
    assert err.strip().splitlines() == [f"{blocker}: is a file, not a folder; give --out a folder "
                                        "(it is created if missing), or move the file"]  # fmt: skip
    assert blocker.read_text() == "my notes"


# --- 7. a huge or endless source is refused before it is read ---------------------------------------


def _bytes_read() -> int:
    return int(dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())["rchar"])


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux's /proc/self/io to count bytes read")
def test_a_huge_article_is_refused_without_being_read(capsys, tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(100 * MAX_BYTES)  # 200 MB, sparse: nothing on disk
    before = _bytes_read()
    code, _, err = run(capsys, huge, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1")
    assert _bytes_read() - before < MAX_BYTES, "the file was read"
    assert code == ExitCode.SOURCE
    with pytest.raises(SourceError) as parsed:
        parse_article(huge)
    assert parsed.value.lines()[0] in err.splitlines(), "the message should be the parser's own"


def test_a_source_that_is_not_a_regular_file_is_refused_without_waiting_for_it(tmp_path):
    pipe = tmp_path / "endless.md"
    os.mkfifo(pipe)  # reading it would wait forever for a writer
    command = [sys.executable, str(REPO / "publish.py"), str(pipe), "--out", str(tmp_path / "out"), "--formats", "html"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == ExitCode.NO_INPUT, result.stderr
    assert f"{pipe}: is not a regular file" in result.stderr


# --- 8. --out is created only when something is written -----------------------------------------------


def test_no_empty_out_folder_when_every_article_fails(capsys, tmp_path):
    source = write_article(tmp_path, "See [@nobody].\n")
    code, _, _ = run(capsys, source, "--out", tmp_path / "new" / "out", "--formats", "html", "--jobs", "1")
    assert code == ExitCode.SOURCE
    assert not (tmp_path / "new").exists()


def test_an_out_under_a_file_still_fails_before_any_work(capsys, tmp_path):
    source = write_article(tmp_path, "See [@nobody].\n")  # broken too: the folder is checked first
    (tmp_path / "a-file").write_text("")
    code, _, err = run(capsys, source, "--out", tmp_path / "a-file" / "out", "--formats", "html")
    assert code == ExitCode.OUTPUT
    assert err.strip().splitlines() == [f"{tmp_path / 'a-file' / 'out'}: cannot create the output folder: "
                                        f"{tmp_path / 'a-file'} is a file; choose another with --out"]  # fmt: skip
