"""Publishing a library: every article found, in parallel, only what changed, one bad article never stops the rest.

A library of three small articles (one in a subfolder, one with an image) is
published once into a shared output folder; tests that change something work
on copies of it. Speech uses espeak-ng, which is fast, with a private cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from conftest import require_tool, write_article
from openleaf.pipeline.manifest import MANIFEST_NAME
from openleaf.publish import main
from openleaf.source.errors import ExitCode

FORMATS = "pdf,epub,html,audio"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#06c"/></svg>'


def library(folder: Path) -> Path:
    """Three short articles: two at the top, one with an image in a subfolder."""
    write_article(folder, "Warm water and soap remove germs. Rub your hands for twenty seconds.\n\n"
                  "## After washing\n\nDry your hands on a clean towel.\n",
                  name="hand-washing.md", title="Washing Your Hands")  # fmt: skip
    write_article(folder, "Sleep helps the body repair itself. Most adults need seven hours.\n\n"
                  "## A steady routine\n\nGo to bed at the same time each night.\n\n"
                  "Keep the bedroom dark and quiet.\n",
                  name="sleep.md", title="Sleeping Well")  # fmt: skip
    (folder / "walking" / "images").mkdir(parents=True)
    (folder / "walking" / "images" / "path.svg").write_text(SVG)
    write_article(folder / "walking", "A short walk each day lifts the mood.\n\n"
                  "## Getting started\n\n![A path through a park](images/path.svg)\n\nStart with ten minutes.\n",
                  name="index.md", title="Walking Every Day")  # fmt: skip
    return folder


def publish(*argv) -> int:
    return main([str(a) for a in argv])


def report_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def statuses(report: dict) -> dict[tuple[str, str], str]:
    return {(a["slug"], o["format"]): o["status"] for a in report["articles"] for o in a["outputs"]}


def files_of(out: Path) -> dict[str, str]:
    """Every output file (not the manifests) and the sha256 of its bytes."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("speech-cache")


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, cache):
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(cache))


@pytest.fixture(scope="module")
def built(tmp_path_factory, cache):
    """The library published once at --jobs 1, with its JSON report."""
    root = tmp_path_factory.mktemp("built")
    articles, out = library(root / "articles"), root / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPENLEAF_CACHE_DIR", str(cache))
        code = publish(articles, "--out", out, "--formats", FORMATS, "--voice", "espeak",
                       "--jobs", "1", "--json", root / "report.json", "--quiet")  # fmt: skip
    return code, articles, out, report_of(root / "report.json")


@pytest.fixture
def copy_of_built(built, tmp_path) -> tuple[Path, Path]:
    """The built library and its outputs, copied (file times kept) so a test can change them."""
    _, articles, out, _ = built
    shutil.copytree(articles, tmp_path / "articles")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "articles", tmp_path / "out"


# --- a whole library ------------------------------------------------------------------


def test_every_article_in_the_folder_is_published_into_its_slug_folder(built):
    code, _, out, report = built
    assert code == ExitCode.OK
    assert sorted(a["slug"] for a in report["articles"]) == ["hand-washing", "sleep", "walking"]
    for slug in ("hand-washing", "sleep", "walking"):
        for name in (f"{slug}.pdf", f"{slug}.epub", f"{slug}.html", f"audio/{slug}.mp3"):
            assert (out / slug / name).stat().st_size > 0, f"{slug}/{name} is missing"
    assert set(statuses(report).values()) == {"written"}


def test_the_json_report_describes_every_output_and_file(built):
    _, articles, out, report = built
    assert report["exit_code"] == 0 and report["formats"] == ["audio", "pdf", "epub", "html"]
    assert report["totals"] == {"articles": 3, "published_articles": 3, "failed_articles": 0, "skipped_articles": 0, "written": 12,
                                "unchanged": 0, "failed": 0, "skipped": 0}  # fmt: skip
    assert report["options"]["voice"] == "espeak"
    assert report["speech"]["sentences"] > 0 and report["speech"]["audio_seconds"] > 0
    assert report["workers"] and all(w["peak_rss_mb"] > 0 for w in report["workers"])
    for article in report["articles"]:
        assert Path(article["source"]).resolve().is_relative_to(articles.resolve())
        assert article["status"] == "written" and article["errors"] == []
        for output in article["outputs"]:
            assert output["files"] and output["seconds"] > 0 and len(output["key"]) == 64
            assert output["size"] == sum(f["size"] for f in output["files"])
            for record in output["files"]:
                data = Path(record["path"]).read_bytes()
                assert len(data) == record["size"]
                assert hashlib.sha256(data).hexdigest() == record["sha256"]
    audio = next(o for o in report["articles"][0]["outputs"] if o["format"] == "audio")
    assert {Path(f["path"]).suffix for f in audio["files"]} >= {".mp3", ".m3u8", ".vtt", ".json"}


