"""Comparison keys: two texts that differ only in case, Unicode form, punctuation
or white space get the same key."""

from __future__ import annotations

import unicodedata

from .words import WORD_RE


def nfkc_casefold(text: str) -> str:
    """NFKC-normalised, case-folded ``text`` (full-width forms, ligatures and case folded away)."""
    return unicodedata.normalize("NFKC", text).casefold()


def comparison_key(text: str) -> str:
    """The words of ``text`` after :func:`nfkc_casefold`, joined by single spaces.

    Punctuation and white space do not count: ``"Hello,  World!"`` and
    ``"hello world"`` share the key ``"hello world"``.
    """
    return " ".join(WORD_RE.findall(nfkc_casefold(text)))
