"""Finding injected tokens: per-document statistics over the positions of candidate tokens.

Candidates are the word sequences (1 to ``max_words`` words, written with single
spaces or, in scripts without spaces, with none) that end right before sentence
punctuation or a split word. For each one the detector counts its occurrences in
anomalous positions (see :mod:`._injected_positions`) and all its occurrences, and
asks two questions:

* concentration: is it at sentence ends far more often than the document's words
  are (a binomial test against the document's rate of sentence-final words)?
* oddity: do at least two of those positions look like no natural text, after
  different words, in at least two different ways (a space before the full stop,
  glued after a sentence end, a one-word sentence after one, a split word)? One
  repeated odd pattern is more often a format than an injection (``site.com.`` in
  references, ``"Title" . Journal.`` in citations, ``$ cd ../dir`` in shell
  transcripts), and a word that merely ends many sentences ("he said.") has none.

Linear in the text, and cheap where there is nothing to find: one scan finds the
words before sentence punctuation (:mod:`._injected_sites`); only the places whose
last word could belong to an injected token are looked at closely, with the words
around them segmented locally (:mod:`._injected_words`); counts over the whole
document (occurrences of a token, the number of words, the vocabulary) are taken
only for the few candidates that need them (:mod:`._injected_counts`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import attrs
import regex

from textnorm.text import WORD_RE, nfkc_casefold

from ._injected_counts import DocumentCounts, split_candidates
from ._injected_positions import (
    CJK_TERMINALS,
    CLOSERS,
    FINAL,
    GLUED,
    IN_WORD,
    INLINE_SPACE,
    NATURAL,
    STRONG_KINDS,
    Left,
    Right,
    classify,
    right_of,
)
from ._injected_sites import sentence_end_words, worth_a_look
from ._injected_words import phrases_ending_at, word_before

_HAS_LETTER_RE = regex.compile(r"\p{L}")

class Occurrence(NamedTuple):
    """One occurrence of a candidate token in an anomalous position. (A named tuple,
    not an attrs class: made for every phrase that reaches the judgement, several
    times faster.)"""

    start: int
    end: int
    kind: str
    left: Left
    right: Right
    prev_word: str
    """The word before it (case-folded), for the distinct-context count."""
    prev_capital: bool
    """Whether the word before it starts with a capital letter."""
    after_word: bool = False
    """Whether a word stands right before it on its line, one space away ("demolished Token.")."""
    line_end: bool = False
    """Whether its sentence punctuation closes the line (paragraph)."""
    fragments: tuple[int, int, int, int] | None = None
    """For a split word: (left fragment start, end, right fragment start, end)."""


@attrs.frozen(slots=True)
class TokenStats:
    """The evidence about one candidate token."""

    token: str
    total: int
    anomalous: tuple[Occurrence, ...]
    strong: int
    distinct_strong: int
    odd_kinds: int
    final_rate: float
    p_value: float
    by_kind: dict[str, int]
    known: bool = False
    plain: bool = False
    """Judged on the plain route: a capitalised token closing sentences, no odd positions needed."""
    natural_before: frozenset[str] = frozenset()
    """Words (case-folded) that precede the token in its natural occurrences: a
    sentence-final occurrence after one of them is a use of the same phrase, kept."""

    @property
    def share(self) -> float:
        """Share of the token's occurrences that are in anomalous positions."""
        return len(self.anomalous) / self.total if self.total else 0.0


@attrs.frozen(slots=True)
class DetectConfig:
    """The detector's thresholds (see ``InjectedTokensOptions`` for their meaning)."""

    min_anomalous: int
    min_strong: int
    min_kinds: int
    min_share: float
    max_p: float
    max_words: int
    min_token_chars: int
    phrase_ratio: float
    known: frozenset[str]
    plain_min_anomalous: int = 5
    plain_min_share: float = 0.8
    plain_max_p: float = 1e-6


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), computed in log space."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    lp, lq = math.log(p), math.log1p(-p)
    total = 0.0
    for i in range(k, n + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * lp + (n - i) * lq)
    return min(1.0, total)


