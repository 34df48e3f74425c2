"""Shared helpers: example articles and small articles written inside a test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

DEFAULT_FRONT = {
    "title": "A Test Article",
    "lang": "en-US",
    "disclaimer": "This test article is for checking software only.",
}


def write_article(folder: Path, body: str, name: str = "test-article.md", **front) -> Path:
    """Write a source with front matter ``DEFAULT_FRONT | front`` (keys with ``_`` become ``-``
    where the format wants dashes, e.g. ``citation_style``) and return its path."""
    data = dict(DEFAULT_FRONT)
    for key, value in front.items():
        data[key.replace("citation_style", "citation-style")] = value
    data = {k: v for k, v in data.items() if v is not None}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body
    path.write_text(text, encoding="utf-8")
    return path


def example_articles() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.md"))


def require_tool(available: bool, what: str) -> None:
    """Skip locally when a validator is missing, but fail in CI: CI must run every check."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing in CI; .ci/run must install it")
    pytest.skip(f"{what} is not installed here")


# A short article for command-line tests: two sections, a few sentences.
SHORT_BODY = "Water helps the body keep cool. Drink a glass with each meal.\n\n## When to drink\n\nDrink before you feel thirsty.\n"


@pytest.fixture
def speech_cache(tmp_path, monkeypatch) -> Path:
    """A speech cache of this test's own, so what one test speaks another cannot find."""
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(tmp_path / "speech-cache"))
    return tmp_path / "speech-cache"


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    """``publish ARGV...`` in this process: (exit code, stdout, stderr)."""
    from openleaf.publish import main

    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder
