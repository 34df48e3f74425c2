"""Loudness: bring speech to -16 LUFS with true peaks at or below -1 dBTP.

-16 LUFS is the level podcast and spoken-word platforms expect for mono
speech, so the listener does not have to reach for the volume between
this and anything else they hear. Integrated loudness is measured with
pyloudnorm (ITU-R BS.1770-4). True peak is the peak of the signal upsampled
4x, which catches the overs that a plain sample peak misses between samples.

Making speech louder raises its peaks too, so a gentle limiter pulls down
only the few places that would pass the ceiling, and the gain is measured
again until both targets hold.
"""

from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, resample_poly

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
OVERSAMPLE = 4
LIMITER_WINDOW_MS = 5.0  # how far ahead and behind the limiter looks; short enough not to pump


def integrated_loudness(samples: np.ndarray, sample_rate: int) -> float:
    """LUFS of float samples in [-1, 1]; -inf for silence or audio shorter than one 400 ms block."""
    if len(samples) < int(0.4 * sample_rate) + 1:
        return float("-inf")
    return float(pyloudnorm.Meter(sample_rate).integrated_loudness(np.asarray(samples, dtype=np.float64)))


_BLOCK = 4096  # samples upsampled at a time
_OVERLAP = 64  # longer than half the interpolation filter, so block edges upsample exactly
# Between samples a band-limited signal rarely rises more than 3 dB above its
# neighbours (the textbook worst cases need full-scale square waves); blocks
# whose sample peak is 6 dB below what we look for are therefore skipped.
_INTERSAMPLE_MARGIN = 0.5
# resample_poly's own low-pass filter, designed once instead of once per block.
_FILTER = firwin(2 * 10 * OVERSAMPLE + 1, 1 / OVERSAMPLE, window=("kaiser", 5.0))


def true_peak_per_sample(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """For each sample, the largest magnitude of the 4x upsampled signal around it.

    Only blocks that reach `floor` * 0.5 are upsampled; elsewhere the sample
    magnitude stands in (good enough for anything compared with `floor`).
    """
    samples = np.asarray(samples, dtype=np.float64)
    peaks = np.abs(samples)
    if len(samples) == 0:
        return peaks
    blocks = -(-len(samples) // _BLOCK)
    padded = np.zeros(blocks * _BLOCK)
    padded[: len(samples)] = peaks
    block_peaks = padded.reshape(blocks, _BLOCK).max(axis=1)
    for block in np.flatnonzero(block_peaks >= floor * _INTERSAMPLE_MARGIN):
        start, stop = block * _BLOCK, min((block + 1) * _BLOCK, len(samples))
        lo, hi = max(0, start - _OVERLAP), min(len(samples), stop + _OVERLAP)
        upsampled = np.abs(resample_poly(samples[lo:hi], OVERSAMPLE, 1, window=_FILTER))
        inner = upsampled[(start - lo) * OVERSAMPLE : (stop - lo) * OVERSAMPLE]
        for phase in range(OVERSAMPLE):
            np.maximum(peaks[start:stop], inner[phase::OVERSAMPLE], out=peaks[start:stop])
    return peaks


def true_peak_db(samples: np.ndarray) -> float:
    samples = np.asarray(samples, dtype=np.float64)
    if len(samples) == 0 or not np.any(samples):
        return float("-inf")
    peak = float(true_peak_per_sample(samples, floor=np.abs(samples).max()).max())
    return 20 * np.log10(peak)


def _limit(samples: np.ndarray, sample_rate: int, ceiling: float) -> np.ndarray:
    """Scale down only where the true peak passes `ceiling` (linear), smoothly.

    The gain each sample needs is spread to its neighbours by a running
    minimum and then smoothed by a running mean of the same width; every value
    in that mean is at most the gain its centre sample needs, so the ceiling
    holds while the gain changes gradually.
    """
    peaks = true_peak_per_sample(samples, floor=ceiling)
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    if needed.min() >= 1.0:
        return samples
    width = max(3, int(sample_rate * LIMITER_WINDOW_MS / 1000) * 2 + 1)
    gain = uniform_filter1d(minimum_filter1d(needed, width, mode="nearest"), width, mode="nearest")
    return samples * np.minimum(gain, needed)


def master(samples: np.ndarray, sample_rate: int, *, target_lufs: float = TARGET_LUFS,
           ceiling_dbtp: float = CEILING_DBTP) -> np.ndarray:
    """Float samples in [-1, 1] brought to `target_lufs` with true peaks at most `ceiling_dbtp`."""
    out = np.asarray(samples, dtype=np.float64)
    ceiling = 10 ** (ceiling_dbtp / 20)
    for _ in range(6):
        loudness = integrated_loudness(out, sample_rate)
        if not np.isfinite(loudness):
            return out  # silence, or too short to measure: nothing to match
        out = out * 10 ** ((target_lufs - loudness) / 20)
        out = _limit(out, sample_rate, ceiling)
        if abs(integrated_loudness(out, sample_rate) - target_lufs) < 0.25:
            break
    return out
