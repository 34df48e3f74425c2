"""Loudness: bring speech to -16 LUFS with true peaks at or below -1 dBTP.

-16 LUFS is the level podcast and spoken-word platforms expect for mono
speech, so the listener does not have to reach for the volume between
this and anything else they hear. Integrated loudness follows ITU-R
BS.1770-4 (K-weighting, 400 ms blocks, absolute and relative gates). True
peak is the peak of the signal upsampled 4x, which catches the overs that a
plain sample peak misses between samples.

Making speech louder raises its peaks too, so a gentle limiter pulls down
only the few places that would pass the ceiling, and the gain is measured
again until both targets hold.

Everything here is NumPy. pyloudnorm and SciPy do the same, but importing
scipy.signal takes most of a second, which after a one-sentence edit was a
third of the whole rebuild; the tests measure our results with pyloudnorm and
SciPy's resampler, so the two are held to agree.
"""

from __future__ import annotations

import functools

import numpy as np

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
OVERSAMPLE = 4
LIMITER_WINDOW_MS = 5.0  # how far ahead and behind the limiter looks; short enough not to pump

BLOCK_SECONDS, BLOCK_STEP = 0.4, 0.1  # BS.1770 gating blocks: 400 ms, overlapping by 75 %
ABSOLUTE_GATE_LUFS, RELATIVE_GATE_LU = -70.0, -10.0


# --- integrated loudness --------------------------------------------------------------------------


def _biquad_response(b, a, z: np.ndarray) -> np.ndarray:
    return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)


@functools.lru_cache(maxsize=2)
def _k_weighting(size: int, sample_rate: int) -> np.ndarray:
    """BS.1770's K-weighting at the frequencies of an rfft of `size`: a +4 dB shelf above 1.5 kHz,
    then a 38 Hz high-pass.

    The two biquads are designed for `sample_rate` with the audio-EQ-cookbook
    formulas, as pyloudnorm does, so any sample rate is measured alike.
    """
    shelf_gain = 10 ** (4.0 / 40)
    w0 = 2 * np.pi * 1500.0 / sample_rate
    alpha, cos, root = np.sin(w0) / (2 / np.sqrt(2)), np.cos(w0), 2 * np.sqrt(shelf_gain)
    g = shelf_gain
    shelf_b = (g * ((g + 1) + (g - 1) * cos + root * alpha), -2 * g * ((g - 1) + (g + 1) * cos),
               g * ((g + 1) + (g - 1) * cos - root * alpha))
    shelf_a = ((g + 1) - (g - 1) * cos + root * alpha, 2 * ((g - 1) - (g + 1) * cos),
               (g + 1) - (g - 1) * cos - root * alpha)
    w0 = 2 * np.pi * 38.0 / sample_rate
    alpha, cos = np.sin(w0) / (2 * 0.5), np.cos(w0)
    pass_b = ((1 + cos) / 2, -(1 + cos), (1 + cos) / 2)
    pass_a = (1 + alpha, -2 * cos, 1 - alpha)
    z = np.exp(-2j * np.pi * np.fft.rfftfreq(size))  # z^-1 on the unit circle
    return _biquad_response(shelf_b, shelf_a, z) * _biquad_response(pass_b, pass_a, z)