def _occurrence(text: str, start: int, end: int, prev: tuple[int, int] | None, right: Right) -> Occurrence:
    kind, left, right = classify(text, start, end, right)
    prev_text = text[prev[0]:prev[1]] if prev is not None else ""
    prev_word = nfkc_casefold(prev_text)
    prev_capital = prev_text[:1].isupper()
    # Whether the word before ends where the white space before the occurrence begins.
    touching = prev is not None and left.kind == "word" and prev[1] == left.ws_start
    fragments = None
    if kind == IN_WORD:
        # The left half of the split word is the word just before, one space away.
        if touching and left.ws_start < start and right.frag_end > right.punct_end:
            assert prev is not None
            fragments = (prev[0], prev[1], right.punct_end, right.frag_end)
        else:
            kind = NATURAL  # "Node.js", "example.com": a dotted name, not a split
    after_word = touching and left.ws_start < start
    q = right.punct_end
    while q < len(text) and (text[q] in CLOSERS or text[q] in INLINE_SPACE):
        q += 1
    line_end = right.kind == "final" and (q >= len(text) or text[q] in "\n\r")
    return Occurrence(start, end, kind, left, right, prev_word, prev_capital,
                      after_word=after_word, line_end=line_end, fragments=fragments)


@attrs.frozen
class Detection:
    """What :func:`detect` found: the injected tokens (longest first) and what the
    repairs need (the vocabulary, the candidates of each split word)."""

    tokens: list[TokenStats]
    vocab: dict[str, str]
    splits: dict[tuple[str, str], set[str]]


_NOTHING_FOUND = Detection([], {}, {})


def _needed(token: str, config: DetectConfig) -> int:
    """How many anomalous occurrences a token needs (a known token: one)."""
    return 1 if config.known and nfkc_casefold(token) in config.known else config.min_anomalous


def detect(text: str, config: DetectConfig) -> Detection:
    """The tokens judged injected in ``text``, with their evidence."""
    # A candidate's anomalous occurrences all end with the same word before sentence
    # punctuation, so that word must end min_anomalous sentences (known tokens: one).
    places = sentence_end_words(text, 1 if config.known else config.min_anomalous)
    ends, starts = places.ends, places.starts
    if not ends:
        return _NOTHING_FOUND
    if config.known:
        chosen: Iterable[int] = range(len(ends))  # one occurrence can be enough
    else:
        chosen = worth_a_look(text, places, min_anomalous=config.min_anomalous,
                              need_odd=max(config.min_strong, config.min_kinds),
                              plain_min_anomalous=config.plain_min_anomalous, max_words=config.max_words)
        if not chosen:
            return _NOTHING_FOUND
    # The phrases ending at those places. A token needs min_anomalous occurrences (a
    # known token one), so only a phrase that ends that many of them can be one: the
    # others (most phrases of two or three words) are not looked at more closely.
    phrases: list[tuple[str, int, int, tuple[int, int] | None, Right]] = []
    for i in chosen:
        e = ends[i]
        right = right_of(text, e)
        if right.kind != "final" and right.kind != "split":
            continue  # an ellipsis, "3.5", "../dir": natural for every phrase ending here
        for a, prev in phrases_ending_at(text, starts[i], e, config.max_words):
            phrases.append((text[a:e], a, e, prev, right))
    enough = {t for t, n in Counter(p[0] for p in phrases).items() if n >= _needed(t, config)
              and len(t) >= config.min_token_chars and _HAS_LETTER_RE.search(t)}
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    for token, a, e, prev, right in phrases:
        if token in enough:
            occ = _occurrence(text, a, e, prev, right)
            if occ.kind != NATURAL:
                occurrences[token].append(occ)
    # (The places and phrases are not held through the document-wide counts below.)
    del phrases, places, ends, starts, chosen
    occurrences = {t: occs for t, occs in occurrences.items() if len(occs) >= _needed(t, config)}
    if not occurrences:
        return _NOTHING_FOUND

    # Confirm split words against the document's own vocabulary.
    vocab: dict[str, str] = {}
    pairs = {(nfkc_casefold(text[f[0]:f[1]]), nfkc_casefold(text[f[2]:f[3]]))
             for occs in occurrences.values() for o in occs if o.fragments for f in (o.fragments,)}
    confirmed: dict[tuple[str, str], set[str]] = {}
    doc = DocumentCounts(text)
    if pairs:
        vocab = doc.vocabulary()
        confirmed = split_candidates(vocab, pairs)

    evidence = {token: ev for token, occs in occurrences.items()
                if (ev := _evidence(token, occs, text, confirmed, config)) is not None}
    doc.prefetch(evidence)  # the tokens judged below are counted everywhere: in one pass
    flagged: list[TokenStats] = []
    for token, ev in evidence.items():
        stats = _stats(token, occurrences[token], ev, doc, config)
        if stats is not None:
            flagged.append(stats)
    flagged = _prefer_phrases(flagged, config)
    if flagged:
        before = _preceding_words(doc, [s.token for s in flagged])
        flagged = [attrs.evolve(s, natural_before=frozenset(
            w for w, n in (before[s.token] - Counter(o.prev_word for o in s.anomalous)).items() if n > 0))
            for s in flagged]
    return Detection(flagged, vocab, confirmed)


