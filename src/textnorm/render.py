"""Rendering a finished document as text, markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from .model import Document
from .structure import heading_text, headings, sections

FORMATS = ("text", "markdown", "json")


def render_text(doc: Document) -> str:
    """The cleaned text, exactly as the pipeline left it."""
    return doc.text


def render_markdown(doc: Document) -> str:
    """Markdown: the title as ``#``, headings as ``##``/``###`` by level, the byline in
    italics, list items as ``-``, quotes as ``>``, one blank line between blocks.

    Without blocks (no ``sections`` step), the cleaned text is returned unchanged.
    """
    if not doc.blocks:
        return doc.text
    out = []
    for b in doc.blocks:
        raw = doc.block_text(b).strip()
        if b.kind == "blank" or not raw:
            continue
        if b.kind == "title":
            out.append(f"# {heading_text(raw)}")
        elif b.kind == "heading":
            out.append(f"{'#' * min(6, (b.level or 1) + 1)} {heading_text(raw)}")
        elif b.kind == "byline":
            out.append(f"*{raw}*")
        elif b.kind == "list_item":
            out.append(raw if raw[:1] in "-*+•" or raw[:1].isdigit() else f"- {raw}")
        elif b.kind == "quote":
            out.append(raw if raw.startswith(">") else f"> {raw}")
        else:
            out.append(raw)
    return "\n\n".join(out) + "\n"


def document_dict(doc: Document) -> dict[str, Any]:
    """Everything known about ``doc`` as a JSON-ready dict.

    Keys: ``id``, ``text``, ``title``, ``author``, ``date``, ``flags``, ``metadata``
    (the full :class:`~textnorm.model.Metadata`), ``headings``, ``sections``
    (``[{heading, level, paragraphs}]``) and ``edits`` (each with its span in the
    original input).
    """
    meta = doc.metadata
    return {
        "id": meta.id,
        "text": doc.text,
        "title": meta.title,
        "author": meta.author,
        "date": meta.date,
        "flags": list(meta.flags),
        "metadata": meta.to_dict(),
        "headings": headings(doc),
        "sections": [s.to_dict() for s in sections(doc)],
        "edits": [e.to_dict() for e in doc.edits],
    }


def render_json(doc: Document) -> str:
    """:func:`document_dict` as one line of JSON (so many documents make JSON Lines)."""
    return json.dumps(document_dict(doc), ensure_ascii=False) + "\n"


def render(doc: Document, fmt: str) -> str:
    """Render ``doc`` in one of :data:`FORMATS`."""
    if fmt == "text":
        return render_text(doc)
    if fmt == "markdown":
        return render_markdown(doc)
    if fmt == "json":
        return render_json(doc)
    raise ValueError(f"unknown format {fmt!r} (valid: {', '.join(FORMATS)})")
