"""The words Openleaf adds around an article, in the article's language.

One table for every writer (the edition facts, formats/edition.py, pick from it), so the page, the book, the handout and the
audio call the disclaimer the same thing; the audio adds its own phrases for
what a listener cannot see (``SPOKEN``). Languages not listed fall back to English, and
writers mark such words as English (``has_labels``) so a screen reader does
not read them with the wrong voice.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Mapping

from ..source.model import FIRST_DAY, primary_language  # noqa: F401 - the writers take it from here


LABELS: dict[str, dict[str, str]] = {
    "en": {
        "skip": "Skip to main content",
        "contents": "Contents",
        "landmarks": "Guide",
        "title_page": "Title page",
        "key_points": "Key points",
        "introduction": "Introduction",
        "references": "References",
        "disclaimer": "Disclaimer",
        "by": "By",
        "and": "and",
        "reviewed": "Last reviewed",
        "published": "First published",
        "reviewed_on": "Last reviewed {date}",  # in a sentence, as the page's colophon writes it
        "published_on": "First published {date}",
        "publisher": "Publisher",
        "published_by": "Published by",
        "contrast": "High contrast",
        "standard_contrast": "Standard contrast",
        "table": "Table {n}",
        "made_with": "Made with Openleaf",
        "note": "Note",
        "tip": "Tip",
        "warning": "Warning",
        "reference_n": "Reference {n}",
        "back_to_citation": "Back to citation {n} of reference {ref}",
        "page": "Page",
        "of": "of",
        "listen": "Listen",
        "audio_link": "The audio of this page (MP3)",
        "player": "Audio player",
        "play": "Play",
        "pause": "Pause",
        "previous_sentence": "Previous sentence",
        "next_sentence": "Next sentence",
        "previous_section": "Previous section",
        "next_section": "Next section",
        "back_10": "Back 10 s",
        "forward_10": "Forward 10 s",
        "speed": "Speed",
    },
    "es": {
        "skip": "Saltar al contenido principal",
        "contents": "Índice",
        "landmarks": "Guía",
        "title_page": "Portada",
        "key_points": "Puntos clave",
        "introduction": "Introducción",
        "references": "Referencias",
        "disclaimer": "Aviso",
        "by": "Por",
        "and": "y",
        "reviewed": "Última revisión",
        "published": "Publicado por primera vez",
        "reviewed_on": "Revisado el {date}",
        "published_on": "Publicado por primera vez el {date}",
        "publisher": "Editorial",
        "published_by": "Publicado por",
        "contrast": "Alto contraste",
        "standard_contrast": "Contraste normal",
        "table": "Tabla {n}",
        "made_with": "Hecho con Openleaf",
        "note": "Nota",
        "tip": "Consejo",
        "warning": "Atención",
        "reference_n": "Referencia {n}",
        "back_to_citation": "Volver a la cita {n} de la referencia {ref}",
        "page": "Página",
        "of": "de",
        "listen": "Escuchar",
        "audio_link": "El audio de esta página (MP3)",
        "player": "Reproductor de audio",
        "play": "Reproducir",
        "pause": "Pausa",
        "previous_sentence": "Frase anterior",
        "next_sentence": "Frase siguiente",
        "previous_section": "Sección anterior",
        "next_section": "Sección siguiente",
        "back_10": "Atrás 10 s",
        "forward_10": "Adelante 10 s",
        "speed": "Velocidad",
    },
    "fr": {
        "skip": "Aller au contenu principal",
        "contents": "Sommaire",
        "landmarks": "Repères",
        "title_page": "Page de titre",
        "key_points": "Points clés",
        "introduction": "Introduction",
        "references": "Références",
        "disclaimer": "Avertissement",
        "by": "Par",
        "and": "et",
        "reviewed": "Dernière révision",
        "published": "Publié pour la première fois",
        "reviewed_on": "Revu le {date}",
        "published_on": "Publié pour la première fois le {date}",
        "publisher": "Éditeur",
        "published_by": "Publié par",
        "contrast": "Contraste élevé",
        "standard_contrast": "Contraste normal",
        "table": "Tableau {n}",
        "made_with": "Réalisé avec Openleaf",
        "note": "Remarque",
        "tip": "Conseil",
        "warning": "Attention",
        "reference_n": "Référence {n}",
        "back_to_citation": "Retour à la citation {n} de la référence {ref}",
        "page": "Page",
        "of": "sur",
        "listen": "Écouter",
        "audio_link": "L'audio de cette page (MP3)",
        "player": "Lecteur audio",
        "play": "Lecture",
        "pause": "Pause",
        "previous_sentence": "Phrase précédente",
        "next_sentence": "Phrase suivante",
        "previous_section": "Section précédente",
        "next_section": "Section suivante",
        "back_10": "Reculer de 10 s",
        "forward_10": "Avancer de 10 s",
        "speed": "Vitesse",
    },
    "de": {
        "skip": "Zum Hauptinhalt springen",
        "contents": "Inhalt",
        "landmarks": "Orientierung",
        "title_page": "Titelseite",
        "key_points": "Das Wichtigste",
        "introduction": "Einleitung",
        "references": "Quellen",
        "disclaimer": "Wichtiger Hinweis",  # "Hinweis" alone is a note
        "by": "Von",
        "and": "und",
        "reviewed": "Zuletzt geprüft",
        "published": "Erstmals veröffentlicht",
        "reviewed_on": "Zuletzt geprüft am {date}",
        "published_on": "Erstmals veröffentlicht am {date}",
        "publisher": "Herausgeber",
        "published_by": "Herausgegeben von",
        "contrast": "Hoher Kontrast",
        "standard_contrast": "Normaler Kontrast",
        "table": "Tabelle {n}",
        "made_with": "Erstellt mit Openleaf",
        "note": "Hinweis",
        "tip": "Tipp",
        "warning": "Warnung",
        "reference_n": "Quelle {n}",
        "back_to_citation": "Zurück zu Zitat {n} der Quelle {ref}",
        "page": "Seite",
        "of": "von",
        "listen": "Anhören",
        "audio_link": "Diese Seite zum Anhören (MP3)",
        "player": "Audio-Player",
        "play": "Abspielen",
        "pause": "Pause",
        "previous_sentence": "Voriger Satz",
        "next_sentence": "Nächster Satz",
        "previous_section": "Voriger Abschnitt",
        "next_section": "Nächster Abschnitt",
        "back_10": "10 s zurück",
        "forward_10": "10 s vor",
        "speed": "Tempo",
    },
}

# What the reader says for what a listener cannot see: who wrote it, where a
# quote or table begins, a picture, a web address. Languages not listed use
# the English words, spoken by that language's voice. "Written by", not the page's "By": a "By"
# that opens the audio was heard "I" or "Hi" 6 times in 16 by the tests' small recogniser, "Written
# by" 0 times in 16.
SPOKEN: dict[str, dict[str, str]] = {
    "en": {
        "by": "Written by {names}.", "reviewed": "Reviewed on {date}.", "quote": "Quote.", "end_quote": "End of quote.",
        "table": "Table with {n} rows.", "table_one": "Table with 1 row.", "row": "Row {n}.", "image": "Image: {alt}",
        "reference": "Reference {n}.", "online": "Online at {site}.", "empty_cell": "not applicable",
    },
    "es": {
        "by": "Por {names}.", "reviewed": "Revisado el {date}.", "quote": "Cita.", "end_quote": "Fin de la cita.",
        "table": "Tabla con {n} filas.", "table_one": "Tabla con 1 fila.", "row": "Fila {n}.", "image": "Imagen: {alt}",
        "reference": "Referencia {n}.", "online": "En {site}.", "empty_cell": "no aplica",
    },
    "fr": {
        "by": "Par {names}.", "reviewed": "Revu le {date}.", "quote": "Citation.", "end_quote": "Fin de citation.",
        "table": "Tableau de {n} lignes.", "table_one": "Tableau d'une ligne.", "row": "Ligne {n}.",
        "image": "Image : {alt}", "reference": "Référence {n}.", "online": "Sur {site}.", "empty_cell": "sans objet",
    },
    "de": {
        "by": "Von {names}.", "reviewed": "Geprüft am {date}.", "quote": "Zitat.", "end_quote": "Ende des Zitats.",
        "table": "Tabelle mit {n} Zeilen.", "table_one": "Tabelle mit 1 Zeile.", "row": "Zeile {n}.",
        "image": "Bild: {alt}", "reference": "Quelle {n}.", "online": "Auf {site}.", "empty_cell": "entfällt",
    },
}  # fmt: skip

# Month names and the order of a date's parts: one table for what is written
# (every edition's dates) and what is said (the audio's dates and ISO dates in the text).
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
           "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
           "août", "septembre", "octobre", "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
           "August", "September", "Oktober", "November", "Dezember"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
           "agosto", "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
           "agosto", "setembro", "outubro", "novembro", "dezembro"),
}  # fmt: skip
# By language, or by the CSL locale where its regions differ: a date in the byline is written as the
# article's references write theirs ("Reviewed 1 November 2026" beside "Accessed 20 October 2026").
DATE_FORMATS = {
    "en": "{month} {day}, {year}",
    "en-GB": "{day} {month} {year}",
    "es": "{day} de {month} de {year}",
    "fr": "{day} {month} {year}",
    "de": "{day}. {month} {year}",
    "it": "{day} {month} {year}",
    "pt": "{day} de {month} de {year}",
}

# Scripts written right to left: text direction and page order follow them.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})


def has_labels(lang: str) -> bool:
    return primary_language(lang) in LABELS


def labels_for(lang: str) -> Mapping[str, str]:
    return LABELS.get(primary_language(lang), LABELS["en"])


def spoken_labels_for(lang: str) -> dict[str, str]:
    """The audio's words: SPOKEN's phrases, and the written headings said as sentences."""
    written = labels_for(lang)
    said = {key: f"{written[key]}." for key in ("key_points", "note", "tip", "warning")}
    said |= {key: written[key] for key in ("references", "disclaimer", "and")}  # chapter titles: no stop
    said["published_by"] = written["published_by"] + " {publisher}."  # as the page's colophon writes it
    return said | SPOKEN.get(primary_language(lang), SPOKEN["en"])


def direction(lang: str) -> str:
    return "rtl" if primary_language(lang) in RTL_LANGUAGES else "ltr"


def _date_format(lang: str) -> str | None:
    """The order and words of a date for ``lang``: its CSL locale's where regions differ, else its language's."""
    from ..source.references import csl_locale  # citeproc: loaded by the writers, not by --help

    return DATE_FORMATS.get(csl_locale(lang)) or DATE_FORMATS.get(primary_language(lang))


def date_words(value: _dt.date, lang: str) -> str | None:
    """A date as readers of ``lang`` write and say it; None where we know no month names."""
    language = primary_language(lang)
    if language not in MONTHS:
        return None
    month = MONTHS[language][value.month - 1]
    day = FIRST_DAY.get(language, 1) if value.day == 1 else value.day
    return _date_format(lang).format(month=month, day=day, year=value.year)


def day_and_month_words(month: int, day: int, lang: str) -> str:
    """A day of a year not written, as readers of ``lang`` say it: "March 9", "9 March", "9 de marzo"."""
    language = primary_language(lang)
    without_year = re.sub(r"[,.]?\s*(?:de\s+)?\{year\}", "", _date_format(lang))
    first = FIRST_DAY.get(language, 1) if day == 1 else day
    return without_year.format(month=MONTHS[language][month - 1], day=first)


def month_first(lang: str) -> bool:
    """Whether "05/12/2026" is the 12th of May to readers of ``lang`` (as in the US)."""
    return (_date_format(lang) or "").startswith("{month}")


def date_text(value: _dt.date, lang: str) -> str:
    """A date as a reader of ``lang`` writes it; ISO where we know no month names (never English words)."""
    return date_words(value, lang) or value.isoformat()


# The handout's words about the organisation and the other editions ({url}: where the QR code leads).
EDITION_LABELS: dict[str, dict[str, str]] = {
    "en": {"other_editions": "Large print and audio:", "qr_alt": "QR code: opens the large-print page with audio at {url}",
           "phone": "Phone"},
    "es": {"other_editions": "Letra grande y audio:",
           "qr_alt": "Código QR: abre la página en letra grande con audio en {url}", "phone": "Teléfono"},
    "fr": {"other_editions": "Gros caractères et audio :",
           "qr_alt": "Code QR : ouvre la page en gros caractères avec l'audio à {url}", "phone": "Téléphone"},
    "de": {"other_editions": "Großdruck und Audio:",
           "qr_alt": "QR-Code: öffnet die Großdruck-Seite mit Audio unter {url}", "phone": "Telefon"},
}


def edition_labels_for(lang: str) -> Mapping[str, str]:
    return EDITION_LABELS.get(primary_language(lang), EDITION_LABELS["en"])
