"""Themes: folders of Jinja2 templates and CSS, found along a search path.

A theme is a folder with a ``theme.toml`` (``name``, ``description``,
``extends``, and settings such as fonts and sizes) and files per format
(``pdf/``, ``html/``, ``epub/``). A template is looked up in the theme's
folder first, then in the theme it extends, and so on down to ``base``; a
template can extend the one it replaces by its theme's name
(``{% extends "base:pdf/handout.html.j2" %}``) and override one block.
Stylesheets cascade instead of replacing each other: every theme's
``pdf/handout.css`` (and ``epub/epub.css``) is applied, ``base`` first, then
the files a theme lists in ``theme.toml`` (``[pdf] stylesheets = ["extra.css"]``).

Theme *names* are the built-in themes; a folder is used only when given as a
path (with a slash, or starting with ``.`` or ``~``), so that a stray folder
in the current directory never replaces a built-in theme.
"""

from __future__ import annotations

import functools
import os
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
    layers: tuple[Mapping[str, object], ...] = ()  # each folder's own theme.toml, in the order of folders

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

    def stylesheets(self, relpath: str, required: bool = True) -> list[Path]:
        """The cascade for one format's stylesheet: ``relpath`` in every folder that has it, ``base``
        first, each followed by the extra files that folder's theme.toml lists for the format."""
        fmt = relpath.split("/")[0]
        found: list[Path] = []
        for folder, layer in reversed(list(zip(self.folders, self.layers))):
            if (folder / relpath).is_file():
                found.append(folder / relpath)
            extra = layer.get(fmt, {}).get("stylesheets", []) if isinstance(layer.get(fmt), dict) else []
            for name in extra:
                path = (folder / str(name)).resolve()
                if not path.is_relative_to(folder) or not path.is_file():
                    raise ThemeError(
                        f"{folder / 'theme.toml'}: [{fmt}] stylesheets names '{name}', which is not a file "
                        f"in {folder}; put the stylesheet in the theme folder or correct the name"
                    )
                found.append(path)
        if not found and required:
            self.find(relpath)  # raises the error that lists the folders searched
        return found

    def environment(self) -> jinja2.Environment:
        # One environment per set of folders, so that each template is compiled once per
        # process (an EPUB renders the same template for every section), not once per page.
        return _environment(self.folders)

    def render(self, template: str, **context) -> str:
        try:
            return self.environment().get_template(template).render(theme=self.settings, **context)
        except jinja2.TemplateNotFound as exc:
            self.find(exc.name or template)  # raises the error that lists the folders searched
            raise
        except jinja2.TemplateError as exc:
            where = f"{exc.filename}:{exc.lineno}: " if getattr(exc, "lineno", None) else ""
            raise ThemeError(f"theme '{self.name}': {where}{exc.message}") from exc


@functools.lru_cache(maxsize=16)
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    # A template is found along the search path; "base:pdf/handout.html.j2" names a built-in theme's
    # own, so that a theme's template can extend the very template it replaces.
    builtins = {name: jinja2.FileSystemLoader(str(BUILTIN_DIR / name)) for name in builtin_themes()}
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader([str(f) for f in folders]), jinja2.PrefixLoader(builtins, delimiter=":")]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def builtin_themes() -> list[str]:
    return sorted(p.parent.name for p in BUILTIN_DIR.glob("*/theme.toml"))


def describe_builtin_themes() -> list[tuple[str, str]]:
    """(name, what it is for) of every built-in theme, from its theme.toml."""
    return [(name, str(_read_toml(BUILTIN_DIR / name).get("description", ""))) for name in builtin_themes()]


def print_builtin_themes() -> int:
    """``publish themes``: each built-in theme and what it is for; 0."""
    described = describe_builtin_themes()
    width = max(len(name) for name, _ in described) + 2
    for name, description in described:
        print(f"{name:<{width}}{description}")
    print("\nA theme folder of your own (--theme ./my-theme) extends one of these: see the README.")
    return 0


def is_path(name_or_path: str | Path) -> bool:
    """A theme given as a folder rather than by name: a Path, or text with a slash or starting with . or ~."""
    if isinstance(name_or_path, Path):
        return True
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(sep in name_or_path for sep in separators) or name_or_path.startswith((".", "~"))


def _theme_folder(name_or_path: str | Path, relative_to: Path = Path(".")) -> Path:
    # A path in a user theme's `extends` is relative to that theme's folder.
    if is_path(name_or_path):
        path = relative_to / Path(name_or_path).expanduser()
        if (path / "theme.toml").is_file():
            return path.resolve()
        raise ThemeError(
            f"no theme folder '{name_or_path}': {path} holds no theme.toml; "
            f"give a folder with a theme.toml, or a built-in theme ({', '.join(builtin_themes())})"
        )
    builtin = BUILTIN_DIR / str(name_or_path)
    if str(name_or_path) in builtin_themes():
        return builtin
    names = ", ".join(builtin_themes())
    hint = f"; for a folder, write ./{name_or_path}" if (relative_to / str(name_or_path) / "theme.toml").is_file() else ""
    raise ThemeError(
        f"no built-in theme '{name_or_path}': give one of {names} (see: publish themes) "
        f"or a theme folder as a path such as ./my-theme{hint}"
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
    return Theme(
        name=name,
        folders=tuple(folders),
        settings=MappingProxyType(settings),
        layers=tuple(MappingProxyType(layer) for layer in layers),
    )
