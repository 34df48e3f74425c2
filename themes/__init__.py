"""Themes: folders of Jinja2 templates and CSS, found along a search path.

A theme is a folder with a ``theme.toml`` (``name``, ``extends``, and
settings such as fonts and sizes) and files per format (``pdf/``, ``html/``,
``epub/``). A file is looked up in the theme's folder first, then in the
theme it extends, and so on down to ``base``; so a user's theme folder can
override any single template and inherit the rest.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import jinja2

from ..source.errors import ThemeError

BUILTIN_DIR = Path(__file__).resolve().parent
BASE = "base"


@dataclass(frozen=True)
class Theme:
    name: str
    folders: tuple[Path, ...]  # search path, most specific first
    settings: Mapping[str, object]  # theme.toml values merged, most specific winning

    def find(self, relpath: str) -> Path:
        for folder in self.folders:
            candidate = folder / relpath
            if candidate.is_file():
                return candidate
        searched = ", ".join(str(f) for f in self.folders)
        raise ThemeError(
            f"theme '{self.name}': no file '{relpath}' (searched {searched}); "
            f"add it to your theme folder or extend a theme that has it"
        )

    def read_text(self, relpath: str) -> str:
        return self.find(relpath).read_text(encoding="utf-8")

    def environment(self) -> jinja2.Environment:
        # One environment per set of folders, so that each template is compiled once per
        # process (an EPUB renders the same template for every section), not once per page.
        return _environment(self.folders)

    def render(self, template: str, **context) -> str:
        try:
            return self.environment().get_template(template).render(theme=self.settings, **context)
        except jinja2.TemplateNotFound:
            self.find(template)  # raises the error that lists the folders searched
            raise
        except jinja2.TemplateError as exc:
            where = f"{exc.filename}:{exc.lineno}: " if getattr(exc, "lineno", None) else ""
            raise ThemeError(f"theme '{self.name}': {where}{exc.message}") from exc


@functools.lru_cache(maxsize=16)
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def builtin_themes() -> list[str]:
    return sorted(p.parent.name for p in BUILTIN_DIR.glob("*/theme.toml"))


def _theme_folder(name_or_path: str | Path, relative_to: Path = Path(".")) -> Path:
    # A path in a user theme's `extends` is relative to that theme's folder.
    path = relative_to / name_or_path
    if (path / "theme.toml").is_file():
        return path.resolve()
    builtin = BUILTIN_DIR / str(name_or_path)
    if (builtin / "theme.toml").is_file():
        return builtin
    names = ", ".join(builtin_themes())
    raise ThemeError(
        f"no theme '{name_or_path}': give a built-in theme ({names}) "
        f"or a folder that holds a theme.toml"
    )


def _read_toml(folder: Path) -> dict:
    try:
        with open(folder / "theme.toml", "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{folder / 'theme.toml'}: {exc}; fix the TOML syntax") from exc


def load_theme(name_or_path: str | Path) -> Theme:
    """The theme named (built-in) or found at a folder, with its whole search path."""
    folders: list[Path] = []
    layers: list[dict] = []
    current: str | Path | None = name_or_path
    relative_to = Path(".")
    while current is not None:
        folder = _theme_folder(current, relative_to)
        if folder in folders:
            chain = " -> ".join(f.name for f in folders)
            raise ThemeError(f"theme '{name_or_path}' extends itself in a loop ({chain} -> {folder.name})")
        folders.append(folder)
        data = _read_toml(folder)
        layers.append(data)
        parent = data.get("extends")
        if parent is None and folder != BUILTIN_DIR / BASE:
            parent = BASE
        current, relative_to = parent, folder
    settings: dict = {}
    for data in reversed(layers):
        settings.update({k: v for k, v in data.items() if k != "extends"})
    name = str(layers[0].get("name", folders[0].name))
    return Theme(name=name, folders=tuple(folders), settings=MappingProxyType(settings))
