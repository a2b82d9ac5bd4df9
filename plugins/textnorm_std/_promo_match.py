"""How ``promo-lines`` finds the library entry a line is an instance of, fast.

:func:`match_library` answers what trying every entry of
:data:`._promo_patterns.LIBRARY` in turn would answer (the first entry, in library
order, that matches in its shape), with a few compiled-pattern calls per line:

- one alternation of all the entries of each shape, in library order, each entry's
  body a capturing group, so that ``lastindex`` names the entry;
- before it, a *skeleton* of the same entries without fuzzy matching, run by ``re``,
  which every line an entry matches passes and nearly every other line fails (see
  :func:`_skeleton`);
- for the ``contains`` entries (searched anywhere in a line), first a search for the
  literal strings they require (see :class:`_Required`).
"""

from __future__ import annotations

import math
import re

import regex

from ._promo_patterns import (
    _FUZZY_WORD_RE,
    _PREFIX_SEP,
    LIBRARY,
    LibraryPattern,
    _expand,
    fuzzy_edits,
)


def _combined(shape: str) -> tuple[regex.Pattern[str], tuple[int, ...]]:
    """One pattern for all the entries of ``shape``: each entry's whole pattern is an
    alternative, in library order, its body a capturing group, so ``lastindex`` names
    the entry. An alternation tries its alternatives in order at a position, so a
    ``line`` or ``prefix`` match is the first entry that matches on its own."""
    order = tuple(i for i, e in enumerate(LIBRARY) if e.shape == shape)
    bodies = [f"({_expand(LIBRARY[i].source)})" for i in order]
    if shape == "line":
        pattern = "|".join(bodies)
    elif shape == "prefix":
        pattern = "|".join(f"{b}{_PREFIX_SEP}\\S" for b in bodies)
    else:
        pattern = rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)"
    return regex.compile(pattern, regex.V1), order


def _skeleton(shape: str, min_width: float = 0) -> re.Pattern[str]:
    """A cheap test that every key an entry of ``shape`` matches also passes (and most
    other keys fail): the entries' bodies without fuzzy matching, which the faster
    ``re`` runs, so that the fuzzy patterns only run on the keys it lets through.

    A fuzzy word of ``n`` letters with ``k`` edits becomes "``n - k`` to ``n + k``
    characters holding one of ``k + 1`` pieces of the word": the edits touch at most
    ``k`` of the pieces, so one is left whole (the pigeonhole filter of approximate
    string matching). ``\\d`` and ``\\w`` become any character but a space; the
    separator after a prefix and the word-boundary look-arounds are left out."""

    # (``min_width``: only the entries that can match a key that long.)
    bodies = [_skeleton_body(e.source) for e in LIBRARY
              if e.shape == shape and _max_width(e.source) >= min_width]
    return re.compile("(?:" + "|".join(f"(?:{b})" for b in bodies) + ")", re.DOTALL)


def _skeleton_body(source: str) -> str:
    """One entry's part of :func:`_skeleton`."""

    def repl(m: regex.Match[str]) -> str:
        word = m.group(1)
        edits = fuzzy_edits(word)
        if not edits:
            return word
        pieces = _pieces(word, edits)
        longest = len(word) + edits
        reach = longest - min(map(len, pieces))
        return f"(?=.{{0,{reach}}}(?:{'|'.join(pieces)})).{{{len(word) - edits},{longest}}}"

    # No entry has a character class, so \\d and \\w always stand for one character (a
    # digit or a word character: never white space).
    return _FUZZY_WORD_RE.sub(repl, source).replace(r"\d", r"\S").replace(r"\w", r"\S")


def _pieces(word: str, edits: int) -> list[str]:
    """``word`` cut into ``edits + 1`` pieces of (nearly) equal length."""
    size, extra = divmod(len(word), edits + 1)
    pieces, at = [], 0
    for k in range(edits + 1):
        end = at + size + (k < extra)
        pieces.append(word[at:end])
        at = end
    return pieces


