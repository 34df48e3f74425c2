"""EPUB 3 Media Overlays: one SMIL document per content document, so the book reads itself aloud.

Each thing the audio says (its id in the timeline) is the id of the element
showing it, so each becomes a ``par``: that element and the clip of the
chapter MP3 it is heard in. Sections are ``seq``s pointing at their heading;
tables, the references and the disclaimer carry ``epub:type`` so that
reading systems can offer to skip or escape them. The few words of the
title page the audio does not say get a ``par`` without audio (``UNHEARD``).

A clip runs from the utterance's start to the next one's (or to the end of
its chapter file): the pause after a sentence is heard with it, as in the
MP3, and the overlays together last exactly as long as the chapter files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from xml.sax.saxutils import quoteattr

from lxml import etree

from .audio.timeline import ChapterFile, TimelineEntry, clock_parts
from .edition import DISCLAIMER, REFERENCES
from .readalong import AudioEdition

AUDIO_FOLDER = "audio"  # inside the EPUB, beside the content documents
XHTML_NS = "http://www.w3.org/1999/xhtml"

# Elements of the title page the audio may not say (the first publication date, the publisher of an
# audio edition made before the audio said it, the introduction's heading). Each one it does not say
# gets a par with text and no audio, which EPUB Media Overlays lets a reading system read with its
# own voice, so that a read-along does not skip over them in silence.
UNHEARD = ("published", "publisher", "intro-title")

# epub:type of a whole document's seq, for the reading system's skip settings. The disclaimer is a
# note on the article (EPUB Media Overlays lists "note" among the skippable structures).
DOCUMENT_TYPES = {REFERENCES: "bibliography", DISCLAIMER: "note"}


@dataclass(frozen=True)
class Clip:
    entry: TimelineEntry
    chapter: ChapterFile
    begin_ms: int  # in the chapter file
    end_ms: int


@dataclass
class Overlay:
    """The SMIL document for one content document."""

    document: str  # "sec-1.xhtml"
    clips: list[Clip] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return str(PurePosixPath(self.document).with_suffix(".smil"))

    @property
    def item_id(self) -> str:
        return "mo-" + PurePosixPath(self.document).stem

    @property
    def duration_ms(self) -> int:
        return sum(clip.end_ms - clip.begin_ms for clip in self.clips)


def clock(ms: int) -> str:
    """A SMIL full clock value, "0:01:02.345" (also the form media:duration takes)."""
    hours, minutes, seconds, millis = clock_parts(ms)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def audio_name(chapter: ChapterFile) -> str:
    return f"{AUDIO_FOLDER}/{chapter.file}"


def clips_of(audio: AudioEdition) -> list[Clip]:
    """Every utterance as a clip of its chapter file, in the order they are heard."""
    clips: list[Clip] = []
    entries = list(audio.timeline)
    for index, entry in enumerate(entries):
        chapter = audio.chapter_of(entry)
        following = entries[index + 1] if index + 1 < len(entries) else None
        end = chapter.duration_ms
        if following is not None and audio.chapter_of(following) == chapter:
            end = following.start_ms - chapter.start_ms
        # A chapter's first clip starts at 0, so its lead-in is heard too and the overlays last as long as the files.
        begin = 0 if not clips or clips[-1].chapter != chapter else entry.start_ms - chapter.start_ms
        begin, end = max(0, min(begin, chapter.duration_ms)), max(0, min(end, chapter.duration_ms))
        if end > begin:
            clips.append(Clip(entry, chapter, begin, end))
    return clips


def plan_overlays(audio: AudioEdition, where: dict[str, str]) -> list[Overlay]:
    """One overlay per content document that has something heard in it, in reading order.

    ``where`` maps an element id to the document holding it.
    """
    overlays: dict[str, Overlay] = {}
    for clip in clips_of(audio):
        document = where.get(clip.entry.id)
        if document is None:  # every spoken id is an element id (tests/test_editions.py); never guess
            raise ValueError(f"the audio says {clip.entry.id!r}, which no EPUB document shows")
        overlays.setdefault(document, Overlay(document)).clips.append(clip)
    return list(overlays.values())


# --- the SMIL documents -------------------------------------------------------------------------


def _element_kinds(root: etree._Element) -> dict[str, str]:
    """id -> local element name, for the ids of one content document."""
    return {e.get("id"): etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str) and e.get("id")}


def _headings(root: etree._Element) -> dict[str, str]:
    """Part id -> its heading's id, for the parts announced by their heading ("Key points.",
    "References."): the par names the heading heard, not the whole part, which its seq names."""
    ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    return {e.get("id"): e.get("aria-labelledby") for e in root.iter(f"{{{XHTML_NS}}}section")
            if e.get("id") and e.get("aria-labelledby") in ids}


def _table_of(root: etree._Element) -> dict[str, str]:
    """Row id -> the id of its table's first row: rows of one table form one skippable seq."""
    rows: dict[str, str] = {}
    for table in root.iter(f"{{{XHTML_NS}}}table"):
        ids = [tr.get("id") for tr in table.iter(f"{{{XHTML_NS}}}tr") if tr.get("id")]
        for row in ids:
            rows[row] = ids[0]
    return rows


