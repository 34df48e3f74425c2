"""The source format: what an author writes and what the model holds."""

from __future__ import annotations

import pytest

from conftest import example_articles, write_article
from openleaf.source.errors import SourceError
from openleaf.source.model import Citation, Emph, Figure, ListBlock, Quote, Strong, Table, sentences_of
from openleaf.source.parser import parse_article
from openleaf.source.sentences import split

REFS = [
    {"id": "ford2013", "type": "book", "title": "The Everything Guide", "publisher": "Adams Media",
     "author": [{"family": "Ford-Martin", "given": "P."}], "issued": {"date-parts": [[2013]]}},
    {"id": "gebel2011", "type": "webpage", "title": "Understanding Insulin Resistance",
     "URL": "http://www.diabetesforecast.org/x.html"},
]


def test_every_example_parses_without_warnings():
    paths = example_articles()
    assert len(paths) >= 3
    for path in paths:
        article = parse_article(path)
        assert article.sections, path
        assert article.disclaimer, path
        assert not article.warnings, [str(w) for w in article.warnings]


def test_front_matter_fields_reach_the_model(article_folder):
    path = write_article(
        article_folder, "Intro.\n",
        subtitle="For patients", authors=[{"name": "Jane Doe", "credentials": "RD"}, "Sam Roe"],
        date="2018-11-05", reviewed="2026-11-01", publisher="Example Clinic", summary="What it is.",
        key_points=["First point.", "Second *point*."], pronounce={"A1C": "A one C"}, theme_color="blue",
    )
    article = parse_article(path)
    assert article.subtitle == "For patients"
    assert [a.display for a in article.authors] == ["Jane Doe, RD", "Sam Roe"]
    assert str(article.date) == "2018-11-05" and str(article.reviewed) == "2026-11-01"
    assert article.publisher == "Example Clinic" and article.summary == "What it is."
    assert [kp.text for kp in article.key_points] == ["First point.", "Second point."]
    assert dict(article.pronounce) == {"A1C": "A one C"}
    assert article.meta["theme_color"] == "blue"
    assert any("unknown front matter key 'theme_color'" in str(w) for w in article.warnings)


def test_a_key_written_in_the_authors_language_points_at_the_english_key(article_folder):
    # A French author's "titre:" and "langue:": the keys are English in every language.
    path = write_article(article_folder, "Texte.\n", title=None, lang=None, titre="Bonjour", langue="fr",
                         résumé="Court.")
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    said = [str(d) for d in caught.value.diagnostics]
    assert any("missing 'title'" in d and "write 'title:' where it says 'titre:'" in d for d in said), said
    assert any("missing 'lang'" in d and "write 'lang:' where it says 'langue:'" in d for d in said), said
    path = write_article(article_folder, "Texte.\n", résumé="Court.")
    warnings = [str(w) for w in parse_article(path).warnings]
    assert any("'résumé'" in w and "did you mean 'summary'" in w for w in warnings), warnings


def test_sections_sentences_and_ids(article_folder):
    body = (
        "Intro one. Intro two.\n\n"
        "## Causes\n\nDr. Smith says *it helps. Really* well. Levels of 5.7% matter.\n\n"
        "### Detail\n\n- one. two.\n- three\n  1. nested\n\n> Quoted words.\n\n"
        "## Next\n\nLast.\n"
    )
    article = parse_article(write_article(article_folder, body))
    assert [s.text for s in sentences_of(article.intro)] == ["Intro one.", "Intro two."]
    assert [(s.id, s.level, s.title_text) for s in article.sections] == [
        ("sec-1", 2, "Causes"), ("sec-2", 3, "Detail"), ("sec-3", 2, "Next")]
    first = sentences_of(article.sections[0].blocks)
    assert [s.text for s in first] == ["Dr. Smith says it helps.", "Really well.", "Levels of 5.7% matter."]
    assert [s.id for s in first] == ["s-1-1", "s-1-2", "s-1-3"]
    assert isinstance(first[0].inlines[-1], Emph)  # emphasis cut at the sentence boundary, kept on both sides
    detail = article.sections[1].blocks
    assert isinstance(detail[0], ListBlock) and isinstance(detail[1], Quote)
    assert isinstance(detail[0].items[1].blocks[1], ListBlock) and detail[0].items[1].blocks[1].ordered


