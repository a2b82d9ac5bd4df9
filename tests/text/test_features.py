"""Line features shared by the promo filter and section detection."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textnorm.text import (
    case_shape,
    count_ideographs,
    count_separators,
    ends_sentence,
    ends_with_colon,
    line_features,
)

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


def test_a_word_opening_with_a_letter_that_has_case_has_case():
    # _case_shape skips the per-word case test on lines with no caseless letter: that is
    # right only if every letter the pattern doesn't match changes under case mapping,
    # whatever follows it in the word.
    import re

    from textnorm.text.features import _caseless_letters
    from textnorm.text.words import FAST_RANGES

    letter = re.compile(r"[^\W\d_]")
    caseless = _caseless_letters()
    checked = 0
    for lo, hi in ((0x41, 0x7A), *FAST_RANGES):
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if not letter.match(c) or caseless.match(c):
                continue
            for word in (c, c + "a", c + "’s", c + "\u05d0"):
                assert word.lower() != word.upper(), hex(cp)
            checked += 1
    assert checked > 1000


@given(st.lists(st.sampled_from(["Word", "word", "ÉTÉ", "été", "Ёлка", "ёлка", "שלום", "नमस्ते", "Ωμέγα",
                                 "ß", "ǅemal", "İstanbul", " ", "’s", "'", "3"]), min_size=1))
def test_case_shape_is_the_same_with_and_without_the_shortcut(parts):
    import operator
    from itertools import compress

    from textnorm.text.features import _FAST_CASED_WORD_RE, _case_shape
    from textnorm.text.words import re_agrees

    line = " ".join(parts)
    if not re_agrees(line):
        return
    found = _FAST_CASED_WORD_RE.findall(line)
    cased = list(compress(found, map(operator.ne, map(str.lower, found), map(str.upper, found))))
    shape, ratio = _case_shape(line, True)
    assert (shape == "caseless") == (not cased and bool(line.strip()))
    if cased:
        assert ratio == sum(w[0].isupper() for w in cased) / len(cased)


@given(st.lists(st.sampled_from(["A Title Line", "a plain sentence here.", "東京の話。", "Ёлка и снег",
                                 "Home | News", "Views 1.2K", "", "  ", "NAÏVE CAFÉ", "x"]), min_size=1))
def test_shapes_only_are_the_full_features_without_overlap(parts):
    import attrs

    from textnorm.text.features import _LINE_CACHE

    text = "\n".join(parts)
    for first in (True, False):  # either kind of call may have filled the kept lines
        _LINE_CACHE.cache_clear()
        line_features(text, overlap=first)
        full = line_features(text)
        shapes = line_features(text, overlap=False)
        assert all(f.overlap is not None and f.content_overlap is not None for f in full)
        assert shapes == [attrs.evolve(f, overlap=None, content_overlap=None) for f in full]


@pytest.mark.parametrize(("line", "ends"), [
    ("The ferry left at noon.", True),
    ("Did it?”", True),
    ("港口は静かだ。", True),
    ("काम हो गया ।", True),
    ("Harbour news", False),
    ("Read more:", False),
    ("", False),
])
def test_ends_sentence(line: str, ends: bool) -> None:
    assert ends_sentence(line) is ends


def test_count_separators() -> None:
    assert count_separators("Home | News \u00bb Harbour \u2013 Today") == 3
    assert count_separators("well-known east\u2013west") == 0


@given(st.text(alphabet=st.sampled_from("abAB .!?\u2026\u3002\u201d)|\u00bb-\u2013 /\n:;\uff1a\u6e2f\u30bf\u00e9\u00c9\u0401\u0451"),
               max_size=60))
def test_the_public_line_tests_are_the_features(text: str) -> None:
    for f in line_features(text):
        if not f.blank:
            stripped = f.text.strip()
            assert case_shape(stripped) == (f.case_shape, f.capitalized_ratio)
            assert ends_sentence(stripped) == f.terminal
            assert count_separators(stripped) == f.separators
            assert ends_with_colon(stripped) == f.colon_end
            assert count_ideographs(stripped) == f.n_ideographs


_END_ALPHABET = ".!?…。！？｡।॥؟\"'”’»)]」』）0123456789٣,KkMm \t\u00a0\u2003\x1c\u3000ab|»›·•→/>-–—"


@given(st.text(alphabet=st.sampled_from(_END_ALPHABET), max_size=30))
def test_end_patterns_read_backwards_find_what_a_forward_search_finds(line: str) -> None:
    # ends_sentence and the trailing number match their patterns from the line's end
    # ((?r)); a forward search over the whole line is the definition.
    from textnorm.text.features import (
        _SENTENCE_TERMINAL_END,
        _SENTENCE_TERMINAL_RE,
        _TRAILING_NUMBER_END,
        _TRAILING_NUMBER_RE,
    )

    for text in (line, line.strip(), "x " + line):
        assert (_SENTENCE_TERMINAL_END.match(text) is None) == (_SENTENCE_TERMINAL_RE.search(text) is None)
        assert (_TRAILING_NUMBER_END.match(text) is None) == (_TRAILING_NUMBER_RE.search(text) is None)


@given(st.text(alphabet=st.sampled_from(_END_ALPHABET), max_size=30))
def test_separator_count_is_the_patterns(line: str) -> None:
    # count_separators skips the pattern on lines without a separator character.
    from textnorm.text.features import _SEPARATOR_RE

    assert count_separators(line) == len(_SEPARATOR_RE.findall(line))


@given(st.text(alphabet=st.sampled_from("港口は静かだカメラ한국 ab.。ー々〆\U00020000"), max_size=30))
def test_ideographs_counted_by_runs_are_the_characters(line: str) -> None:
    import regex

    from textnorm.text.words import SINGLE_CHARACTER_WORDS

    _SINGLE_CHAR_WORD_RE = regex.compile(f"[{SINGLE_CHARACTER_WORDS}]")  # one match per character

    assert count_ideographs(line) == len(_SINGLE_CHAR_WORD_RE.findall(line))
