"""The lines as ``sections`` reads them hold what the shared line features hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std._sections_view import read_lines

from textnorm.text import comparison_key, line_features

_FIELDS = ("index", "start", "end", "text", "blank", "n_words", "n_ideographs", "word_length", "terminal",
           "colon_end", "case_shape", "separators", "n_chars")

_DOCS = [
    "Harbour Library Opens\r\nBy Jane Roe | 27 June 2025\r\n\r\nThe library opened on Monday.\rDone",
    "東京の図書館が開館した。\n城市公园改造\n\n한국어 제목\nCity park works — a view | more",
    "ﬁnal ＡＢＣ word² x\u0301 İstanbul\n\nשלום עולם\nनमस्ते दुनिया।\n  Ёлка и снег  \n",
    "",
    "\n\n",
]


def _same(text: str) -> None:
    ours = read_lines(text)
    theirs = line_features(text, overlap=False)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        for name in _FIELDS:
            assert getattr(a, name) == getattr(b, name), (name, b.text)
        assert a.key == comparison_key(b.text)


def test_the_example_documents() -> None:
    for text in _DOCS:
        _same(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Word", "word", "naïve", "l’eau", "Ёлка", "ÉTÉ", "x²", "e\u0301", "東京", "서울",
                                 "ﬁ", "ＡＢＣ", "İ", "ß", "שלום", "3.5", "don't", "'", " ", " - ", " — ", "|",
                                 ".", "?", "12K", ":", "\x1c", "_", "\n", "\r\n", "\r", "\t"])))
def test_any_text(parts: list[str]) -> None:
    _same("".join(parts))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_any_characters(text: str) -> None:
    _same(text)