def test_ids_are_unique_across_the_article():
    article = parse_article(example_articles()[0])
    ids = [s.id for s in article.key_points] + [s.id for s in sentences_of(article.intro)]
    for section in article.sections:
        ids += [section.id] + [s.id for s in sentences_of(section.blocks)]
    ids += [s.id for s in sentences_of(article.disclaimer)] + [r.id for r in article.references]
    assert len(ids) == len(set(ids))


def test_citations_number_references_in_order_of_first_citation(article_folder):
    body = "First [@gebel2011]. Then both [@ford2013; @gebel2011, p. 12].\n"
    article = parse_article(write_article(article_folder, body, references=REFS))
    assert [(r.key, r.number) for r in article.references] == [("gebel2011", 1), ("ford2013", 2)]
    citations = [n for s in sentences_of(article.intro) for n in s.inlines if isinstance(n, Citation)]
    assert [[(c.number, c.locator) for c in cit.cites] for cit in citations] == [[(1, "")], [(2, ""), (1, "p. 12")]]
    assert article.references[0].back_ids == (citations[0].id, citations[1].id)
    assert "Ford-Martin P" in article.references[1].text and "<i>" in article.references[1].html
    assert [s.spoken_text for s in sentences_of(article.intro)] == ["First.", "Then both."]


def test_spoken_text_drops_citation_marks_but_keeps_french_spacing(article_folder):
    body = "Mesurez-la ; au-delà de 13 : appelez [@gebel2011]. Elle aide [@ford2013] beaucoup.\n"
    article = parse_article(write_article(article_folder, body, references=REFS, lang="fr-FR"))
    assert [s.spoken_text for s in sentences_of(article.intro)] == [
        "Mesurez-la ; au-delà de 13 : appelez.", "Elle aide beaucoup."]


def test_an_uncited_reference_is_a_warning_and_listed_last(article_folder):
    article = parse_article(write_article(article_folder, "Only [@ford2013].\n", references=REFS))
    assert [(r.key, r.cited) for r in article.references] == [("ford2013", True), ("gebel2011", False)]
    assert any("never cited" in str(w) for w in article.warnings)


def test_a_greater_than_sign_that_wraps_to_the_start_of_a_line_is_a_warning(article_folder):
    body = ("Call us if your temperature is\n> 38 °C for two days.\n\n> Sleep is a skill, said one reader.\n\n"
            "> 3 of 4 parents said the app helped.\n")
    path = write_article(article_folder, body)
    line = path.read_text(encoding="utf-8").splitlines().index("> 38 °C for two days.") + 1
    warned = [str(w) for w in parse_article(path).warnings if "block quote" in str(w)]
    # Quotes of their own, after a blank line, are not warned of, even one that starts with a number.
    assert len(warned) == 1 and f":{line}:1: '>' at the start of this line starts a block quote" in warned[0]


@pytest.mark.parametrize("authors, warned", [(["J. Patel", "PharmD"], True), (["Ana Ruiz", "IDE"], True),
                                              (["L. Hernández", "neumóloga pediatra"], True),
                                              (["Dana Whitfield", "Marcus Lee"], False), (["RN"], False),
                                              (["A. Writer", "WHO"], False), (["A. Writer", "McDonald"], False)])
def test_a_credential_written_as_an_author_of_its_own_is_a_warning(article_folder, authors, warned):
    article = parse_article(write_article(article_folder, "Text.\n", authors=authors))
    assert [a.name for a in article.authors] == authors  # nothing is guessed away
    assert any("looks like a credential" in str(w) for w in article.warnings) is warned


def test_reference_text_is_escaped_for_html(article_folder):
    refs = [{"id": "x", "type": "book", "title": "Sugar <script>alert(1)</script> & salt"}]
    article = parse_article(write_article(article_folder, "See [@x].\n", references=refs))
    assert "<script>" not in article.references[0].html
    assert "&lt;script&gt;" in article.references[0].html


