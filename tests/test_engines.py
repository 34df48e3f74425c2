"""Speech engines and the sentence audio cache, checked on real synthesised audio."""

import sys
import threading

import numpy as np
import pytest

from openleaf.formats.audio.cache import SpeechCache, default_cache_dir, synthesize_cached
from openleaf.formats.audio.engines import (
    EngineError,
    decode_mp3,
    espeak_voice_for,
    get_engine,
    list_voices,
    piper_has_voice,
)

SENTENCE = "Drink plenty of water and rest when you have a fever."
WORDS = len(SENTENCE.split())
GERMAN = "Trinken Sie viel Wasser und ruhen Sie sich aus, wenn Sie Fieber haben."


def seconds(engine, samples):
    return len(samples) / engine.sample_rate


def rms(samples):
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def assert_speech(engine, samples, words):
    assert samples.dtype == np.int16 and samples.ndim == 1
    assert rms(samples) > 500, "audio is (nearly) silent"
    assert 0.2 * words <= seconds(engine, samples) <= 1.0 * words


@pytest.fixture(scope="module")
def piper():
    return get_engine("piper", "en-US")


@pytest.fixture(scope="module")
def piper_audio(piper):
    return piper.synthesize(SENTENCE)


# --- Piper -------------------------------------------------------------------


def test_piper_is_the_joe_voice_at_its_model_sample_rate(piper):
    assert (piper.name, piper.voice, piper.sample_rate) == ("piper", "en_US-joe-medium", 22050)


def test_piper_speaks_a_sentence_as_audible_int16_of_plausible_length(piper, piper_audio):
    assert_speech(piper, piper_audio, WORDS)


def test_piper_returns_every_sentence_piper_finds_in_the_text(piper, piper_audio):
    # Piper splits at its own sentence ends; none of its chunks may be dropped.
    twice = piper.synthesize(f"{SENTENCE} {SENTENCE}")
    assert seconds(piper, twice) > 1.6 * seconds(piper, piper_audio)


def test_piper_rate_changes_speaking_speed():
    long_text = SENTENCE + " Call your doctor if the temperature stays high for more than three days."
    durations = {}
    for rate in (0.75, 1.0, 1.5):
        engine = get_engine("piper", "en-US", rate=rate)
        durations[rate] = seconds(engine, engine.synthesize(long_text))
    assert durations[1.5] < durations[1.0] < durations[0.75]


def test_piper_says_the_words_its_phonemizer_gets_wrong_as_the_sounds_table_says(piper):
    from openleaf.formats.audio.engines import _load_piper_voice

    voice = _load_piper_voice(piper.voice)
    given = piper.with_sounds("Under 100 milligrams per deciliter. Wind down before bed.")
    sounds = " ".join("".join(sentence) for sentence in voice.phonemize(given))
    assert "dˈɛsᵻlˌiːɾɚ." in sounds and "wˈaɪnd dˌaʊn" in sounds  # "leeter", and the verb
    plain = " ".join("".join(sentence) for sentence in voice.phonemize("per deciliter. Wind down."))
    assert "dˈɛsɪlˌɪɾɚ" in plain and "wˈɪnd" in plain  # what espeak-ng says without the table
    assert piper.with_sounds("Drink water.") == "Drink water."


def test_piper_says_a_spelled_letter_a_as_the_letter(piper):
    from openleaf.formats.audio.engines import _load_piper_voice

    voice = _load_piper_voice(piper.voice)
    plain = "".join(voice.phonemize("Your H B A one C was high.")[0])
    assert "ɐ wˈʌn" in plain  # espeak-ng's article "uh": tiny.en heard "a 1C" 3 times of 3
    given = "".join(voice.phonemize(piper.with_sounds("Your H B A one C was high."))[0])
    assert "ˈeɪ wˈʌn sˈiː" in given  # heard "A1C" 3 of 3


