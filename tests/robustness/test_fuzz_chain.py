"""Fuzzing the whole default chain: hostile input never breaks it, nothing is invented, and
every edit maps back to the input.

The properties, for any text:
- the chain never raises;
- output words are a sub-multiset of input words, except words a repair inserted
  (edits of kind "repair", which are reported);
- cleaning the output again changes nothing (idempotence);
- every edit's span lies in the input and, for input text, ``removed == original[start:end]``.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textnorm
from textnorm.text import words

PIPELINE = textnorm.Pipeline.default()

HOSTILE_CHARS = [
    "\x00", "\x01", "\x1b", "\x7f", "\u0301", "\u0308", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e",
    "\ufeff", "\ufffd", "\u2028", "\u2029", "\r\n", "\r", "\n", "\t", "😀", "👍🏽", "🇩🇪", "ß", "İ", "ﬁ",
    "東", "。", "！", "？", "א", "ب", "؟", "।", "…", "«", "»", "“", "”", "’", "|", "»", "›", ".", ",", ":",
    " ", "  ", "1", "12K", "#", "=", "-",
]

WORDS = ["alpha", "beta", "gamma", "Delta", "ÉCOLE", "straße", "東京", "наука", "مرحبا", "שלום",
         "token", "Token", "news", "Read", "more", "Subscribe", "2024", "x"]


@st.composite
def line_soup(draw) -> str:
    """Document-like text: lines of words with hostile characters, repeated lines and blocks."""
    pool = draw(st.lists(
        st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE_CHARS)), min_size=0, max_size=14)
        .map(lambda parts: " ".join(parts)), min_size=1, max_size=6))
    lines = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=30))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return sep.join(lines)


TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.sampled_from(HOSTILE_CHARS), max_size=120).map("".join),
                  line_soup())


def check_chain(text: str) -> textnorm.Document:
    doc = PIPELINE(text)
    out = Counter(words(doc.text))
    allowed = Counter(words(text))
    for e in doc.edits:
        if e.kind == "repair":
            allowed.update(words(e.inserted))
    extra = out - allowed
    assert not extra, f"words not in the input: {sorted(extra)}"
    for e in doc.edits:
        assert 0 <= e.start <= e.end <= len(text)
        assert e.reason.strip()
    again = PIPELINE(doc.text)
    assert again.text == doc.text, "not idempotent"
    return doc


@given(TEXTS)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_chain_on_arbitrary_text(text):
    doc = check_chain(text)
    inserted_before = False
    for e in doc.edits:
        if e.kind == "remove" and not inserted_before:
            assert text[e.start:e.end] == e.removed
        inserted_before = inserted_before or bool(e.inserted)


@pytest.mark.parametrize("text", [
    "",
    "\n",
    "\r\n\r\n",
    "a" * 5000,
    "Same line again.\n" * 200,
    "\u0301\u0301\u0301 lone marks",
    "\u202eevil right-to-left override\u202c text.",
    "zero\u200bwidth\u200bjoined\u200bwords and more words here.",
    "NUL\x00inside\x00text.",
    "emoji 😀😀😀 line\n" * 3,
    "שלום עולם. זה טקסט בעברית.\nمرحبا بالعالم. هذا نص عربي.",
])
def test_chain_on_edge_cases(text):
    check_chain(text)


def test_chain_on_a_single_long_line():
    sentence = "The committee met again on Thursday to discuss the budget for the harbour. "
    text = sentence * (10_000_000 // len(sentence))  # about 10 MB, no line break
    doc = PIPELINE(text)
    assert len(doc.text) <= len(text)
    assert set(words(doc.text)) <= set(words(text))
