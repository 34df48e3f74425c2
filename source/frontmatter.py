"""Split a source into its YAML front matter and Markdown body, with positions.

YAML is loaded with ``SafeLoader`` only. The composed node tree is kept next
to the data so every later check can point at the line of the key at fault.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .model import Diagnostic


@dataclass
class FrontMatter:
    data: dict
    node: yaml.MappingNode | None  # for positions
    first_line: int  # 1-based line of the first YAML line
    body: str
    body_line: int  # 1-based line where the body starts

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


def _is_fence(line: str, closing: bool = False) -> bool:
    stripped = line.rstrip()
    return stripped == "---" or (closing and stripped == "...")


def split(text: str, filename: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    lines = text.split("\n")
    if not lines or not _is_fence(lines[0]):
        return None, [
            Diagnostic(
                filename, 1, 1, "no front matter",
                "start the file with a line '---', then at least 'title:' and 'lang:', then a line '---'",
            )
        ]
    for index in range(1, len(lines)):
        if _is_fence(lines[index], closing=True):
            break
    else:
        return None, [
            Diagnostic(
                filename, 1, 1, "front matter is not closed",
                "end the YAML block with a line that holds only '---'",
            )
        ]
    yaml_text = "\n".join(lines[1:index])
    body = "\n".join(lines[index + 1 :])
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [
            Diagnostic(
                filename, line, col, f"YAML syntax error in the front matter: {problem}",
                "check indentation and quote values that contain ':' or start with a special character",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(filename, 2, 1, f"YAML error in the front matter: {exc}", "fix the YAML")]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        return None, [
            Diagnostic(
                filename, 2, 1, f"front matter is {kind}, not a set of keys",
                "write one 'key: value' per line, e.g. 'title: My article'",
            )
        ]
    return FrontMatter(data, node, 2, body, index + 2), []
