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


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder
