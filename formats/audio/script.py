"""The speech script: what the audio edition says, in reading order.

The script is derived from the article and its edition facts (edition.py:
the byline, the date, the chapter names, the reference texts and the ids of
the words we add are read there, so every edition shows what is said). Each `Utterance` is one
piece of speech synthesised on its own: a sentence (its id is the sentence
id), a heading (the section id), a table row (the row id), an image's alt text
(the figure id), a reference (the reference id), or one of the few words the
reader adds to help a listener find their way ("Key points.", "Quote.",
"End of quote.", "Tip."). Those added words get ids derived from the element
they introduce (edition.quote_id and friends), so every id is stable across
builds and names an element in the HTML page and the EPUB.

Citations are never read: `Sentence.spoken_text` drops them. Every utterance
keeps its written `text` (for captions) and its `spoken` form, normalised for
the engine (see normalize.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from ...source.model import (
    Article,
    Callout,
    Figure,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    TableRow,
    plain_text,
)
from ..edition import (
    AUTHORS,
    Chapter,
    DISCLAIMER,
    KEY_POINTS,
    OPENING,
    PUBLISHER,
    REFERENCES,
    REVIEWED,
    SUBTITLE,
    TITLE,
    callout_id,
    edition_facts,
    end_quote_id,
    quote_id,
    spoken_reference,  # noqa: F401 - part of this module's API
    table_id,
)
from .normalize import Normalizer


@dataclass(frozen=True)
class Pauses:
    """Silence after an utterance, in milliseconds at rate 1.0 (faster speech, shorter pauses)."""

    sentence: int = 300
    paragraph: int = 750
    list_item: int = 500
    section: int = 1400

    @classmethod
    def from_settings(cls, settings: Mapping[str, object] | None) -> "Pauses":
        """From a mapping such as a theme's ``[audio.pauses]`` table; unknown keys are ignored."""
        values = {}
        for name in ("sentence", "paragraph", "list_item", "section"):
            value = (settings or {}).get(name)
            if isinstance(value, int | float) and value >= 0:
                values[name] = int(value)
        return cls(**values)


@dataclass(frozen=True)
class Utterance:
    id: str  # the element id it speaks: sentence, section, row, figure, reference
    section_id: str  # the chapter it belongs to: "opening", a section id, "references", "disclaimer"
    text: str  # as written (captions show this)
    pause_after_ms: int
    spoken: str = ""  # what the engine is given; normalised

    @property
    def words(self) -> int:
        return len(self.spoken.split())


@dataclass(frozen=True)
class Script:
    lang: str
    utterances: tuple[Utterance, ...]
    chapters: tuple[Chapter, ...]

    def utterances_of(self, chapter_id: str) -> list[Utterance]:
        return [u for u in self.utterances if u.section_id == chapter_id]

    @property
    def spoken_text(self) -> str:
        return " ".join(u.spoken for u in self.utterances)


