"""Remove content repeated within one document: a whole page scraped twice, repeated runs
of paragraphs, single repeated paragraphs and lines; exact or nearly exact copies.

See docs/normalizers/dedup-blocks.md for the algorithm, the options and the limits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex
from attrs import validators as v

import textnorm

from ._dedup_align import AlignParams, Copy, find_runs, group_copies
from ._dedup_edits import changes, resolve
from ._dedup_lines import Unit, explained, extra_words, lost_words, renumbered, units_of
from ._dedup_passes import barrier, windows
from ._dedup_stream import ShingleCounts, wrapped_repeats
from ._dedup_truncated import truncated_copies


def _number(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {value!r}")


def _unit_interval(instance: object, attribute: attrs.Attribute, value: float) -> None:
    _number(value, attribute.name)
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{attribute.name} must be in (0, 1], not {value!r}")


def _at_least_one(instance: object, attribute: attrs.Attribute, value: float) -> None:
    _number(value, attribute.name)
    if value < 1.0:
        raise ValueError(f"{attribute.name} must be at least 1, not {value!r}")


@attrs.frozen
class DedupBlocksOptions:
    """Options of ``dedup-blocks`` (docs/normalizers/dedup-blocks.md explains each default)."""

    threshold: float = attrs.field(default=0.8, validator=_unit_interval)
    """Similarity (shared words / words of the longer line) at which a line on its own is a
    repeat of an earlier one: 0.8 lets one word in five differ (an injected token, a
    corrupted word) while two different short lines rarely share that much."""

    run_threshold: float = attrs.field(default=0.5, validator=_unit_interval)
    """Similarity enough for a line that continues a run of repeats (its neighbours already
    line up with the neighbours of its source): context is evidence, so a short title with
    an injected word still counts."""

    min_words: int = attrs.field(default=5, validator=[v.instance_of(int), v.ge(1)])
    """Words a line needs to make a repeat that directly follows its source (a stutter)
    count. Shorter ones (a list marker, "Share", a refrain of short lines) stay, however
    many of them repeat."""

    min_words_apart: int = attrs.field(default=12, validator=[v.instance_of(int), v.ge(1)])
    """Words a repeat needs when other text stands between it and its source: about one
    sentence. Headings in a table of contents, captions, refrains and table cells that
    legitimately recur elsewhere are usually shorter."""

    max_symbol_share: float = attrs.field(default=0.15, validator=_unit_interval)
    """A repeat apart from its source counts only the words of its prose-like lines: lines of
    at least ``min_words`` words with at most this share of symbols among their non-space
    characters. Prose stays below it (98% of the prose lines we measured); code, markup and
    tables, where repeating a statement in successive examples is normal, go above."""

    max_gap: int = attrs.field(default=3, validator=[v.instance_of(int), v.ge(0)])
    """Unmatched lines allowed inside one copy (a promo line inserted into it, a paragraph
    only one copy has) before it counts as two separate repeats."""

    prefer_cleaner: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """Keep a later copy instead of the first when the later one is clearly cleaner."""

    cleaner_min_extra: int = attrs.field(default=2, validator=[v.instance_of(int), v.ge(1)])
    """A first copy counts as corrupted only with at least this many words the later copy
    lacks (one stray word may be either copy's)."""

    cleaner_ratio: float = attrs.field(default=2.0, validator=_at_least_one)
    """...and with more than this many times the later copy's own unshared words."""

    max_changed_words: int = attrs.field(default=0, validator=[v.instance_of(int), v.ge(0)])
    """Words both lines may have that the other lacks and that are no misspelling or
    fragment of the other's words. 0: when both lines add words of their own they say
    different things (a template sentence with another name in it), not the same thing
    twice; copies made noisy by injection or broken words have extras on one side only."""

    match_wrapped: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """Also find copies whose line breaks differ (a paragraph wrapped into several lines in
    one copy and on one line in the other) by following the text as a stream of words."""

    numbers_must_match: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """Lines stating different numbers (table rows, page footers, dates) are never repeats."""

    furniture_block: int = attrs.field(default=3, validator=[v.instance_of(int), v.ge(0)])
    """Aligned lines a copy apart from its source needs to count whatever its size when
    most of its lines are labels (see ``label_max_chars``): a menu or a chart printed twice
    (a desktop and a mobile rendering). A document's own headings repeated above their
    paragraphs never line up as a block of labels. 0 turns the rule off."""

    label_max_chars: int = attrs.field(default=24, validator=[v.instance_of(int), v.ge(1)])
    """A label is a line of at most two space-separated tokens and at most this many
    characters: a menu entry, a chart's axis tick or value, a button."""

    furniture_separators: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """A prose-like line whose fields are joined by a spaced separator (``|``, ``»``,
    ``›``, ``•``, ``·``) is page furniture (a credit line, a breadcrumb): its repeat apart
    counts from ``min_words`` words instead of ``min_words_apart``."""

    truncated_min_words: int = attrs.field(default=4, validator=[v.instance_of(int), v.ge(0)])
    """Whole words a truncated copy (a line cut off with an ellipsis, ``Discuss: <the first
    words of a title>...``) must share with the beginning of the longer line it repeats:
    four words in the same order at the start of two lines, one of them cut off, are no
    chance (three are: ``I was going...``). 0 turns the rule off."""

    truncated_label_words: int = attrs.field(default=3, validator=[v.instance_of(int), v.ge(0)])
    """Space-separated tokens a truncated copy may have before the words it repeats, ended
    by a colon, a spaced separator or a closing bracket, within ``label_max_chars``
    characters: a link's label (``Discuss:``, ``Read more:``, ``Weiterlesen:``, ``Lire la
    suite :``, ``Lesen Sie auch:``, ``[Video]``, ``続きを読む：``), the only words such a line
    adds. Three tokens hold the usual "read more"/"see also" labels of languages written
    with spaces. 0: no label."""

    max_postings: int = attrs.field(default=32, validator=[v.instance_of(int), v.ge(1)])
    """Lines remembered per word pair in the index: bounds the work per line (linear cost);
    exact repeats are found without this limit."""

    lookup_pairs: int = attrs.field(default=8, validator=[v.instance_of(int), v.ge(1)])
    """Word pairs of a line whose posting lists a lookup reads: the line's rarest ones so far
    (the shortest lists). A copy shares its source's rare pairs; reading the lists of all of
    them made the work per line grow with the length of the text, as more and more pairs
    recur a few times. It is a bound, not an equivalence: on every document compared (396)
    eight found exactly what reading every list found; raise it if a copy is missed."""


_WRAP_SHINGLE = 4
"""Words per shingle when following copies with other line breaks: long enough to be
specific to one place in a document, short enough that a copy with a token injected every
few words still has shingles left intact."""

_LONG_COPY = 3
"""Lines a copy needs before a line of it may lose one word found nowhere else (see
``keeps_content`` in :meth:`DedupBlocks._decide`): with three lines lined up, one odd word
in a line is more likely noise than content."""

_FIELD_SEPARATOR_RE = regex.compile(r"\s[|¦»›•·]\s")
"""A separator between the fields of a furniture line, spaced (``l·l`` inside a Catalan
word, ``a|b`` in code are no separators)."""

_CODE_RE = regex.compile(r"[()\[\]{}<>=;\\]|,\Z")
"""Code punctuation (brackets, braces, ``=``, ``;``, a trailing comma): code and markup
repeat short statements legitimately, so a block holding them is no menu or chart."""

_MAX_PASSES = 4
"""Passes over the whole text that remove something, and as many over stretches: each
pass can only reveal repeats inside copies kept by the one before; in practice the second
pass finds the last of them. Passes over stretches count apart, since a long text needs a
few of them and they cost little: counted together, they used up the passes a long text
needed to confirm its result."""


class DedupBlocks(textnorm.Normalizer):
    """Remove repeated copies of lines, paragraph runs and whole documents, keeping one copy."""

    name = "dedup-blocks"
    Options = DedupBlocksOptions

    def __init__(self, options: DedupBlocksOptions | None = None) -> None:
        super().__init__(options)
        o = self.options
        self._align = AlignParams(threshold=o.threshold, run_threshold=min(o.run_threshold, o.threshold),
                                  max_gap=o.max_gap, max_postings=o.max_postings,
                                  numbers_must_match=o.numbers_must_match, max_changed=o.max_changed_words,
                                  lookup_pairs=o.lookup_pairs)

    def __call__(self, doc: textnorm.Document) -> textnorm.Proposal:
        o = self.options
        units = units_of(doc.text)
        removed: dict[int, tuple[int, float, str]] = {}
        # Truncated copies first, over all lines: removing a repeat never makes a line a
        # truncated copy (a line's words never depend on other lines), so none is left to
        # find in the output, and the passes below see the text without them (a stutter
        # with a teaser link between its copies is then found at once). A truncated copy
        # whose longer line goes as a repeat points to that line's kept copy (``resolve``).
        for t in truncated_copies(units, o.truncated_min_words, o.truncated_label_words, o.label_max_chars):
            removed[t.unit] = (t.full, t.common / units[t.full].n_words, t.note)
        alive = [u for u in units if u.index not in removed] if removed else units
        # Removing one copy can reveal repeats inside the copy that stayed (a paragraph
        # doubled inside a kept later copy was paired with the first copy before); look
        # again at what is left until nothing more goes, so that the result is idempotent.
        # A removal mostly reveals repeats near itself and its kept copy: a later pass of the
        # line matcher looks at the lines around them only, so that a long text (where some
        # pass nearly always finds one more repeat somewhere) does not pay for whole extra
        # passes. The first pass removes copies all over the text, and a removal can also
        # change which earlier copy a repeat far away follows: one pass over the whole text
        # after it confirms (the next pass itself when its stretches cover half the text).
        # Later removals are few, and the passes around them are their follow-up: confirming
        # each of them again made the number of whole passes grow with the text's length.
        # The wrapped matcher reads the whole text whenever it runs (a stretch with other
        # line breaks can lie anywhere once the copies around it are gone, and which place a
        # run of words first occurred changes with every removal).
        scope: list[range] | None = None  # None: every unit
        wrapped_done = False  # the wrapped matcher found nothing in ``alive`` as it is
        owed = False  # a pass of the line matcher over the whole text is owed
        passes = [0, 0]  # passes that removed something: over the whole text, over stretches
        counted = ShingleCounts()  # the wrapped matcher's counts, kept from one of its passes to the next

        # The word pair hashes of the lines that share their words tuple with others (the
        # lines of exact copies), by the tuple's id (``units`` keeps the tuples alive), from
        # one pass of the line matcher to the next: a later pass reads the same lines again.
        pairs: dict[int, list[int]] = {}

        def decide_lines(us: Sequence[Unit]) -> dict[int, tuple[int, float, str]]:
            return self._decide_lines(us, pairs)

        def decide_wrapped(us: Sequence[Unit]) -> dict[int, tuple[int, float, str]]:
            return self._decide_wrapped(us, counted)

        while max(passes) < _MAX_PASSES:
            found = self._look(alive, scope, decide_lines)
            by_lines = bool(found)
            whole = scope is None
            if scope is None:
                owed = False  # this pass read everything after the removals so far
            if not found and self.options.match_wrapped and not wrapped_done:
                found = self._look(alive, None, decide_wrapped)
                wrapped_done = not found
                if wrapped_done:
                    # It runs again only if a later pass of the line matcher removes
                    # something: free the counts for that pass rather than keep them.
                    counted = ShingleCounts()
                whole = True
            if not found:
                if not owed:
                    break
                scope = None  # the confirming pass
                continue
            passes[not whole] += 1
            touched = []
            for k, (target, sim, note) in found.items():
                removed[alive[k].index] = (alive[target].index, sim, note)
                touched += (alive[k].index, alive[target].index)
            alive = [u for u in alive if u.index not in removed]
            wrapped_done = False
            owed = owed or (by_lines and sum(passes) == 1)
            scope = windows([u.index for u in alive], touched, self.options.max_gap + 1)
            if 2 * sum(map(len, scope)) >= len(alive):
                scope = None  # most of the text: one pass over all of it costs about the same
        if not removed:
            return textnorm.NOTHING
        return textnorm.Proposal(changes=changes(doc.text, units, resolve(removed)))

    def _look(self, alive: Sequence[Unit], scope: list[range] | None,
              decide: Callable[[Sequence[Unit]], dict[int, tuple[int, float, str]]]
              ) -> dict[int, tuple[int, float, str]]:
        """Run ``decide`` on the stretches of ``scope`` (all of ``alive`` when None) put
        together as one text, with barriers between them; the removals, in positions of
        ``alive``."""
        if scope is None:
            if all(u.index == k for k, u in enumerate(alive)):
                return decide(alive)
            scope = [range(len(alive))]
        local: list[Unit] = []
        where: list[int] = []  # local unit -> its position in ``alive`` (-1: a barrier)
        for r in scope:
            if local:
                # Lines that match nothing, more than a copy may bridge: stretches far apart
                # in the text never look adjacent (no stutter, no run, no copy across them).
                for _ in range(self.options.max_gap + 1):
                    local.append(barrier(len(local)))
                    where.append(-1)
            for k in r:
                local.append(renumbered(alive[k], len(local)))
                where.append(k)
        found: dict[int, tuple[int, float, str]] = {}
        for k, (target, sim, note) in decide(local).items():
            if where[k] >= 0 and where[target] >= 0:
                found[where[k]] = (where[target], sim, note)
        return found

    def _decide_lines(self, units: Sequence[Unit], pairs: dict[int, list[int]] | None = None
                      ) -> dict[int, tuple[int, float, str]]:
        copies = group_copies(find_runs(units, self._align, pairs), units, self._align.max_gap,
                              self.options.min_words)
        return self._decide(copies, units)

    def _prose(self, unit: Unit) -> bool:
        return unit.n_words >= self.options.min_words and unit.symbol_share <= self.options.max_symbol_share

    def _big_enough(self, units: Sequence[Unit], dups: Sequence[int], stutter: bool) -> bool:
        """The size rule: a stutter needs a line of ``min_words`` words (many short lines
        repeated, "Share" after "Share" or a refrain of short lines, stay); a repeat apart
        from its source ``min_words_apart`` words in prose-like lines."""
        if stutter:
            return any(units[d].n_words >= self.options.min_words for d in dups)
        return sum(units[d].n_words for d in dups if self._prose(units[d])) >= self.options.min_words_apart

    def _label(self, unit: Unit) -> bool:
        return len(unit.raw) <= self.options.label_max_chars and len(unit.raw.split()) <= 2

    def _furniture(self, units: Sequence[Unit], dups: Sequence[int]) -> bool:
        """A repeat apart that is page furniture counts whatever its size: a block of
        labels (a menu or a chart printed twice), or a prose-like line of fields joined by
        separators (a credit line, a breadcrumb)."""
        o = self.options
        if o.furniture_block and len(dups) >= o.furniture_block \
                and 2 * sum(self._label(units[d]) for d in dups) >= len(dups) \
                and not any(_CODE_RE.search(units[d].raw) for d in dups):
            return True
        return o.furniture_separators and any(self._prose(units[d]) and _FIELD_SEPARATOR_RE.search(units[d].raw)
                                              for d in dups)

    def _decide_wrapped(self, units: Sequence[Unit], counted: ShingleCounts | None = None
                        ) -> dict[int, tuple[int, float, str]]:
        """Stretches repeating earlier text with other line breaks go (the first copy stays).
        ``counted`` keeps the matcher's shingle counts between its passes over one text."""
        removed: dict[int, tuple[int, float, str]] = {}
        found = wrapped_repeats(units, _WRAP_SHINGLE, self.options.threshold, self._align.run_threshold,
                                self.options.max_changed_words, self.options.numbers_must_match, counted)
        # Where each word a removal would lose occurs (a few places are enough to know).
        places = lines_holding(units, (x for w in found for x in w.lost), 8)
        for w in found:
            dups = range(w.dup_first, w.dup_last + 1)
            if not self._big_enough(units, dups, stutter=w.src_last + 1 == w.dup_first):
                continue
            # As for lines: a lost word must occur outside this stretch and its source, but
            # a long stretch may lose one odd word per line (an injected token).
            alone = [x for x in w.lost
                     if all(w.dup_first <= k <= w.dup_last or w.src_first <= k <= w.src_last
                            for k in places[x]) and len(places[x]) < 8]
            if alone and (len(dups) < _LONG_COPY or len(alone) > len(dups)):
                continue
            span = w.src_last - w.src_first
            for n, d in enumerate(dups):
                # Spread the kept lines over the stretch so that the reason names all of them.
                target = w.src_first + (round(n * span / (len(dups) - 1)) if len(dups) > 1 else 0)
                removed[d] = (target, w.coverage, "with other line breaks")
        return removed

    def _decide(self, copies: Sequence[Copy], units: Sequence[Unit]) -> dict[int, tuple[int, float, str]]:
        """Which units go: unit -> (the kept unit it repeats, similarity, note on the choice)."""
        o = self.options
        removed: dict[int, tuple[int, float, str]] = {}
        kept_for_others: set[int] = set()
        skip: dict[int, int] = {}  # removed unit -> a later unit to look at instead

        def next_alive(k: int) -> int:
            """The first unit from ``k`` on that is not removed (path-compressed, near O(1))."""
            path = []
            while k in skip:
                path.append(k)
                k = skip[k]
            for x in path:
                skip[x] = k
            return k

        spread = _word_spread(copies, units)

        def keeps_content(gone: Unit, kept: Unit, long_copy: bool) -> bool:
            # A word the kept copy lacks (an injected token, or content!) may go when it
            # occurs in lines that are not copies of this one: it is then no content that
            # appears once. Inside a long copy (the rest of it lines up) one such word per
            # line may be a token injected once; a line repeated on its own gets no such
            # benefit (a reference that differs from its neighbour by one source name stays).
            lost = lost_words(gone, kept)
            noise = Counter(w for w in lost if spread[w] >= 2)
            # Pieces of a word that is itself noise are noise (a token injected into a copy
            # of itself leaves "Ve", "Verified", "ified").
            alone = [w for w in lost if spread[w] < 2 and not explained(w, noise)]
            return not alone or (long_copy and len(alone) == 1)

        # Largest copies first: the choice between two copies of a whole article must not
        # be pre-empted by a paragraph doubled inside one of them.
        for c in sorted(copies, key=lambda c: (-sum(units[p.dup].n_words for p in c.pairs), c.dup_first)):
            pairs = [p for p in c.pairs if p.dup not in removed]
            if not pairs:
                continue
            stutter = next_alive(c.src_last + 1) >= c.dup_first  # the repeat follows its source
            if not (self._big_enough(units, [p.dup for p in pairs], stutter)
                    or (not stutter and self._furniture(units, [p.dup for p in pairs]))):
                continue
            src_extra = sum(extra_words(units[p.src], units[p.dup]) for p in pairs)
            dup_extra = sum(extra_words(units[p.dup], units[p.src]) for p in pairs)
            srcs = {p.src for p in pairs}
            keep_later = (o.prefer_cleaner and src_extra >= o.cleaner_min_extra
                          and src_extra > o.cleaner_ratio * dup_extra
                          and len(srcs) == len(pairs)
                          and not any(i in removed or i in kept_for_others for i in srcs))
            if keep_later:
                note = f"kept copy is cleaner: {dup_extra} vs {src_extra} words the other copy lacks"
                for p in pairs:
                    if keeps_content(units[p.src], units[p.dup], len(pairs) >= _LONG_COPY):
                        removed[p.src] = (p.dup, p.sim, note)
                        skip[p.src] = p.src + 1
                        kept_for_others.add(p.dup)
            else:
                for p in pairs:
                    if keeps_content(units[p.dup], units[p.src], len(pairs) >= _LONG_COPY):
                        removed[p.dup] = (p.src, p.sim, "")
                        skip[p.dup] = p.dup + 1
                        kept_for_others.add(p.src)
        return removed


def _word_spread(copies: Sequence[Copy], units: Sequence[Unit]) -> dict[str, int]:
    """For every word some removal would lose: in how many *groups* of lines it occurs
    (counted up to 2), a group being a line with all the lines paired with it as copies."""
    parent = list(range(len(units)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    needed: set[str] = set()
    for c in copies:
        for p in c.pairs:
            parent[root(p.dup)] = root(p.src)
            needed.update(lost_words(units[p.dup], units[p.src]))
            needed.update(lost_words(units[p.src], units[p.dup]))
    return {w: len(g) for w, g in lines_holding(units, needed, 2, root).items()}


def lines_holding(units: Sequence[Unit], words: Iterable[str], limit: int,
                  key: Callable[[int], int] | None = None) -> dict[str, list[int]]:
    """For each of ``words``: the lines holding it, as up to ``limit`` distinct keys in
    text order (``key`` of the line's index; the index itself by default)."""
    found: dict[str, list[int]] = {w: [] for w in words}
    for u in units if found else ():
        if found.keys().isdisjoint(u.words):  # most lines: checked in C
            continue
        k = u.index if key is None else key(u.index)
        for w in found.keys() & u.words:  # the line's words asked about (a set, in C)
            got = found[w]
            if len(got) < limit and k not in got:
                got.append(k)
    return found


@textnorm.hookimpl
def textnorm_register_normalizers(register):
    register(DedupBlocks)
