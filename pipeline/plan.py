"""Steps 1 and 2 of a run: find the articles, and decide for each output whether it is out of date.

An article whose source is the one recorded in its manifest is not even
parsed: its slug, images and warnings come from the manifest. Everything here
is cheap (hashes of small files); a run where nothing changed is only this.
"""

from __future__ import annotations

import glob
import os
from dataclasses import replace
from pathlib import Path

from ..formats.options import Options
from ..formats.registry import FORMATS, ordered
from ..source import settings
from ..source.errors import InputError, OutputError, SourceError
from ..source.limits import read_article_bytes
from ..source.model import Diagnostic
from ..themes import BUILTIN_DIR, Theme, load_theme
from .manifest import Manifest, image_hashes, output_key, sha256_bytes
from .report import ArticleStatus, OutputStatus
from .worker import parse_cached

# --- 1. find ----------------------------------------------------------------------


def find_articles(inputs: list[str]) -> list[Path]:
    """The article files named by ``inputs``: files, folders (every ``*.md`` below) and glob patterns."""
    found: list[Path] = []
    for text in inputs:
        path = Path(text)
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*.md") if p.is_file() and not _hidden(p.relative_to(path)))
            if not matches:
                raise InputError(f"{text}: no articles (*.md files) in this folder")
        elif path.exists():
            matches = [path]
        elif glob.has_magic(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"{text}: no article matches this pattern")
        else:
            raise InputError(f"{text}: no such file or folder; check the path")
        found.extend(matches)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# --- 2. plan ----------------------------------------------------------------------


def theme_folders(fmt: str, theme: Theme) -> tuple[Path, ...]:
    """The folders an output's look comes from (the large-print PDF falls back on the large-print theme)."""
    if fmt == "large-print-pdf":
        return theme.folders + (BUILTIN_DIR / "large-print", BUILTIN_DIR / "base")
    return theme.folders


def plan_article(path: Path, out_root: Path, formats: list[str], themes: dict[str, Theme], options: Options,
                 known: dict[str, tuple[Path, Manifest]], force: bool) -> ArticleStatus:  # fmt: skip
    """What this article needs: its slug, and for each format its key and whether it is unchanged."""
    status = ArticleStatus(source=path)
    try:
        raw = read_article_bytes(path)
    except (InputError, SourceError) as error:
        status.errors, status.exit_code = error.lines(), error.exit_code
        return status
    status.source_sha = sha256_bytes(raw)

    images = None
    name, absolute = str(path), str(path.resolve())
    previous = known.get(absolute)
    if previous is not None and previous[1].source_sha256 == status.source_sha:
        # The source is the one built last time: its slug, images and warnings are known without parsing.
        folder, status.manifest = previous
        status.slug, status.warnings = folder.name, renamed(status.manifest.warnings, absolute, name)
        images = image_hashes(path.parent, status.manifest.images)
    if images is None:
        try:
            article = parse_cached(str(path), raw)  # --jobs 1 builds in this process and finds it parsed
        except SourceError as error:
            status.errors, status.exit_code = error.lines(), error.exit_code
            return status
        status.slug = article.slug
        status.warnings = [str(w) for w in article.warnings]
        relpaths = sorted({f.path.relative_to(article.folder).as_posix() for f in article.figures()})
        images = image_hashes(article.folder, relpaths) or []
        status.manifest = Manifest.load(out_root / article.slug) or Manifest()
        status.manifest.images = relpaths
    status.out_dir = out_root / status.slug
    status.manifest.source, status.manifest.source_sha256 = absolute, status.source_sha
    status.manifest.warnings = renamed(status.warnings, name, absolute)

    config = settings.fingerprint(path, options.config)  # openleaf.toml and its logo; "" without one

    def key(fmt: str, consumed: dict[str, str] | None = None, chosen: Options = options) -> str:
        return output_key(fmt, status.source_sha + config, images, theme_folders(fmt, themes[fmt]), chosen, consumed)

    keys: dict[str, str] = {}
    for fmt in ordered(set(formats) | producers_of(formats, options)):
        consumed = {p: keys[p] for p in consumes(fmt, options) if p in keys}
        if fmt in formats:
            keys[fmt] = key(fmt, consumed)
        elif (record := status.manifest.outputs.get(fmt)) is not None:
            # Not asked for in this run: what an earlier run left, if it is still up to date with the
            # options it was made with (the audio's voice and rate, whatever this run's are).
            made_with = {name: value for name, value in record.options.items() if name in FORMATS[fmt].options}
            keys[fmt] = key(fmt, consumed, replace(options, **made_with))
        if fmt not in formats:
            continue
        output = OutputStatus(fmt, keys[fmt])
        # What it builds on: made in this run, or up to date from an earlier one.
        output.consumes = [p for p in consumed if p in formats or status.manifest.unchanged(p, keys[p], status.out_dir)]
        if len(output.consumes) < len(consumed):  # a different key: built without, and built again once it is there
            output.key = keys[fmt] = key(fmt, {p: keys[p] for p in output.consumes})
        if not force and status.manifest.unchanged(fmt, output.key, status.out_dir):
            record = status.manifest.outputs[fmt]
            output.status, output.files = "unchanged", record.files
            output.warnings = renamed(record.warnings, absolute, name)
        status.outputs[fmt] = output
    return status


