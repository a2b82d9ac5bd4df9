"""The fast paths of ``promo-lines`` give exactly what the plain definitions give.

Content units by distinct words (``re`` on ASCII, every ideograph pair in one pass,
Hangul word by word), their weights summed in C, the library answered by one
combined pattern per shape behind a fuzzy-free skeleton, the step's own reading of
its lines (the fields of the shared line features it uses, with the content units
from the same word pass), the sentence count only for a line that could need it,
and the later passes reusing the lines of the first: each is checked here against a
direct, slow implementation of its definition, on invented text in several scripts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from textnorm_std import _promo_match as match
from textnorm_std import _promo_model as _model
from textnorm_std import _promo_patterns as patterns
from textnorm_std import _promo_units as _units
from textnorm_std import _promo_view as view
from textnorm_std._promo_model import word_equivalents
from textnorm_std._promo_units import Vocabulary, content_units, line_units
from textnorm_std.promo_lines import PromoLines, PromoLinesOptions

import textnorm
from textnorm.text import count_sentence_ends, line_features, nfkc_casefold, sentences
from textnorm.text.words import WORD_RE

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_NUMBER = regex.compile(r"[\d\p{N}]+")


def reference_units(text: str) -> set[str]:
    """Content units word by word, as the model defines them."""
    units: set[str] = set()
    prev: str | None = None
    prev_end = -1
    for m in WORD_RE.finditer(nfkc_casefold(text)):
        w = m.group()
        if _CJK.fullmatch(w):
            if prev is not None and m.start() == prev_end:
                units.add(prev + w)
            prev, prev_end = w, m.end()
            continue
        prev = None
        if len(w) >= 4 and not _NUMBER.fullmatch(w):
            units.add(w)
    return units


def reference_weight(units: set[str]) -> int:
    return sum(3 if _CJK.match(u) else len(u) - 3 for u in units)


def reference_library(key: str) -> patterns.LibraryPattern | None:
    """The first entry in library order that matches in its shape, one entry at a time."""
    if not key:
        return None
    for entry in patterns.LIBRARY:
        find = {"line": entry.compiled.fullmatch, "prefix": entry.compiled.match,
                "contains": entry.compiled.search}[entry.shape]
        if find(key):
            return entry
    return None


# Scripts mixed on purpose: ASCII, accents, Cyrillic, Han and kana (one word per
# character), Hangul (words of several syllables), digits and other numerals, a
# combining mark, apostrophes, full-width forms that NFKC folds.
_ALPHABET = ("abcdefghij ABCDE 0123 ' ’ . , - éèüß ÉÜ моряк МОРЕ 港口灯塔 かなカナ 한국어 등대 "
             "²³½ ⅣⅫ ٣٤ ① \u0301 ＡＢ１ ﬁ İ")
texts = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_content_units_equal_the_word_by_word_definition(text: str) -> None:
    assert content_units(text) == reference_units(text)


@settings(max_examples=100, deadline=None)
@given(texts, texts)
def test_weights_and_coherence_equal_the_unit_by_unit_sums(a: str, b: str) -> None:
    shared: dict[str, str] = {}
    la, lb = line_units(a, shared), line_units(b, shared)
    assert la.total == reference_weight(reference_units(a))
    # The step counts in the table that interned the units, left over from a pass before.
    table = Counter(dict.fromkeys(shared, 5))
    for own in (True, False):
        vocab = Vocabulary([la, lb] if own else [lb])
        counts = {u: int(u in reference_units(b)) + int(own and u in reference_units(a))
                  for u in reference_units(a)}
        need = 2 if own else 1
        expected = (reference_weight({u for u, n in counts.items() if n >= need}) / la.total
                    if la.units else None)
        assert vocab.coherence(la, own=own) == expected
        assert Vocabulary([la, lb] if own else [lb], table).coherence(la, own=own) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_word_equivalents_count_ideographs_kana_and_hangul_as_half_words(lines: list[str]) -> None:
    for f in view.read_lines("\n".join(lines), {}):
        if not f.blank:
            cjk = len(_CJK.findall(f.text))
            assert word_equivalents(f) == f.n_words - cjk + cjk / 2


def test_folding_keeps_hangul_hangul_over_all_of_unicode() -> None:
    # A line holds Hangul exactly when its folded form does (word_equivalents looks for
    # Hangul runs only then): checked on every character folding changes (NFKC's
    # composition only ever joins Hangul jamo into Hangul syllables).
    hangul = regex.compile(r"\p{Hangul}")
    for cp in range(0x110000):
        c = chr(cp)
        if not 0xD800 <= cp <= 0xDFFF and (not unicodedata.is_normalized("NFKC", c) or c.casefold() != c):
            assert bool(hangul.search(c)) == bool(hangul.search(nfkc_casefold(c))), hex(cp)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(".…\"'”’»)]」』）a \u3000\xa0"), max_size=12))
def test_ellipsis_end_without_a_scan_is_the_pattern(text: str) -> None:
    text = text.strip()
    found = _model._ELLIPSIS_END_RE.search(text) is not None
    assert text.rstrip(_model._ELLIPSIS_CLOSERS).endswith(("…", "...")) == found


# Whole lines as pages hold them: the alphabet above, and the marks the line features
# look at (sentence ends and closers, colons, separators, list bullets, white space
# that str.strip removes and NFKC changes).
_LINE_ALPHABET = _ALPHABET + ("!?…。！？.:;：；|»›·•→/> - – — \"”’)」』） \t\u3000\xa0\x1c\u2028"
                              "0123456789 Ⅻ ½ 一二三 ｱｲｳ ㋐ ㍻ ⼀")
line_texts = st.lists(st.text(alphabet=st.sampled_from(_LINE_ALPHABET), max_size=50), min_size=1, max_size=6)


@settings(max_examples=100, deadline=None)
@given(line_texts, st.sampled_from(["\n", "\r\n", "\r"]))
def test_promo_lines_read_the_fields_of_the_line_features(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    shared: dict[str, str] = {}
    mine = view.read_lines(text, {}, shared)
    theirs = line_features(text)
    assert len(mine) == len(theirs)
    for a, b in zip(mine, theirs, strict=True):
        for field in ("index", "start", "end", "text", "n_chars", "n_words", "terminal", "colon_end",
                      "separators", "n_ideographs", "blank", "word_length"):
            assert getattr(a, field) == getattr(b, field), (field, b.text)
        # The units come from the same word pass as the count: those of the line itself.
        assert (a.units is None) == b.blank
        if a.units is not None:
            assert {_units._unit_text(u) for u in a.units.units} == reference_units(b.text)
            assert a.units.total == line_units(b.text).total
            # A line said to hold no pairs holds words only (its weights skip the type test).
            assert a.units.pairs or all(isinstance(u, str) for u in a.units.units)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_units_of_words_equal_the_units_of_the_text(text: str) -> None:
    folded = nfkc_casefold(text)
    units, hangul = _units.units_of_words(WORD_RE.findall(folded), folded)
    as_text = {_units._unit_text(u) for u in units}
    assert as_text == reference_units(text)
    # Pairs are kept as numbers (every unit of two characters is one), the words as
    # text; a Korean word weighs as a pair, and is looked for where Hangul was seen only.
    assert all(isinstance(u, int) == (len(_units._unit_text(u)) == 2) for u in units)
    assert hangul or not any(_CJK.match(u) and len(u) > 2 for u in as_text)
    line = _units.LineUnits(units, None, hangul)
    assert line.total == reference_weight(as_text)
    assert all(_units._specificity(u) == reference_weight({_units._unit_text(u)}) for u in units)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd. e! f? …。x」 ”\u3000\n."), max_size=80))
def test_a_line_holds_at_least_as_many_sentences_as_sentence_ends(text: str) -> None:
    # line_weights splits a long line into sentences only when it has more words than
    # its sentence ends allow: it relies on each end closing a sentence of its own.
    text = text.strip()
    ends = count_sentence_ends(text)
    assert ends <= len(sentences(text)) <= ends + 1
    # ...and each ". " ends one with more text after it.
    if text:
        assert text.count(". ") + 1 <= len(sentences(text))


def test_ideograph_pairs_and_hangul_words() -> None:
    assert content_units("港口灯塔 修复") == {"港口", "口灯", "灯塔", "修复"}
    # A Hangul word of several syllables is one word; a lone syllable next to an
    # ideograph pairs with it, as a word of one character.
    assert content_units("등대를 복원한다 港口") == reference_units("등대를 복원한다 港口")
    assert content_units("港한 x") == {"港한"}
    assert line_units("港口灯塔 lighthouse").total == 3 * 3 + len("lighthouse") - 3


_LIBRARY_WORDS = sorted({w for e in patterns.LIBRARY for w in regex.findall(r"[^\W\d_]+(?:'\w+)?", e.source)}
                        | {"©", ":", "|", "-", "2024", "the harbour", "lighthouse"})


def _edit(word: str, where: int, what: str, how: int) -> str:
    where %= len(word) + 1
    if how == 0:
        return word[:where] + what + word[where:]
    if how == 1:
        return word[:where] + word[where + 1:]
    return word[:where] + what + word[where + 1:]


keys = st.builds(
    lambda ws, edits: " ".join(_edit(w, *e) if e else w for w, e in zip(ws, edits, strict=False)),
    st.lists(st.sampled_from(_LIBRARY_WORDS), min_size=1, max_size=6),
    st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 20), st.sampled_from("aeiorstx "),
                                            st.integers(0, 2))), min_size=6, max_size=6),
)


@settings(max_examples=100, deadline=None)
@given(keys)
def test_library_answers_as_one_entry_at_a_time(key: str) -> None:
    key = patterns.line_key(key)
    assert match.match_library(key) is reference_library(key)


@settings(max_examples=100, deadline=None)
@given(keys)
def test_skeletons_let_every_match_through(key: str) -> None:
    key = patterns.line_key(key)
    for entry in patterns.LIBRARY:
        if entry.shape == "line" and entry.compiled.fullmatch(key):
            assert match._LINE_SKELETON.fullmatch(key)
        elif entry.shape == "prefix" and entry.compiled.match(key):
            assert match._PREFIX_SKELETON.match(key)
        elif entry.shape == "contains" and entry.compiled.search(key):
            assert match._CONTAINS_SKELETON.search(key)
            assert match._CONTAINS_ANCHORS.search(key)


def test_widths_of_the_entries_are_those_of_their_skeletons() -> None:
    # The long-key skeleton leaves out the line entries that cannot cover a key that
    # long; their widths are read from the library's syntax, here checked against the
    # standard library's own reading of each skeleton.
    import re._parser as sre_parse  # (the test alone uses it)

    for entry in patterns.LIBRARY:
        most = sre_parse.parse(match._skeleton_body(entry.source), re.DOTALL).getwidth()[1]
        expected = math.inf if most >= sre_parse.MAXREPEAT else most
        assert match._max_width(entry.source) == expected, entry.source
    assert match._max_width("ab(?:cd|e)?f{2,3}") == 7
    assert match._max_width(r"a(?: \d+)?") == math.inf
    assert match._max_width("~reserved x") == 12


long_keys = st.lists(st.sampled_from([*_LIBRARY_WORDS, "12", "1.2k", "ニュース", "x" * 30]),
                     min_size=1, max_size=14).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(long_keys)
def test_the_long_key_skeleton_decides_as_the_whole_one(key: str) -> None:
    key = patterns.line_key(key)
    if len(key) > match._LINE_BOUNDED_WIDTH:
        assert bool(match._LONG_LINE_SKELETON.fullmatch(key)) == bool(match._LINE_SKELETON.fullmatch(key))
    assert match.match_library(key) is reference_library(key)


def test_required_strings_of_a_pattern() -> None:
    def required(source: str) -> set[str] | None:
        return match._Required(source).parse()

    assert required("all rights ~reserved") == {"all rights "}
    assert required("ab+c") == {"ab"}
    assert required("x(?:ab|cd)?yz") == {"yz"}
    assert required("(?:we|this site) uses? cookies|accept cookies") == {" cookies", "accept cookies"}
    assert required(r"google\+ x") == {"google+ x"}
    assert required("~advertisement") == {"adver", "tise", "ment"}  # one piece is left whole
    assert required(".{0,40}") is None
    # Every contains entry requires something, so the anchor search is in use.
    assert match._CONTAINS_ANCHORS is not None


def test_library_typos_and_later_entries() -> None:
    for line in ["Read this articel", "Subscribe to our newslettr", "Advertisment",
                 "We use cookies. All rights reserved.", "Alle Rechte vorbehalten",
                 "Also read: harbour news", "© 2024 Coastal Media", "続きを読む"]:
        key = patterns.line_key(line)
        assert match.match_library(key) is reference_library(key) is not None, line
    for line in ["The council voted to restore the lighthouse", "Harbour news"]:
        assert match.match_library(patterns.line_key(line)) is None


# -- later passes reuse the line features of the first ----------------------------------

_ARTICLE = [
    "Harbour Town Votes to Restore Its Old Lighthouse",
    "By Ilse Marchetti",
    ("The council of the small harbour town voted on Tuesday to restore the old lighthouse "
     "that has guided fishing boats into the bay for more than a century."),
    ("The lighthouse keeper's cottage will become a museum about the fishing families of the bay, "
     "and the lamp itself will be repaired by engineers from the maritime school."),
    ("Fishermen told the council that the lighthouse still matters on foggy nights, even though "
     "modern boats carry satellite navigation and radar."),
    ("The restoration will cost about two million euros, most of it paid by a regional fund for "
     "historic buildings, and the work should be finished before next summer."),
    "For the harbour town, the vote means that its best-known building will shine again.",
]
_PAGE = ["Home", "Weather", "Log in", "Search", "Ferry timetable changes for the winter", "",
         *_ARTICLE, "Read more", "", "Pop star shares photos from her beach holiday 12",
         "Celebrity chef opens a new place 7", "Ferry timetable changes for the winter", "About us",
         "Contact us", "© 2024 Coastal Media Group. All rights reserved.", "Follow us on Twitter"]


def _removed(text: str) -> list[tuple[str, str]]:
    doc = textnorm.Document.from_text(text)
    proposal = PromoLines()(doc)
    return [(text[c.start:c.end].strip(), c.reason) for c in proposal.changes]


def test_every_line_ending_gives_the_same_removals_and_reasons() -> None:
    # "\n" texts take the fast path (features kept across passes), texts with "\r"
    # are read again after each pass: both must decide alike, line numbers included.
    base = _removed("\n".join(_PAGE))
    assert len(base) >= 5 and any("kept copy" in r for _, r in base)
    for sep in ["\r\n", "\r"]:
        assert _removed(sep.join(_PAGE)) == base
    assert _removed("\n".join(_PAGE) + "\n") == base


def test_removing_the_last_line_without_a_break_is_the_same_as_with_one() -> None:
    page = [*_ARTICLE, "", "About us", "Contact us", "Search", "Log in", "Home", "Weather",
            "Sport", "Read more"]
    assert _removed("\n".join(page)) == _removed("\n".join(page) + "\n")


def test_user_patterns_and_allow_list_still_decide_first() -> None:
    text = "\n".join(_PAGE)
    options = PromoLinesOptions(extra_patterns=["^by ilse"], allow=["^read more$"])
    proposal = PromoLines(options)(textnorm.Document.from_text(text))
    gone = {text[c.start:c.end].strip(): c.reason for c in proposal.changes}
    assert gone["By Ilse Marchetti"] == "matches user pattern '^by ilse'"
    assert "Read more" not in gone


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("港口灯塔かなカナ𠀀𠀁\U0002a6d6"), max_size=30))
def test_pairs_read_from_utf32_are_the_neighbours_of_the_run(run: str) -> None:
    pairs = _units._pairs(run)
    assert sorted(map(_units._unit_text, pairs)) == sorted(run[i:i + 2] for i in range(len(run) - 1))
    assert all(u == _units._pair(*_units._unit_text(u)) for u in pairs)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("港口灯塔 かなカナ 𠀀 ab l'eau x’y 12 ² ① e\u0301 क्षि ＡＢ１ ﬁ ' ."), max_size=60))
def test_lines_of_ideographs_count_their_words_by_runs(text: str) -> None:
    # The branch for text that re does not read as regex does and that holds no Hangul:
    # word count and units as the word-by-word definitions give them.
    text = text.strip()
    if not text:
        return
    n_words, units, _ = view._words_and_units(text, None)
    assert n_words == len(WORD_RE.findall(text))
    assert {_units._unit_text(u) for u in units.units} == reference_units(text)
    assert units.total == reference_weight(reference_units(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab É1_©»«•→-:. \t\n\xa0\u3000'\"()[]【】港ｱe\u0301"), max_size=20))
def test_line_key_strips_its_edges_as_the_edge_pattern_does(text: str) -> None:
    # line_key runs the edge pattern only when the key's first or last character asks
    # for it: the same key as running it always.
    key = patterns._SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    assert patterns.line_key(text) == patterns._EDGE_RE.sub("", key)


def test_the_space_is_the_only_printable_white_space() -> None:
    # line_key collapses white space only in keys that are not printable or hold two
    # spaces in a row: every other white space character is not printable.
    for cp in range(0x110000):
        c = chr(cp)
        if c != " " and patterns._SPACE_RE.match(c):
            assert not c.isprintable(), hex(cp)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab É1 \t\n\r\xa0\u3000\u2028\u200b\x85\u180e"), max_size=20))
def test_line_key_collapses_white_space_as_the_space_pattern_does(text: str) -> None:
    key = patterns._SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    assert patterns.line_key(text) == patterns._EDGE_RE.sub("", key)