def test_piper_says_a_and_i_in_a_spelled_abbreviation_as_letters_not_words(piper):
    from openleaf.formats.audio.engines import _load_piper_voice

    voice = _load_piper_voice(piper.voice)
    text = "With A D H D and an I V line. Online at N H L B I dot gov. Born in the U S A."

    def sounds(text: str) -> str:
        return " | ".join("".join(sentence) for sentence in voice.phonemize(text))

    assert "wɪð ɐ dˈiː" in sounds(text)  # espeak-ng's article "uh", its pronoun "aɪ" unstressed
    assert "bˈiːʲ aɪ dˈɑːt" in sounds(text) and "ˈɛs ˈeɪ." in sounds(text)
    given = sounds(piper.with_sounds(text))
    assert "wɪð ˈeɪ dˈiː" in given and "ˈaɪ vˈiː" in given and "bˈiː ˈaɪ dˈɑːt" in given
    assert given.endswith("ˈɛs ˈeɪ.")  # the sentence still ends with its full stop
    # The pronoun and the article outside a spelled run are words; the spoken text writes the article
    # before a spelled run "a", so a capital "A" that starts one, even a sentence's, is a letter.
    assert piper.with_sounds("I think A is right.") == "I think A is right."
    assert piper.with_sounds("a U T I is an infection.") == "a U T [[ ˈaɪ ]] is an infection."
    assert piper.with_sounds("A M L is a cancer.") == "[[ ˈeɪ ]] M L is a cancer."


def test_piper_says_the_verb_an_instruction_means_not_the_noun(piper):
    from openleaf.formats.audio.engines import _load_piper_voice

    voice = _load_piper_voice(piper.voice)

    def sounds(text: str) -> str:
        return " | ".join("".join(sentence) for sentence in voice.phonemize(text))

    instructions = "Use the inhaler. Close the lid, then record your readings. Live a full life."
    assert sounds(instructions).split()[0] == "jˈuːs"  # espeak-ng's noun: "yooss the inhaler"
    assert "klˈoʊs ðə" in sounds(instructions) and "lˈaɪv ɐ" in sounds(instructions)
    given = sounds(piper.with_sounds(instructions))
    assert given.split()[0] == "jˈuːz"
    assert "klˈoʊz ðə" in given and "ɹᵻkˈɔːɹd jʊɹ" in given and "lˈɪv ɐ" in given
    assert "ðˈɛn ɹᵻkˈɔːɹd" in sounds(piper.with_sounds("Wash your hands, then record your readings."))
    # "Use" and "Increase" begin an instruction before any word but those their noun goes on with (a twenty-sixth
    # reading heard "yooss prednisolone").
    assert sounds(piper.with_sounds("Use prednisolone acetate.")).startswith("jˈuːz")
    assert sounds(piper.with_sounds("Use of opioids is risky.")).startswith("jˈuːs")
    assert sounds(piper.with_sounds("Increase lamotrigine slowly.")).startswith("ɪŋkɹˈiːs")
    assert sounds(piper.with_sounds("Increase in pain means call us.")).startswith("ˈɪŋkɹiːs")
    # Nouns and adjectives stay as they are, and so does a word that does not start an instruction.
    for text in ("The use of the inhaler.", "Keep a record of them.", "At present the clinic is closed.",
                 "Stay close to home.", "Live vaccines are not given.", "Bring your vaccination record every time.",
                 "With regular use the pain gets better.", "Keep your baby close all the time."):
        assert piper.with_sounds(text) == text


def test_piper_speaks_english_only_here():
    assert piper_has_voice("en-US") and piper_has_voice("en-GB") and piper_has_voice("en")
    assert not piper_has_voice("de-DE")
    with pytest.raises(EngineError, match="espeak"):
        get_engine("piper", "de-DE")


def test_an_unknown_piper_voice_is_refused():
    with pytest.raises(EngineError, match="en_US-joe-medium"):
        get_engine("piper", "en-US", voice="en_GB-nobody-low")


