"""The shape of the code (ARCHITECTURE.md): writers apart from the build, modules of a readable size."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE_FILES = [p for p in REPO.rglob("*.py") if not {"tests", "benchmarks", "build", ".venv"} & set(p.relative_to(REPO).parts)]
MAX_LINES = 520  # "about 500": a module longer than this is doing more than one job


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(("." * node.level) + (node.module or ""))
    return found


def test_writers_import_no_process_pool_dask_rich_or_pipeline():
    forbidden = ("concurrent", "multiprocessing", "distributed", "dask", "rich")
    offenders = {}
    for path in (REPO / "formats").rglob("*.py"):
        bad = {m for m in imported_modules(path) if m.split(".")[0] in forbidden or "pipeline" in m.split(".")}
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert offenders == {}


def test_no_module_of_the_package_is_over_about_500_lines():
    long = {str(p.relative_to(REPO)): n for p in PACKAGE_FILES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_readme_lists_the_formats_the_registry_has():
    from openleaf.formats.registry import markdown_table

    assert markdown_table() in (REPO / "README.md").read_text(encoding="utf-8"), \
        "regenerate the README's table with: python -m openleaf.formats.registry"
