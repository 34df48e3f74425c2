"""The build pipeline as its defects were found: a tampered manifest, a killed worker, stale caches,
warnings kept per task, a report that agrees with the screen."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest

from conftest import SHORT_BODY, run_cli, write_article
from openleaf.pipeline.manifest import MANIFEST_NAME
from openleaf.source.errors import ExitCode


def publish_text(capsys, source, out, *extra):
    return run_cli(capsys, source, "--out", out, "--formats", "html", "--jobs", "1", *extra)


# --- a manifest is not trusted with paths ---------------------------------------------------


@pytest.mark.parametrize("bad_path", ["../victim.txt", "ABSOLUTE"])
def test_a_tampered_manifest_never_deletes_a_file_outside_the_output_folder(tmp_path, capsys, bad_path):
    source = write_article(tmp_path / "articles", SHORT_BODY)
    out = tmp_path / "out"
    assert publish_text(capsys, source, out)[0] == ExitCode.OK
    victim = tmp_path / "out" / "victim.txt" if bad_path.startswith("..") else tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir(exist_ok=True)
    victim.write_text("keep me")
    manifest_path = out / "test-article" / MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text())
    listed = str(victim) if bad_path == "ABSOLUTE" else bad_path
    manifest["outputs"]["html"]["files"].append({"path": listed, "size": 7, "mtime_ns": 0, "sha256": "0" * 64})
    manifest_path.write_text(json.dumps(manifest))
    source.write_text(source.read_text() + "\nOne more sentence.\n")  # the html is rebuilt: old files are cleaned

    code, _, err = publish_text(capsys, source, out)
    assert code == ExitCode.OK, err
    assert victim.read_text() == "keep me"


# --- caches follow what they depend on ------------------------------------------------------


def test_editing_a_theme_in_the_same_process_rebuilds_the_page(tmp_path, capsys):
    theme = tmp_path / "my-theme"
    (theme / "html").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "mine"\nextends = "large-print"\n')
    source = write_article(tmp_path / "articles", SHORT_BODY)
    out = tmp_path / "out"
    assert publish_text(capsys, source, out, "--theme", theme)[0] == ExitCode.OK
    first = (out / "test-article" / "test-article.html").read_text()

    css = (Path(__file__).resolve().parents[1] / "themes" / "base" / "html" / "page.css").read_text()
    (theme / "html" / "page.css").write_text(css + "\n.openleaf-test-marker { color: #000; }\n")
    code, stdout, err = publish_text(capsys, source, out, "--theme", theme)
    assert code == ExitCode.OK, err
    assert "1 written" in stdout.splitlines()[-1]
    page = (out / "test-article" / "test-article.html").read_text()
    assert "openleaf-test-marker" in page and page != first


# --- a worker killed by the system fails only its own article --------------------------------


def test_a_killed_worker_fails_only_its_article_and_the_others_finish(tmp_path, capsys, monkeypatch):
    import workers_that_die

    from openleaf.pipeline import batch

    monkeypatch.setattr(batch, "write_output", workers_that_die.write_or_die)
    folder = tmp_path / "articles"
    for name in ("first.md", "this-one-dies.md", "third.md"):
        write_article(folder, SHORT_BODY, name=name)
    code, _, err = run_cli(capsys, folder, "--out", tmp_path / "out", "--formats", "html,epub", "--jobs", "2",
                           "--json", tmp_path / "report.json")
    assert code == ExitCode.SOME_FAILED
    report = json.loads((tmp_path / "report.json").read_text())
    by_slug = {a["slug"]: a["status"] for a in report["articles"]}
    assert by_slug == {"first": "written", "this-one-dies": "failed", "third": "written"}
    assert "killed" in err and "this-one-dies" in err
    assert "internal error" not in err and "Traceback" not in err


# --- nothing swallowed, warnings per task -----------------------------------------------------


def test_a_speech_task_that_fails_says_why_instead_of_returning_nothing(tmp_path):
    from openleaf.pipeline.worker import Voice, speak

    result = speak(Voice("espeak", "en", "no-such-voice-anywhere", 1.0), ["Hello."], str(tmp_path))
    assert result.errors and "no-such-voice-anywhere" in result.errors[0]
    assert result.exit_code == ExitCode.ENGINE


def test_warnings_logged_by_tasks_running_side_by_side_stay_with_their_task():
    from openleaf.pipeline.worker import _Running

    collected: dict[str, list[str]] = {}
    both_running = threading.Barrier(2)

    def task(name: str):
        with _Running() as running:
            logging.getLogger("openleaf.test").warning("from %s, before", name)
            both_running.wait()
            logging.getLogger("openleaf.test").warning("from %s, after", name)
        collected[name] = running.messages

    threads = [threading.Thread(target=task, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert collected == {"a": ["from a, before", "from a, after"], "b": ["from b, before", "from b, after"]}


# --- the report agrees with the screen -------------------------------------------------------


def test_the_json_totals_count_what_the_summary_line_says(tmp_path, capsys):
    folder = tmp_path / "articles"
    write_article(folder, SHORT_BODY, name="good.md")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    code, stdout, _ = run_cli(capsys, folder, "--out", tmp_path / "out", "--formats", "html,epub", "--jobs", "1",
                              "--json", tmp_path / "report.json")
    assert code == ExitCode.SOME_FAILED
    report = json.loads((tmp_path / "report.json").read_text())
    line = stdout.strip().splitlines()[-1]
    totals = report["totals"]
    assert f"{totals['failed']} failed)" in line and totals["failed"] == 2
    assert f"{totals['written']} written" in line and totals["failed_articles"] == 1
    broken = next(a for a in report["articles"] if a["status"] == "failed")
    assert broken["slug"] == "broken" and broken["errors"] and "broken.md:2" in broken["errors"][0]


# --- the command line ------------------------------------------------------------------------


def test_option_values_take_any_case(tmp_path, capsys):
    source = write_article(tmp_path / "articles", SHORT_BODY)
    code, _, err = run_cli(capsys, source, "--out", tmp_path / "out", "--formats", "PDF", "--paper", "A4", "--jobs", "1")
    assert code == ExitCode.OK, err


def test_a_mistyped_option_gets_the_option_it_probably_meant(capsys):
    code, out, err = run_cli(capsys, "a.md", "--fromats", "pdf")
    assert code == ExitCode.USAGE and out == ""
    assert err.count("\n") == 1 and "did you mean --formats?" in err


def test_the_summary_table_says_its_times_are_work_summed_over_workers(tmp_path, capsys):
    source = write_article(tmp_path / "articles", SHORT_BODY)
    _, stdout, _ = run_cli(capsys, source, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1")
    assert "work time" in stdout and "summed over worker processes" in stdout


# --- the speech cache ------------------------------------------------------------------------


def test_the_speech_cache_key_changes_with_the_engine_or_voice_version():
    from openleaf.formats.audio.cache import cache_key

    class Voice:
        name, voice, sample_rate, version = "piper", "en_US-joe-medium", 22050, "piper-tts=1.8.0"

    class Upgraded(Voice):
        version = "piper-tts=1.9.0"

    assert cache_key(Voice(), "Hello.", 1.0) != cache_key(Upgraded(), "Hello.", 1.0)


def test_the_speech_cache_key_is_what_the_voice_is_given_not_only_the_spoken_text():
    from openleaf.formats.audio.cache import cache_key

    class Voice:
        name, voice, sample_rate, version = "piper", "en_US-joe-medium", 22050, "piper-tts=1.8.0"

        def with_sounds(self, text):
            return text

    class Mended(Voice):  # the same tables, applied differently ("(5 milliliters):" with its bracket left out)
        def with_sounds(self, text):
            return text.replace("(", "")

    assert cache_key(Voice(), "Dose (5 mL): 2 mL.", 1.0) != cache_key(Mended(), "Dose (5 mL): 2 mL.", 1.0)


def test_publish_cache_shows_its_size_and_prunes_and_clears(tmp_path, capsys, speech_cache):
    import os
    import time

    old, new = speech_cache / "ab" / "old.npy", speech_cache / "cd" / "new.npy"
    for entry in (old, new):
        entry.parent.mkdir(parents=True)
        entry.write_bytes(b"x" * 1000)
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))

    code, out, _ = run_cli(capsys, "cache")
    assert code == ExitCode.OK and "2 entries" in out and "2.0 kB" in out and str(speech_cache) in out
    code, out, _ = run_cli(capsys, "cache", "prune", "30")
    assert code == ExitCode.OK and "removed 1 entries" in out and not old.exists() and new.exists()
    code, out, _ = run_cli(capsys, "cache", "clear")
    assert code == ExitCode.OK and not new.exists()


def test_an_edited_speech_table_changes_the_toolkit_fingerprint(tmp_path, monkeypatch):
    """The speech tables (formats/audio/speech/*.toml) shape the audio as the code does: a new
    table must rebuild the audio made with the old one."""
    from openleaf.pipeline import manifest

    table = tmp_path / "formats" / "audio" / "speech" / "en.toml"
    table.parent.mkdir(parents=True)
    table.write_text('[words]\nper = "per"\n', encoding="utf-8")
    monkeypatch.setattr(manifest, "PACKAGE_DIR", tmp_path)
    manifest.toolkit_fingerprint.cache_clear()
    before = manifest.toolkit_fingerprint()
    table.write_text('[words]\nper = "a"\n', encoding="utf-8")
    manifest.toolkit_fingerprint.cache_clear()
    assert manifest.toolkit_fingerprint() != before
    manifest.toolkit_fingerprint.cache_clear()