def test_tables_figures_and_callouts(article_folder):
    (article_folder / "images").mkdir()
    (article_folder / "images" / "a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    body = (
        "## Data\n\n| Test | Normal |\n|:-----|------:|\n| A1C | < 5.7% |\n\n"
        '![A key opening a door](images/a.svg "Insulin is the key")\n\n'
        "![decorative](images/a.svg)\n\n::: warning\nCall 911.\n:::\n"
    )
    article = parse_article(write_article(article_folder, body))
    table, figure, decorative, callout = article.sections[0].blocks
    assert isinstance(table, Table) and table.aligns == ("left", "right")
    assert [c[0].text for c in table.header.cells] == ["Test", "Normal"]
    assert isinstance(figure, Figure) and figure.alt == "A key opening a door" and figure.path.is_file()
    assert decorative.decorative
    assert callout.kind == "warning"


def test_a_run_of_underscores_is_a_blank_to_fill_in_and_not_bold(article_folder):
    body = "Next test: ____/____/2026. Weight: ______ kg. Sign:_____\n\nA ___very___ __firm__ _rule_.\n"
    article = parse_article(write_article(article_folder, body))
    [blanks, emphasis] = [block.sentences for block in article.intro]
    assert [s.text for s in blanks] == ["Next test: ____/____/2026.", "Weight: ______ kg.", "Sign:_____"]
    assert not any(isinstance(part, (Emph, Strong)) for s in blanks for part in s.inlines)
    assert sum(isinstance(part, (Emph, Strong)) for part in emphasis[0].inlines) == 3


def test_raw_html_stays_text_and_unsafe_links_are_dropped(article_folder):
    body = "Hi <script>alert(1)</script> there. [click](javascript:alert(1)) and [ok](https://example.org).\n"
    article = parse_article(write_article(article_folder, body))
    text = " ".join(s.text for s in sentences_of(article.intro))
    assert "<script>alert(1)</script>" in text  # as text, for the writers to escape
    assert "javascript:" not in repr(article.intro)
    messages = " ".join(str(w) for w in article.warnings)
    assert "raw HTML" in messages and "link 'javascript:alert(1)' removed" in messages


@pytest.mark.parametrize(
    "body, front, expected",
    [
        ("# Title\n", {}, ":1: a '#' heading in the body"),
        ("See [@nobody].\n", {"references": REFS}, "unknown citation key '@nobody'"),
        ("See [@ford2013 @x].\n", {"references": REFS}, "malformed citation"),
        ("![](a.png)\n", {}, "has no alt text"),
        ("![A map](../outside.png)\n", {}, "leaves the article's folder"),
        ("![A map](missing.png)\n", {}, "not found"),
        ("Text.\n", {"lang": "not a language"}, "is not a BCP 47 language tag"),
        ("Text.\n", {"title": None}, "missing 'title'"),
        ("Text.\n", {"citation_style": "no-such-style"}, "unsupported citation-style"),
        ("Text.\n", {"references": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}, "duplicate reference id 'a'"),
        ("Text.\n", {"references": [{"id": "a", "type": "book"}]}, "reference 'a' has no title"),
    ],
)
def test_bad_sources_name_file_line_and_fix(article_folder, body, front, expected):
    path = write_article(article_folder, body, **front)
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    message = str(caught.value)
    assert expected in message
    assert message.startswith(f"{path}:")
    line = message.split(":")[1]
    assert line.isdigit() and int(line) >= 1


def test_all_problems_in_a_file_are_reported_together(article_folder):
    path = write_article(article_folder, "# One\n\n![](x.png)\n\nSee [@nobody].\n", title=None)
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    assert len(caught.value.diagnostics) == 4