def _k_weighted(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    # The filters applied in the frequency domain. With at least a second of
    # silence after the signal, their response (a few tens of milliseconds
    # long) has died away before it could wrap around, so this equals running
    # the filters.
    size = _fast_fft_size(len(samples) + sample_rate)
    spectrum = np.fft.rfft(samples, size)
    spectrum *= _k_weighting(size, sample_rate)
    return np.fft.irfft(spectrum, size)[: len(samples)]


def _fast_fft_size(least: int) -> int:
    """The smallest 2^a * 3^b * 5^c at or above `least`: as fast to transform as a power of two,
    and on average a quarter smaller than the next one."""
    best = 1 << (least - 1).bit_length()
    fives = 1
    while fives < best:
        threes = fives
        while threes < best:
            size = threes << max(0, (least - 1) // threes).bit_length()  # threes * 2^k >= least
            best = min(best, size)
            threes *= 3
        fives *= 5
    return best


def integrated_loudness(samples: np.ndarray, sample_rate: int) -> float:
    """LUFS of mono float samples in [-1, 1]; -inf for silence or audio no longer than one 400 ms block."""
    samples = np.asarray(samples, dtype=np.float64)
    block = int(BLOCK_SECONDS * sample_rate)
    if len(samples) <= block:
        return float("-inf")
    energy = np.concatenate([[0.0], np.cumsum(_k_weighted(samples, sample_rate) ** 2)])
    count = int(round((len(samples) / sample_rate - BLOCK_SECONDS) / BLOCK_STEP)) + 1
    starts = (np.arange(count) * BLOCK_STEP * sample_rate).astype(np.int64)
    ends = np.minimum(starts + block, len(samples))
    power = (energy[ends] - energy[starts]) / block
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10 * np.log10(power)
    gated = power[loudness >= ABSOLUTE_GATE_LUFS]
    if len(gated) == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(gated.mean()) + RELATIVE_GATE_LU
    kept = power[(loudness > relative) & (loudness > ABSOLUTE_GATE_LUFS)]
    return float(-0.691 + 10 * np.log10(kept.mean())) if len(kept) else float("-inf")


def _loudness_of_material(samples: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness, also for a word too short to measure: it is measured repeated for a second."""
    if 0 < len(samples) <= int(BLOCK_SECONDS * sample_rate) and np.any(samples):
        samples = np.tile(samples, sample_rate // len(samples) + 1)
    return integrated_loudness(samples, sample_rate)


# --- true peak ------------------------------------------------------------------------------------


_REACH = 10  # input samples each side that the interpolation filter looks at


@functools.cache
def _phases() -> tuple[np.ndarray, ...]:
    """The interpolation filter (a Kaiser-windowed sinc), split into its 4 phases."""
    taps = np.arange(-_REACH * OVERSAMPLE, _REACH * OVERSAMPLE + 1)
    kernel = np.sinc(taps / OVERSAMPLE) * np.kaiser(len(taps), 5.0)
    kernel *= OVERSAMPLE / kernel.sum()  # each phase passes a constant signal unchanged
    return tuple(kernel[phase::OVERSAMPLE] for phase in range(OVERSAMPLE))


def true_peak_per_sample(samples: np.ndarray) -> np.ndarray:
    """For each sample, the largest magnitude of the 4x upsampled signal around it."""
    samples = np.asarray(samples, dtype=np.float64)
    peaks = np.abs(samples)
    for kernel in _phases():
        # Upsampled value 4n+p is the sum over m of x[m] * phase_p[n - m + REACH].
        between = np.convolve(samples, kernel)[_REACH : _REACH + len(samples)]
        np.maximum(peaks, np.abs(between), out=peaks)
    return peaks


def true_peak_db(samples: np.ndarray) -> float:
    samples = np.asarray(samples, dtype=np.float64)
    if len(samples) == 0 or not np.any(samples):
        return float("-inf")
    return float(20 * np.log10(true_peak_per_sample(samples).max()))


# --- the limiter ----------------------------------------------------------------------------------


def _running_min(values: np.ndarray, width: int) -> np.ndarray:
    """Minimum over a centred window of odd `width`, edges extended (van Herk / Gil-Werman)."""
    half = width // 2
    padded = np.pad(values, (half, half + (-(len(values) + 2 * half)) % width), mode="edge")
    blocks = padded.reshape(-1, width)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(suffix[: len(values)], prefix[width - 1 : width - 1 + len(values)])


def _running_mean(values: np.ndarray, width: int) -> np.ndarray:
    half = width // 2
    sums = np.concatenate([[0.0], np.cumsum(np.pad(values, half, mode="edge"))])
    return (sums[width:] - sums[:-width]) / width


def _limit(samples: np.ndarray, sample_rate: int, ceiling: float, peaks: np.ndarray) -> np.ndarray:
    """Scale down only where the true peak (`peaks`, per sample) passes `ceiling` (linear), smoothly.

    The gain each sample needs is spread to its neighbours by a running
    minimum and then smoothed by a running mean of the same width; every value
    in that mean is at most the gain its centre sample needs, so the ceiling
    holds while the gain changes gradually.
    """
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    if needed.min() >= 1.0:
        return samples
    width = max(3, int(sample_rate * LIMITER_WINDOW_MS / 1000) * 2 + 1)
    gain = _running_mean(_running_min(needed, width), width)
    return samples * np.minimum(gain, needed)


def master(samples: np.ndarray, sample_rate: int, *, target_lufs: float = TARGET_LUFS,
           ceiling_dbtp: float = CEILING_DBTP) -> np.ndarray:
    """Float samples in [-1, 1] brought to `target_lufs` with true peaks at most `ceiling_dbtp`.

    Limiting takes back part of each gain step (speech from Piper has peaks 20
    dB above its loudness), so the next gain is found from how much the last
    step really raised the loudness (a secant step), always applied to the
    original samples: two or three rounds instead of five or six.
    """
    samples = np.asarray(samples, dtype=np.float64)
    ceiling = 10 ** (ceiling_dbtp / 20)
    start = _loudness_of_material(samples, sample_rate)
    if not np.isfinite(start):
        return samples  # silence: nothing to match
    # Upsampling is linear, so the true peaks of the samples times a gain are these times the gain:
    # measured once, not once per round.
    peaks = true_peak_per_sample(samples)
    # Limited once even when the level is already right: the ceiling must hold either way.
    out = _limit(samples, sample_rate, ceiling, peaks)
    gain, loudness = 0.0, start if out is samples else _loudness_of_material(out, sample_rate)
    previous_gain, previous_loudness = 0.0, loudness
    for _ in range(6):
        if abs(loudness - target_lufs) < 0.25:
            break
        rise = (loudness - previous_loudness) / (gain - previous_gain) if gain != previous_gain else 1.0
        step = (target_lufs - loudness) / min(1.0, max(0.2, rise))
        previous_gain, previous_loudness = gain, loudness
        gain += step
        scale = 10 ** (gain / 20)
        out = _limit(samples * scale, sample_rate, ceiling, peaks * scale)
        loudness = _loudness_of_material(out, sample_rate)
    return out
