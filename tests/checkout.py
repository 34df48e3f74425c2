"""A pytest plugin (``-p tests.checkout`` in pyproject.toml): how pytest sees the checkout.

The repository root is the openleaf package itself, and pytest imports a package's __init__.py
to set it up. In a checkout whose folder name is not a Python name ("tmp.x1Yz", as mktemp makes)
that import fails, and with it every test. So the root is collected as a plain folder. (A
conftest.py cannot do this: pytest asks the conftests above a folder how to collect it.)
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # the repository, the openleaf package


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path == ROOT:
        return pytest.Dir.from_parent(parent, path=path)
    return None
