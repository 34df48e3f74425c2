"""MP3 files: encoding with LAME (lameenc) and ID3v2.4 tags with chapters (mutagen).

Encoder delay: LAME puts 576 samples of its own before the audio, and an MP3
decoder adds 529 more, so the first sample we encode is heard 1105 samples
into the decoded file (measured with libsndfile and ffmpeg at 22050 and
24000 Hz; tests/test_audio.py measures it again). lameenc writes no LAME
info tag, so no player trims that delay; every time we publish (timeline,
captions, chapters) is therefore shifted by it, and matches what is heard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lameenc
import numpy as np
from mutagen.id3 import (
    APIC,
    CHAP,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    TRCK,
    CTOCFlags,
)

from ..files import atomic_path
from ..labels import primary_language

ENCODER_DELAY_SAMPLES = 576 + 529
BITRATE_KBPS = 64  # plenty for mono speech at 22–24 kHz
SAMPLE_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)

# ISO 639-2 codes for the ID3 language frame (TLAN), from the BCP 47 primary subtag.
ISO_639_2 = {
    "ar": "ara", "bg": "bul", "bn": "ben", "ca": "cat", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu",
    "el": "ell", "en": "eng", "es": "spa", "et": "est", "eu": "eus", "fa": "fas", "fi": "fin", "fr": "fra",
    "ga": "gle", "gl": "glg", "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "id": "ind",
    "is": "isl", "it": "ita", "ja": "jpn", "ka": "kat", "ko": "kor", "lt": "lit", "lv": "lav", "mk": "mkd",
    "ms": "msa", "mt": "mlt", "nb": "nob", "nl": "nld", "nn": "nno", "no": "nor", "pa": "pan", "pl": "pol",
    "pt": "por", "ro": "ron", "ru": "rus", "sk": "slk", "sl": "slv", "so": "som", "sq": "sqi", "sr": "srp",
    "sv": "swe", "sw": "swa", "ta": "tam", "th": "tha", "tl": "tgl", "tr": "tur", "uk": "ukr", "ur": "urd",
    "vi": "vie", "yo": "yor", "zh": "zho", "zu": "zul",
}


def iso_639_2(lang: str) -> str:
    primary = primary_language(lang)
    if len(primary) == 3:
        return primary
    return ISO_639_2.get(primary, "und")  # "und": undetermined, ISO 639-2's own code for it


def encode(samples: np.ndarray, sample_rate: int, bitrate_kbps: int = BITRATE_KBPS) -> bytes:
    """Mono int16 PCM -> MP3 bytes (constant bitrate)."""
    if sample_rate not in SAMPLE_RATES:
        raise ValueError(f"MP3 cannot store audio at {sample_rate} Hz")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # LAME's default: at 64 kbit/s mono, 2 sounds no better and takes twice as long
    data = bytes(encoder.encode(np.ascontiguousarray(samples, dtype=np.int16).tobytes()))
    return data + bytes(encoder.flush())


# Layer III bit rates (kbit/s) by header index: MPEG-1, then MPEG-2 and 2.5.
_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
# Sample rates by header version bits (3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5) and index.
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def decoded_length(mp3: bytes, sample_rate: int | None = None) -> int:
    """How many samples a decoder gives for these MP3 frames (LAME's delay and padding included).

    Read from the frame headers: MPEG-1 frames hold 1152 samples, MPEG-2 and
    2.5 frames 576. This is what places each segment in the whole-article file.
    Raises ValueError for anything else: a damaged file, a cut-off last frame,
    or frames at another rate than `sample_rate`.
    """
    position = total = 0
    while position + 4 <= len(mp3):
        header = int.from_bytes(mp3[position : position + 4], "big")
        version, bitrate_index, rate_index = (header >> 19) & 3, (header >> 12) & 15, (header >> 10) & 3
        layer_iii = (header >> 17) & 3 == 1
        if header >> 21 != 0x7FF or version == 1 or not layer_iii or bitrate_index in (0, 15) or rate_index == 3:
            raise ValueError(f"not an MPEG layer III frame at byte {position}")
        rate = _RATES[version][rate_index]
        if sample_rate is not None and rate != sample_rate:
            raise ValueError(f"an MPEG frame at {rate} Hz where {sample_rate} Hz was encoded")
        samples = 1152 if version == 3 else 576
        bitrate = _BITRATES[1 if version == 3 else 2][bitrate_index] * 1000
        position += samples // 8 * bitrate // rate + ((header >> 9) & 1)
        total += samples
    if position != len(mp3):
        raise ValueError("the last MPEG frame is cut off")
    return total


@dataclass(frozen=True)
class ChapterMark:
    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Tags:
    title: str
    artists: tuple[str, ...] = ()
    album: str = ""
    lang: str = ""
    year: str = ""
    track: str = ""  # "3/9"
    cover_png: bytes | None = None


class _ChapterOrderedID3(ID3):
    """ID3 that writes frames in the order they were added.

    mutagen sorts frames by size, which scatters CHAP frames; players that
    ignore the CTOC (ffmpeg, for one) list chapters in file order, so the
    chapters must be stored in time order.
    """

    def _write(self, config):
        from mutagen.id3._tags import save_frame  # mutagen's own frame writer; public ones sort

        return bytearray().join(save_frame(frame, config=config) for frame in self.values())


def write_mp3(path: Path, mp3: bytes, tags: Tags, chapters: list[ChapterMark] = ()) -> Path:
    """Write MP3 bytes with ID3v2.4 tags (and CHAP/CTOC chapters) to `path`, atomically."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(mp3)
        id3 = _ChapterOrderedID3()
        id3.add(TIT2(encoding=3, text=[tags.title]))
        if tags.artists:
            id3.add(TPE1(encoding=3, text=list(tags.artists)))
        if tags.album:
            id3.add(TALB(encoding=3, text=[tags.album]))
        if tags.lang:
            id3.add(TLAN(encoding=3, text=[iso_639_2(tags.lang)]))
        if tags.year:
            id3.add(TDRC(encoding=3, text=[tags.year]))
        if tags.track:
            id3.add(TRCK(encoding=3, text=[tags.track]))
        id3.add(TCON(encoding=3, text=["Speech"]))
        if tags.cover_png:
            id3.add(APIC(encoding=3, mime="image/png", type=3, desc="Cover", data=tags.cover_png))
        if chapters:
            ids = [f"chp{n}" for n in range(1, len(chapters) + 1)]
            id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                         child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=[tags.title])]))
            for element_id, chapter in zip(ids, chapters):
                id3.add(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=chapter.end_ms,
                             start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                             sub_frames=[TIT2(encoding=3, text=[chapter.title])]))
        id3.save(temporary, v2_version=4)
    return path
