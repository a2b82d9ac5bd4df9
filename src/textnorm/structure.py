"""The structure of a document as sections: what ``-f json`` and ``-f markdown`` show.

Structure comes from the document's blocks (the ``sections`` normalizer finds
them). Without blocks, a document is one untitled section whose paragraphs are its
non-blank lines.
"""

from __future__ import annotations

import attrs
import regex

from .model import Document
from .text import lines

_MARKDOWN_HEADING_RE = regex.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")


@attrs.frozen
class Section:
    """A heading (None for text before the first heading) and the paragraphs under it."""

    heading: str | None
    level: int
    paragraphs: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: ``{"heading", "level", "paragraphs"}``."""
        return {"heading": self.heading, "level": self.level, "paragraphs": list(self.paragraphs)}


def heading_text(raw: str) -> str:
    """A heading line without markdown markers and surrounding white space."""
    return _MARKDOWN_HEADING_RE.sub("", raw).strip()


def headings(doc: Document) -> list[str]:
    """The text of every heading block, in order."""
    return [heading_text(doc.block_text(b)) for b in doc.blocks if b.kind == "heading"]


def sections(doc: Document) -> list[Section]:
    """The document's sections, in order; title and byline blocks are left out (they are metadata)."""
    if not doc.blocks:
        whole = tuple(s.text.strip() for s in lines(doc.text) if s.text.strip())
        return [Section(None, 0, whole)] if whole else []
    out: list[Section] = []
    heading: str | None = None
    level = 0
    paras: list[str] = []
    for b in doc.blocks:
        if b.kind == "heading":
            if heading is not None or paras:
                out.append(Section(heading, level, tuple(paras)))
            heading, level, paras = heading_text(doc.block_text(b)), b.level or 1, []
        elif b.kind in ("paragraph", "list_item", "quote"):
            text = doc.block_text(b).strip()
            if text:
                paras.append(text)
    if heading is not None or paras:
        out.append(Section(heading, level, tuple(paras)))
    return out
