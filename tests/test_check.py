"""`publish check`: the reading level of the body text, and the faults authors forget, each reported."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import EXAMPLES, run_cli, write_article

TODAY = dt.date.today().isoformat()

# Body text whose sentences the reference below knows one by one.
PARAGRAPHS = [
    "Insulin is a hormone that helps sugar move from your blood into your cells.",
    "When your cells stop answering insulin well, your pancreas works harder to keep up.",
    "Over many years, the extra effort can wear it out.",
    "Walking after meals helps your muscles use sugar.",
]
ITEMS = ["Eat more vegetables and whole grains.", "Sleep seven to nine hours each night."]
QUOTE = "My doctor explained everything in words I could understand."
BODY_SENTENCES = PARAGRAPHS + ITEMS + [QUOTE]

CLEAN_FRONT = dict(
    reviewed=TODAY,
    summary="What insulin resistance is and what helps.",
    key_points=["Moving more helps your body use insulin."],
    references=[{"id": "ada", "type": "book", "title": "Standards of Care", "issued": {"date-parts": [[2024]]}}],
)


def body(table: str = "") -> str:
    return (f"{PARAGRAPHS[0]} {PARAGRAPHS[1]} [@ada]\n\n## How it starts\n\n{PARAGRAPHS[2]}\n\n"
            f"### What helps\n\n{PARAGRAPHS[3]}\n\n- {ITEMS[0]}\n- {ITEMS[1]}\n\n> {QUOTE}\n\n{table}")


def reference_grade(sentences: list[str]) -> float:
    """Flesch-Kincaid grade with an independent syllable count: vowel groups, less a silent final e."""
    def syllables(word: str) -> int:
        word = word.lower()
        count = len(re.findall(r"[aeiouy]+", word))
        if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
            count -= 1
        return max(count, 1)

    words = [w for s in sentences for w in re.findall(r"[A-Za-z']+", s)]
    return 0.39 * len(words) / len(sentences) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59


def check_json(capsys, *argv) -> tuple[int, dict]:
    code, out, _ = run_cli(capsys, "check", *argv, "--json", "-")
    return code, json.loads(out)


def items(report: dict, check: str) -> list[dict]:
    return [item for item in report["articles"][0]["items"] if item["check"] == check]


def article_grade(report: dict) -> float:
    level = next(item for item in items(report, "reading level") if item["where"] == "article")
    return level["details"][0]["grade"]


def test_flesch_kincaid_grade_is_within_one_grade_of_the_formula_on_the_body_text(capsys, article_folder):
    path = write_article(article_folder, body(), **CLEAN_FRONT)
    _, report = check_json(capsys, path)
    level = next(item for item in items(report, "reading level") if item["where"] == "article")
    assert level["details"][0]["sentences"] == len(BODY_SENTENCES)
    assert abs(article_grade(report) - reference_grade(BODY_SENTENCES)) <= 1
    assert "Flesch-Kincaid grade" in level["message"] and "Coleman-Liau" in level["message"]
    assert "aim for grade 6, warning above 8" in level["message"]


def test_headings_tables_references_and_the_disclaimer_are_not_body_text(capsys, article_folder):
    plain = write_article(article_folder, body(), name="plain.md", **CLEAN_FRONT)
    table = "| Condition | Explanation |\n| --- | --- |\n| Hyperinsulinemia | Considerably elevated circulating insulin concentrations |\n"
    busy = write_article(article_folder, body(table), name="busy.md", **CLEAN_FRONT,
                         disclaimer="Individualized pharmacological intervention necessitates professional consultation.")
    grades = [article_grade(check_json(capsys, path)[1]) for path in (plain, busy)]
    assert grades[0] == pytest.approx(grades[1])


def test_reading_level_is_given_per_section_too(capsys, article_folder):
    _, report = check_json(capsys, write_article(article_folder, body(), **CLEAN_FRONT))
    assert [item["where"] for item in items(report, "reading level")] == [
        "article", "Introduction", "How it starts", "What helps"]


def test_hard_text_warns_above_the_target_and_the_target_can_be_changed(capsys, article_folder):
    hard = ("Your physician will evaluate your cardiovascular condition and recommend appropriate medication, "
            "considering your circumstances. ") * 4
    path = write_article(article_folder, hard, **CLEAN_FRONT)
    code, report = check_json(capsys, path, "--strict")
    assert items(report, "reading level")[0]["status"] == "warn" and code == 1
    higher = int(article_grade(report)) + 1
    code, report = check_json(capsys, path, "--strict", "--warn-grade", str(higher))
    assert items(report, "reading level")[0]["status"] == "pass"


@pytest.fixture
def faulty(article_folder):
    """An image without alt text, a skipped heading level, an old review date, a reference never cited."""
    (article_folder / "images").mkdir()
    (article_folder / "images" / "glass.svg").write_bytes((EXAMPLES / "images" / "water-glass.svg").read_bytes())
    front = dict(CLEAN_FRONT, reviewed="2015-03-01")
    front["references"] = CLEAN_FRONT["references"] + [{"id": "unused", "type": "book", "title": "Never cited"}]
    text = body() + "\n![](images/glass.svg)\n\n##### Too deep\n\nA short line.\n"
    return write_article(article_folder, text, **front)


def test_planted_faults_are_each_reported_with_their_place(capsys, faulty):
    code, report = check_json(capsys, faulty)
    lines = faulty.read_text().split("\n")
    image_line = next(n for n, line in enumerate(lines, 1) if "![](" in line)
    heading_line = next(n for n, line in enumerate(lines, 1) if line.startswith("#####"))
    review_line = next(n for n, line in enumerate(lines, 1) if line.startswith("reviewed:"))

    [image] = items(report, "images")
    assert image["status"] == "fail" and image["where"].startswith(f"{faulty}:{image_line}:")
    [heading] = items(report, "headings")
    assert heading["status"] == "warn" and heading["where"] == f"{faulty}:{heading_line}:1"
    [review] = items(report, "review date")
    assert review["status"] == "warn" and "2015-03-01" in review["message"] and f":{review_line}:" in review["where"]
    [citation] = items(report, "citations")
    assert citation["status"] == "warn" and "'unused' is never cited" in citation["message"]
    assert report["articles"][0]["status"] == "fail" and code == 1


def test_strict_exits_1_on_the_faults_and_0_on_a_clean_article(capsys, faulty, article_folder):
    assert run_cli(capsys, "check", "--strict", faulty)[0] == 1
    clean = write_article(article_folder, body(), name="clean.md", **CLEAN_FRONT)
    code, out, _ = run_cli(capsys, "check", "--strict", clean)
    assert code == 0, out
    assert "1 passed, 0 with warnings, 0 failed" in out


def test_warnings_alone_fail_only_with_strict(capsys, article_folder):
    path = write_article(article_folder, body(), **dict(CLEAN_FRONT, summary=None))
    assert run_cli(capsys, "check", path)[0] == 0
    assert run_cli(capsys, "check", "--strict", path)[0] == 1


def test_missing_disclaimer_summary_key_points_and_review_date_are_warnings(capsys, article_folder):
    path = write_article(article_folder, body(), references=CLEAN_FRONT["references"], disclaimer=None)
    _, report = check_json(capsys, path)
    for check in ("disclaimer", "summary", "key points", "review date"):
        assert [item["status"] for item in items(report, check)] == ["warn"], check


def test_vague_link_text_and_bare_addresses_are_warned(capsys, article_folder):
    text = body() + "\nFor more, [click here](https://example.org/a). Or go to <https://example.org/b>.\n"
    _, report = check_json(capsys, write_article(article_folder, text, **CLEAN_FRONT))
    messages = [item["message"] for item in items(report, "link text")]
    assert any("'click here'" in m for m in messages) and any("bare address" in m for m in messages)


def test_long_words_not_explained_are_listed_unless_explained_or_in_the_glossary(capsys, article_folder):
    text = ("Hyperglycemia means high blood sugar. Retinopathy can harm your eyes. "
            "Neuropathy can hurt your feet. Nephropathy can harm your kidneys.\n")
    path = write_article(article_folder, text, **CLEAN_FRONT, glossary={"nephropathy": "kidney damage"},
                         pronounce={"Neuropathy": "new rop a thee"})
    _, report = check_json(capsys, path)
    listed = {entry["word"].lower() for entry in items(report, "long words")[0]["details"]}
    assert "retinopathy" in listed
    assert not {"hyperglycemia", "nephropathy", "neuropathy"} & listed


def test_a_french_word_is_judged_without_the_article_it_elides(capsys, article_folder):
    text = "Ne buvez pas d'alcool jusqu'à demain. Après l'examen, reposez-vous. L'hospitalisation est rare.\n"
    path = write_article(article_folder, text, **{**CLEAN_FRONT, "lang": "fr"})
    _, report = check_json(capsys, path)
    listed = {entry["word"].lower() for entry in items(report, "long words")[0]["details"]}
    assert "hospitalisation" in listed
    assert not {"d'alcool", "alcool", "l'examen", "examen", "jusqu'à"} & listed, listed


def test_the_glossary_is_a_known_front_matter_key(capsys, article_folder):
    path = write_article(article_folder, body(), **CLEAN_FRONT, glossary={"insulin": "a hormone"})
    _, report = check_json(capsys, path)
    assert not [item for item in items(report, "source") if "glossary" in item["message"]]


def test_the_ten_longest_sentences_are_listed_longest_first(capsys, article_folder):
    sentences = ["Some" + " word" * (n - 1) + "." for n in range(3, 16)]
    _, report = check_json(capsys, write_article(article_folder, " ".join(sentences) + "\n", **CLEAN_FRONT))
    longest = items(report, "longest sentences")[0]["details"]
    assert [entry["words"] for entry in longest] == list(range(15, 5, -1))


@pytest.mark.parametrize("lang, formulas", [("es", ["Fernández-Huerta", "INFLESZ"]), ("fr", ["Kandel-Moles"])])
def test_spanish_and_french_have_their_own_formulas(capsys, article_folder, lang, formulas):
    text = {"es": "Lávese las manos con agua y jabón. Séquelas con una toalla limpia.\n",
            "fr": "Lavez-vous les mains avec de l'eau et du savon. Séchez-les avec une serviette propre.\n"}[lang]
    _, report = check_json(capsys, write_article(article_folder, text, lang=lang, **CLEAN_FRONT))
    scores = items(report, "reading level")[0]["details"][0]["scores"]
    assert [score["formula"] for score in scores] == formulas
    assert all(60 < score["value"] <= 130 for score in scores)  # short plain sentences read easily


def test_the_json_report_can_go_to_a_file_and_the_table_to_the_terminal(capsys, article_folder, tmp_path):
    path = write_article(article_folder, body(), **CLEAN_FRONT)
    code, out, _ = run_cli(capsys, "check", path, "--json", tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["articles"][0]["source"] == str(path) and data["exit_code"] == code == 0
    assert "reading level" in out and "Checked 1 article" in out


def test_an_article_that_does_not_parse_fails_with_each_error_in_place(capsys, article_folder):
    path = article_folder / "broken.md"
    path.write_text("---\ntitle: [unclosed\nlang: en\n---\nText.\n")
    code, report = check_json(capsys, path)
    failed = [item for item in report["articles"][0]["items"] if item["status"] == "fail"]
    assert code == 1 and failed and all(re.match(rf"{re.escape(str(path))}:\d+:\d+$", i["where"]) for i in failed)


def test_the_examples_pass(capsys):
    assert run_cli(capsys, "check", EXAMPLES)[0] == 0


def test_with_an_unknown_citation_and_a_missing_picture_the_other_checks_still_run(capsys, article_folder):
    text = body() + "\nSee the guide [@nobody].\n\n![A chart](images/missing.png)\n"
    path = write_article(article_folder, text, **dict(CLEAN_FRONT, reviewed="2015-03-01"))
    code, report = check_json(capsys, path)
    failed = {item["check"]: item["message"] for item in report["articles"][0]["items"] if item["status"] == "fail"}
    assert "unknown citation key '@nobody'" in failed["citations"] and "not found" in failed["images"]
    assert items(report, "review date")[0]["status"] == "warn" and code == 1
