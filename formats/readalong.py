"""The audio edition as the read-along writers (EPUB media overlays, the page's player) see it.

Built from the files the audio output wrote (the registry says EPUB and HTML
consume it): the whole MP3, the chapter MP3s, when each id is heard, and the
WebVTT captions. Times are read from those files, never recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .audio.timeline import ChapterFile, Timeline, TimelineEntry, load_chapters

# The one class name the sentence being heard carries, in the EPUB (media:active-class) and on the page.
ACTIVE_CLASS = "-openleaf-active"
PLAYING_CLASS = "-openleaf-playing"  # on the document while it plays (media:playback-active-class)


@dataclass(frozen=True)
class AudioEdition:
    folder: Path  # out/<slug>/audio
    mp3: Path  # the whole article
    captions: Path  # WebVTT
    timeline: Timeline
    chapters: tuple[ChapterFile, ...]

    @property
    def duration_ms(self) -> int:
        return sum(c.duration_ms for c in self.chapters) or self.timeline.duration_ms

    def entries_of(self, section: str) -> list[TimelineEntry]:
        return [e for e in self.timeline if e.section == section]

    def chapter_of(self, entry: TimelineEntry) -> ChapterFile:
        """The chapter file an entry is heard in (by time: a chapter holds what starts inside it)."""
        for chapter in self.chapters:
            if chapter.start_ms <= entry.start_ms < chapter.start_ms + chapter.duration_ms:
                return chapter
        return self.chapters[-1]


def audio_edition(consumed: Mapping[str, list[Path]] | None) -> AudioEdition | None:
    """The audio edition among what a writer consumes, or None when there is none (or it is incomplete)."""
    files = list((consumed or {}).get("audio", []))
    by_name = {path.name: path for path in files}
    timeline_file = next((p for p in files if p.name.endswith(".timeline.json")), None)
    if timeline_file is None:
        return None
    slug = timeline_file.name.removesuffix(".timeline.json")
    needed = [f"{slug}.mp3", f"{slug}.vtt", f"{slug}.chapters.json"]
    if not all(name in by_name and by_name[name].is_file() for name in needed):
        return None
    chapters = tuple(load_chapters(by_name[f"{slug}.chapters.json"]))
    if not all((timeline_file.parent / c.file).is_file() for c in chapters):
        return None
    return AudioEdition(timeline_file.parent, by_name[f"{slug}.mp3"], by_name[f"{slug}.vtt"],
                        Timeline.load(timeline_file), chapters)
