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


_END_ALPHABET = ",，、:：;[]12ab .!?…。！？\"'”’»)?？¶#§\t\u3000xy"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_END_ALPHABET), max_size=30))
def test_end_patterns_read_backwards_find_what_a_forward_search_finds(line: str) -> None:
    from textnorm_std import _sections_lines as lines_

    pairs = [(lines_._COMMA_END, lines_._COMMA_END_RE), (lines_._TERMINAL_BEFORE_REFS, lines_._TERMINAL_BEFORE_REFS_RE),
             (lines_._QUESTION_END, lines_._QUESTION_END_RE), (lines_._TAIL_MARK, lines_._TAIL_MARK_RE)]
    for text in (line, line.strip()):
        for backwards, forwards in pairs:
            assert (backwards.match(text) is None) == (forwards.search(text) is None), (forwards.pattern, text)


def test_what_markup_patterns_skip_is_stripped_white_space() -> None:
    import regex

    space = regex.compile(r"\s")
    assert all(chr(cp).isspace() for cp in range(0x110000) if space.match(chr(cp)))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("=-#>*•◦▪‣–—+·●■□➢►✓✔ \tabc1."), min_size=1, max_size=12))
def test_markup_lines_open_with_a_markup_character(line: str) -> None:
    from textnorm_std._sections_lines import (
        BULLET_RE,
        QUOTE_RE,
        markdown_level,
        underline_kind,
    )
    from textnorm_std.sections import _MARKUP_FIRST

    (f,) = read_lines(line.strip() or "x")
    if (underline_kind(f) is not None or markdown_level(f) is not None or QUOTE_RE.match(f.text)
            or BULLET_RE.match(f.text)):
        assert f.text[0] in _MARKUP_FIRST


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("htps:/w.@ab 。\u00e9ÉX12٣.\t"), max_size=24))
def test_prefiltered_tests_are_the_patterns(text: str) -> None:
    import regex
    from textnorm_std import _sections_lines as lines_

    assert lines_.has_url(text) == (lines_.URL_RE.search(text) is not None)
    assert lines_._inner_sentence(text) == (lines_._INNER_SENTENCE_RE.search(text) is not None)
    assert len(text) - len(lines_._LETTERS_RE.sub("", text)) == len(regex.findall(r"\p{L}", text))
    assert len(text) - len(lines_._DIGITS_RE.sub("", text)) == len(regex.findall(r"\p{N}", text))


@given(st.text(alphabet="ab ", max_size=10))
def test_opening_is_the_first_two_words(key: str) -> None:
    from textnorm_std._sections_lines import _opening

    parts = key.split(" ", 2)
    assert _opening(key) == (" ".join(parts[:2]) if len(parts) == 3 else "")



@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("-*•◦▪‣–—+·●■□➢►✓✔>([（【^†‡)]）】 \tab1|│┃"), min_size=1, max_size=12))
def test_marked_lines_open_with_their_mark(line: str) -> None:
    from textnorm_std import _sections_lines as lines_

    text = line.strip() or "x"
    if any(p.match(text) for p in (lines_.BULLET_RE, lines_.QUOTE_RE, lines_._BRACKETED_RE, lines_._NOTE_START_RE)):
        assert text[0] in lines_._MARKED_FIRST
    assert lines_._table_row(line) == (lines_._TABLE_RE.search(line) is not None)