def test_error_lines_point_at_the_body_line(article_folder):
    path = write_article(article_folder, "Fine.\n\nStill fine.\n\n# Bad\n")
    with pytest.raises(SourceError) as caught:
        parse_article(path)
    line_number = int(str(caught.value).split(":")[1])
    assert path.read_text().split("\n")[line_number - 1] == "# Bad"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Insulin helps. It is made in the pancreas!", ["Insulin helps.", "It is made in the pancreas!"]),
        ("See Dr. Lee, e.g. on Monday. Then rest.", ["See Dr. Lee, e.g. on Monday.", "Then rest."]),
        ("An A1C of 5.7 is high. J. Smith agrees.", ["An A1C of 5.7 is high.", "J. Smith agrees."]),
        ("¿Qué es? Es una hormona.", ["¿Qué es?", "Es una hormona."]),
        ("He said \"stop.\" Then left.", ['He said "stop."', "Then left."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("Take 10 mg h.s. Go to bed.", ["Take 10 mg h.s.", "Go to bed."]),  # dosing shorthand ends an order
        ("Take it b.i.d. with food.", ["Take it b.i.d. with food."]),
        ("Au plus 4 g/24 h. Évitez l'aspirine. Voir J. Dupont.",  # a unit of one letter after a number
         ["Au plus 4 g/24 h.", "Évitez l'aspirine.", "Voir J. Dupont."]),
        ("Paracetamol 1 g q.d.s. PRN (max. 4 g) is fine. Take it b.i.d. OK?",  # shorthand after shorthand
         ["Paracetamol 1 g q.d.s. PRN (max. 4 g) is fine.", "Take it b.i.d.", "OK?"]),
        ("Une température d'env. 37 °C. Puis rien.", ["Une température d'env. 37 °C.", "Puis rien."]),
        ("Pesez-vous 1×/sem. : 82 kg. Puis rien.", ["Pesez-vous 1×/sem. : 82 kg.", "Puis rien."]),
        ("Take 50 mg/d. Stop if dizzy.", ["Take 50 mg/d.", "Stop if dizzy."]),  # a unit after the slash
        ("Ouvert du lun. au ven. (8 h–18 h). Puis rien.", ["Ouvert du lun. au ven. (8 h–18 h).", "Puis rien."]),
        ("Write it in caps. Then sign. Gire a la der. Luego siga.",
         ["Write it in caps.", "Then sign.", "Gire a la der.", "Luego siga."]),
        ("Llame al 4959-0200 int. 1234. Gracias.", ["Llame al 4959-0200 int. 1234.", "Gracias."]),
        ("Prenez 1 co. DIE, à jeun. Ensuite 1 co. Le soir, rien.",  # Quebec's Latin after a tablet
         ["Prenez 1 co. DIE, à jeun.", "Ensuite 1 co.", "Le soir, rien."]),
        ("I don't. Then go.", ["I don't.", "Then go."]),
        ("Open 9 a.m. to 5 p.m. ET; call us. Come at 5 p.m. Then rest.",  # a time zone after the hour
         ["Open 9 a.m. to 5 p.m. ET; call us.", "Come at 5 p.m.", "Then rest."]),
        ("Tab. Paracetamol 500 mg: 1 tab SOS. It costs Rs. 500 now.",  # India's prescription line and rupees
         ["Tab. Paracetamol 500 mg: 1 tab SOS.", "It costs Rs. 500 now."]),
        ("Give Tab. Azithromycin 500 mg once daily. Give Tab. Then rest.",  # the same line after "Give"
         ["Give Tab. Azithromycin 500 mg once daily.", "Give Tab.", "Then rest."]),
        ("Come on Wed. Oct. 5 at 9 a.m. Clinics Mon. Wed. Fri. only. Open 4 p.m. Sun and wind burn.",  # a weekday's date
         ["Come on Wed. Oct. 5 at 9 a.m.", "Clinics Mon. Wed. Fri. only.", "Open 4 p.m.", "Sun and wind burn."]),
        ("Clinic Mon. Wed Fri 8 to 6. Closed Sat. Sun exposure is high.",  # weekdays listed without all their stops
         ["Clinic Mon. Wed Fri 8 to 6.", "Closed Sat.", "Sun exposure is high."]),
        ("By Anna Roy, OT Reg. (Ont.), and Dr. Li. Keep it reg. Then stop.",  # a registration and its province
         ["By Anna Roy, OT Reg. (Ont.), and Dr. Li.", "Keep it reg.", "Then stop."]),
        ("Open Mon. Weds. Fri. Closed Sat.", ["Open Mon. Weds. Fri.", "Closed Sat."]),
        ("Keep taking montelukast 10 mg q.h.s. (Singulair), your inhalers. Rest. (It helps you sleep.) Then go.",
         ["Keep taking montelukast 10 mg q.h.s. (Singulair), your inhalers.", "Rest.", "(It helps you sleep.)", "Then go."]),
        ("We aim for 85% of your predicted max. Your max HR is 220 minus your age. Take max. 4 g daily.",  # the maximum itself
         ["We aim for 85% of your predicted max.", "Your max HR is 220 minus your age.", "Take max. 4 g daily."]),
        ("Come on Wed. Augmentin 875 mg daily. Closed Sat. Sun protection matters.",  # a drug, the sun: no dates
         ["Come on Wed.", "Augmentin 875 mg daily.", "Closed Sat.", "Sun protection matters."]),
        ("Dosage form: Tab. Store below 25°C. It costs 500 Rs. 2 tablets are free. Open Mon-Fri. Visit us online.",
         ["Dosage form: Tab.", "Store below 25°C.", "It costs 500 Rs.", "2 tablets are free.", "Open Mon-Fri.", "Visit us online."]),
        ("We open at 9 a.m. Mondays are busy. Closed at 4 p.m. Sun protection matters.",
         ["We open at 9 a.m.", "Mondays are busy.", "Closed at 4 p.m.", "Sun protection matters."]),
        ("Take it between 9:00 a.m. Sunday and 9:00 a.m. Monday. Open 9 a.m. Mon. to Friday. Come at 8 a.m. Then rest.",
         ["Take it between 9:00 a.m. Sunday and 9:00 a.m. Monday.", "Open 9 a.m. Mon. to Friday.",  # a weekday after the hour
          "Come at 8 a.m.", "Then rest."]),
        ("It is common in the U.S. It affects 1 in 3. See the U.S. Food and Drug Administration. In the U.K. 2 in 5.",
         ["It is common in the U.S.", "It affects 1 in 3.", "See the U.S. Food and Drug Administration.",
          "In the U.K. 2 in 5."]),  # a country written short ends a sentence before a word that opens one
        ("Set it 1-1½ in. (2-3 fingers) below. Come in. Then sit.",  # inches after a fraction, as after a figure
         ["Set it 1-1½ in. (2-3 fingers) below.", "Come in.", "Then sit."]),
        ("It weighs about 4 oz. It is on loan. Use 2 lb. weights. Give 1 tsp. Repeat in 4 hours.",  # an amount ends one
         ["It weighs about 4 oz.", "It is on loan.", "Use 2 lb. weights.", "Give 1 tsp.", "Repeat in 4 hours."]),
        ("Give 1 tsp. Benadryl every 6 hours. Ring Outpatients Dept. To change it, call. The Dept. of Health says so.",
         ["Give 1 tsp. Benadryl every 6 hours.", "Ring Outpatients Dept.", "To change it, call.",
          "The Dept. of Health says so."]),  # a spoon before a medicine's name goes on
        ("Give 1 tsp. Wash the spoon. Radiology Dept. Level 2 is open.",
         ["Give 1 tsp.", "Wash the spoon.", "Radiology Dept. Level 2 is open."]),
        ("Outpatients Dept. Please arrive early. Radiology Dept. Reception is on the left. Give 1 tsp. Please measure it.",
         ["Outpatients Dept.", "Please arrive early.", "Radiology Dept.", "Reception is on the left.", "Give 1 tsp.",
          "Please measure it."]),  # a department goes on only before where it is
        ("X-ray Dept. Main Entrance. X-ray Dept. First you will change.",
         ["X-ray Dept. Main Entrance.", "X-ray Dept.", "First you will change."]),
        ("Come to the Eye Dept. First of all, bring your glasses. X-ray Dept. Main entrance is closed.",
         ["Come to the Eye Dept.", "First of all, bring your glasses.", "X-ray Dept.", "Main entrance is closed."]),
        ("Outpatients Dept. First floor, St Mary's Hospital. Physiotherapy Dept. Main building, Level 2.",
         ["Outpatients Dept. First floor, St Mary's Hospital.", "Physiotherapy Dept. Main building, Level 2."]),
        ("Riverside Clinic, Co. Cork. Smith & Co. The firm is old.",
         ["Riverside Clinic, Co. Cork.", "Smith & Co.", "The firm is old."]),  # a county goes on, a company ends
    ],
)
def test_sentence_splitter(text, expected):
    assert split(text) == expected
