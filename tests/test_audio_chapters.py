"""The audio edition says where each chapter file sits in the whole MP3, so read-along can point
into chapter files with the timeline's times."""

from __future__ import annotations

import json

import soundfile

from conftest import run_cli, write_article

BODY = "An opening sentence. A second one.\n\n## First part\n\nOne sentence here.\n\n## Second part\n\nAnother here. And one more.\n"


def test_chapter_files_tile_the_whole_mp3_and_hold_their_own_sentences(tmp_path, capsys, speech_cache):
    source = write_article(tmp_path / "articles", BODY, references=None)
    code, _, err = run_cli(capsys, source, "--out", tmp_path / "out", "--formats", "audio", "--voice", "espeak",
                           "--jobs", "1")
    assert code == 0, err
    folder = tmp_path / "out" / "test-article" / "audio"
    chapters = json.loads((folder / "test-article.chapters.json").read_text())
    timeline = json.loads((folder / "test-article.timeline.json").read_text())
    whole = soundfile.info(str(folder / "test-article.mp3")).duration * 1000

    assert chapters[0]["start_ms"] == 0
    for before, after in zip(chapters, chapters[1:]):
        assert abs(before["start_ms"] + before["duration_ms"] - after["start_ms"]) <= 1
    # A decoder may add its own priming at the start of a file; never does a file end before it.
    assert chapters[-1]["start_ms"] + chapters[-1]["duration_ms"] <= whole
    for chapter in chapters:
        assert chapter["duration_ms"] <= soundfile.info(str(folder / chapter["file"])).duration * 1000
        mine = [e for e in timeline if e["section"] == chapter["section"]]
        assert mine and all(chapter["start_ms"] <= e["start_ms"] and e["end_ms"] <= chapter["start_ms"]
                            + chapter["duration_ms"] for e in mine)