def smil(overlay: Overlay, xhtml: str) -> str:
    """The SMIL text of ``overlay``, whose content document is ``xhtml``.

    A section's seq points at the element whose id is the section's (its
    heading, or the references' and disclaimer's own element).
    """
    doc = overlay.document
    root = etree.fromstring(xhtml.encode("utf-8"))
    tables, kinds, headings = _table_of(root), _element_kinds(root), _headings(root)
    position = {e.get("id"): n for n, e in enumerate(root.iter()) if isinstance(e.tag, str) and e.get("id")}
    said = {clip.entry.id for clip in overlay.clips}
    unheard = sorted((i for i in UNHEARD if i in position and i not in said), key=position.get)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">',
             f"<body epub:textref={quoteattr(doc)}>"]
    number = 0
    open_section: str | None = None
    open_table: str | None = None

    def text_only_before(element_id: str | None) -> None:
        """The unheard elements that come before ``element_id`` (all that are left for None)."""
        nonlocal number
        while unheard and (element_id is None or position[unheard[0]] < position[element_id]):
            number += 1
            lines.append(f'<par id="par-{number}"><text src={quoteattr(f"{doc}#{unheard.pop(0)}")}/></par>')

    def close_table() -> None:
        nonlocal open_table
        if open_table is not None:
            lines.append("</seq>")
            open_table = None

    for clip in overlay.clips:
        entry = clip.entry
        if entry.section != open_section:
            close_table()
            if open_section is not None:
                lines.append("</seq>")
            open_section = entry.section
            target = entry.section if entry.section in kinds else None
            kind = DOCUMENT_TYPES.get(entry.section)
            attributes = f" epub:textref={quoteattr(f'{doc}#{target}' if target else doc)}"
            if kind:
                attributes += f' epub:type="{kind}"'
            lines.append(f'<seq id="seq-{entry.section}"{attributes}>')
        table = tables.get(entry.id)
        if table != open_table:
            close_table()
            if table is not None:
                lines.append(f'<seq id="seq-table-{table}" epub:textref={quoteattr(f"{doc}#{table}")} epub:type="table">')
                open_table = table
        target = headings.get(entry.id, entry.id)
        text_only_before(target)
        number += 1
        par_type = ' epub:type="table-row"' if kinds.get(entry.id) == "tr" else ""
        lines.append(
            f'<par id="par-{number}"{par_type}><text src={quoteattr(f"{doc}#{target}")}/>'
            f'<audio src={quoteattr(audio_name(clip.chapter))} clipBegin="{clock(clip.begin_ms)}" '
            f'clipEnd="{clock(clip.end_ms)}"/></par>'
        )
    close_table()
    text_only_before(None)
    if open_section is not None:
        lines.append("</seq>")
    lines += ["</body>", "</smil>", ""]
    return "\n".join(lines)