def consumes(fmt: str, options: Options) -> tuple[str, ...]:
    """The outputs ``fmt`` builds on (read-along: the audio), unless the options ask for it alone."""
    return FORMATS[fmt].consumes if options.read_along else ()


def producers_of(formats, options: Options) -> set[str]:
    return {producer for fmt in formats for producer in consumes(fmt, options)}


def renamed(lines: list[str], old: str, new: str) -> list[str]:
    """Lines that name a source ``old`` (``FILE:...``), naming it ``new``. A manifest names the source by its
    absolute path, which holds from any folder; a person sees it as they named it on this run."""
    return [new + line[len(old):] if line.startswith(old + ":") else line for line in lines]


def warnings_to_show(article: ArticleStatus) -> list[str]:
    """The article's warnings and those of its unchanged outputs, each once: a warning stays true,
    and worth showing, for as long as what it is about is unchanged."""
    lines = article.warnings + [line for o in article.outputs.values() if o.status == "unchanged" for line in o.warnings]
    return list(dict.fromkeys(lines))


def duplicate_slugs(articles: list[ArticleStatus]) -> SourceError | None:
    by_slug: dict[str, list[ArticleStatus]] = {}
    for article in articles:
        if article.slug:
            by_slug.setdefault(article.slug, []).append(article)
    problems = []
    for slug, same in by_slug.items():
        for article in same[1:]:
            problems.append(Diagnostic(
                str(article.source), 1, 1, f"'{slug}' is also the slug of {same[0].source}: both would be "
                f"published to {article.out_dir}/", "give one of them another 'slug:' in its front matter, or rename it",
            ))  # fmt: skip
    return SourceError(problems) if problems else None



def check_out_folder(out_root: Path) -> None:
    """Fail before any work when nothing could be written under ``out_root``. Creates nothing (a run
    whose every article fails leaves no empty folder behind): the nearest folder that exists is checked."""
    if out_root.exists() and not out_root.is_dir():
        raise OutputError(f"{out_root}: is a file, not a folder; give --out a folder (it is created if missing), "
                          "or move the file")
    existing = out_root
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{out_root}: cannot create the output folder: {existing} is a file; choose another with --out")
    if not os.access(existing, os.W_OK | os.X_OK):
        if existing == out_root:
            raise OutputError(f"{out_root}: the output folder is not writable; choose another with --out")
        raise OutputError(f"{out_root}: cannot create the output folder: {existing} is not writable; "
                          "choose another with --out")




def check_writable(out_dir: Path) -> None:
    """Make the output folder; fail before any work when it cannot be made or written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc}); "
                          "choose another with --out") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable; choose another with --out")


def themes_for(formats, theme: str | Path | None) -> dict[str, Theme]:
    """Load every theme the run needs up front, so a bad theme fails before any work."""
    loaded: dict[str, Theme] = {}
    for name in formats:
        choice = str(theme) if theme else FORMATS[name].theme
        if choice not in loaded:
            loaded[choice] = load_theme(choice)
        loaded[name] = loaded[choice]
    return {name: loaded[name] for name in formats}
