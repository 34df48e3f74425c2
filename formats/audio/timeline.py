"""The timeline: when each utterance is heard in the article's MP3.

Other formats use it for read-along (the HTML and EPUB elements carry the
same ids). It is written as ``<slug>.timeline.json`` (a list of
``{id, section, start_ms, end_ms, text, spoken}``) and as WebVTT captions,
``<slug>.vtt``, one cue per utterance. ``<slug>.chapters.json`` says where
each chapter's own file (``01-….mp3``) begins in the whole one, so a time in
the timeline is also a time in a chapter file (EPUB media overlays use them).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class TimelineEntry:
    id: str  # element id: sentence, heading, table row, figure, reference
    section: str  # chapter id: "opening", a section id, "references", "disclaimer"
    start_ms: int  # in the MP3 as a player plays it
    end_ms: int
    text: str  # as written in the article
    spoken: str = ""  # as given to the speech engine


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]
    audio: Path | None = None  # the MP3 these times refer to
    duration_ms: int = 0

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def by_id(self) -> dict[str, TimelineEntry]:
        return {entry.id: entry for entry in self.entries}

    def to_json(self) -> str:
        return json.dumps([asdict(e) for e in self.entries], ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, audio: Path | None = None) -> "Timeline":
        entries = tuple(TimelineEntry(**item) for item in json.loads(text))
        return cls(entries, audio, max((e.end_ms for e in entries), default=0))

    @classmethod
    def load(cls, path: Path) -> "Timeline":
        """Read ``<slug>.timeline.json``; the MP3 is assumed to sit beside it."""
        audio = path.with_name(path.name.removesuffix(".timeline.json") + ".mp3")
        return cls.from_json(path.read_text(encoding="utf-8"), audio if audio.exists() else None)

    def to_vtt(self) -> str:
        lines = ["WEBVTT", ""]
        for entry in self.entries:
            lines += [entry.id, f"{vtt_time(entry.start_ms)} --> {vtt_time(entry.end_ms)}", vtt_text(entry.text), ""]
        return "\n".join(lines)


@dataclass(frozen=True)
class ChapterFile:
    section: str  # the chapter id the timeline's entries carry
    title: str
    file: str  # its MP3, beside the whole one
    start_ms: int  # where it begins in the whole MP3
    duration_ms: int


def chapters_json(files: list[ChapterFile]) -> str:
    return json.dumps([asdict(f) for f in files], ensure_ascii=False, indent=1) + "\n"


def load_chapters(path: Path) -> list[ChapterFile]:
    return [ChapterFile(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def clock_parts(ms: int) -> tuple[int, int, int, int]:
    """Hours, minutes, seconds and milliseconds of a time in ms: WebVTT and SMIL clocks both show them."""
    hours, rest = divmod(int(ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return hours, minutes, seconds, millis


def vtt_time(ms: int) -> str:
    hours, minutes, seconds, millis = clock_parts(ms)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def vtt_text(text: str) -> str:
    """Cue text: WebVTT escapes &, < and > and must not contain a blank line or "-->"."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.replace("-->", "->").split())
