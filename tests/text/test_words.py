"""Unicode words in any script."""

from hypothesis import given
from hypothesis import strategies as st

from textnorm.text import comparison_key, nfkc_casefold, word_spans, words


def test_latin_words_with_apostrophes_and_accents():
    assert words("Don't stop: l'eau naïve, Müller’s café-bar 2024!") == [
        "Don't", "stop", "l'eau", "naïve", "Müller’s", "café", "bar", "2024"]


def test_combining_marks_stay_inside_words():
    assert words("हिन्दी भाषा") == ["हिन्दी", "भाषा"]
    assert words("cafe\u0301 x") == ["cafe\u0301", "x"]


def test_cjk_ideographs_and_kana_are_one_word_each():
    assert words("東京は大きい") == ["東", "京", "は", "大", "き", "い"]
    assert words("서울 시민") == ["서울", "시민"]  # Hangul is written with spaces


def test_cyrillic_greek_arabic():
    assert words("Привет, мир. Γειά σου. مرحبا بالعالم") == ["Привет", "мир", "Γειά", "σου", "مرحبا", "بالعالم"]


@given(st.text())
def test_spans_point_at_their_words(text):
    for span in word_spans(text):
        assert text[span.start:span.end] == span.text


def test_comparison_key_ignores_case_punctuation_space_and_width():
    assert comparison_key("Hello,  WORLD!") == comparison_key("hello world") == "hello world"
    assert comparison_key("ＡＢＣ １２３") == "abc 123"
    assert comparison_key("“Quoted” — text…") == "quoted text"
    assert nfkc_casefold("Straße") == "strasse"


@given(st.text())
def test_comparison_key_is_idempotent(text):
    key = comparison_key(text)
    assert comparison_key(key) == key


# The fast engines must find exactly the words of the full pattern, on any text.
from textnorm.text.words import _FULL_WORD_RE, FAST_RANGES, WORD_RE


def _same_words(text: str) -> None:
    assert WORD_RE.findall(text) == _FULL_WORD_RE.findall(text)
    assert [m.span() for m in WORD_RE.finditer(text)] == [m.span() for m in _FULL_WORD_RE.finditer(text)]


def test_fast_engines_agree_on_every_candidate_character():
    # Each character inside, after an apostrophe within, and around a word: the contexts
    # where the two engines could split differently.
    for lo, hi in ((0, 0x7F), *FAST_RANGES):
        for cp in range(lo, hi + 1):
            c = chr(cp)
            _same_words(f"ab{c}cd é'{c}x ’{c} {c}’{c}{c}")


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_fast_engines_agree_on_any_text(text):
    _same_words(text)


@given(st.lists(st.sampled_from(["word", "naïve", "l’eau", "Ёлка", "x²", "e\u0301", "東", "서울",
                                 "3.5", "don't", "’", "'", " ", "\n", "_", "ⅷ", "ﬁ", "🙂"])))
def test_fast_engines_agree_on_mixed_scripts(parts):
    _same_words("".join(parts))


@given(st.lists(st.sampled_from(["東", "京", "の", "カ", "ー", "々", "\U00020000", "ab", "Ab", "é", "e\u0301", "'",
                                 "’", "1", "２", " ", "。", "한", "ب", "ि", "_", "-"])))
def test_words_around_ideographs_and_kana_are_the_full_patterns(parts):
    # Such text is read run by run (the stretches between ideographs take the fastest
    # engine they allow): the words must be the full pattern's.
    _same_words("".join(parts))


def test_positions_use_the_full_pattern():
    assert WORD_RE.findall("ab cd ef", 3) == ["cd", "ef"]
    assert WORD_RE.match("ab cd", 3).group() == "cd"
    assert WORD_RE.pattern == _FULL_WORD_RE.pattern


@given(st.one_of(st.text(alphabet=st.characters(codec="utf-8")),
                 st.lists(st.sampled_from(["word", "l’eau", "Ёлка", "e\u0301", "東京", " ", "3.5", "don't"]))
                 .map("".join)))
def test_count_is_the_number_of_words(text):
    assert WORD_RE.count(text) == len(WORD_RE.findall(text))