# --- espeak-ng ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, voice",
    [("en-US", "en-us"), ("en-GB", "en-gb"), ("de-DE", "de"), ("de", "de"), ("es", "es"), ("pt-BR", "pt-br"), ("fr-CA", "fr-fr"),
     ("es-AR", "es-419"), ("es-CO", "es-419"), ("es-ES", "es"), ("en-CA", "en-us")],  # a region speaks as its neighbours
)
def test_espeak_voice_follows_the_article_language(lang, voice):
    assert espeak_voice_for(lang) == voice
    assert get_engine("espeak", lang).voice == voice


def test_espeak_speaks_english():
    engine = get_engine("espeak", "en-US")
    assert_speech(engine, engine.synthesize(SENTENCE), WORDS)


def test_the_french_espeak_voice_is_given_the_sounds_of_words_it_reads_in_english():
    engine = get_engine("espeak", "fr-FR")
    # espeak-ng's own reading of "lithium" is English ("(en)lˈɪθiəm"), and it says "bolus" without its s
    assert engine.with_sounds("Le lithium et un bolus.") == "Le [[litj'Om]] et un [[bol'ys]]."
    assert engine.with_sounds("La lithémie.") == "La litémie."  # not a word of the table (its "th" is a "t", as before)
    assert len(engine.synthesize("Le lithium et un bolus.")) > 0.5 * engine.sample_rate


def test_espeak_speaks_german():
    engine = get_engine("espeak", "de-DE")
    assert engine.voice == "de"
    assert_speech(engine, engine.synthesize(GERMAN), len(GERMAN.split()))


def test_espeak_rate_changes_speaking_speed():
    durations = {}
    for rate in (0.75, 1.0, 1.5):
        engine = get_engine("espeak", "en-US", rate=rate)
        durations[rate] = seconds(engine, engine.synthesize(SENTENCE))
    assert durations[1.5] < durations[1.0] < durations[0.75]


def test_espeak_engines_keep_their_own_voice_and_rate_when_taking_turns():
    # espeak-ng holds one global voice and rate; each engine must still get its own.
    fast, slow = get_engine("espeak", "en-US", rate=1.5), get_engine("espeak", "de", rate=0.75)
    for _ in range(3):
        assert seconds(fast, fast.synthesize(SENTENCE)) * 1.5 < seconds(slow, slow.synthesize(SENTENCE))


def test_espeak_refuses_a_language_it_does_not_know():
    with pytest.raises(EngineError, match="no voice"):
        get_engine("espeak", "xx-YY")


# --- gTTS --------------------------------------------------------------------


def test_gtts_without_internet_fails_clearly_and_leaves_no_file(tmp_path, monkeypatch):
    # A proxy nobody listens on: offline even where the machine has a network.
    for variable in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    engine = get_engine("gtts", "en-US")
    cache = SpeechCache(tmp_path / "cache")
    with pytest.raises(EngineError, match="internet connection.*use --voice piper or espeak"):
        synthesize_cached(engine, SENTENCE, cache=cache)
    assert list(tmp_path.rglob("*")) == []


def test_gtts_missing_is_reported_with_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gtts", None)
    monkeypatch.setitem(sys.modules, "gtts.lang", None)
    with pytest.raises(EngineError, match="pip install"):
        get_engine("gtts", "en-US")


def test_mp3_from_google_is_decoded_to_int16_pcm():
    lameenc = pytest.importorskip("lameenc")
    rate = 24000
    tone = (8000 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate)).astype(np.int16)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    mp3 = encoder.encode(tone.tobytes()) + encoder.flush()

    samples = decode_mp3(bytes(mp3), rate)
    assert samples.dtype == np.int16 and abs(len(samples) - rate) < 0.1 * rate
    peak_hz = np.argmax(np.abs(np.fft.rfft(samples))) * rate / len(samples)
    assert abs(peak_hz - 440) < 5


