"""Spoken audio: speech engines, the sentence cache and the audio writer."""
