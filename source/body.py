"""The article body for the parser: markdown-it tokens to sections, blocks, sentences and inlines."""

from __future__ import annotations

import bisect
import difflib
import re
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import image as _image_rule  # the rule functions themselves
from markdown_it.rules_inline import link as _link_rule
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from . import sentences
from .csl import _scheme
from .images import _image_problem
from .inlines import _Cutter, _Group, _flat_text, _matching_close, _merge_text, _trim, plain_len
from .values import _short
from .model import (
    Block,
    Callout,
    Cite,
    Citation,
    Code,
    Emph,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
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
LONG_SENTENCE_WORDS = 200  # accepted, with a warning: too long to read or to listen to
CALLOUT_KINDS = ("note", "tip", "warning")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_CITE_KEY = r"[A-Za-z0-9_][\w:.#$%&+?<>~/-]*"
_CITE_ITEM = re.compile(r"\s*@(" + _CITE_KEY + r")\s*(?:,\s*([^;]*?))?\s*$")
_CITE_ID = re.compile(_CITE_KEY)
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")


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


def _blank_rule(state: StateInline, silent: bool) -> bool:
    """A run of three or more underscores with no word against it is a blank to fill in.

    Forms write "Date: ____/____/2026" or "Weight: ______ kg"; CommonMark would read the
    first as bold around the slash and lose both blanks. "___word___" is still emphasis.
    """
    src, pos = state.src, state.pos
    if not src.startswith("___", pos) or (pos and src[pos - 1].isalnum()):
        return False
    end = pos
    while end < state.posMax and src[end] == "_":
        end += 1
    if end < state.posMax and src[end].isalnum():
        return False
    if not silent:
        state.pending += src[pos:end]
    state.pos = end
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
    md.inline.ruler.before("emphasis", "blank", _blank_rule)
    container_plugin(md, "callout", validate=lambda params, *args: bool(params.strip()))
    return md


_MD = _markdown()


class Body:
    """Markdown to the model's blocks and inlines, with a sentence id for everything spoken."""


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
                self._warn_of_a_sign_read_as_a_quote(token, inner)
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

    def _warn_of_a_sign_read_as_a_quote(self, token: Token, inner: list[Token]) -> None:
        # A wrapped line that starts "> 38 °C" is, to Markdown, a block quote: the sign is lost. A
        # quote of its own ("> 3 of 4 parents said...") has a blank line before it; a wrapped one does not.
        line = self._line(token)
        before = self.lines[line - 2].strip() if 1 < line <= len(self.lines) + 1 else ""
        first = next((t for t in inner if t.type == "inline"), None)
        if first is not None and before and not before.startswith(">") and re.match(r"[\d=.½-]", first.content):
            sign = ">" + ("=" if first.content.startswith("=") else "")
            self.warn(line, 1, f"'{sign}' at the start of this line starts a block quote, not a comparison",
                      "Markdown reads '>' at the start of a line as a quote; write 'over' or 'more than', "
                      "or join the line to the one before")

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


def _safe_url(href: str) -> bool:
    return href.startswith("#") or _scheme(href) in SAFE_SCHEMES
