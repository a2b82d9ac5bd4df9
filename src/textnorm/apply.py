"""Applying a :class:`~textnorm.proposal.Proposal` to a :class:`~textnorm.model.Document`.

This is the only place the text of a document changes. It keeps the offset map
(the document's segments) and appends :class:`~textnorm.model.Edit` records for each change,
so every edit's span points into the original input however many steps ran before.
Cost is linear in the number of segments, changes and blocks.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from .errors import ProposalError
from .model import Block, Document, Edit, Metadata, Segment
from .proposal import Change, Proposal

_METADATA_FIELDS = frozenset(f.name for f in attrs.fields(Metadata)) - {"flags", "extra"}


def apply_proposal(doc: Document, proposal: Proposal | None, step: str) -> Document:
    """Return ``doc`` with ``proposal`` applied, its edits logged under ``step``."""
    if proposal is None:
        return doc
    if not isinstance(proposal, Proposal):
        raise ProposalError(f"step {step!r} returned {type(proposal).__name__}, not a Proposal"
                            + _where(doc))
    if proposal.is_empty:
        return doc
    changes = _checked_changes(doc, proposal.changes, step)
    blocks = doc.blocks if proposal.blocks is None else _checked_blocks(doc, proposal.blocks, step)
    if changes:
        text, segments, edits = _rewrite(doc, changes, step)
        blocks = _map_blocks(blocks, changes)
    else:
        text, segments, edits = doc.text, doc.segments, ()
    return attrs.evolve(
        doc,
        text=text,
        segments=segments,
        blocks=blocks,
        edits=doc.edits + edits,
        metadata=_merged_metadata(doc.metadata, proposal),
    )


def _where(doc: Document) -> str:
    return f" (document {doc.id!r})" if doc.id is not None else ""


def _checked_changes(doc: Document, changes: Sequence[Change], step: str) -> list[Change]:
    for c in changes:
        if not isinstance(c, Change):
            raise ProposalError(f"step {step!r} proposed {c!r}, not a Change{_where(doc)}")
    ordered = sorted(changes, key=lambda c: (c.start, c.end))
    kept: list[Change] = []
    n = len(doc.text)
    prev: Change | None = None
    for c in ordered:
        if c.end > n:
            raise ProposalError(f"step {step!r} proposed a change at {c.start}-{c.end}, beyond the text "
                                f"(length {n}){_where(doc)}")
        if prev is not None and (c.start < prev.end or prev.start == prev.end == c.start == c.end):
            raise ProposalError(f"step {step!r} proposed overlapping changes at {prev.start}-{prev.end} "
                                f"and {c.start}-{c.end}{_where(doc)}")
        prev = c
        if doc.text[c.start:c.end] != c.replacement:  # a no-op is not logged
            kept.append(c)
    return kept


def _checked_blocks(doc: Document, blocks: Sequence[Block], step: str) -> tuple[Block, ...]:
    n = len(doc.text)
    for b in blocks:
        if b.end > n:
            raise ProposalError(f"step {step!r} proposed a {b.kind} block at {b.start}-{b.end}, beyond the "
                                f"text (length {n}){_where(doc)}")
    return tuple(sorted(blocks, key=lambda b: (b.start, b.end)))


def _rewrite(doc: Document, changes: list[Change], step: str) -> tuple[str, tuple[Segment, ...], tuple[Edit, ...]]:
    text = doc.text
    edits: list[Edit] = []
    for c in changes:
        edits.extend(_edits_of(doc, c, step))
    pieces = []
    pos = 0
    for c in changes:
        pieces.append(text[pos:c.start])
        pieces.append(c.replacement)
        pos = c.end
    pieces.append(text[pos:])
    return "".join(pieces), _resegment(doc, changes), tuple(edits)


def _edits_of(doc: Document, c: Change, step: str) -> list[Edit]:
    """The edits one change makes: one per piece of the original it touches.

    Text that earlier steps already removed leaves gaps in the original behind the
    current text; a change spanning such a gap is logged as one edit per side of it,
    so each edit's ``removed`` is exactly ``original[start:end]`` (or, for text an
    earlier step inserted, the text standing for that span). The replacement goes
    with the first piece.
    """
    kind, reason, uncertain = c.effective_kind, c.reason, c.uncertain
    if c.start == c.end or not doc.segments:
        o = doc.to_original(c.start)
        return [Edit(step, o, o, "", c.replacement, reason, kind, uncertain)]
    starts = doc._starts  # noqa: SLF001 - the offset map is the core's own
    i = bisect.bisect_right(starts, c.start) - 1
    out: list[Edit] = []
    while i < len(starts) and starts[i] < c.end:
        seg = doc.segments[i]
        a, b = max(c.start, starts[i]), min(c.end, starts[i] + seg.length())
        if seg.inserted is None:
            o_start, o_end = seg.orig_start + a - starts[i], seg.orig_start + b - starts[i]
        else:
            o_start, o_end = seg.orig_start, seg.orig_end
        out.append(Edit(step, o_start, o_end, doc.text[a:b], "" if out else c.replacement, reason, kind,
                        uncertain))
        i += 1
    return out


def _resegment(doc: Document, changes: list[Change]) -> tuple[Segment, ...]:
    """Cut the changed spans out of the segment list and put the replacements in.

    A segment a change cuts is split. The pieces of a cut inserted segment keep the
    original span the whole stood for, since no finer mapping exists inside text a
    step wrote.
    """
    out: list[Segment] = []
    items = iter(zip(doc._starts, doc.segments, strict=True))  # noqa: SLF001 - the offset map is the core's own
    head = next(items, None)  # (current start, segment), possibly the rest of a cut segment

    def split(pos: int, seg: Segment, cut: int) -> tuple[Segment, tuple[int, Segment]]:
        if seg.inserted is None:
            mid = seg.orig_start + cut
            return Segment(seg.orig_start, mid), (pos + cut, Segment(mid, seg.orig_end))
        return (Segment(seg.orig_start, seg.orig_end, seg.inserted[:cut]),
                (pos + cut, Segment(seg.orig_start, seg.orig_end, seg.inserted[cut:])))

    for c in changes:
        o_start, o_end = doc.original_span(c.start, c.end)
        while head is not None and head[0] + head[1].length() <= c.start:
            out.append(head[1])
            head = next(items, None)
        if head is not None and head[0] < c.start:
            left, head = split(head[0], head[1], c.start - head[0])
            out.append(left)
        while head is not None and head[0] < c.end and head[0] + head[1].length() <= c.end:
            head = next(items, None)
        if head is not None and head[0] < c.end:
            _, head = split(head[0], head[1], c.end - head[0])
        if c.replacement:
            out.append(Segment(o_start, o_end, c.replacement))
    while head is not None:
        out.append(head[1])
        head = next(items, None)
    return _merge(out)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    """Join neighbouring copy segments that are contiguous in the original; drop empty ones."""
    out: list[Segment] = []
    for s in segments:
        if s.length() == 0 and s.inserted is None:
            continue
        if s.inserted == "":
            continue
        if out and s.inserted is None and out[-1].inserted is None and out[-1].orig_end == s.orig_start:
            out[-1] = Segment(out[-1].orig_start, s.orig_end)
        else:
            out.append(s)
    return tuple(out)


def _map_blocks(blocks: tuple[Block, ...], changes: list[Change]) -> tuple[Block, ...]:
    """Move block boundaries through the changes; blocks left empty disappear.

    Text inserted by a change belongs to the block that holds the change's end,
    so blocks that covered the text keep covering it.
    """
    if not blocks:
        return blocks
    mapper = _PositionMapper(changes)
    out = []
    for b in blocks:
        start, end = mapper(b.start), mapper(b.end)
        if end > start:
            out.append(attrs.evolve(b, start=start, end=end))
    return tuple(out)


class _PositionMapper:
    """Maps old positions to new ones through sorted, non-overlapping changes."""

    def __init__(self, changes: list[Change]) -> None:
        self._changes = changes
        self._starts = [c.start for c in changes]
        self._before: list[int] = []  # cumulative length delta before each change
        delta = 0
        for c in changes:
            self._before.append(delta)
            delta += len(c.replacement) - (c.end - c.start)

    def __call__(self, pos: int) -> int:
        i = bisect.bisect_left(self._starts, pos)  # changes[:i] start before pos
        if i == 0:
            return pos
        c = self._changes[i - 1]
        after = self._before[i - 1] + len(c.replacement) - (c.end - c.start)
        if pos >= c.end:
            return pos + after
        return c.start + self._before[i - 1] + len(c.replacement)


def _merged_metadata(meta: Metadata, proposal: Proposal) -> Metadata:
    if not proposal.metadata and not proposal.flags:
        return meta
    known = {k: v for k, v in proposal.metadata.items() if k in _METADATA_FIELDS}
    extra = {k: v for k, v in proposal.metadata.items() if k not in _METADATA_FIELDS and k != "flags"}
    flags: list[str] = list(meta.flags)
    for f in tuple(proposal.metadata.get("flags", ())) + proposal.flags:
        if f not in flags:
            flags.append(f)
    return attrs.evolve(meta, **known, flags=tuple(flags), extra={**meta.extra, **extra})
