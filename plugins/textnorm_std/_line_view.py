"""What the line views of the standard normalizers share: a line's place in the text,
its stripped text, and the separator count worked out only for the lines that ask."""

from __future__ import annotations

from textnorm.text import count_separators


class LineView:
    """One line: its number, span (without the break) and stripped text. Subclasses add
    what their step reads (see :class:`~textnorm.text.LineFeatures` for the fields)."""

    __slots__ = ("_separators", "blank", "end", "index", "start", "text")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.blank = not text
        self._separators: int | None = None

    @property
    def n_chars(self) -> int:
        return len(self.text)

    @property
    def separators(self) -> int:
        """Separator marks (``| » › · •`` and spaced dashes), as the line features count them."""
        if self._separators is None:
            self._separators = count_separators(self.text)
        return self._separators
