"""Read one article source into the model, collecting every problem on the way.

markdown-it-py parses the body (CommonMark, GitHub tables, ``:::`` callouts
via mdit-py-plugins, and our own rule for pandoc-style ``[@key]``
citations); PyYAML the front matter. Problems are collected as diagnostics
and raised together as one ``SourceError``, so an author fixes a file in one
round.

Sources come from many hands, so nothing here trusts them: the size, the
encoding, the nesting and every path are checked, and anything the parser
cannot handle becomes a diagnostic, never another exception.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import frontmatter
from .body import Body
from .decode import Decoding
from .fields import TRANSLATED_KEYS, Fields
from .errors import SourceError
from .limits import read_article_bytes
from .model import Article, Diagnostic
from .values import _short

MAX_WARNINGS = 100  # more are summarised in one line
KNOWN_KEYS = {
    "title", "subtitle", "lang", "authors", "author", "date", "reviewed", "publisher", "summary",
    "key_points", "disclaimer", "pronounce", "citation-style", "references", "slug", "glossary",
}
META_KEYS = {"id", "certified_by"}  # known, but kept in ``meta``: the edition facts read them


def parse_article(path: Path | str) -> Article:
    """Parse the article at ``path``; raise SourceError listing every problem, InputError if unreadable."""
    path = Path(path)
    return parse_text(read_article_bytes(path), path)


def parse_text(raw: bytes | str, path: Path | str) -> Article:
    """Parse a source given as bytes (or text); ``path`` names it in messages and anchors its images."""
    return _Parser(Path(path)).parse(raw)


# --- the parser -------------------------------------------------------------


@dataclass
class _Parser(Decoding, Fields, Body):
    """One source read into the model: the fields, the body and the text come from the mixins."""

    path: Path
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    line_offset: int = 0  # lines before the body
    keys: set[str] = field(default_factory=set)  # reference ids
    cite_order: list[str] = field(default_factory=list)
    cite_numbers: dict[str, int] = field(default_factory=dict)
    back_ids: dict[str, list[str]] = field(default_factory=dict)
    citation_count: int = 0
    figure_count: int = 0
    section_number: int = 0
    sentence_count: int = 0
    row_count: int = 0
    prefix: str = "s-0"

    @property
    def name(self) -> str:
        return str(self.path)

    def error(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.errors.append(Diagnostic(self.name, line, col, message, hint))

    def warn(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.warnings.append(Diagnostic(self.name, line, col, message, hint))

    # --- top level ---------------------------------------------------------

    def parse(self, raw: bytes | str) -> Article:
        text = self._decode(raw)
        fm, problems = frontmatter.split(text, self.name)
        if fm is None:
            raise SourceError(problems)
        self.warnings.extend(fm.warnings)
        self.lines = text.split("\n")
        self.line_offset = fm.body_line - 1
        data = fm.data

        # Every field is read before anything is raised, so all problems come out in one run.
        title = self._required_text(fm, "title", "add a line such as 'title: What is insulin resistance?'")
        lang = self._lang(fm)
        refs_in = self._reference_items(fm)  # also fills self.keys
        style = self._citation_style(fm)
        fields = dict(
            slug=self._slug(fm),
            subtitle=self._optional_text(fm, "subtitle"),
            authors=self._authors(fm),
            date=self._date(fm, "date"),
            reviewed=self._date(fm, "reviewed"),
            publisher=self._optional_text(fm, "publisher"),
            summary=" ".join(self._optional_text(fm, "summary").split()),
            pronounce=MappingProxyType(self._pronounce(fm)),
        )

        intro, sections = self._body(fm.body)
        self.prefix, self.sentence_count = "kp", 0
        key_points = tuple(self._key_points(fm))
        self.prefix = "d"
        disclaimer = self._markdown_field(fm, "disclaimer")
        if not data.get("disclaimer"):
            self.warn(1, 1, "no disclaimer", "health articles should carry a 'disclaimer:' in the front matter")

        for key in data:
            if key not in KNOWN_KEYS | META_KEYS:
                line, col = fm.position(key)
                close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "check its spelling: Openleaf does not use it"
                if english := TRANSLATED_KEYS.get(str(key).strip().lower()):
                    hint = f"the front matter's keys are English: did you mean '{english}'?"
                self.warn(line, col, f"unknown front matter key '{_short(str(key))}'", hint)

        refs = self._references(fm, refs_in, style) if not self.errors else ()
        if self.errors:
            raise SourceError(sorted(self.errors, key=lambda d: (d.line, d.col)))

        return Article(
            source_path=self.path.resolve(),
            title=title,
            lang=lang,
            key_points=key_points,
            intro=intro,
            sections=sections,
            references=refs,
            disclaimer=disclaimer,
            citation_style=style,
            meta=MappingProxyType({k: v for k, v in data.items() if k not in KNOWN_KEYS}),
            warnings=self._capped_warnings(),
            **fields,
        )

    def _capped_warnings(self) -> tuple[Diagnostic, ...]:
        if len(self.warnings) <= MAX_WARNINGS:
            return tuple(self.warnings)
        more = len(self.warnings) - MAX_WARNINGS
        return (*self.warnings[:MAX_WARNINGS],
                Diagnostic(self.name, self.warnings[MAX_WARNINGS].line, 1, f"{more:,} more warnings not shown",
                           "fix the ones above and publish again"))
