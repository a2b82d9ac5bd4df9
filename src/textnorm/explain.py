"""``textnorm explain``: every edit of a document, with its step, place and reason."""

from __future__ import annotations

from collections import Counter

from .model import Document, Edit

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def _shown(text: str, width: int) -> str:
    s = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def _line_of(original: str, pos: int) -> int:
    return original.count("\n", 0, pos) + 1


def explain_edit(doc: Document, edit: Edit, *, color: bool = False, width: int = 100) -> str:
    """A few lines describing one edit: where, which step, why, and what went or came."""
    def paint(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    first, last = _line_of(doc.original, edit.start), _line_of(doc.original, max(edit.start, edit.end - 1))
    lines_ = f"line {first}" if first == last else f"lines {first}-{last}"
    kind = edit.kind + (" (uncertain)" if edit.uncertain else "")
    out = [f"{paint(_BOLD, edit.step)}  {kind}  {lines_}, chars {edit.start}-{edit.end}: {edit.reason}"]
    if edit.removed:
        out.append("    " + paint(_RED, f"- {_shown(edit.removed, width)}"))
    if edit.inserted:
        out.append("    " + paint(_GREEN, f"+ {_shown(edit.inserted, width)}"))
    return "\n".join(out) + "\n"


def explain_document(doc: Document, *, color: bool = False, width: int = 100) -> str:
    """The explanation of every edit of ``doc``, then a per-step summary."""
    name = doc.metadata.id or doc.metadata.source or "<stdin>"
    head = f"== {name}: {len(doc.edits)} edit{'s' if len(doc.edits) != 1 else ''}"
    out = [(f"{_BOLD}{head}{_RESET}" if color else head) + "\n"]
    for edit in doc.edits:
        out.append(explain_edit(doc, edit, color=color, width=width))
    if doc.edits:
        removed: Counter[str] = Counter()
        count: Counter[str] = Counter()
        for e in doc.edits:
            removed[e.step] += len(e.removed) - len(e.inserted)
            count[e.step] += 1
        summary = ", ".join(f"{step}: {count[step]} edit{'s' if count[step] != 1 else ''}, "
                            f"{removed[step]} chars" for step in count)
        out.append((f"{_DIM}{summary}{_RESET}" if color else summary) + "\n")
    out.append("\n")
    return "".join(out)