def _odd_kind(o: Occurrence, text: str, confirmed: dict[tuple[str, str], set[str]]) -> str | None:
    """The way an occurrence is odd, or None when its position could be natural."""
    if o.kind == GLUED and _after_cjk_stop(text, o.start):
        return None  # scripts without spaces start every sentence glued to the last one
    if o.kind in STRONG_KINDS:
        return o.kind
    if o.kind == IN_WORD and o.fragments:
        if o.right.spaced(o.end):
            return "spaced_split"  # "vess Token .ls": a space before a full stop, inside a word
        f = o.fragments
        if confirmed.get((nfkc_casefold(text[f[0]:f[1]]), nfkc_casefold(text[f[2]:f[3]]))):
            return IN_WORD  # the two halves make a word of the document
    return None


def _after_cjk_stop(text: str, pos: int) -> bool:
    k = pos
    while k > 0 and text[k - 1] in CLOSERS:
        k -= 1
    return k > 0 and text[k - 1] in CJK_TERMINALS


def _evidence(token: str, occs: list[Occurrence], text: str, confirmed: dict[tuple[str, str], set[str]],
              config: DetectConfig) -> tuple[bool, int, int, int] | None:
    """What a token's anomalous occurrences show on their own: (known, odd occurrences,
    distinct odd ones, odd kinds); None when that already rules the token out."""
    m = len(occs)
    known = nfkc_casefold(token) in config.known
    if m < (1 if known else config.min_anomalous):
        return None
    odd = [(o, _odd_kind(o, text, confirmed)) for o in occs]
    odd = [(o, k) for o, k in odd if k is not None]
    # Independent pieces of evidence: the same odd pattern after the same word is one
    # fixed format ("example.com." in every reference), counted once.
    distinct = len({(o.prev_word, k) for o, k in odd})
    kinds = len({k for _, k in odd})
    if (not known and (distinct < config.min_strong or kinds < config.min_kinds)
            and not _plain_route_possible(token, occs, 1.0, config)):
        return None  # neither route can pass, whatever the token's other occurrences
    return known, len(odd), distinct, kinds


