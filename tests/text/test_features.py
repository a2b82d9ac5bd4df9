"""Line features shared by the promo filter and section detection."""

from hypothesis import given
from hypothesis import strategies as st

from textnorm.text import line_features

DOC = (
    "Harbour Library Opens to the Public\n"
    "The harbour library opened on Monday with thousands of books.\n"
    "\n"
    "CELEBRITY SINGER SHOCKS FANS 1.2K\n"
    "Home | News | Sport\n"
    "Readers said the library was worth the wait:\n"
    "東京の図書館が開館した。\n"
)


def test_each_line_gets_its_features():
    f = line_features(DOC)
    assert len(f) == 8  # seven lines and the empty one after the final break
    title, body, blank, shout, menu, colon, cjk, _ = f
    assert title.case_shape == "title" and not title.terminal and title.content_overlap == 0.5
    assert body.case_shape == "sentence" and body.terminal and body.n_words == 10
    assert blank.blank and blank.case_shape == "empty"
    assert shout.case_shape == "upper" and shout.trailing_number and shout.content_overlap == 0.0
    assert menu.separators == 2
    assert colon.colon_end and not colon.terminal
    assert cjk.case_shape == "caseless" and cjk.terminal


def test_spans_point_at_the_lines():
    for f in line_features(DOC):
        assert DOC[f.start:f.end].strip() == f.text


def test_word_length_counts_ideographs_and_kana_half():
    zh, ja, ko, en = line_features("城市公园改造\nカメラの使い方\n한국어 제목\nCity park works")
    assert (zh.n_words, zh.n_ideographs, zh.word_length) == (6, 6, 3.0)
    assert ja.n_ideographs == ja.n_words == 7
    assert (ko.n_words, ko.n_ideographs, ko.word_length) == (2, 0, 2.0)  # Hangul words are spaced
    assert (en.n_ideographs, en.word_length) == (0, 3.0)


def test_results_do_not_depend_on_the_previous_call():
    # line_features reuses the lines the previous call computed; the answer must be the same.
    from textnorm.text.features import _LINE_CACHE

    other = "Home | News | Sport\nA line that only this text has.\n"
    _LINE_CACHE.cache_clear()
    fresh = line_features(DOC)
    line_features(other + DOC)
    assert line_features(DOC) == fresh
    _LINE_CACHE.cache_clear()
    assert line_features(DOC) == fresh


@given(st.lists(st.sampled_from(["Word", "naïve", "l’eau", "Ёлка", "ÉTÉ", "x²", "e\u0301", "東京", "서울",
                                 "3.5", "don't", "’", "'", " ", " - ", " — ", "|", ".", "12K", ":", "\x1c", "_"])))
def test_the_fast_line_path_sees_what_the_full_one_sees(parts):
    from textnorm.text.features import _one_line
    from textnorm.text.words import re_agrees

    line = "".join(parts)
    fast = re_agrees(line)
    assert _one_line(line, fast, {}) == _one_line(line, False)


def test_case_folding_keeps_every_character_of_its_kind():
    # line_features counts a line's words on its folded form when NFKC leaves the line
    # as it is; that holds only if folding never turns a letter into a digit, a digit
    # into a letter, a word character into a non-word one, ...
    import unicodedata

    import regex

    cjk = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
    letter_or_mark = regex.compile(r"[\p{L}\p{M}]")
    number = regex.compile(r"\p{N}")

    def kind(c: str) -> str:
        return ("cjk" if cjk.match(c) else "lm" if letter_or_mark.match(c)
                else "n" if number.match(c) else "other")

    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        folded = c.casefold()
        if folded != c and unicodedata.is_normalized("NFKC", c):
            assert {kind(x) for x in folded} == {kind(c)}, hex(cp)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Zl", "Zp", "Cc"))))
def test_word_count_is_the_lines_own(line):
    from textnorm.text import words

    (f,) = line_features(line)
    assert f.n_words == len(words(line.strip()))
