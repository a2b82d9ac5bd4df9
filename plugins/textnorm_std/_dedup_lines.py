"""Lines as comparison units for ``dedup-blocks``: their word bags, the similarity of two
lines, and a bounded inverted index that finds an earlier similar line without comparing
all pairs.

Only non-blank lines are units; blank lines never take part in matching, so a copy with
different paragraph spacing still lines up with its original.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress, filterfalse, repeat
from operator import attrgetter, itemgetter, sub

import attrs
import regex

from textnorm.text import WORD_RE, iter_lines, nfkc_casefold

_DIGIT_RE = regex.compile(r"\d")
_NOT_SYMBOL_RUN_RE = regex.compile(r"[\p{L}\p{M}\p{N}\s]+")
_NON_SPACE_RE = regex.compile(r"\S")
_ZERO_LT = (0).__lt__  # n -> 0 < n
_WORDS = attrgetter("words")


@attrs.frozen(slots=True, eq=False)
class Unit:
    """One non-blank line.

    Attributes:
        index: position among the units (0-based).
        line: the line's number in the text (0-based).
        start, end: the line's span, without its line break.
        words: its words after NFKC and case folding (punctuation, quotes and
            spacing do not count).
        bag: ``words`` as a multiset (made on first use).
        numbers: the words holding a digit, in order: two lines that state different
            numbers (or the same numbers in another order) are different lines (table
            rows, page footers, dates, program output), whatever else they share.
        raw: the stripped line, the key of a line without words (``* * *``, ``---``).
        symbol_share: share of its non-space characters that are neither letters, marks
            nor digits; high in code, markup and tables, low in prose (counted on first
            use: only the lines of a repeat are asked).
    """

    index: int
    line: int
    start: int
    end: int
    words: tuple[str, ...]
    numbers: tuple[str, ...]
    raw: str
    _symbols: float | None = attrs.field(default=None, repr=False)
    _bag: Counter | None = attrs.field(default=None, repr=False)

    @property
    def symbol_share(self) -> float:
        share = self._symbols
        if share is None:
            share = _symbol_share(self.raw)
            object.__setattr__(self, "_symbols", share)
        return share

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def bag(self) -> Counter:
        """``words`` as a multiset, made when first needed: most lines are never compared."""
        bag = self._bag
        if bag is None:
            bag = Counter(self.words)
            object.__setattr__(self, "_bag", bag)
        return bag


def renumbered(unit: Unit, index: int) -> Unit:
    """``unit`` at another position (``attrs.evolve(unit, index=index)``, without its generic
    field-by-field copy), with what it has worked out about itself (its multiset, its
    symbol share)."""
    return Unit(index, unit.line, unit.start, unit.end, unit.words, unit.numbers, unit.raw,
                unit._symbols, unit._bag)


def units_of(text: str) -> list[Unit]:
    """The non-blank lines of ``text`` as units, in order."""
    out: list[Unit] = []
    # One object per distinct word: a long text repeats most of its words. A dict of the
    # call's own rather than sys.intern, whose table keeps the size of the largest text
    # ever read (2x a 1 MB document) for the life of the process.
    same: dict[str, str] = {}
    # A line seen before (the lines of a copy) is not read again: it takes the first one's
    # stripped text, words and numbers (the same objects).
    seen: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for number, (start, end, line) in enumerate(iter_lines(text)):
        raw = line.strip()
        if not raw:
            continue
        got = seen.get(raw)
        if got is None:
            folded = nfkc_casefold(raw)
            found = WORD_RE.findall(folded)
            ws = tuple(map(same.setdefault, found, found))
            # Most lines hold no digit at all: one search of the line spares one per word;
            # a word of letters only (str.isalpha, in C) holds none either.
            numbers = tuple(filter(_DIGIT_RE.search, filterfalse(str.isalpha, ws))) if _DIGIT_RE.search(folded) else ()
            seen[raw] = (raw, ws, numbers)
        else:
            raw, ws, numbers = got
        out.append(Unit(
            index=len(out), line=number, start=start, end=end, words=ws,
            numbers=numbers, raw=raw,
        ))
    return out


def _symbol_share(raw: str) -> float:
    """Share of the non-space characters of ``raw`` (not blank) that are neither letters,
    marks nor digits."""
    symbols = len(_NOT_SYMBOL_RUN_RE.sub("", raw))  # removing runs is far faster than finding each symbol
    # A printable line has no white space but the plain space (tabs, no-break and
    # ideographic spaces are not printable): counting spaces is then enough.
    non_space = len(raw) - raw.count(" ") if raw.isprintable() else len(_NON_SPACE_RE.findall(raw))
    return symbols / non_space


def shared_words(a: Unit, b: Unit) -> int:
    """How many words ``a`` and ``b`` share, counted as multisets."""
    ba, bb = a.bag, b.bag
    common = ba.keys() & bb.keys()
    if len(ba) == a.n_words or len(bb) == b.n_words:
        # One line repeats no word: each word they share counts once.
        return len(common)
    # The smaller count of each common word, summed in C (no Python loop over the words).
    return sum(map(min, map(ba.__getitem__, common), map(bb.__getitem__, common)))


def similarity(a: Unit, b: Unit, numbers_must_match: bool = True, max_changed: int = 0,
               floor: float = 0.0) -> float:
    """Shared words over the words of the longer line, in [0, 1]; 0 when the lines say
    different things.

    An injected token, a corrupted word or a dropped word each costs one word out of
    the longer line's length; case, punctuation, quotes and spacing cost nothing.
    Lines without words are similar (1.0) only when they are identical.

    Two lines say different things when each has words the other lacks that are no
    misspelling or fragment of the other's (see :func:`unexplained`): a template sentence
    with another name in it ("X is streaming on ...", "Y is streaming on ...") is not a
    copy, while a copy with a token injected into it (only one side has extra words) or
    with a word broken apart (``fun``, ``tions`` against ``functions``) is.
    ``max_changed`` is how many such words the side with fewer of them may have.
    A similarity below ``floor`` is returned without that check (it is too low to matter).
    """
    if numbers_must_match and a.numbers != b.numbers:
        return 0.0
    if a.words == b.words:
        # Lines of a copy are mostly the same words (one object each within a call: the
        # tuples compare by identity, without hashing or counting anything).
        return 1.0 if a.words or a.raw == b.raw else 0.0
    if not a.words or not b.words:
        return 1.0 if (not a.words and not b.words and a.raw == b.raw) else 0.0
    na, nb = a.n_words, b.n_words
    if na != nb and min(na, nb) < floor * max(na, nb):
        return min(na, nb) / max(na, nb)  # an upper bound, already below ``floor``
    if floor > 0.0:
        # Another bound, counted without a Python loop: the words they share are at most
        # their distinct common words plus the repeated occurrences of one of them. It
        # needs each line's distinct words only: a line whose multiset is not made yet
        # gives a set of its words, kept by nobody (most comparisons end here, and their
        # multisets, kept, were the largest part of the memory after the index).
        ka = a._bag.keys() if a._bag is not None else set(a.words)
        kb = b._bag.keys() if b._bag is not None else set(b.words)
        common = ka & kb
        bound = len(common) + min(na - len(ka), nb - len(kb))
        if bound < floor * max(na, nb):
            return bound / max(na, nb)
        ba, bb = a.bag, b.bag
    else:
        ba, bb = a.bag, b.bag
        common = ba.keys() & bb.keys()
    if len(ba) == na or len(bb) == nb:
        shared = len(common)  # as in shared_words
    else:
        shared = sum(map(min, map(ba.__getitem__, common), map(bb.__getitem__, common)))
    if shared == na == nb:
        # The same words in another order say something else ("A beat B", "B beat A").
        return 1.0 if a.words == b.words else 0.0
    sim = shared / max(na, nb)
    if sim < floor or shared == na or shared == nb:
        return sim  # too low to matter, or one line has no word the other lacks
    ea, eb = surplus(a, b), surplus(b, a)
    if ea and eb and unexplained(ea, eb, max_changed) > max_changed \
            and unexplained(eb, ea, max_changed) > max_changed:
        return 0.0
    return sim


def unexplained(mine: Counter, theirs: Counter, enough: int | None = None) -> int:
    """How many of the words ``mine`` (one line's surplus) are not explained by ``theirs``
    (the other line's surplus) as damage: a word is explained when it is a fragment of one
    of theirs, when fragments of theirs make up most of it, or when it is one of theirs
    with a few characters changed. Counting stops once it exceeds ``enough``."""
    count = 0
    for w, n in mine.items():
        if not _explained(w, theirs):
            count += n
            if enough is not None and count > enough:
                break
    return count


def explained(w: str, theirs: Counter) -> bool:
    """True when ``w`` is a fragment of one of ``theirs``, is mostly made of their
    fragments, or is one of them with a few characters changed."""
    return _explained(w, theirs)


def _explained(w: str, theirs: Counter) -> bool:
    covered = 0
    for t in theirs:
        if w in t:
            return True
        if t in w:
            covered += len(t)
        elif _within_edits(w, t, _allowed_edits(max(len(w), len(t)))):
            return True
    return covered * 5 >= len(w) * 3


def _allowed_edits(length: int) -> int:
    # A changed character in a word of three letters or fewer makes another word
    # ("cat"/"car"); longer words survive one change, and two from eight letters on.
    return 0 if length < 4 else 1 if length < 8 else 2


def _within_edits(a: str, b: str, k: int) -> bool:
    """True when the edit (Levenshtein) distance of ``a`` and ``b`` is at most ``k``."""
    if k == 0 or abs(len(a) - len(b)) > k:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > k:
            return False
        prev = cur
    return prev[-1] <= k


def surplus(a: Unit, b: Unit) -> Counter:
    """``a.bag - b.bag``: the words of ``a`` that ``b`` lacks, as a multiset in ``a``'s word
    order. When no word of ``a`` repeats (most lines) they are its words missing from
    ``b``, found in C rather than by ``Counter``'s Python loop over both bags."""
    out: Counter = Counter()
    if a.words == b.words:
        return out  # the lines of a copy mostly are
    ba, bb = a.bag, b.bag
    if len(ba) != a.n_words:
        # ``Counter.__sub__`` loops in Python and calls ``__missing__`` for every word ``b``
        # lacks: the same counts (a's count minus b's, the positive ones, in a's order),
        # made in C.
        diffs = list(map(sub, ba.values(), map(bb.get, ba, repeat(0))))
        dict.update(out, compress(zip(ba, diffs), map(_ZERO_LT, diffs)))
        return out
    dict.update(out, dict.fromkeys(filterfalse(bb.__contains__, ba), 1))
    return out


def lost_words(gone: Unit, kept: Unit) -> list[str]:
    """Words of ``gone`` that ``kept`` lacks and that are no damage of ``kept``'s own words
    (see :func:`unexplained`): what removing ``gone`` in favour of ``kept`` would lose,
    unless the words occur elsewhere."""
    if gone.words == kept.words:
        return []
    mine = surplus(gone, kept)
    if not mine:
        return []
    theirs = surplus(kept, gone)
    return [w for w in mine if not _explained(w, theirs)]


def extra_words(a: Unit, b: Unit) -> int:
    """Words of ``a`` that ``b`` does not have (multiset difference): ``a``'s surplus."""
    if a.words == b.words:
        return 0
    return a.n_words - shared_words(a, b)


def _shingle_keys(unit: Unit) -> list[int]:
    """The hashes of the distinct word pairs of ``unit``, in the order the pairs first
    occur (a set's order would depend on the process's string hashing, and with it which
    of two equally good candidates a lookup compares: the result must not)."""
    ws = unit.words
    if len(ws) < 2:
        return [hash(ws if ws else ("\0raw", unit.raw))]
    return list(dict.fromkeys(map(hash, zip(ws, ws[1:]))))


def shortest(lists: list, k: int) -> list:
    """The ``k`` shortest of ``lists`` (posting lists, a bare int counting as a list of one),
    the earlier ones first among equally long ones, in their order in ``lists``."""
    lengths = [1 if p.__class__ is int else len(p) for p in lists]
    keep = sorted(sorted(range(len(lists)), key=lengths.__getitem__)[:k])  # a stable sort: ties by position
    return [lists[i] for i in keep]


def _postings(lists: list) -> list[int]:
    """The entries of ``lists`` (posting lists, or bare ints) one after another."""
    pool: list[int] = []
    for posting in lists:
        if posting.__class__ is int:
            pool.append(posting)
        else:
            pool.extend(posting)
    return pool


class LineIndex:
    """Earlier units, findable by the rarer word pairs (bigrams) they contain.

    A posting list grows to ``max_postings`` units and is then ignored: a pair shared by
    that many lines (``of the``) says nothing about which line is the source, and skipping
    it keeps each lookup bounded, so a whole document is indexed and searched in linear
    time. Exact repeats are found through a separate key table (capped the same way, but
    never ignored). A line all of whose pairs are that common is found only when repeated
    exactly. A lookup reads the lists of the line's ``max_lists`` rarest pairs so far (the
    shortest lists; all of them when None), and at most ``budget`` postings
    (``8 * max_postings`` by default), its rarest pairs first: a copy shares its source's
    rare pairs, and the work of a lookup stays bounded however many lists have filled up
    towards the cap in a long text.
    """

    def __init__(self, units: Sequence[Unit], max_postings: int, numbers_must_match: bool,
                 max_changed: int, max_candidates: int = 4, budget: int | None = None,
                 max_lists: int | None = None, pairs: dict[int, list[int]] | None = None) -> None:
        self._units = units
        self._max_lists = max_lists
        self._budget = budget if budget is not None else 8 * max_postings
        self._cap = max_postings
        self._numbers = numbers_must_match
        self._max_changed = max_changed
        self._max_candidates = max_candidates
        # Word pair (its hash: an int key takes less memory than a tuple) -> the units
        # holding it: a bare int while there is one (most pairs occur once), a tuple of two
        # (most of the rest: 16 bytes less than a list, and not tracked by the garbage
        # collector once it has seen it), then a list.
        self._postings: dict[int, int | tuple[int, int] | list[int]] = {}
        self._exact: dict[tuple, list[int]] = {}
        # The last unit looked up: its index, shingles and their posting lists (None for a
        # new pair). A unit is usually looked up, then added: each list is fetched once.
        self._last: tuple[int, list, list] = (-1, [], [])
        # The pairs of a line whose words (one tuple: see units_of) other units have too,
        # kept for them: the lines of an exact copy are hashed once. Keyed by the tuple's
        # id, which ``units`` keeps alive. With ``pairs`` given by the caller (and kept
        # with the units: the later passes of a call over the same lines), they are not
        # hashed again by a later index either (15% of the pairs a call hashed on the
        # generated news). Only such lines: keeping every line's pairs from one pass to the
        # next spared 42% but made the peak memory at 1 MB 4x the document larger.
        self._pairs_of: dict[int, list[int]] = {} if pairs is None else pairs
        shared = Counter(map(id, map(_WORDS, units)))
        self._shared = {w for w, n in shared.items() if n > 1}

    @staticmethod
    def _key(unit: Unit) -> tuple:
        return unit.words if unit.words else ("\0raw", unit.raw)

    def _fetch(self, unit: Unit) -> tuple[int, list, list]:
        if self._last[0] != unit.index:
            w = id(unit.words)
            shingles = self._pairs_of.get(w)
            if shingles is None:
                shingles = _shingle_keys(unit)
                if w in self._shared and len(unit.words) > 1:  # a barrier's words are its own
                    self._pairs_of[w] = shingles
            self._last = (unit.index, shingles, list(map(self._postings.get, shingles)))
        return self._last

    def add(self, unit: Unit) -> None:
        """Make ``unit`` findable by later lookups."""
        same = self._exact.setdefault(self._key(unit), [])
        if len(same) < self._cap:
            same.append(unit.index)
        cap = self._cap
        postings = self._postings
        index = unit.index
        _, shingles, lists = self._fetch(unit)
        for sh, posting in zip(shingles, lists):
            if posting is None:
                postings[sh] = index if cap > 1 else [index]
            elif posting.__class__ is int:
                postings[sh] = (posting, index)
            elif posting.__class__ is tuple:
                if cap > 2:
                    postings[sh] = [*posting, index]
            elif len(posting) < cap:
                posting.append(index)
        self._last = (-1, [], [])

    def _within_budget(self, lists: list) -> list[int]:
        """The postings of the rarest of ``lists`` (usable posting lists, or bare ints), up
        to the budget, in the pairs' order."""
        total = k = 0
        for n in sorted(1 if p.__class__ is int else len(p) for p in lists):
            if total + n > self._budget:
                break
            total += n
            k += 1
        return _postings(shortest(lists, k))

    def best(self, unit: Unit, threshold: float, expect: int | None = None) -> tuple[int, float] | None:
        """The earlier unit most similar to ``unit``, with its similarity, when that
        similarity reaches ``threshold``; else None.

        Among equally similar units the one nearest to ``expect`` wins (the place where the
        copy being followed should continue), else the earliest.
        """
        def rank(i: int, s: float) -> tuple:
            return (-s, abs(i - expect) if expect is not None else 0, i)

        same = self._exact.get(self._key(unit))
        if same:
            if expect is None or len(same) == 1:
                return same[0], 1.0  # the earliest (units are added in order)
            return min(((i, 1.0) for i in same), key=lambda c: rank(*c))
        fetched = self._fetch(unit)[2]
        if fetched.count(None) == len(fetched):
            return None  # every pair is new (half the lines of a text without copies)
        cap = self._cap
        # A full list is a pair too common to point anywhere.
        lists = [p for p in fetched if p is not None and (p.__class__ is int or len(p) < cap)]
        if self._max_lists is not None and len(lists) > self._max_lists:
            lists = shortest(lists, self._max_lists)
        # The hits are counted in one pass over the postings (in order, so that ties keep
        # the order they had).
        pool = _postings(lists)
        if not pool:
            return None
        if len(pool) > self._budget:
            pool = self._within_budget(lists)
        hits = Counter(pool)
        found = []
        # ``hits.most_common(n)``, which is documented as this sort (stable, so ties keep
        # the pool's order), done in C rather than by heapq's Python-level nlargest.
        for i, _ in sorted(hits.items(), key=itemgetter(1), reverse=True)[:self._max_candidates]:
            s = similarity(self._units[i], unit, self._numbers, self._max_changed, threshold)
            if s >= threshold:
                found.append((i, s))
        return min(found, key=lambda c: rank(*c)) if found else None