class _Builder:
    def __init__(self, article: Article, pauses: Pauses, normalizer: Normalizer):
        self.article = article
        self.pauses = pauses
        self.say = normalizer
        self.facts = edition_facts(article)
        self.labels = self.facts.spoken_labels
        self.utterances: list[Utterance] = []
        self.section_id = OPENING
        self.used_ids: set[str] = set()

    # --- primitives ---

    def add(self, id: str, text: str, pause: int, spoken: str | None = None) -> None:
        text = " ".join(text.split())
        spoken_form = self.say(spoken if spoken is not None else text)
        if not spoken_form.strip(" .,;:!?-–—\"'“”‘’()[]"):
            return  # nothing a voice could say
        unique = id
        count = 1
        while unique in self.used_ids:
            count += 1
            unique = f"{id}-{count}"
        self.used_ids.add(unique)
        self.utterances.append(Utterance(unique, self.section_id, text, pause, spoken_form))

    def pause(self, at_least: int) -> None:
        """Lengthen the silence after the last utterance (end of paragraph, item, section)."""
        if self.utterances:
            last = self.utterances[-1]
            if last.pause_after_ms < at_least:
                self.utterances[-1] = replace(last, pause_after_ms=at_least)

    def set_pause(self, pause: int) -> None:
        """Set the silence after the last utterance, shorter or longer than it was."""
        if self.utterances:
            self.utterances[-1] = replace(self.utterances[-1], pause_after_ms=pause)

    def mark(self) -> int:
        return len(self.utterances)

    # --- blocks ---

    def blocks(self, blocks) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            for sentence in block.sentences:
                self.add(sentence.id, sentence.spoken_text, self.pauses.sentence)
            self.pause(self.pauses.paragraph)
        elif isinstance(block, ListBlock):
            self.list(block)
        elif isinstance(block, Quote):
            self.add(quote_id(block), self.labels["quote"], self.pauses.sentence)
            self.blocks(block.blocks)
            self.add(end_quote_id(block), self.labels["end_quote"], self.pauses.paragraph)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            if not block.decorative:
                caption = plain_text(block.caption, citations=False).strip()
                text = self.labels["image"].format(alt=block.alt.strip())
                if caption and caption not in block.alt:
                    text = _with_stop(text) + " " + caption
                self.add(block.id, text, self.pauses.paragraph)
        elif isinstance(block, Callout):
            label = self.labels.get(block.kind, self.labels["note"])
            self.add(callout_id(block), label, self.pauses.sentence)
            self.blocks(block.blocks)
            self.pause(self.pauses.paragraph)

    def list(self, block: ListBlock) -> None:
        last = block.start + len(block.items) - 1
        for number, item in enumerate(block.items, start=block.start):
            start = self.mark()
            self.blocks(item.blocks)
            if block.ordered and len(self.utterances) > start:
                # Say the step number before the item, as a person reading steps would.
                first = self.utterances[start]
                self.utterances[start] = replace(first, spoken=f"{number}. {first.spoken}")
            # An item is a paragraph in Markdown's eyes, but a short step for the ear.
            if len(self.utterances) > start:
                self.set_pause(self.pauses.paragraph if number == last else self.pauses.list_item)

    def table(self, table: Table) -> None:
        headers = [plain_text(c, citations=False).strip() for c in table.header.cells] if table.header else []
        rows = len(table.rows)
        intro = self.labels["table_one"] if rows == 1 else self.labels["table"].format(n=rows)
        self.add(table_id(table), intro, self.pauses.sentence)
        for number, row in enumerate(table.rows, start=1):
            written, said = _row_texts(row, headers, self.labels["row"].format(n=number), self.labels["empty_cell"])
            self.add(row.id, written, self.pauses.sentence, spoken=said)
        self.pause(self.pauses.paragraph)

    # --- the article ---

    def build(self) -> Script:
        article, labels, facts = self.article, self.labels, self.facts
        # Headings end with a full stop when spoken, so the voice falls as at the end of a sentence.
        self.add(TITLE, article.title, self.pauses.paragraph, spoken=_with_stop(article.title))
        if article.subtitle:
            self.add(SUBTITLE, article.subtitle, self.pauses.paragraph, spoken=_with_stop(article.subtitle))
        if facts.byline:
            self.add(AUTHORS, facts.byline_spoken, self.pauses.paragraph)
        if facts.reviewed:
            self.add(REVIEWED, facts.reviewed_spoken, self.pauses.paragraph)
        if facts.publisher_spoken:  # who stands behind the handout, as the page and the EPUB show
            self.add(PUBLISHER, facts.publisher_spoken, self.pauses.paragraph)
        if article.key_points:
            self.pause(self.pauses.section)
            self.add(KEY_POINTS, labels["key_points"], self.pauses.paragraph)
            for point in article.key_points:
                self.add(point.id, point.spoken_text, self.pauses.list_item)
        if article.intro:
            self.pause(self.pauses.section)
            self.blocks(article.intro)

        for section, chapter in zip(article.sections, facts.chapters[1:]):
            self.pause(self.pauses.section)
            self.section_id = section.id
            self.add(section.id, chapter.title, self.pauses.paragraph, spoken=_with_stop(chapter.title))
            self.blocks(section.blocks)

        # The references and the disclaimer are announced alike: their heading, then what they hold.
        if article.references:
            self.heading(REFERENCES, labels["references"])
            for ref in facts.references:
                self.add(ref.id, f"{ref.label} {ref.text}", self.pauses.list_item, spoken=f"{ref.label} {ref.spoken}")
        if article.disclaimer:
            self.heading(DISCLAIMER, labels["disclaimer"])
            self.blocks(article.disclaimer)

        # A chapter with nothing to say (a heading that normalises to nothing) has no start.
        spoken_in = {u.section_id for u in self.utterances}
        return Script(article.lang, tuple(self.utterances),
                      tuple(c for c in facts.chapters if c.id in spoken_in))

    def heading(self, chapter_id: str, title: str) -> None:
        """Start a chapter of our own (references, disclaimer): its title, said under the chapter's id."""
        self.pause(self.pauses.section)
        self.section_id = chapter_id
        self.add(chapter_id, _with_stop(title), self.pauses.paragraph)


def _with_stop(text: str) -> str:
    text = text.rstrip()
    return text if re.search(r"[.!?…:;]$", text) or not text else text + "."


# A cell holding only a dash, or a dash and why in brackets: nothing applies there ("Ibuprofen: —" under
# 6 months, "– (< 3 mois)"), which the ear must be told; said alone, the dash is nothing at all.
_DASH_ONLY = re.compile(r"[-–—‒](\s*\(.*\))?")


def _row_texts(row: TableRow, headers: list[str], label: str, empty: str) -> tuple[str, str]:
    """The row as written (captions) and as it is to be said: the same, but a dash cell is `empty`."""
    written, said = [], []
    for index, cell in enumerate(row.cells):
        value = plain_text(cell, citations=False).strip()
        if not value:
            continue
        dash = _DASH_ONLY.fullmatch(value)
        heard = empty + (dash.group(1) or "") if dash else value
        header = f"{headers[index]}: " if index < len(headers) and headers[index] else ""
        written.append(header + value)
        said.append(header + heard)
    return _row_sentence(label, written), _row_sentence(label, said)


def _row_sentence(label: str, parts: list[str]) -> str:
    if not parts:
        return label
    row = f"{label} " + "; ".join(parts)
    return row if row.endswith(".") else row + "."  # a cell ending on "p.m." keeps its one stop


def build_script(article: Article, *, pauses: Pauses | None = None,
                 terms: Mapping[str, str] | None = None) -> Script:
    """The article as a list of utterances. `terms` extends the built-in pronunciation table
    (the article's own ``pronounce:`` entries still win)."""
    normalizer = Normalizer(article.lang, article.pronounce, terms)
    return _Builder(article, pauses or Pauses(), normalizer).build()