# --- choosing engines and voices -----------------------------------------------


def test_list_voices_offers_the_piper_default_and_espeak_voices():
    voices = list_voices()
    defaults = [v for v in voices if v.default]
    assert [(v.engine, v.voice, v.offline) for v in defaults] == [("piper", "en_US-joe-medium", True)]
    espeak = {v.voice: v for v in voices if v.engine == "espeak"}
    assert {"en-us", "de", "es"} <= espeak.keys()
    assert all(v.offline for v in espeak.values())
    assert all(not v.offline for v in voices if v.engine == "gtts")


def test_unknown_engine_and_out_of_range_rate_are_refused():
    with pytest.raises(EngineError, match="piper, espeak, gtts"):
        get_engine("festival", "en-US")
    with pytest.raises(EngineError, match="between 0.75 and 1.5"):
        get_engine("espeak", "en-US", rate=3.0)


# --- sentence cache ------------------------------------------------------------


def test_a_cached_sentence_comes_back_identical_without_synthesis(piper, tmp_path):
    cache = SpeechCache(tmp_path)
    first, hit = synthesize_cached(piper, SENTENCE, cache=cache)
    assert not hit
    again, hit = synthesize_cached(piper, SENTENCE, cache=cache)
    assert hit and np.array_equal(again, first)
    assert (cache.hits, cache.misses) == (1, 1)


def test_changed_text_or_rate_or_voice_is_synthesised_anew(tmp_path):
    cache = SpeechCache(tmp_path)
    normal = get_engine("espeak", "en-US")
    synthesize_cached(normal, SENTENCE, cache=cache)
    assert not synthesize_cached(normal, SENTENCE.replace("water", "tea"), cache=cache)[1]
    assert not synthesize_cached(get_engine("espeak", "en-US", rate=1.25), SENTENCE, cache=cache)[1]
    assert not synthesize_cached(get_engine("espeak", "en-GB"), SENTENCE, cache=cache)[1]
    assert synthesize_cached(normal, SENTENCE, cache=cache)[1]
    assert (cache.hits, cache.misses) == (1, 4)


def test_cache_files_are_complete_even_when_writers_race(tmp_path):
    engine = get_engine("espeak", "en-US")
    cache = SpeechCache(tmp_path)
    versions = [np.full(50_000, value, dtype=np.int16) for value in range(1, 5)]

    def write(samples):
        for _ in range(20):
            cache.put(engine, SENTENCE, 1.0, samples)

    threads = [threading.Thread(target=write, args=(v,)) for v in versions]
    for thread in threads:
        thread.start()
    seen = [cache.get(engine, SENTENCE, 1.0) for _ in range(50)]
    for thread in threads:
        thread.join()

    readable = [s for s in seen if s is not None] + [cache.get(engine, SENTENCE, 1.0)]
    assert readable and all(any(np.array_equal(s, v) for v in versions) for s in readable)
    assert [p.suffix for p in tmp_path.rglob("*") if p.is_file()] == [".npy"]


def test_a_damaged_cache_file_is_a_miss_and_is_replaced(tmp_path):
    engine = get_engine("espeak", "en-US")
    cache = SpeechCache(tmp_path)
    good, _ = synthesize_cached(engine, SENTENCE, cache=cache)
    cache.path(engine, SENTENCE, 1.0).write_bytes(b"not audio")
    again, hit = synthesize_cached(engine, SENTENCE, cache=cache)
    assert not hit and abs(len(again) - len(good)) < 0.05 * len(good)
    assert synthesize_cached(engine, SENTENCE, cache=cache)[1]


def test_cache_folder_follows_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("OPENLEAF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "openleaf" / "speech"
    monkeypatch.setenv("OPENLEAF_CACHE_DIR", str(tmp_path / "mine"))
    assert SpeechCache().root == tmp_path / "mine"
    assert SpeechCache(tmp_path / "given").root == tmp_path / "given"
