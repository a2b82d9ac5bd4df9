"""What a normalizer returns: a :class:`Proposal` of :class:`Change` objects.

A normalizer never edits a document. It proposes changes in the coordinates of the
text it was given; the core checks them, applies them, and records each one as an
:class:`~textnorm.model.Edit` against the original input.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .model import Block, freeze_mapping, to_tuple

CHANGE_KINDS = frozenset({"remove", "replace", "repair"})


def _kind_valid(instance: Change, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None and value not in CHANGE_KINDS:
        raise ValueError(f"Change kind must be one of {sorted(CHANGE_KINDS)}, not {value!r}")


@attrs.frozen(slots=True)
class Change:
    """Replace ``text[start:end]`` of the document the normalizer saw by ``replacement``.

    ``kind`` defaults to ``"remove"`` for an empty replacement and ``"replace"``
    otherwise; say ``"repair"`` when the change restores damaged text (a word
    rejoined), and set ``uncertain`` when the repair is a guess.
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    reason: str = attrs.field(validator=attrs.validators.instance_of(str))
    replacement: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    kind: str | None = attrs.field(default=None, validator=_kind_valid)
    uncertain: bool = False

    @end.validator
    def _end_not_before_start(self, attribute: attrs.Attribute, value: int) -> None:
        if value < self.start:
            raise ValueError(f"Change end {value} is before its start {self.start}")

    @property
    def effective_kind(self) -> str:
        """The kind, with the default filled in."""
        if self.kind is not None:
            return self.kind
        return "replace" if self.replacement else "remove"


def _changes(value: Any) -> tuple[Change, ...]:
    return tuple(value or ())


def _blocks(value: Any) -> tuple[Block, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(slots=True)
class Proposal:
    """Everything one normalizer wants done to one document.

    Attributes:
        changes: span replacements over the text the normalizer saw; they must not overlap.
        blocks: the document's structure over that same text, or None to keep the
            current blocks. The core maps them through ``changes``.
        metadata: fields of :class:`~textnorm.model.Metadata` to set (``title``,
            ``author``, ``date``, ...); unknown keys go to ``Metadata.extra``.
        flags: labels to add to ``Metadata.flags``.
    """

    changes: tuple[Change, ...] = attrs.field(default=(), converter=_changes)
    blocks: tuple[Block, ...] | None = attrs.field(default=None, converter=_blocks)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, converter=freeze_mapping)
    flags: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)

    @property
    def is_empty(self) -> bool:
        """True when the proposal changes nothing."""
        return not (self.changes or self.blocks is not None or self.metadata or self.flags)


NOTHING = Proposal()
"""The empty proposal: a normalizer that finds nothing to do returns this."""
