"""Counts over a whole document, for the few candidates of ``injected-tokens`` that
reach the judgement: a token's occurrences anywhere, the number of words, how many
words stand before sentence punctuation, the vocabulary that split words are checked
against. Each is taken once, when first asked for: most documents never ask.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from textnorm.text import WORD_RE, nfkc_casefold

from ._injected_sites import count_final_places
from ._injected_words import (
    _CJK_RE,
    is_word_end,
    is_word_start,
    line_pieces,
    phrase_starts,
)


def _words_in_pieces(text: str) -> Iterator[list[str]]:
    """The words of ``text`` (as ``WORD_RE.findall``), a piece of the text at a time
    (``line_pieces``: no word holds a line break, so the pieces hold the text's words)."""
    for start, end in line_pieces(text):
        yield WORD_RE.findall(text[start:end])


def vocabulary(text: str) -> dict[str, str]:
    """Case-folded word -> its most frequent written form in the document (of equally
    frequent forms, the first in the text)."""
    return _vocabulary(text)[0]


def _vocabulary(text: str) -> tuple[dict[str, str], int]:
    """:func:`vocabulary`, and the number of words of the text (counted on the way)."""
    counts: Counter[str] = Counter()
    for words in _words_in_pieces(text):
        counts.update(words)
    best: dict[str, tuple[int, str]] = {}
    for (w, n), key in zip(counts.items(), _folded(counts), strict=True):  # in the order of first occurrence
        if key == w:
            key = w  # one string for both (most words are written folded)
        kept = best.get(key)
        if kept is None or n > kept[0]:
            best[key] = (n, w)
    return {key: w for key, (_, w) in best.items()}, sum(counts.values())


def _folded(words: Iterable[str]) -> Iterator[str]:
    """``nfkc_casefold`` of each word, a few thousand words per call: the words joined
    by line breaks, which no word holds, NFKC neither composes with nor makes, and case
    folding keeps (a test checks the result against the word-by-word one). A batch at a
    time, so that the folded copies are not all held at once."""
    words = iter(words)
    while batch := [*islice(words, FOLD_BATCH)]:
        yield from nfkc_casefold("\n".join(batch)).split("\n")


FOLD_BATCH = 1024
"""Words folded per call of :func:`_folded`."""


def split_candidates(vocab: dict[str, str], pairs: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """For each (left, right) fragment pair (case-folded), the vocabulary words that are
    ``left + right`` or ``left + one character + right``.

    Linear: each vocabulary word is cut only at the lengths some pair asks for.
    """
    by_total: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for left, right in pairs:
        for gap in (0, 1):
            by_total[len(left) + len(right) + gap].add((len(left), len(right)))
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word in vocab:
        for ll, lr in by_total.get(len(word), ()):
            key = (word[:ll], word[len(word) - lr:] if lr else "")
            if key in pairs:
                out[key].add(word)
    return out


MIN_PREFETCH = 4
"""Fewer tokens than this are looked for one by one (a scan each, cheaper than building
a pattern of them)."""


class DocumentCounts:
    """Document-wide counts, computed only when a candidate needs them: most documents
    have no candidate that gets that far, and these are the costly ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._phrase_starts: dict[str, list[int]] = {}
        self._n_final: int | None = None
        self._n_words: int | None = None

    def prefetch(self, tokens: Iterable[str]) -> None:
        """Find the whole-word occurrences of many tokens in one pass over the text.

        Looking for each token alone costs a scan of the text per token, and the number
        of tokens can grow with the text (a crawl dump of many pages, each with its own
        token): a long text would cost its length squared. Tokens of letters only (no
        ideograph or kana) are looked for together: two whole-word occurrences of such
        tokens never overlap (inside one, a letter follows a letter: no word starts
        there), so one left-to-right pass of the pattern of all of them, longest first,
        meets every occurrence. Others keep the one-token search.
        """
        batch = sorted({t for t in tokens if t not in self._phrase_starts and t.isalpha()
                        and not _CJK_RE.search(t)}, key=lambda t: (-len(t), t))
        if len(batch) < MIN_PREFETCH:
            return
        found: dict[str, list[int]] = {t: [] for t in batch}
        text = self.text
        for m in re.finditer("|".join(map(re.escape, batch)), text):
            i, j = m.span()
            if is_word_start(text, i) and is_word_end(text, j):
                found[m.group()].append(i)
        self._phrase_starts.update(found)

    def occurrences_of(self, token: str) -> list[int]:
        """Starts of all occurrences of ``token`` as whole words."""
        found = self._phrase_starts.get(token)
        if found is None:
            found = self._phrase_starts[token] = phrase_starts(self.text, token)
        return found

    def n_final(self) -> int:
        """How many words stand in an anomalous position (before sentence punctuation,
        or split by a full stop): the document's rate of sentence-final words."""
        if self._n_final is None:
            self._n_final = count_final_places(self.text)
        return self._n_final

    def vocabulary(self) -> dict[str, str]:
        """:func:`vocabulary` of the text; counting its words gives :meth:`n_words` too."""
        vocab, self._n_words = _vocabulary(self.text)
        return vocab

    def n_words(self) -> int:
        """The number of words of the document."""
        if self._n_words is None:
            self._n_words = WORD_RE.count(self.text)
        return self._n_words
