"""Openleaf: one structured article, published as PDF, EPUB 3, large-print HTML and audio."""

__version__ = "0.1.0"
