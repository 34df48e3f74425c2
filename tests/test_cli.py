"""The command line: it teaches, it refuses bad input in one line with the right exit code, it reports."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, REPO, SHORT_BODY, run_cli, write_article
from openleaf.publish import make_parser
from openleaf.source.errors import ExitCode

BODY = SHORT_BODY
run = run_cli
pytestmark = pytest.mark.usefixtures("speech_cache")


# --- help ---------------------------------------------------------------------------


def test_every_option_has_help_text():
    parser = make_parser()
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, f"{action.option_strings or action.dest} has no help"


def test_help_shows_examples_and_every_exit_code(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "examples:" in out and "publish examples/insulin-resistance.md" in out
    assert "--scheduler tcp://" in out and "publish voices" in out
    exit_codes = out.split("exit codes:")[1]
    for exit_code in ExitCode:
        assert f"{exit_code.value:>3}  " in exit_codes, f"exit code {exit_code.value} is not explained"
    for option in ("--out", "--formats", "--voice", "--rate", "--theme", "--paper", "--jobs", "--scheduler",
                   "--force", "--fail-fast", "--json", "--quiet", "--traceback"):  # fmt: skip
        assert option in out


# --- usage errors: exit 2, one line -------------------------------------------------------


@pytest.mark.parametrize(
    "argv, names",
    [
        ([], "ARTICLE"),
        (["a.md", "--formats", "pdf,docx"], "docx"),
        (["a.md", "--formats", ""], "format"),
        (["a.md", "--rate", "2"], "0.75 to 1.5"),
        (["a.md", "--rate", "fast"], "not a number"),
        (["a.md", "--paper", "a5"], "a5"),
        (["a.md", "--jobs", "0"], "--jobs"),
        (["a.md", "--scheduler", "localhost"], "tcp://"),
        (["a.md", "--no-such-option"], "--no-such-option"),
    ],
)
def test_a_usage_error_exits_2_with_one_line(capsys, argv, names):
    code, out, err = run(capsys, *argv)
    assert code == ExitCode.USAGE
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("publish: error: ") and names in lines[0]


def test_an_unknown_format_lists_the_known_ones(capsys):
    _, _, err = run(capsys, "a.md", "--formats", "pdf,docx")
    assert "unknown format docx" in err
    for name in ("pdf", "epub", "html", "audio", "large-print-pdf"):
        assert name in err


# --- inputs and outputs -------------------------------------------------------------------


def test_a_missing_article_exits_66_naming_it(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "nowhere.md", "--out", tmp_path / "out")
    assert code == ExitCode.NO_INPUT
    assert "nowhere.md" in err and "no such file" in err


def test_an_unwritable_out_exits_73_before_any_work(capsys, tmp_path, speech_cache):
    source = write_article(tmp_path / "articles", BODY)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, source, "--out", blocker / "out", "--voice", "espeak")
    assert code == ExitCode.OUTPUT
    assert str(blocker / "out") in err and "--out" in err
    assert not speech_cache.exists(), "speech was synthesised before the output folder was checked"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "articles"]


def test_a_bad_source_exits_65_with_file_line_col(capsys, tmp_path):
    source = write_article(tmp_path, "## Intro\n\nSee [@nobody].\n")
    code, _, err = run(capsys, source, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1")
    assert code == ExitCode.SOURCE
    assert re.search(rf"^{re.escape(str(source))}:8:\d+: .*nobody", err, re.M), err
    assert not (tmp_path / "out" / "test-article").exists()


def test_a_publish_prints_a_table_and_a_summary(capsys, tmp_path):
    source = write_article(tmp_path, BODY, name="drink-water.md")
    code, out, _ = run(capsys, source, "--out", tmp_path / "out", "--formats", "html,epub", "--jobs", "1")
    assert code == 0
    assert (tmp_path / "out" / "drink-water" / "drink-water.html").is_file()
    rows = [line for line in out.splitlines() if "│" in line]
    assert rows[0].startswith("drink-water")
    assert any("html" in row and "written" in row and "kB" in row for row in rows), out
    assert any("epub" in row and "written" in row for row in rows), out
    assert f"Published 1 of 1 article into {tmp_path / 'out'}/ (outputs: 2 written, 0 unchanged, 0 failed)" in out

    code, out, _ = run(capsys, source, "--out", tmp_path / "out", "--formats", "html,epub", "--jobs", "1")
    assert code == 0
    assert "0 written, 2 unchanged, 0 failed" in out
    assert any("epub, html" in line and "unchanged" in line for line in out.splitlines()), out


def test_quiet_prints_only_the_summary(capsys, tmp_path):
    source = write_article(tmp_path, BODY)
    code, out, err = run(capsys, source, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1", "--quiet")
    assert code == 0
    assert out.strip().splitlines() == [f"Published 1 of 1 article into {tmp_path / 'out'}/ (outputs: 1 written, "
                                        "0 unchanged, 0 failed) in " + out.split(" in ")[-1].strip()]  # fmt: skip
    assert err == ""


def test_json_to_stdout_keeps_stdout_pure_json(capsys, tmp_path):
    source = write_article(tmp_path, BODY)
    code, out, err = run(capsys, source, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1", "--json", "-")
    assert code == 0
    report = json.loads(out)
    assert report["exit_code"] == 0 and report["totals"]["written"] == 1
    assert "Published 1 of 1 article" in err  # the human summary moved to stderr


def test_voices_lists_piper_and_espeak(capsys):
    code, out, _ = run(capsys, "voices")
    assert code == 0
    engines = {line.split(":", 1)[0] for line in out.splitlines() if not line.startswith("#")}
    assert {"piper", "espeak"} <= engines
    assert any(line.startswith("piper:en_US-joe-medium") and "default" in line for line in out.splitlines())


# --- Ctrl-C ---------------------------------------------------------------------------------


def test_ctrl_c_exits_130_leaves_no_half_files_and_the_next_run_finishes_the_rest(tmp_path):
    """Interrupt a real run in the middle: exit 130, no temporary files, no worker left behind;
    the same command again builds only what the first run had not recorded."""
    out = tmp_path / "out"
    env = dict(os.environ, OPENLEAF_CACHE_DIR=str(tmp_path / "cache"))
    # Eight articles (the two English examples, four times each): after the first output is recorded
    # there is still most of the run left to interrupt, however busy the machine.
    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES / "images", articles / "images")
    for copy in range(4):
        for example in ("staying-hydrated", "insulin-resistance"):
            shutil.copy(EXAMPLES / f"{example}.md", articles / f"{example}-{copy}.md")
    command = [sys.executable, str(REPO / "publish.py"), str(articles), "--out", str(out),
               "--formats", "pdf,epub,html", "--jobs", "2"]  # fmt: skip
    # Ctrl-C as a terminal delivers it: a test run started in the background (`pytest &`) hands its
    # children SIGINT ignored, and a command that ignores Ctrl-C rightly runs on.
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not list(out.glob("*/.openleaf.json")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until the first output is recorded: the run is under way
    assert process.poll() is None, "the run ended before it could be interrupted"
    workers = subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True, text=True).stdout.split()
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, err = process.communicate(timeout=60)

    assert process.returncode == ExitCode.INTERRUPTED, err
    assert "interrupted" in err
    leftovers = [p for p in out.rglob("*") if p.name.endswith((".part", ".tmp"))]
    assert leftovers == []
    assert [p for p in (tmp_path / "cache").rglob("*.tmp")] == []
    assert len(workers) > 1, "no worker processes were seen"
    assert _session_ends(process.pid), "worker processes outlived the run"

    recorded = {(m.parent.name, fmt) for m in out.glob("*/.openleaf.json") for fmt in json.loads(m.read_text())["outputs"]}
    again = subprocess.run(command + ["--json", "-"], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    statuses = {(a["slug"], o["format"]): o["status"] for a in json.loads(again.stdout)["articles"] for o in a["outputs"]}
    assert recorded and len(statuses) == 24  # 8 articles, 3 formats
    assert {key for key, status in statuses.items() if status == "unchanged"} == recorded
    assert {key for key, status in statuses.items() if status == "written"} == set(statuses) - recorded


def _session_ends(session: int, wait: float = 10) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if subprocess.run(["pgrep", "-s", str(session)], capture_output=True).returncode != 0:
            return True
        time.sleep(0.1)
    return False
