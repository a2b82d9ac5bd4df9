"""The data model: :class:`Document`, :class:`Edit`, :class:`Block`, :class:`Metadata`.

A Document is immutable. Each pipeline step returns a new one whose edit log has
grown; the original input is kept, and every edit's span is measured in it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

BLOCK_KINDS = frozenset({"title", "byline", "heading", "paragraph", "list_item", "quote", "blank"})


class FrozenDict(dict[str, Any]):
    """A dict that refuses changes after construction, hashable and picklable
    (documents cross process boundaries in parallel runs)."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("this mapping is read-only; build a new one instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted((k, repr(v)) for k, v in self.items())))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable to a tuple."""
    return tuple(value)


def freeze_mapping(value: Mapping[str, Any] | None) -> FrozenDict:
    """A read-only copy of ``value`` (None gives an empty one)."""
    return value if isinstance(value, FrozenDict) else FrozenDict(value or {})


@attrs.frozen(slots=True)
class Edit:
    """One change made by one step, measured against the ORIGINAL input.

    ``original[start:end]`` is the input span the change replaced, and ``removed`` is
    exactly that text, unless it is text an earlier step inserted (a repair), in which
    case ``[start, end)`` is the input span that inserted text stood for. A change
    that spans text earlier steps already removed is logged as one edit per side of
    that gap, each with the change's reason; the replacement goes with the first.

    Attributes:
        step: the configured name of the step that made the change.
        start, end: the span in the original input.
        removed: the text taken out of the document at that point.
        inserted: the text put in its place ("" for a plain removal).
        reason: why, in words a person can read, with the evidence.
        kind: ``"remove"``, ``"replace"`` or ``"repair"``.
        uncertain: True when the step was not sure of a repair.
    """

    step: str
    start: int
    end: int
    removed: str
    inserted: str
    reason: str
    kind: str = "remove"
    uncertain: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the edit."""
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class Block:
    """A structural block: a span ``[start, end)`` over the document's CURRENT text.

    ``kind`` is one of ``title``, ``byline``, ``heading``, ``paragraph``,
    ``list_item``, ``quote`` and ``blank`` (separating white space). ``level`` is
    the heading level (1 is the highest), None for other kinds.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(BLOCK_KINDS))
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    level: int | None = None

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute, value: int) -> None:
        if value < self.start:
            raise ValueError(f"Block end {value} is before its start {self.start}")


@attrs.frozen(slots=True)
class Metadata:
    """What is known about a document besides its text.

    ``flags`` are short labels a step raises without changing the text (for
    example ``"placeholder-author"``); ``extra`` holds anything else, including
    the pass-through fields of a JSON Lines record.
    """

    id: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    flags: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=freeze_mapping)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``extra`` is merged under its own key."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "flags": list(self.flags),
            "extra": dict(self.extra),
        }


@attrs.frozen(slots=True)
class Segment:
    """A piece of the current text: a copy of ``original[orig_start:orig_end]``
    when ``inserted`` is None, else ``inserted`` standing in for that original span."""

    orig_start: int
    orig_end: int
    inserted: str | None = None

    def length(self) -> int:
        return self.orig_end - self.orig_start if self.inserted is None else len(self.inserted)


def _whole(original: str) -> tuple[Segment, ...]:
    return (Segment(0, len(original)),) if original else ()


@attrs.frozen(slots=True)
class Document:
    """A text on its way through a pipeline.

    Attributes:
        text: the current text.
        original: the input as it came in; never changes.
        metadata: see :class:`Metadata`.
        blocks: the structure of the current text (empty until a step finds it).
        edits: every change made so far, in the order the steps made them.
        segments: how the current text is made of the original (the offset map).
    """

    text: str
    original: str
    metadata: Metadata = attrs.field(factory=Metadata)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=to_tuple)
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=to_tuple)
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=to_tuple, repr=False)
    _starts: tuple[int, ...] = attrs.field(default=(), repr=False, eq=False, init=False)

    def __attrs_post_init__(self) -> None:
        starts, pos = [], 0
        for seg in self.segments:
            starts.append(pos)
            pos += seg.length()
        if pos != len(self.text):
            raise ValueError("Document segments do not add up to its text")
        object.__setattr__(self, "_starts", tuple(starts))

    @classmethod
    def from_text(cls, text: str, *, id: str | None = None, source: str | None = None,
                  extra: Mapping[str, Any] | None = None) -> Document:
        """A fresh document whose current text is its original input."""
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        return cls(text=text, original=text, metadata=Metadata(id=id, source=source, extra=extra or {}),
                   segments=_whole(text))

    @property
    def id(self) -> str | None:
        """The document's id (``metadata.id``)."""
        return self.metadata.id

    def to_original(self, pos: int, *, side: str = "left") -> int:
        """Map a position in the current text to one in the original input.

        ``side="left"`` reads ``pos`` as the start of a span (it maps to where the
        character after it came from); ``side="right"`` reads it as the end of a
        span (where the character before it came from ends). Inside text a step
        inserted, the left side maps to the start and the right side to the end of
        the original span that text replaced.
        """
        if not 0 <= pos <= len(self.text):
            raise IndexError(f"position {pos} is outside the text (length {len(self.text)})")
        if not self.segments:
            return len(self.original) if side == "right" else 0
        if side == "right" and pos > 0:
            i = bisect.bisect_right(self._starts, pos - 1) - 1
            seg = self.segments[i]
            if seg.inserted is not None:
                return seg.orig_end
            return seg.orig_start + (pos - self._starts[i])
        i = bisect.bisect_right(self._starts, pos) - 1
        seg = self.segments[i]
        if seg.inserted is not None:
            return seg.orig_end if pos - self._starts[i] >= len(seg.inserted) else seg.orig_start
        return seg.orig_start + (pos - self._starts[i])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that the current span ``[start, end)`` stems from."""
        if start == end:
            o = self.to_original(start, side="left")
            return o, o
        return self.to_original(start, side="left"), self.to_original(end, side="right")

    def block_text(self, block: Block) -> str:
        """The current text of a block."""
        return self.text[block.start:block.end]

    def evolve(self, **changes: Any) -> Document:
        """A copy with some fields replaced (as :func:`attrs.evolve`)."""
        return attrs.evolve(self, **changes)
