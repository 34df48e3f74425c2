"""Split a source into its YAML front matter and Markdown body, with positions.

YAML is loaded with a ``SafeLoader`` only: no Python objects, no tags. Before
anything is built, the event stream is measured, so that a "billion laughs"
of aliases or a thousand nested brackets is refused in milliseconds instead of
filling memory or the stack. Every YAML failure becomes a diagnostic with the
line it happened on and words an author can act on.

The composed node tree is kept next to the data so every later check can
point at the line of the key at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .model import Diagnostic

MAX_DEPTH = 32  # references → item → author → name is 4 levels; 32 is only reached by mistake
MAX_VALUES = 100_000  # values after YAML aliases are expanded; a long reference list has ~10,000


@dataclass
class FrontMatter:
    data: dict
    node: yaml.MappingNode | None  # for positions
    first_line: int  # 1-based line of the first YAML line
    body: str
    body_line: int  # 1-based line where the body starts
    warnings: list[Diagnostic] = field(default_factory=list)

    def position(self, *path) -> tuple[int, int]:
        """(line, col) of the value at ``path`` (keys and list indexes), else of the nearest parent."""
        node = self.node
        line, col = self.first_line - 1, 1
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == step:
                        line, col = key.start_mark.line + self.first_line, key.start_mark.column + 1
                        child = value
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                child = node.value[step]
                line, col = child.start_mark.line + self.first_line, child.start_mark.column + 1
            if child is None:
                break
            node = child
        return max(line, 1), col


# --- a loader whose bad values are errors with a position ---------------------------


class _Loader(yaml.SafeLoader):
    """SafeLoader; a value PyYAML cannot build raises a YAML error at its mark, never ValueError."""


def _checked(construct, what: str):
    def checked(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError, TypeError):
            raise ConstructorError(None, None, f"'{str(node.value)[:40]}' is not {what}", node.start_mark) from None

    return checked


class NotADate(str):
    """A value YAML took for a date that is none ("2026-02-30"), kept as its text: the field that
    reads it reports it, beside every other problem of the article, instead of ending the parse."""


def _date_or_text(loader, node):
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError, TypeError):
        return NotADate(node.value)


# "2024-02-30" looks like a date to YAML, and 5,000 digits like a number: both used to escape as ValueError.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _checked(SafeConstructor.construct_yaml_int, "a usable number"))


# --- splitting ----------------------------------------------------------------------


def _is_fence(line: str, closing: bool = False) -> bool:
    stripped = line.rstrip()
    return stripped == "---" or (closing and stripped == "...")


def split(text: str, filename: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    lines = text.split("\n")
    opening = 0
    while opening < len(lines) and not lines[opening].strip():
        opening += 1  # blank lines before the front matter are harmless
    if opening == len(lines) or not _is_fence(lines[opening]):
        first = lines[opening].strip() if opening < len(lines) else ""
        if first == "+++":
            return None, [Diagnostic(
                filename, opening + 1, 1, "front matter in TOML ('+++') is not supported",
                "write it in YAML between two lines '---', e.g. 'title: My article' and 'lang: en'",
            )]
        return None, [Diagnostic(
            filename, opening + 1, 1, "no front matter",
            "start the file with a line '---', then at least 'title:' and 'lang:', then a line '---'",
        )]
    for index in range(opening + 1, len(lines)):
        if _is_fence(lines[index], closing=True):
            break
    else:
        return None, [Diagnostic(
            filename, opening + 1, 1, "front matter is not closed",
            "end the YAML block with a line that holds only '---'",
        )]
    first_line = opening + 2
    yaml_text = "\n".join(lines[opening + 1 : index])
    body = "\n".join(lines[index + 1 :])
    try:
        problem = _shape_problem(yaml_text)
        if problem is not None:
            (line, col), message, hint = problem
            return None, [Diagnostic(filename, line + first_line, col + 1, message, hint)]
        loader = _Loader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_diagnostic(exc, filename, first_line)]
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML refuses
        position = getattr(exc, "position", 0) or 0
        line = yaml_text.count("\n", 0, position) + first_line
        col = position - (yaml_text.rfind("\n", 0, position) + 1) + 1
        return None, [Diagnostic(filename, line, col, "the front matter holds a character YAML cannot read",
                                 "delete it or retype the line")]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a single line of text"}.get(type(data), f"a single {type(data).__name__}")
        return None, [Diagnostic(
            filename, first_line, 1, f"front matter is {kind}, not a set of keys",
            "write one 'key: value' per line, e.g. 'title: My article' and 'lang: en'",
        )]
    front = FrontMatter(data, node, first_line, body, index + 2)
    front.warnings.extend(_duplicate_keys(node, filename, first_line))
    return front, []


# --- measuring before building --------------------------------------------------------


def _shape_problem(yaml_text: str):
    """((line, col), message, hint) if the YAML is too deep, too big once aliases expand, or self-referring."""
    depth = 0
    size = 0
    expanded: dict[str, int] = {}  # anchor → number of values it stands for
    open_collections: list[tuple[str | None, int]] = []
    for event in yaml.parse(yaml_text, Loader=_Loader):
        mark = (event.start_mark.line, event.start_mark.column)
        if isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in open_collections):
                return mark, f"the YAML alias '*{event.anchor}' refers to the value that contains it", \
                    f"write the value out instead of '*{event.anchor}'"
            size += expanded.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            size += 1
            if event.anchor:
                expanded[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            size += 1
            depth += 1
            if depth > MAX_DEPTH:
                return mark, f"the front matter is nested more than {MAX_DEPTH} levels deep", \
                    "check the indentation and that every '[' and '{' is closed"
            open_collections.append((event.anchor, size))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchor, start = open_collections.pop()
            if anchor:
                expanded[anchor] = size - start + 1
        if size > MAX_VALUES:
            return mark, f"the front matter holds more than {MAX_VALUES:,} values", \
                "YAML aliases ('*name') repeat whole blocks: write the values out, and keep the front matter short"
    return None


# --- messages -----------------------------------------------------------------------------

# (what PyYAML says, what we say, how to fix it)
_YAML_MESSAGES = [
    ("mapping values are not allowed", "a ':' where YAML does not expect one",
     "put a space after each key's ':', and quote a value that holds ': ', e.g. title: \"Diabetes: the basics\""),
    ("found character '\\t'", "a tab character in the front matter", "indent with spaces, not tabs"),
    ("that cannot start any token", "a value starts with a character YAML keeps for itself",
     "put the value in quotes, e.g. title: \"@home: staying active\""),
    ("could not find expected ':'", "a line that is not 'key: value'",
     "write each line as 'key: value' (a space after the ':'), and continue long text on lines indented "
     "under 'key: >'"),
    ("but found '<scalar>'", "text goes on after a closing quote",
     "to use ' inside a value in '...', write it twice ('It''s'), or quote the value with \"...\" instead"),
    ("expected <block end>", "this line is not indented like the lines above it",
     "indent the items of one list or block by the same number of spaces"),
    ("found undefined alias", "a YAML alias ('*name') without its anchor ('&name')",
     "write the value out instead of the alias"),
    ("second occurrence", "the same YAML anchor ('&name') is defined twice", "rename one of them"),
    ("found unexpected end of stream", "a quote or bracket is never closed",
     "add the closing quote, ']' or '}'"),
    ("expected ',' or ']'", "a '[' is not closed",
     "close the list with ']', or put the whole value in quotes if the '[' is part of the text"),
    ("expected ',' or '}'", "a '{' is not closed",
     "close it with '}', or put the whole value in quotes if the '{' is part of the text"),
    ("expected a single document", "a line '---' inside the front matter",
     "the front matter is one block between two lines '---'; remove the extra one"),
    ("found unhashable key", "a list or block used as a key", "keys are plain words, e.g. 'title:'"),
    ("is not a usable number", "", "put the value in quotes to keep it as text"),
]
_TAG = re.compile(r"the tag '(?:tag:yaml\.org,2002:)?([^']*)'")


def _yaml_diagnostic(exc: yaml.MarkedYAMLError, filename: str, first_line: int) -> Diagnostic:
    problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    mark = exc.problem_mark or exc.context_mark
    unclosed = "end of stream" in problem or str(exc.context or "").startswith("while parsing a flow")
    if unclosed and exc.context_mark is not None:
        mark = exc.context_mark  # where the unclosed quote or bracket began, not where YAML gave up
    line = mark.line + first_line if mark else first_line
    col = mark.column + 1 if mark else 1
    tag = _TAG.search(problem)
    if tag:
        name = tag.group(1)
        shown = name if name.startswith("!") else "!!" + name
        return Diagnostic(filename, line, col, f"the YAML tag '{shown[:60]}' is not allowed in an article",
                          "remove the tag: the front matter holds plain text, lists and dates only")
    for pyyaml_words, message, hint in _YAML_MESSAGES:
        if pyyaml_words in problem:
            return Diagnostic(filename, line, col, f"YAML error in the front matter: {message}" if message else problem, hint)
    return Diagnostic(filename, line, col, f"YAML error in the front matter: {problem}",
                      "check the indentation, and put values that contain ':' or start with [ { * & ! % @ in quotes")


def _duplicate_keys(node, filename: str, first_line: int) -> list[Diagnostic]:
    found = []
    seen: dict[str, int] = {}
    for key, _ in getattr(node, "value", None) or []:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + first_line
        if key.value in seen:
            found.append(Diagnostic(filename, line, key.start_mark.column + 1,
                                    f"'{key.value}' is given twice (also on line {seen[key.value]}); this one is used",
                                    "delete the one you do not want"))
        seen[key.value] = line
    return found
