"""Which braille code each language is written in, and the few signs we add around the text.

One row per language, chosen by the article's primary language subtag. A
language not listed is an error: a braille reader cannot use a guess at
another language's code.

Contracted or not follows the practice of each language's readers of
general information (what a clinic hands out):
- English: Unified English Braille, contracted (grade 2): what UEB countries
  (including the US since 2016) print for adults.
- Spanish: uncontracted ("braille integral"): ONCE and the Comisión Braille
  Española publish in it; the Spanish contracted code is rarely taught.
- French: uncontracted ("braille intégral"): every French braille reader
  reads it, many late-blinded adults read no other; abrégé is for experts.
- German: Vollschrift (liblouis "partially contracted", the 2015/2018
  system): the form every German braille reader learns first and medicine
  packaging uses; Kurzschrift is not read by many late-blinded patients.
"""

from __future__ import annotations

from dataclasses import dataclass


def cells(*dots: str) -> str:
    """Unicode braille cells from dot numbers: cells("4", "46", "126") is ⠈⠨⠣."""
    return "".join(chr(0x2800 + sum(1 << (int(d) - 1) for d in pattern)) for pattern in dots)


@dataclass(frozen=True)
class BrailleCode:
    table: str  # liblouis table list for print -> braille
    name: str  # the code, in the reader's language (said in the opening transcriber's note)
    note: str  # the opening note; {code} is the name
    note_open: str  # transcriber's note indicators (cells), or a word where the code has none
    note_close: str
    note_label: str  # print words before a note, where the code has no indicators
    bullet: str  # print character the table turns into the code's list bullet
    divide: str  # cell ending a line where a word too long for any line is divided


CODES: dict[str, BrailleCode] = {
    "en": BrailleCode(
        table="en-ueb-g2.ctb",
        name="Unified English Braille, contracted (grade 2)",
        note="This file is in {code}. Braille page numbers are at the bottom right of each page.",
        # UEB's transcriber's note indicators (Rules of UEB 3.27), opening and closing.
        note_open=cells("4", "46", "126"), note_close=cells("4", "46", "345"), note_label="",
        bullet="•",  # UEB bullet, dots 456-256
        divide=cells("5"),  # UEB line continuation indicator: long URLs and DOIs are the words that do not fit
    ),
    "es": BrailleCode(
        table="es.tbl",
        name="braille español integral (sin contracciones)",
        note="Este archivo está en {code}. Los números de página braille están abajo a la derecha.",
        note_open="", note_close="", note_label="Nota del transcriptor:",
        bullet="-", divide=cells("36"),
    ),
    "fr": BrailleCode(
        table="fr-bfu-comp6.utb",
        name="braille français unifié intégral (non abrégé)",
        note="Ce fichier est en {code}. Les numéros de page braille sont en bas à droite.",
        note_open="", note_close="", note_label="Note du transcripteur :",
        bullet="-", divide=cells("36"),
    ),
    "de": BrailleCode(
        table="de-g1.ctb",
        name="deutscher Vollschrift",  # said only in the note, where the dative reads right
        note="Diese Datei ist in {code} geschrieben. Die Braille-Seitenzahlen stehen unten rechts.",
        note_open="", note_close="", note_label="Anmerkung der Übertragung:",
        bullet="-", divide=cells("36"),
    ),
}
