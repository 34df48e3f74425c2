"""Inline helpers for the body: merging text runs, cutting inlines at sentence bounds."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from markdown_it.token import Token

from .model import (
    Citation,
    Code,
    Emph,
    Inline,
    Link,
    Strong,
    Text,
)

_OBJECT = "\uFFFC"  # stands for an inline object (citation) in text handed to the splitter


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