def _stats(token: str, occs: list[Occurrence], evidence: tuple[bool, int, int, int], doc: DocumentCounts,
           config: DetectConfig) -> TokenStats | None:
    m = len(occs)
    known, n_odd, distinct, kinds = evidence
    total = max(len(doc.occurrences_of(token)), m)
    share = m / total
    plain = not known and _plain_route_possible(token, occs, share, config)
    if not known and not plain and (distinct < config.min_strong or kinds < config.min_kinds
                                    or share < config.min_share):
        return None
    # Concentration: how often the document's other words end a sentence (smoothed).
    final_rate = (max(0, doc.n_final() - m) + 1) / (max(0, doc.n_words() - total) + 2)
    p_value = binomial_tail(m, total, final_rate)
    by_kind: dict[str, int] = defaultdict(int)
    for o in occs:
        by_kind[o.kind] += 1
    odd_route = distinct >= config.min_strong and kinds >= config.min_kinds and share >= config.min_share
    if not known:
        if odd_route and p_value <= config.max_p:
            plain = False
        elif not (plain and p_value <= config.plain_max_p):
            return None
    return TokenStats(token, total, tuple(occs), n_odd, distinct, kinds, final_rate, p_value,
                      dict(by_kind), known, plain)


PLAIN_DISTINCT_BEFORE = 0.8
"""On the plain route, the share of a token's plain occurrences after different,
lower-case words."""

PLAIN_LINE_END = 0.5
"""On the plain route, the share of a token's plain occurrences that close a paragraph."""


def _plain_route_possible(token: str, occs: list[Occurrence], share: float, config: DetectConfig) -> bool:
    """The plain route: a token that closes sentences with no odd position at all.

    Natural words that end many sentences ("he said.", "years ago.") are lower-case
    words of the language; names follow the same few words ("in Paris."); an
    abbreviation ("Mr.", "Prof.") is followed by the name it abbreviates, not by the
    end of a paragraph; a capitalised word after a colon or a bullet starts a clause.
    An injected token is a capitalised single word put after a lower-case word, a
    different one nearly every time, often closing the paragraph, and it has almost
    no other use in the document.
    """
    if not token[:1].isupper() or any(c.isspace() for c in token) or share < config.plain_min_share:
        return False
    plain = [o for o in occs if o.kind == FINAL and o.after_word and not o.prev_capital]
    m = len(plain)
    if m < config.plain_min_anomalous or m < PLAIN_DISTINCT_BEFORE * len(occs):
        return False
    if len({o.prev_word for o in plain}) < PLAIN_DISTINCT_BEFORE * m:
        return False
    return sum(o.line_end for o in plain) >= PLAIN_LINE_END * m


def _preceding_words(doc: DocumentCounts, wanted: list[str]) -> dict[str, Counter[str]]:
    """For each wanted token, the words (case-folded) before its occurrences, anywhere."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    text = doc.text
    for token in wanted:
        n = len(token)
        for s in doc.occurrences_of(token):
            if not _copy_follows(text, s + n, token):
                prev = word_before(text, s)
                out[token][nfkc_casefold(text[prev[0]:prev[1]]) if prev is not None else ""] += 1
    return out


def _copy_follows(text: str, end: int, token: str) -> bool:
    """Whether another copy of ``token`` follows ``end`` after spaces ("Token Token.")."""
    p = end
    while p < len(text) and text[p] in INLINE_SPACE:
        p += 1
    return p > end and text.startswith(token, p)


def _prefer_phrases(flagged: list[TokenStats], config: DetectConfig) -> list[TokenStats]:
    """Drop a flagged token when a flagged longer phrase ending with it explains most
    of its anomalous occurrences ("Buy Now" rather than "Now"); longest first."""
    words_of = {s.token: WORD_RE.findall(s.token) for s in flagged}
    keep = []
    for s in flagged:
        mine = words_of[s.token]
        longer = [o for o in flagged
                  if len(words_of[o.token]) > len(mine) and words_of[o.token][-len(mine):] == mine]
        if any(len(o.anomalous) >= config.phrase_ratio * len(s.anomalous) for o in longer):
            continue
        keep.append(s)
    return sorted(keep, key=lambda s: (-len(s.token), s.token))
