"""Small checks on front matter values, shared by the parser's parts."""

from __future__ import annotations


def _is_scalar(value) -> bool:
    """Text, a number or yes/no: something that reads as one piece of text."""
    return isinstance(value, (str, int, float))


def _short(text: str, limit: int = 60) -> str:
    """A piece of the source quoted in a message: one line, not too long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
