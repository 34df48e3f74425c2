"""What `pip install .` brings is what the code imports: a user without the test extras can publish."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PRODUCT = [REPO / "publish.py", REPO / "__init__.py", *(REPO / "source").rglob("*.py"),
           *(REPO / "formats").rglob("*.py"), *(REPO / "themes").rglob("*.py")]  # fmt: skip


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _requirement_names(requirements: list[str]) -> set[str]:
    return {_name(requirement) for requirement in requirements}


def _imported_top_level_modules() -> set[str]:
    modules = set()
    for path in PRODUCT:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"openleaf", "__future__"}


def test_every_library_the_code_imports_is_a_dependency_or_an_extra():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = _requirement_names(project["dependencies"])
    extras = {name: _requirement_names(reqs) for name, reqs in project["optional-dependencies"].items() if name != "test"}
    optional = set().union(*extras.values())
    distributions = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_imported_top_level_modules()):
        names = {name.lower().replace("_", "-") for name in distributions.get(module, [])}
        if not names & (required | optional):
            # A library that comes with a declared one (markupsafe with Jinja2, onnxruntime with piper-tts).
            brought = {dist for dist in required
                       if any(_name(r) in names for r in importlib.metadata.requires(dist) or [])}
            if not brought:
                undeclared[module] = sorted(names) or ["(not installed here)"]
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"
