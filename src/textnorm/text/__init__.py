"""Text utilities shared by the normalizers.

Everything here is Unicode-aware, works on any script, and returns spans with
offsets into the text it was given so that a normalizer can propose exact changes.
Patterns are compiled once, at import.
"""

from .features import (
    LineFeatures,
    case_shape,
    count_ideographs,
    count_separators,
    ends_sentence,
    ends_with_colon,
    line_features,
)
from .keys import comparison_key, nfkc_casefold
from .spans import Span, count_sentence_ends, iter_lines, lines, paragraphs, sentences
from .words import WORD_RE, iter_words, word_spans, words

__all__ = [
    "WORD_RE",
    "LineFeatures",
    "Span",
    "case_shape",
    "comparison_key",
    "count_ideographs",
    "count_sentence_ends",
    "count_separators",
    "ends_sentence",
    "ends_with_colon",
    "iter_lines",
    "iter_words",
    "line_features",
    "lines",
    "nfkc_casefold",
    "paragraphs",
    "sentences",
    "word_spans",
    "words",
]
