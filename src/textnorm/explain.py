"""``textnorm explain``: every edit of a document, with its step, place and reason."""

from __future__ import annotations

from collections import Counter

from .model import Document, Edit

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def _shown(text: str, width: int) -> str:
    s = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _line_of(original: str, pos: int) -> int:
    return original.count("\n", 0, pos) + 1


def _groups(edits: tuple[Edit, ...]) -> list[list[Edit]]:
    """Consecutive edits of one step with one reason: the pieces of a single change that
    spanned text earlier steps had removed (see :class:`~textnorm.model.Edit`)."""
    out: list[list[Edit]] = []
    for e in edits:
        last = out[-1][-1] if out else None
        if last is not None and (last.step, last.reason, last.kind) == (e.step, e.reason, e.kind) \
                and not e.inserted and e.start >= last.end:
            out[-1].append(e)
        else:
            out.append([e])
    return out


def explain_edit(doc: Document, edit: Edit | list[Edit], *, color: bool = False, width: int = 100) -> str:
    """A few lines describing one change (one edit, or the pieces of one change): where,
    which step, why, and what went or came."""
    pieces = edit if isinstance(edit, list) else [edit]
    first_edit = pieces[0]

    def paint(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    spans = []
    for e in pieces:
        first, last = _line_of(doc.original, e.start), _line_of(doc.original, max(e.start, e.end - 1))
        spans.append(str(first) if first == last else f"{first}-{last}")
    lines_ = ("line " if len(spans) == 1 and "-" not in spans[0] else "lines ") + ", ".join(spans)
    chars = ", ".join(f"{e.start}-{e.end}" for e in pieces)
    kind = first_edit.kind + (" (uncertain)" if first_edit.uncertain else "")
    out = [f"{paint(_BOLD, first_edit.step)}  {kind}  {lines_}, chars {chars}: {first_edit.reason}"]
    removed = "".join(e.removed for e in pieces)
    if removed:
        out.append("    " + paint(_RED, f"- {_shown(removed, width)}"))
    if first_edit.inserted:
        out.append("    " + paint(_GREEN, f"+ {_shown(first_edit.inserted, width)}"))
    return "\n".join(out) + "\n"


def explain_document(doc: Document, *, color: bool = False, width: int = 100) -> str:
    """The explanation of every change made to ``doc``, then a per-step summary."""
    name = doc.metadata.id or doc.metadata.source or "<stdin>"
    groups = _groups(doc.edits)
    head = f"== {name}: {_plural(len(groups), 'change')}"
    out = [(f"{_BOLD}{head}{_RESET}" if color else head) + "\n"]
    for group in groups:
        out.append(explain_edit(doc, group, color=color, width=width))
    if groups:
        removed: Counter[str] = Counter()
        count: Counter[str] = Counter()
        for group in groups:
            count[group[0].step] += 1
            for e in group:
                removed[e.step] += len(e.removed) - len(e.inserted)
        summary = ", ".join(f"{step}: {_plural(count[step], 'change')}, {removed[step]} chars removed"
                            for step in count)
        out.append((f"{_DIM}{summary}{_RESET}" if color else summary) + "\n")
    out.append("\n")
    return "".join(out)