class _Required:
    """Reads an entry's source (the library's own small syntax: literals, escapes,
    ``(?:...)`` groups, ``|``, ``?``, ``*``, ``+``, ``{a,b}``, ``.`` and ``~word``) and
    says which literal strings a line it matches must hold, one at least: a literal run
    that every match passes through, or one piece of a fuzzy word (as in
    :func:`_skeleton`), or for an alternation, what each branch requires."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def parse(self) -> set[str] | None:
        out = self._alternation()
        if self.i != len(self.s):
            raise ValueError(f"library pattern not understood at {self.i}: {self.s!r}")
        return out

    def _alternation(self) -> set[str] | None:
        branches = [self._sequence()]
        while self.s.startswith("|", self.i):
            self.i += 1
            branches.append(self._sequence())
        if any(b is None for b in branches):
            return None
        return set().union(*branches)  # type: ignore[arg-type]

    def _quantifier(self) -> tuple[int, bool]:
        """Skips a quantifier after an item: the least number of times the item stands,
        and whether it stands exactly once (no quantifier)."""
        c = self.s[self.i:self.i + 1]
        if c in ("?", "*"):
            self.i += 1
            return 0, False
        if c == "+":
            self.i += 1
            return 1, False
        if c == "{":
            end = self.s.index("}", self.i)
            low = int(self.s[self.i + 1:end].split(",")[0] or 0)
            self.i = end + 1
            return low, False
        return 1, True

    def _fail(self) -> ValueError:
        return ValueError(f"library pattern not understood at {self.i}: {self.s!r}")

    def _sequence(self) -> set[str] | None:
        found: list[set[str]] = []
        run = ""  # literal characters every match passes through, in a row
        while self.i < len(self.s) and self.s[self.i] not in "|)":
            c = self.s[self.i]
            need: set[str] | None = None
            literal = None
            if self.s.startswith("(?:", self.i):
                self.i += 3
                need = self._alternation()
                if not self.s.startswith(")", self.i):
                    raise self._fail()
                self.i += 1
            elif c == "~":
                m = _FUZZY_WORD_RE.match(self.s, self.i)
                if m is None:
                    raise self._fail()
                self.i = m.end()
                if self.s[self.i:self.i + 1] in ("?", "*", "+", "{"):
                    raise self._fail()  # (no entry puts a quantifier after a fuzzy word)
                word = m.group(1)
                edits = fuzzy_edits(word)
                if not edits:
                    run += word  # matched exactly
                    continue
                need = set(_pieces(word, edits))
            elif c == "\\":
                nxt = self.s[self.i + 1]
                self.i += 2
                literal = None if nxt.isalnum() else nxt  # \\d, \\w: a class; \\+, \\[: the character
            elif c in "([^$":
                raise self._fail()
            else:
                self.i += 1
                literal = None if c == "." else c
            least, once = self._quantifier()
            if literal is not None and once:
                run += literal
                continue
            if literal is not None and least >= 1:
                found.append({run + literal})  # required, but what follows is not next to it
                run = ""
                continue
            if run:
                found.append({run})
                run = ""
            if need is not None and least >= 1:
                found.append(need)
        if run:
            found.append({run})
        if not found:
            return None
        # The most telling requirement: its shortest string longest, then the fewest strings.
        return max(found, key=lambda ss: (min(map(len, ss)), -len(ss)))


def _anchors(shape: str) -> re.Pattern[str] | None:
    """A search that every line an entry of ``shape`` matches passes: one of the literal
    strings each entry requires (see :class:`_Required`). None when some entry requires
    none (no such entry today; then the skeleton alone decides)."""
    strings: set[str] = set()
    for e in LIBRARY:
        if e.shape == shape:
            need = _Required(e.source).parse()
            if need is None:
                return None
            strings |= need
    return re.compile("|".join(map(re.escape, sorted(strings, key=lambda x: (-len(x), x)))))


def _max_width(source: str) -> float:
    """The most characters a key an entry matches can hold (``inf`` when unbounded), read
    from its source as :class:`_Required` reads it; a fuzzy word of ``n`` letters with
    ``k`` edits reaches ``n + k``, as its skeleton does."""
    pos = 0

    def alternation() -> float:
        nonlocal pos
        widest = sequence()
        while source.startswith("|", pos):
            pos += 1
            widest = max(widest, sequence())
        return widest

    def sequence() -> float:
        nonlocal pos
        total = 0.0
        while pos < len(source) and source[pos] not in "|)":
            if source.startswith("(?:", pos):
                pos += 3
                width = alternation()
                if not source.startswith(")", pos):
                    raise ValueError(f"library pattern not understood at {pos}: {source!r}")
                pos += 1
            elif source[pos] == "~":
                m = _FUZZY_WORD_RE.match(source, pos)
                if m is None:
                    raise ValueError(f"library pattern not understood at {pos}: {source!r}")
                pos = m.end()
                word = m.group(1)
                width = len(word) + fuzzy_edits(word)
            elif source[pos] in "([^$":
                raise ValueError(f"library pattern not understood at {pos}: {source!r}")
            else:
                pos += 2 if source[pos] == "\\" else 1  # an escape or a character: one
                width = 1
            times = 1.0
            c = source[pos:pos + 1]
            if c == "?":
                pos += 1
            elif c in ("*", "+"):
                pos += 1
                times = math.inf
            elif c == "{":
                end = source.index("}", pos)
                most = source[pos + 1:end].split(",")[-1]  # {a}: a, {a,}: unbounded, {a,b}: b
                times = math.inf if not most else int(most)
                pos = end + 1
            total += width * times
        return total

    widest = alternation()
    if pos != len(source):
        raise ValueError(f"library pattern not understood at {pos}: {source!r}")
    return widest


_LINE_SKELETON = _skeleton("line")
# Most line entries are short phrases: a key longer than every bounded one can only be
# covered by an unbounded one (a trailing count, "share 12"), a much smaller skeleton.
_LINE_BOUNDED_WIDTH = max(w for e in LIBRARY if e.shape == "line" and (w := _max_width(e.source)) < math.inf)
_LONG_LINE_SKELETON = _skeleton("line", _LINE_BOUNDED_WIDTH + 1)
_PREFIX_SKELETON = _skeleton("prefix")
_CONTAINS_SKELETON = _skeleton("contains")
# The contains entries require telling words ("cookies", "all rights", "app store"), so
# a search for those turns away nearly every line before the skeleton's search (the line
# and prefix entries hold short pieces that most lines contain: their skeletons decide).
_CONTAINS_ANCHORS = _anchors("contains")

# Each library pattern holds no capturing group of its own (``(?:...)`` only), which
# the group numbering of the combined patterns relies on.
assert all(e.compiled.groups == 0 for e in LIBRARY)
_LINE_ALL, _LINE_ORDER = _combined("line")
_PREFIX_ALL, _PREFIX_ORDER = _combined("prefix")
_CONTAINS_ALL, _CONTAINS_ORDER = _combined("contains")


def match_library(key: str) -> LibraryPattern | None:
    """The first library entry ``key`` (see :func:`line_key`) is an instance of, or None.

    ``line`` entries must cover the whole key, ``prefix`` entries open it, ``contains``
    entries may sit anywhere in it; the caller keeps long lines (prose) away.
    """
    if not key:
        return None
    # One combined pattern per shape instead of one call per entry; the first entry
    # in library order wins, whatever its shape.
    found = len(LIBRARY)
    skeleton = _LINE_SKELETON if len(key) <= _LINE_BOUNDED_WIDTH else _LONG_LINE_SKELETON
    m = skeleton.fullmatch(key) and _LINE_ALL.fullmatch(key)
    if m:
        found = _LINE_ORDER[m.lastindex - 1]
    m = _PREFIX_SKELETON.match(key) and _PREFIX_ALL.match(key)
    if m:
        found = min(found, _PREFIX_ORDER[m.lastindex - 1])
    m = ((_CONTAINS_ANCHORS is None or _CONTAINS_ANCHORS.search(key))
         and _CONTAINS_SKELETON.search(key) and _CONTAINS_ALL.search(key))
    if m:
        # A search stops at the leftmost match: an earlier entry may still match
        # farther right, so the earlier ones are asked one by one (rarely needed:
        # most lines match no ``contains`` entry at all).
        k = m.lastindex - 1
        for i in _CONTAINS_ORDER[:k]:
            if i < found and LIBRARY[i].compiled.search(key):
                k = _CONTAINS_ORDER.index(i)
                break
        found = min(found, _CONTAINS_ORDER[k])
    return LIBRARY[found] if found < len(LIBRARY) else None
