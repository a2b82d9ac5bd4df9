"""Cross-document duplicates: paragraphs repeated across many documents of a corpus.

A site's footer, a syndicated boilerplate block, a newsletter pitch: text that one
document cannot tell from content, but a corpus can, because it recurs verbatim (up
to case, punctuation and white space) in many documents. Two passes:

1. **Count** (:func:`count_units`): every paragraph (or line) of at least
   ``min_words`` words is reduced to its :func:`~textnorm.text.comparison_key` and
   hashed to 64 bits; each distinct hash counts the documents it occurs in (once
   per document). Memory: one entry per distinct qualifying paragraph of the
   corpus (a Python dict entry, about 100 bytes), whatever the corpus size in bytes.
2. **Remove** (:class:`CorpusDedup`, the first step of the pipeline): a paragraph
   whose hash occurs in at least ``min_documents`` documents is removed as a
   :class:`~textnorm.proposal.Change` with the evidence in its reason, through the
   normal apply path, so ``explain`` and ``-f json`` show it like any other edit.

The inputs are read twice, so they must be files, not stdin.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .model import Document
from .normalizer import Normalizer
from .proposal import Change, Proposal
from .text import comparison_key, lines, paragraphs

UNITS = ("paragraph", "line")


@attrs.frozen
class CorpusDedupOptions:
    """Options of cross-document dedup (``--corpus-dedup`` and the ``--corpus-*`` options)."""

    min_documents: int = attrs.field(default=5, validator=attrs.validators.ge(2))
    """A paragraph found in at least this many documents is boilerplate. 5: a text that a
    handful of documents share by chance (a quotation, a stock phrase) stays; a footer or
    syndicated block repeats in far more, on any corpus of a few hundred documents."""
    min_words: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    """Shorter paragraphs are never counted or removed: short lines (a dateline, "Photo:",
    a one-word heading) repeat legitimately, and removing them is the job of the per-document steps."""
    unit: str = attrs.field(default="paragraph", validator=attrs.validators.in_(UNITS))
    """``paragraph`` (blank-line separated runs of lines) or ``line``."""


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def unit_hashes(text: str, options: CorpusDedupOptions) -> list[tuple[int, int, int | None]]:
    """``(start, end, hash)`` of every non-blank unit of ``text``; hash None for units
    under ``min_words`` words (never counted, never removed)."""
    spans = paragraphs(text) if options.unit == "paragraph" else [s for s in lines(text) if s.text.strip()]
    out = []
    for s in spans:
        key = comparison_key(s.text)
        n_words = key.count(" ") + 1 if key else 0
        out.append((s.start, s.end, _hash(key) if n_words >= options.min_words else None))
    return out


def count_units(texts: Iterable[str], options: CorpusDedupOptions) -> Counter[int]:
    """Pass 1 over some documents: per unit hash, the number of documents it occurs in."""
    counts: Counter[int] = Counter()
    for text in texts:
        counts.update({h for _, _, h in unit_hashes(text, options) if h is not None})
    return counts


@attrs.frozen
class CorpusTable:
    """The result of pass 1: the hashes found in at least ``min_documents`` documents."""

    options: CorpusDedupOptions
    counts: Mapping[int, int]
    documents: int = 0
    """Documents counted in pass 1."""
    distinct: int = 0
    """Distinct qualifying paragraphs seen in pass 1 (the memory pass 1 needed)."""

    @classmethod
    def from_counts(cls, counts: Mapping[int, int], options: CorpusDedupOptions, documents: int) -> CorpusTable:
        frequent = {h: n for h, n in counts.items() if n >= options.min_documents}
        return cls(options, frequent, documents, len(counts))


class CorpusDedup(Normalizer):
    """Remove paragraphs repeated across many documents of the corpus (found in a first pass)."""

    name = "corpus-dedup"
    Options = CorpusDedupOptions

    def __init__(self, options: Any = None, table: CorpusTable | None = None) -> None:
        super().__init__(options)
        self.table = table if table is not None else CorpusTable(self.options, {})

    def __call__(self, doc: Document) -> Proposal:
        units = unit_hashes(doc.text, self.options)
        hits = [self.table.counts.get(h) if h is not None else None for _, _, h in units]
        if not any(hits):
            return Proposal()
        if all(hits):
            # A document made only of corpus-wide text is a duplicate document, not a
            # document with boilerplate: removing everything would lose it. Keep it.
            return Proposal()
        unit = self.options.unit
        changes = []
        for i, ((start, end, _), n) in enumerate(zip(units, hits)):
            if not n:
                continue
            if i + 1 < len(units):
                end = units[i + 1][0]  # take the separating blank lines with it
            elif i > 0 and not hits[i - 1]:
                start = units[i - 1][1]  # the last unit: take the separator before it
            changes.append(Change(start, end, f"{unit} repeated in {n} documents of the corpus "
                                              f"(at least {self.options.min_documents}; corpus-dedup)"))
        return Proposal(changes=changes)
