"""Reading documents: ``.txt`` files, JSON Lines files, directories of them, and stdin.

Text is decoded as strict UTF-8 with line ends kept as they came, so every edit
offset refers to the text exactly as it was read. A problem is an
:class:`~textnorm.errors.InputError` naming the file and the byte or line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from .errors import InputError
from .model import Document

STDIN = "-"
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
INPUT_FORMATS = ("auto", "txt", "jsonl")


@attrs.frozen
class Source:
    """One input: a file (or stdin) and how to read it."""

    path: str
    """The path as given, or ``"-"`` for stdin."""
    relpath: str
    """The path relative to the directory it was found in (for mirroring into an output directory)."""
    kind: str
    """``"txt"`` (the whole file is one document) or ``"jsonl"`` (one document per line)."""


@attrs.frozen
class Record:
    """One document read from a source, with what is needed to write it back."""

    source: Source
    number: int
    """1-based: the record's line number in a JSON Lines file, 1 for a text file."""
    document: Document
    fields: Mapping[str, Any] | None = None
    """The JSON Lines record as read (for pass-through), None for text."""


def find_sources(paths: Sequence[str], *, input_format: str = "auto") -> list[Source]:
    """Expand ``paths`` (files, directories, ``-``) into sources; an empty list means stdin.

    Directories are searched recursively for text and JSON Lines files, in sorted order.

    Raises:
        InputError: a path that does not exist, or a directory with no readable files.
    """
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r} (valid: {', '.join(INPUT_FORMATS)})")
    if not paths:
        paths = [STDIN]
    out: list[Source] = []
    for p in paths:
        if p == STDIN:
            out.append(Source(STDIN, "stdin", "jsonl" if input_format == "jsonl" else "txt"))
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and _kind_of(f, "auto", strict=True))
            if not found:
                raise InputError(f"{p}: directory holds no {'/'.join(TEXT_SUFFIXES + JSONL_SUFFIXES)} files")
            out.extend(Source(str(f), str(f.relative_to(path)), _kind_of(f, input_format)) for f in found)
        elif path.is_file():
            out.append(Source(str(path), path.name, _kind_of(path, input_format)))
        elif path.exists():
            raise InputError(f"{p}: not a regular file")
        else:
            raise InputError(f"{p}: no such file or directory")
    return out


def _kind_of(path: Path, input_format: str, strict: bool = False) -> str:
    if input_format != "auto":
        return input_format
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES or not strict:
        return "txt"
    return ""


def decode(data: bytes, where: str) -> str:
    """Strict UTF-8 (a leading BOM is kept as text); an error names ``where`` and the byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 at byte {exc.start} ({exc.reason}); "
                         f"convert the file to UTF-8 first") from None


def read_records(source: Source, *, text_field: str = "text", id_field: str = "id",
                 stdin: BinaryIO | None = None) -> Iterator[Record]:
    """The documents of one source, lazily, in order."""
    if source.path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        where = "<stdin>"
    else:
        try:
            stream = open(source.path, "rb")  # noqa: SIM115 - closed below, generator-scoped
        except OSError as exc:
            raise InputError(f"{source.path}: cannot open: {exc.strerror or exc}") from None
        where = source.path
    try:
        if source.kind == "txt":
            text = decode(stream.read(), where)
            doc_id = source.relpath if source.path != STDIN else None
            yield Record(source, 1, Document.from_text(text, id=doc_id, source=where))
        else:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_record(source, where, number, raw, text_field, id_field)
    finally:
        if stream is not stdin and source.path != STDIN:
            stream.close()


def _jsonl_record(source: Source, where: str, number: int, raw: bytes, text_field: str,
                  id_field: str) -> Record:
    line = decode(raw, f"{where}: line {number}")
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: line {number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(fields, dict):
        raise InputError(f"{where}: line {number}: a record must be a JSON object, not {type(fields).__name__}")
    if text_field not in fields:
        raise InputError(f"{where}: line {number}: no text field {text_field!r} "
                         f"(fields: {', '.join(sorted(fields)) or 'none'}; choose one with --text-field)")
    text = fields[text_field]
    if not isinstance(text, str):
        raise InputError(f"{where}: line {number}: field {text_field!r} must be a string, "
                         f"not {type(text).__name__}")
    doc_id = fields.get(id_field)
    doc_id = str(doc_id) if doc_id is not None else f"{source.relpath}:{number}"
    extra = {k: v for k, v in fields.items() if k != text_field}
    return Record(source, number, Document.from_text(text, id=doc_id, source=where, extra=extra), fields)
