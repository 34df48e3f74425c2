"""The words we add around an article: bylines, dates and labels in the article's language."""

import datetime as dt

import pytest

from conftest import write_article
from openleaf.formats.edition import edition_facts
from openleaf.formats.labels import LABELS, date_text, direction, has_labels, labels_for, spoken_labels_for
from openleaf.source.parser import parse_article


@pytest.mark.parametrize(
    "authors, expected",
    [
        (["Sam Roe"], "Sam Roe"),
        ([{"name": "Dana Whitfield", "credentials": "RD, CDCES"}, "Marcus Lee"],
         "Dana Whitfield, RD, CDCES, and Marcus Lee"),  # credentials are not mistaken for a person
        (["Ana Ruiz", "Marcus Lee"], "Ana Ruiz and Marcus Lee"),
        ([{"name": "A B", "credentials": "MD"}, "C D", "E F"], "A B, MD; C D; and E F"),
        (["A B", "C D", "E F"], "A B, C D, and E F"),  # no credentials: plain commas, the serial one too
    ],
)
def test_byline(article_folder, authors, expected):
    article = parse_article(write_article(article_folder, "Text.\n", authors=authors))
    assert edition_facts(article).byline == expected


@pytest.mark.parametrize(
    "authors, expected",
    [
        (["Ana Ruiz", "Luis Gil", "Eva Sanz"], "Ana Ruiz, Luis Gil y Eva Sanz"),  # no serial comma in Spanish
        ([{"name": "Ana Ruiz", "credentials": "RN, MSN"}, "Luis Gil", "Eva Sanz"], "Ana Ruiz, RN, MSN; Luis Gil; y Eva Sanz"),
    ],
)
def test_byline_in_another_language(article_folder, authors, expected):
    article = parse_article(write_article(article_folder, "Texto.\n", authors=authors, lang="es-ES"))
    assert edition_facts(article).byline == expected


def test_dates_are_written_as_readers_of_the_language_write_them():
    day = dt.date(2026, 11, 1)
    assert date_text(day, "en-US") == "November 1, 2026"
    assert date_text(day, "es-ES") == "1 de noviembre de 2026"
    assert date_text(day, "de") == "1. November 2026"
    assert date_text(day, "fr-FR") == "1er novembre 2026"  # the first of a month, in print as in speech
    assert date_text(dt.date(2026, 11, 2), "fr-CA") == "2 novembre 2026"
    assert date_text(day, "ja") == "2026-11-01"  # no month names known: ISO, never English words


@pytest.mark.parametrize("lang", ["en-GB", "en-AU", "en-NZ", "en-IE"])
def test_a_british_article_writes_its_dates_day_first_like_its_references(article_folder, lang):
    """Australia, New Zealand and Ireland write dates as Britain does; CSL has a locale for Britain only."""
    reference = {"id": "nhs", "type": "webpage", "title": "Dehydration", "URL": "https://www.nhs.uk/",
                 "accessed": {"date-parts": [[2026, 10, 20]]}}
    article = parse_article(write_article(article_folder, "Drink water [@nhs].\n", lang=lang,
                                          reviewed="2026-11-01", references=[reference]))
    facts = edition_facts(article)
    assert facts.reviewed.text == "1 November 2026"
    assert "Accessed 20 October 2026" in facts.references[0].text
    assert date_text(dt.date(2026, 11, 1), "en-US") == "November 1, 2026"


def test_unknown_languages_fall_back_to_english_and_say_so():
    assert labels_for("sw")["references"] == "References" and not has_labels("sw")
    assert labels_for("es-MX")["references"] == "Referencias" and has_labels("es-MX")
    assert direction("ar") == "rtl" and direction("en-GB") == "ltr"


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "sw"])
def test_the_audio_names_chapters_and_callouts_as_the_page_does(lang):
    written, said = labels_for(lang), spoken_labels_for(lang)
    assert said["references"] == written["references"] and said["disclaimer"] == written["disclaimer"]
    assert [said[k] for k in ("key_points", "note", "tip", "warning")] == [
        f"{written[k]}." for k in ("key_points", "note", "tip", "warning")]


def test_no_two_labels_of_a_language_name_different_things_alike():
    for lang, words in LABELS.items():
        headings = [words[k] for k in ("key_points", "references", "disclaimer", "note", "tip", "warning")]
        assert len(set(headings)) == len(headings), lang
