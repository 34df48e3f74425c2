"""Read one article source into the model, collecting every problem on the way.

markdown-it-py parses the body (CommonMark, GitHub tables, ``:::`` callouts
via mdit-py-plugins, and our own rule for pandoc-style ``[@key]``
citations); PyYAML the front matter. Problems are collected as diagnostics
and raised together as one ``SourceError``, so an author fixes a file in one
round.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from . import frontmatter, references, sentences
from .errors import InputError, SourceError
from .model import (
    Article,
    Author,
    Block,
    Callout,
    Cite,
    Citation,
    Code,
    Diagnostic,
    Emph,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Reference,
    Section,
    Sentence,
    Strong,
    Table,
    TableRow,
    Text,
)

MAX_BYTES = 5 * 1024 * 1024  # a long article is ~100 kB; larger files are refused, not slowly parsed
MAX_NESTING = 20  # lists, quotes and callouts inside each other
CALLOUT_KINDS = ("note", "tip", "warning")
KNOWN_KEYS = {
    "title", "subtitle", "lang", "authors", "author", "date", "reviewed", "publisher", "summary",
    "key_points", "disclaimer", "pronounce", "citation-style", "references", "slug",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")
_CITE_KEY = r"[A-Za-z0-9_][\w:.#$%&+?<>~/-]*"
_CITE_ITEM = re.compile(r"\s*@(" + _CITE_KEY + r")\s*(?:,\s*([^;]*?))?\s*$")
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")
_OBJECT = "\uFFFC"  # stands for an inline object (citation) in text handed to the splitter


def parse_article(path: Path | str) -> Article:
    """Parse the article at ``path``; raise SourceError listing every problem, InputError if unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_text(raw, path)


def parse_text(raw: bytes | str, path: Path) -> Article:
    return _Parser(path).parse(raw)