def test_a_second_run_finds_everything_unchanged_and_rewrites_nothing(built, tmp_path):
    _, articles, out, _ = built
    before = mtimes(out)
    code = publish(articles, "--out", out, "--formats", FORMATS, "--voice", "espeak",
                   "--json", tmp_path / "again.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    report = report_of(tmp_path / "again.json")
    assert set(statuses(report).values()) == {"unchanged"}
    assert report["speech"]["sentences"] == 0
    assert mtimes(out) == before


# --- changes -----------------------------------------------------------------------------


def test_editing_one_article_rebuilds_only_that_article(copy_of_built, tmp_path):
    articles, out = copy_of_built
    before = files_of(out)
    sleep = articles / "sleep.md"
    sleep.write_text(sleep.read_text().replace("Keep the bedroom dark and quiet.", "Keep the bedroom cool."))

    code = publish(articles, "--out", out, "--formats", FORMATS, "--voice", "espeak",
                   "--jobs", "1", "--json", tmp_path / "edit.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    report = report_of(tmp_path / "edit.json")
    for (slug, fmt), status in statuses(report).items():
        assert status == ("written" if slug == "sleep" else "unchanged"), (slug, fmt)
    after = files_of(out)
    assert {k for k in after if after[k] != before.get(k)} <= {k for k in after if k.startswith("sleep/")}
    assert after["sleep/sleep.html"] != before["sleep/sleep.html"]
    # Only the edited sentence is new to the speech cache; the rest of the article is reused.
    assert report["speech"]["synthesised"] == 1


def test_a_deleted_output_is_rebuilt_alone(copy_of_built, tmp_path):
    articles, out = copy_of_built
    (out / "walking" / "walking.epub").unlink()
    code = publish(articles, "--out", out, "--formats", FORMATS, "--voice", "espeak",
                   "--jobs", "1", "--json", tmp_path / "delete.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    changed = {key for key, status in statuses(report_of(tmp_path / "delete.json")).items() if status != "unchanged"}
    assert changed == {("walking", "epub")}
    assert (out / "walking" / "walking.epub").is_file()


def test_a_changed_image_rebuilds_the_article_that_shows_it(copy_of_built, tmp_path):
    articles, out = copy_of_built
    (articles / "walking" / "images" / "path.svg").write_text(SVG.replace("#06c", "#0a0"))
    publish(articles, "--out", out, "--formats", "html,epub", "--jobs", "1", "--json", tmp_path / "image.json", "--quiet")
    changed = {key for key, status in statuses(report_of(tmp_path / "image.json")).items() if status != "unchanged"}
    assert changed == {("walking", "html"), ("walking", "epub")}


def test_force_rebuilds_everything_and_the_bytes_come_out_the_same(copy_of_built, tmp_path):
    articles, out = copy_of_built
    before = files_of(out)
    code = publish(articles, "--out", out, "--formats", FORMATS, "--voice", "espeak", "--force",
                   "--jobs", "1", "--json", tmp_path / "force.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    report = report_of(tmp_path / "force.json")
    assert set(statuses(report).values()) == {"written"}
    assert report["speech"]["synthesised"] == 0, "the speech cache should have served every sentence"
    assert files_of(out) == before


def test_an_option_that_matters_rebuilds_only_the_formats_it_changes(copy_of_built, tmp_path):
    articles, out = copy_of_built
    publish(articles, "--out", out, "--formats", "pdf,epub,html", "--paper", "letter", "--jobs", "1",
            "--json", tmp_path / "paper.json", "--quiet")  # fmt: skip
    report = report_of(tmp_path / "paper.json")
    assert {fmt for (_, fmt), status in statuses(report).items() if status == "written"} == {"pdf"}


# --- failures --------------------------------------------------------------------------------


def test_a_broken_article_does_not_stop_the_others(tmp_path, capsys):
    articles = library(tmp_path / "articles")
    broken = write_article(articles, "## Oops\n\nThis cites [@missing].\n", name="broken.md")
    code = publish(articles, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1",
                   "--json", tmp_path / "report.json")  # fmt: skip
    err = capsys.readouterr().err
    assert code == ExitCode.SOME_FAILED
    for slug in ("hand-washing", "sleep", "walking"):
        assert (tmp_path / "out" / slug / f"{slug}.html").is_file()
    assert not (tmp_path / "out" / "broken").exists()
    assert f"{broken}:8:" in err and "missing" in err
    report = report_of(tmp_path / "report.json")
    failed = [a for a in report["articles"] if a["status"] == "failed"]
    assert [a["source"] for a in failed] == [str(broken)]
    assert failed[0]["errors"][0].startswith(f"{broken}:8:")
    assert report["exit_code"] == ExitCode.SOME_FAILED and report["totals"]["failed_articles"] == 1


def test_fail_fast_stops_before_building_when_an_article_is_broken(tmp_path):
    articles = library(tmp_path / "articles")
    write_article(articles, "## Oops\n\nThis cites [@missing].\n", name="broken.md")
    code = publish(articles, "--out", tmp_path / "out", "--formats", "html", "--jobs", "1", "--fail-fast",
                   "--json", tmp_path / "report.json", "--quiet")  # fmt: skip
    assert code == ExitCode.SOME_FAILED
    assert set(statuses(report_of(tmp_path / "report.json")).values()) == {"skipped"}
    assert not list((tmp_path / "out").rglob("*.html"))


def test_duplicate_slugs_are_refused_before_any_work(tmp_path, capsys):
    first = write_article(tmp_path / "a", "One.\n", name="tips.md")
    second = write_article(tmp_path / "b", "Two.\n", name="tips.md")
    code = publish(tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out", "--formats", "html", "--jobs", "1")
    err = capsys.readouterr().err
    assert code == ExitCode.SOURCE
    assert str(first) in err and str(second) in err and "'tips'" in err
    assert not (tmp_path / "out" / "tips").exists()


def test_globs_and_files_can_be_mixed_and_each_article_is_published_once(tmp_path):
    articles = library(tmp_path / "articles")
    code = publish(f"{articles}/**/*.md", articles / "sleep.md", "--out", tmp_path / "out", "--formats", "html",
                   "--jobs", "1", "--json", tmp_path / "report.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    assert sorted(a["slug"] for a in report_of(tmp_path / "report.json")["articles"]) == [
        "hand-washing", "sleep", "walking"]  # fmt: skip


# --- the same bytes however the work is spread --------------------------------------------


def test_two_processes_write_the_same_bytes_as_one(built, tmp_path):
    """Text formats are reproducible; the audio is too, because every sentence comes from the shared
    speech cache (speech engines do not say a sentence twice exactly alike)."""
    _, articles, out, _ = built
    code = publish(articles, "--out", tmp_path / "out", "--formats", FORMATS, "--voice", "espeak",
                   "--jobs", "2", "--json", tmp_path / "report.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    assert files_of(tmp_path / "out") == files_of(out)
    assert len(report_of(tmp_path / "report.json")["workers"]) == 2


def test_a_dask_cluster_writes_the_same_bytes_as_local_processes(built, tmp_path):
    require_tool(importlib.util.find_spec("distributed") is not None, "distributed (Dask)")
    import distributed

    _, articles, out, _ = built
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:  # fmt: skip
        code = publish(articles, "--out", tmp_path / "out", "--formats", FORMATS, "--voice", "espeak",
                       "--scheduler", cluster.scheduler_address, "--json", tmp_path / "report.json", "--quiet")  # fmt: skip
    assert code == ExitCode.OK
    report = report_of(tmp_path / "report.json")
    assert report["scheduler"].startswith("tcp://127.0.0.1:")
    assert files_of(tmp_path / "out") == files_of(out)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    source = write_article(tmp_path, "One.\n")
    code = publish(source, "--out", tmp_path / "out", "--formats", "html", "--scheduler", "tcp://127.0.0.1:9")
    assert not (tmp_path / "out" / "test-article").exists()
    assert code == ExitCode.ENGINE
    assert "tcp://127.0.0.1:9" in capsys.readouterr().err