def slugify(text: str) -> str:
    """A file-name-safe slug: lower-case ASCII letters, digits and single dashes."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or "article"


# --- markdown-it set-up -----------------------------------------------------


def _citation_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("[@", pos) and not src.startswith("[-@", pos):
        return False
    end = src.find("]", pos)
    if end < 0 or "\n\n" in src[pos:end] or src.startswith("(", end + 1):
        return False  # "[@name](url)" is a link, leave it to the link rule
    if not silent:
        token = state.push("citation", "", 0)
        token.content = src[pos : end + 1]
        token.meta = {"offset": pos}
    state.pos = end + 1
    return True


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING + 2}).enable("table")
    md.validateLink = lambda url: True  # we vet links ourselves, with a warning instead of silence
    md.inline.ruler.before("link", "citation", _citation_rule)
    container_plugin(md, "callout", validate=lambda params, *args: bool(params.strip()))
    return md


_MD = _markdown()


# --- the parser -------------------------------------------------------------


@dataclass
class _Parser:
    path: Path
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    line_offset: int = 0  # lines before the body
    keys: set[str] = field(default_factory=set)  # reference ids
    cite_order: list[str] = field(default_factory=list)
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
        self.lines = text.split("\n")
        self.line_offset = fm.body_line - 1
        data = fm.data

        title = self._required_text(fm, "title", "add a line such as 'title: What is insulin resistance?'")
        lang = self._lang(fm)
        refs_in = self._reference_items(fm)
        self.keys = {str(item["id"]) for item in refs_in}
        style = self._citation_style(fm)

        intro, sections = self._body(fm.body)
        self.prefix, self.sentence_count = "kp", 0
        key_points = tuple(self._key_points(fm))
        self.prefix = "d"
        disclaimer = self._markdown_field(fm, "disclaimer")
        if not data.get("disclaimer"):
            self.warn(1, 1, "no disclaimer", "health articles should carry a 'disclaimer:' in the front matter")

        for key in data:
            if key not in KNOWN_KEYS:
                line, col = fm.position(key)
                close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "it is kept for themes as meta but not used"
                self.warn(line, col, f"unknown front matter key '{key}'", hint)

        refs = self._references(fm, refs_in, style) if not self.errors else ()
        if self.errors:
            raise SourceError(self.errors)

        return Article(
            source_path=self.path.resolve(),
            slug=self._slug(fm),
            title=title,
            lang=lang,
            subtitle=self._optional_text(fm, "subtitle"),
            authors=self._authors(fm),
            date=self._date(fm, "date"),
            reviewed=self._date(fm, "reviewed"),
            publisher=self._optional_text(fm, "publisher"),
            summary=" ".join(self._optional_text(fm, "summary").split()),
            key_points=key_points,
            intro=intro,
            sections=sections,
            references=refs,
            disclaimer=disclaimer,
            pronounce=MappingProxyType(self._pronounce(fm)),
            citation_style=style,
            meta=MappingProxyType({k: v for k, v in data.items() if k not in KNOWN_KEYS}),
            warnings=tuple(self.warnings),
        )

    def _decode(self, raw: bytes | str) -> str:
        if isinstance(raw, str):
            text = raw
        else:
            if len(raw) > MAX_BYTES:
                raise SourceError([Diagnostic(
                    self.name, 1, 1,
                    f"file is {len(raw) / 1e6:.1f} MB, above the {MAX_BYTES // (1024 * 1024)} MB limit for one article",
                    "split it into several articles",
                )])
            if b"\x00" in raw[:8192]:
                raise SourceError([Diagnostic(self.name, 1, 1, "this is a binary file, not a Markdown article",
                                              "give the .md file of the article")])
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
                raise SourceError([Diagnostic(
                    self.name, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                    "save the file as UTF-8 in your editor",
                )]) from None
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise SourceError([Diagnostic(self.name, 1, 1, "the file is empty",
                                          "write front matter with a title and lang, then the article")])
        return text

    # --- front matter fields --------------------------------------------------

    def _required_text(self, fm, key: str, hint: str) -> str:
        value = fm.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            line, col = fm.position(key) if key in fm.data else (1, 1)
            self.error(line, col, f"missing '{key}'", hint)
            return ""
        if not isinstance(value, (str, int, float)):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' on one line")
            return ""
        return " ".join(str(value).split())

    def _optional_text(self, fm, key: str) -> str:
        value = fm.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' as plain text")
            return ""
        return str(value).strip()

    def _lang(self, fm) -> str:
        value = fm.data.get("lang")
        if value is None:
            self.error(1, 1, "missing 'lang'", "add a BCP 47 language tag such as 'lang: en-US' or 'lang: es'")
            return "en"
        if not isinstance(value, str) or not _BCP47.match(value.strip()):
            line, col = fm.position("lang")
            self.error(line, col, f"'lang: {value}' is not a BCP 47 language tag",
                       "use a tag such as en, en-US, en-GB, es, de-DE or fr-CA")
            return "en"
        return value.strip()

    def _slug(self, fm) -> str:
        given = fm.data.get("slug")
        if isinstance(given, str) and given.strip():
            return slugify(given)
        stem = self.path.stem
        if stem.lower() in ("index", "article", "readme"):
            stem = self.path.resolve().parent.name
        return slugify(stem)

    def _authors(self, fm) -> tuple[Author, ...]:
        key = "authors" if "authors" in fm.data else "author"
        value = fm.data.get(key)
        if value is None:
            return ()
        if isinstance(value, (str, dict)):
            value = [value]
        if not isinstance(value, list):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be a list of names", "write '- name: Jane Doe' lines")
            return ()
        authors = []
        for index, entry in enumerate(value):
            if isinstance(entry, str) and entry.strip():
                authors.append(Author(" ".join(entry.split())))
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
                credentials = entry.get("credentials") or ""
                authors.append(Author(" ".join(entry["name"].split()), str(credentials).strip()))
            else:
                line, col = fm.position(key, index)
                self.error(line, col, "an author needs a name", "write '- name: Jane Doe' (credentials optional)")
        return tuple(authors)

    def _date(self, fm, key: str) -> dt.date | None:
        value = fm.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            line, col = fm.position(key)
            self.error(line, col, f"'{key}: {value}' is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-01")
            return None

    def _pronounce(self, fm) -> dict[str, str]:
        value = fm.data.get("pronounce")
        if value is None:
            return {}
        if not isinstance(value, dict):
            line, col = fm.position("pronounce")
            self.error(line, col, "'pronounce' must map terms to how they are said", "write e.g. 'A1C: A one C'")
            return {}
        return {str(k): " ".join(str(v).split()) for k, v in value.items() if v is not None}

    def _citation_style(self, fm) -> str:
        value = fm.data.get("citation-style", references.DEFAULT_STYLE)
        if not isinstance(value, str) or not references.style_exists(value.strip()):
            line, col = fm.position("citation-style")
            self.error(line, col, f"unsupported citation-style '{value}'",
                       "use a CSL style name such as american-medical-association (default), vancouver or apa")
            return references.DEFAULT_STYLE
        return value.strip()

    def _reference_items(self, fm) -> list[dict]:
        value = fm.data.get("references")
        if value is None:
            return []
        if not isinstance(value, list):
            line, col = fm.position("references")
            self.error(line, col, "'references' must be a list", "write each reference as '- id: key' with its fields")
            return []
        items, seen = [], {}
        for index, item in enumerate(value):
            line, col = fm.position("references", index)
            if not isinstance(item, dict) or not item.get("id"):
                self.error(line, col, "a reference needs an 'id'", "start each reference with '- id: shortname2024'")
                continue
            key = str(item["id"])
            if key in seen:
                self.error(line, col, f"duplicate reference id '{key}' (first on line {seen[key]})",
                           "give each reference its own id")
                continue
            seen[key] = line
            if not item.get("title"):
                self.error(line, col, f"reference '{key}' has no title", "add 'title: ...' to the reference")
            items.append(item)
        return items

    def _references(self, fm, items: list[dict], style: str) -> tuple[Reference, ...]:
        by_key = {str(item["id"]): item for item in items}
        ordered = [key for key in self.cite_order]
        for index, item in enumerate(items):
            key = str(item["id"])
            if key not in self.back_ids:
                line, col = fm.position("references", index)
                self.warn(line, col, f"reference '{key}' is never cited",
                          f"cite it with [@{key}] or remove it; it is listed last")
                ordered.append(key)
        formatted = references.format_references([by_key[k] for k in ordered], style)
        return tuple(
            Reference(
                key=key,
                number=number,
                id=f"ref-{number}",
                csl=MappingProxyType(dict(by_key[key])),
                text=plain,
                html=rich,
                cited=key in self.back_ids,
                back_ids=tuple(self.back_ids.get(key, ())),
            )
            for number, (key, (plain, rich)) in enumerate(zip(ordered, formatted), start=1)
        )

    def _key_points(self, fm) -> list[Sentence]:
        value = fm.data.get("key_points")
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            line, col = fm.position("key_points")
            self.error(line, col, "'key_points' must be a list", "write each key point as a '- ' line")
            return []
        points = []
        for index, item in enumerate(value):
            line, _ = fm.position("key_points", index)
            tokens = _MD.parseInline(str(item))
            inlines = self._inlines(tokens[0].children or [], line) if tokens else ()
            self.sentence_count += 1
            points.append(Sentence(f"kp-{self.sentence_count}", _trim(inlines)))
        return points

    def _markdown_field(self, fm, key: str) -> tuple[Block, ...]:
        value = fm.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, str):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: >' and the text indented below it")
            return ()
        line, _ = fm.position(key)
        saved = self.line_offset
        self.line_offset = line  # report problems near the key
        self.sentence_count = 0
        blocks = self._blocks(_MD.parse(value))
        self.line_offset = saved
        return blocks

    # --- body ---------------------------------------------------------------------

    def _body(self, body: str) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
        tokens = _MD.parse(body)
        self._check_raw_html(body)
        chunks: list[tuple[Token | None, list[Token]]] = [(None, [])]
        depth = 0
        for token in tokens:
            if token.type == "heading_open" and depth == 0:
                chunks.append((token, []))
            else:
                chunks[-1][1].append(token)
            depth += token.nesting
        intro: tuple[Block, ...] = ()
        sections: list[Section] = []
        previous_level = 1
        heading_inline: Token | None = None
        for heading, chunk in chunks:
            if heading is None:
                self.prefix, self.sentence_count = "s-0", 0
                intro = self._blocks(chunk)
                continue
            level = int(heading.tag[1])
            line = self._line(heading)
            heading_inline, rest = chunk[0], chunk[2:]  # inline, heading_close
            if level == 1:
                self.error(line, 1, "a '#' heading in the body",
                           "the title comes from the front matter; use '##' for sections")
                level = 2  # read on, so every other problem is reported in the same run
            if level > previous_level + 1:
                self.warn(line, 1, f"heading level {level} follows level {previous_level}",
                          f"use {'#' * (previous_level + 1)} so no level is skipped; it is treated as one")
                level = previous_level + 1
            previous_level = level
            self.section_number += 1
            self.prefix, self.sentence_count = f"s-{self.section_number}", 0
            title = _trim(self._inlines(heading_inline.children or [], line))
            sections.append(Section(f"sec-{self.section_number}", self.section_number, level, title, self._blocks(rest)))
        return intro, tuple(sections)

    def _line(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + 1 + self.line_offset

    def _check_raw_html(self, body: str) -> None:
        in_fence = False
        for index, text in enumerate(body.split("\n")):
            if text.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            match = None if in_fence else _RAW_HTML.search(text)
            if match:
                self.warn(index + 1 + self.line_offset, match.start() + 1,
                          f"raw HTML '{match.group(0)[:30]}' is shown as text, not passed through",
                          "write it in Markdown instead")

    def _blocks(self, tokens: list[Token]) -> tuple[Block, ...]:
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            close = _matching_close(tokens, index)
            inner = tokens[index + 1 : close]
            kind = token.type
            if kind == "paragraph_open":
                blocks.extend(self._paragraph(inner[0], self._line(token)))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                blocks.append(self._list(token, inner))
            elif kind == "blockquote_open":
                blocks.append(Quote(self._blocks(inner)))
            elif kind == "container_callout_open":
                blocks.append(self._callout(token, inner))
            elif kind == "table_open":
                blocks.append(self._table(inner, self._line(token)))
            elif kind in ("fence", "code_block"):
                blocks.append(self._sentences_block((Code(token.content.rstrip("\n")),)))
            elif kind == "heading_open":  # headings inside quotes or lists: keep their text
                blocks.extend(self._paragraph(inner[0], self._line(token)))
            elif kind not in ("hr",):
                pass
            index = close + 1
        return tuple(blocks)

    def _list(self, token: Token, inner: list[Token]) -> ListBlock:
        items = []
        index = 0
        while index < len(inner):
            close = _matching_close(inner, index)
            if inner[index].type == "list_item_open":
                items.append(ListItem(self._blocks(inner[index + 1 : close])))
            index = close + 1
        start = int(token.attrs.get("start", 1)) if token.type == "ordered_list_open" else 1
        return ListBlock(ordered=token.type == "ordered_list_open", items=tuple(items), start=start)

    def _callout(self, token: Token, inner: list[Token]) -> Callout:
        kind = token.info.strip().split()[0].lower() if token.info.strip() else ""
        if kind not in CALLOUT_KINDS:
            self.error(self._line(token), 1, f"unknown callout '::: {kind}'",
                       f"use one of {', '.join('::: ' + k for k in CALLOUT_KINDS)}")
        return Callout(kind if kind in CALLOUT_KINDS else "note", self._blocks(inner))

    def _table(self, inner: list[Token], line: int) -> Table:
        rows: list[tuple[bool, list[tuple[Inline, ...]]]] = []
        aligns: list[str] = []
        for token in inner:
            if token.type == "tr_open":
                rows.append((False, []))
            elif token.type in ("th_open", "td_open"):
                if token.type == "th_open":
                    rows[-1] = (True, rows[-1][1])
                    style = str(token.attrs.get("style", ""))
                    aligns.append(style.split(":")[-1] if style else "")
            elif token.type == "inline":
                rows[-1][1].append(_trim(self._inlines(token.children or [], line)))
        header = None
        body_rows = []
        for is_header, cells in rows:
            self.row_count += 1
            row = TableRow(f"row-{self.row_count}", tuple(cells))
            if is_header and header is None:
                header = row
            else:
                body_rows.append(row)
        return Table(header, tuple(body_rows), tuple(aligns))

    def _paragraph(self, inline: Token, line: int) -> list[Block]:
        """A paragraph; images in it become figures after it."""
        children = inline.children or []
        figures = []
        rest = []
        for child in children:
            if child.type == "image":
                figure = self._figure(child, line)
                if figure is not None:
                    figures.append(figure)
            else:
                rest.append(child)
        inlines = _trim(self._inlines(rest, line, inline.content))
        blocks: list[Block] = []
        if plain_len(inlines):
            blocks.append(self._sentences_block(inlines))
        return blocks + figures

    def _sentences_block(self, inlines: tuple[Inline, ...]) -> Paragraph:
        text = _flat_text(inlines)
        spans = sentences.split_offsets(text) or [(0, len(text))]
        result = []
        for start, end in spans:
            self.sentence_count += 1
            result.append(Sentence(f"{self.prefix}-{self.sentence_count}", _trim(_cut(inlines, start, end))))
        return Paragraph(tuple(result))

    def _figure(self, token: Token, line: int) -> Figure | None:
        src = str(token.attrs.get("src", ""))
        alt = " ".join(token.content.split())
        col = self._col_of(line, src) or 1
        if not alt:
            self.error(line, col, f"image '{src}' has no alt text",
                       "describe the image in ![...], or write ![decorative](...) if it only decorates")
            return None
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("/"):
            self.error(line, col, f"image '{src}' is not a file inside the article's folder",
                       "copy the image next to the article and give a relative path such as images/a.png")
            return None
        folder = self.path.resolve().parent
        target = (folder / unquote(src)).resolve()
        if not target.is_relative_to(folder):
            self.error(line, col, f"image '{src}' leaves the article's folder",
                       "keep images inside the article's folder, e.g. images/a.png")
            return None
        if not target.is_file():
            self.error(line, col, f"image '{src}' not found", f"put the image at {target} or correct the path")
            return None
        self.figure_count += 1
        caption = (Text(str(token.attrs["title"])),) if token.attrs.get("title") else ()
        return Figure(f"fig-{self.figure_count}", src, target, "" if alt.lower() == "decorative" else alt, caption)

    def _col_of(self, line: int, needle: str) -> int:
        if 0 < line <= len(self.lines) and needle:
            found = self.lines[line - 1].find(needle)
            return found + 1 if found >= 0 else 0
        return 0

    # --- inlines ----------------------------------------------------------------

    def _inlines(self, tokens: list[Token], line: int, content: str = "") -> tuple[Inline, ...]:
        stack: list[tuple[str, list, Token | None]] = [("root", [], None)]
        for token in tokens:
            kind = token.type
            if kind in ("text", "text_special", "html_inline"):
                stack[-1][1].append(Text(token.content))
            elif kind == "code_inline":
                stack[-1][1].append(Code(token.content))
            elif kind in ("softbreak",):
                stack[-1][1].append(Text(" "))
            elif kind == "hardbreak":
                stack[-1][1].append(LineBreak())
            elif kind == "citation":
                here = line + content[: token.meta.get("offset", 0)].count("\n")
                stack[-1][1].append(self._citation(token.content, here))
            elif kind == "image":
                stack[-1][1].append(Text(token.content))
            elif kind.endswith("_open"):
                stack.append((kind, [], token))
            elif kind.endswith("_close") and len(stack) > 1:
                opened, children, open_token = stack.pop()
                stack[-1][1].append(self._wrap(opened, tuple(children), open_token, line))
        while len(stack) > 1:  # unbalanced input: keep the text
            _, children, _ = stack.pop()
            stack[-1][1].extend(children)
        return _merge_text(tuple(stack[0][1]))

    def _wrap(self, kind: str, children: tuple[Inline, ...], token: Token | None, line: int) -> Inline | Text:
        children = _merge_text(children)
        if kind == "em_open":
            return Emph(children)
        if kind == "strong_open":
            return Strong(children)
        if kind == "link_open" and token is not None:
            href = str(token.attrs.get("href", ""))
            if _safe_url(href):
                return Link(href, children)
            self.warn(line, self._col_of(line, href) or 1, f"link '{href[:60]}' removed, its text kept",
                      "only http, https, mailto and tel links and #anchors are allowed")
            return _Group(children)
        return _Group(children)

    def _citation(self, raw: str, line: int) -> Inline:
        col = self._col_of(line, raw) or 1
        body = raw[1:-1]
        cites = []
        for part in body.split(";"):
            match = _CITE_ITEM.match(part)
            if not match:
                self.error(line, col, f"malformed citation '{raw}'",
                           "write citations as [@key], [@key1; @key2] or [@key, p. 12]")
                return Text(raw)
            key, locator = match.group(1), (match.group(2) or "").strip()
            if key not in self.keys:
                close = difflib.get_close_matches(key, self.keys, n=1)
                hint = f"did you mean '@{close[0]}'?" if close else "add it to 'references:' in the front matter"
                self.error(line, col, f"unknown citation key '@{key}'", hint)
                return Text(raw)
            if key not in self.back_ids:
                self.cite_order.append(key)
                self.back_ids[key] = []
            cites.append((key, locator))
        self.citation_count += 1
        cite_id = f"cite-{self.citation_count}"
        for key, _ in cites:
            if cite_id not in self.back_ids[key]:
                self.back_ids[key].append(cite_id)
        return Citation(
            tuple(Cite(key, self.cite_order.index(key) + 1, locator) for key, locator in cites), cite_id
        )


# --- inline helpers -------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """Children that lost their wrapper (a removed link); flattened by _merge_text."""

    children: tuple


def _merge_text(nodes: tuple) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, _Group):
            for child in _merge_text(node.children):
                _append(out, child)
        else:
            _append(out, node)
    return tuple(out)


def _append(out: list, node) -> None:
    if isinstance(node, Text) and out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text + node.text)
    elif not (isinstance(node, Text) and node.text == ""):
        out.append(node)


def _safe_url(href: str) -> bool:
    if href.startswith("#"):
        return True
    scheme = urlsplit(href.strip()).scheme.lower()
    return scheme in SAFE_SCHEMES


def _flat_text(inlines: tuple[Inline, ...]) -> str:
    """Text for the splitter: each citation or line break is one placeholder character."""
    out = []
    for node in inlines:
        if isinstance(node, Text | Code):
            out.append(node.text)
        elif isinstance(node, Emph | Strong | Link):
            out.append(_flat_text(node.children))
        else:
            out.append(_OBJECT if isinstance(node, Citation) else " ")
    return "".join(out)


def plain_len(inlines: tuple[Inline, ...]) -> int:
    return len(_flat_text(inlines).strip())


def _cut(inlines: tuple[Inline, ...], start: int, end: int) -> tuple[Inline, ...]:
    """The part of ``inlines`` covering flat-text offsets [start, end), wrappers kept."""
    out: list[Inline] = []
    position = 0
    for node in inlines:
        length = len(_flat_text((node,)))
        node_start, node_end = position, position + length
        position = node_end
        if node_end <= start or node_start >= end:
            continue
        if isinstance(node, Text | Code):
            piece = node.text[max(start - node_start, 0) : end - node_start]
            out.append(type(node)(piece))
        elif isinstance(node, Emph | Strong):
            out.append(type(node)(_cut(node.children, start - node_start, end - node_start)))
        elif isinstance(node, Link):
            out.append(Link(node.url, _cut(node.children, start - node_start, end - node_start)))
        else:
            out.append(node)
    return tuple(out)


def _trim(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Strip white space at both ends."""
    nodes = list(inlines)
    if nodes and isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip())
    return tuple(n for n in nodes if not (isinstance(n, Text) and n.text == ""))


def _matching_close(tokens: list[Token], index: int) -> int:
    """Index of the token that closes tokens[index] (itself for a self-contained token)."""
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1
