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


@attrs.frozen
class RecordFailure:
    """An input record that could not be read: the batch reports it and goes on."""

    source: str
    number: int
    message: str
    id: str | None = None
    whole_file: bool = True
    """True when the failure concerns a whole text file, False for one line of JSON Lines."""

    @property
    def location(self) -> str:
        """``path`` for a whole file, ``path: line N`` for one JSON Lines record."""
        return self.source if self.whole_file else f"{self.source}: line {self.number}"


BINARY_PROBE_BYTES = 8000
"""A text file with a NUL byte in its first this many bytes is taken for binary (git's rule)."""

DECODE_ERRORS = ("strict", "replace")


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


def decode(data: bytes, where: str, errors: str = "strict") -> tuple[str, int]:
    """UTF-8 text of ``data`` and the number of bytes replaced (a leading BOM is kept as text).

    With ``errors="strict"`` an undecodable byte is an :class:`InputError` naming
    ``where`` and the byte offset; with ``"replace"`` each bad sequence becomes U+FFFD.
    """
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        if errors != "replace":
            raise InputError(f"{where}: not valid UTF-8 at byte {exc.start} ({exc.reason}); convert the "
                             f"input to UTF-8 or pass --errors replace") from None
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count("\ufffd".encode())


def read_records(source: Source, *, text_field: str = "text", id_field: str = "id",
                 errors: str = "strict", newlines: str = "keep",
                 stdin: BinaryIO | None = None) -> Iterator[Record | RecordFailure]:
    """The documents of one source, lazily, in order.

    A record that cannot be used (undecodable, malformed JSON, no text field, a
    binary file) comes out as a :class:`RecordFailure` in its place, so a batch can
    report it and go on. ``newlines="lf"`` turns CRLF and CR line ends into LF;
    the default keeps them as they came.
    """
    if errors not in DECODE_ERRORS:
        raise InputError(f"unknown decoding mode {errors!r} (valid: {', '.join(DECODE_ERRORS)})")
    if source.path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        where = "<stdin>"
    else:
        try:
            stream = open(source.path, "rb")  # noqa: SIM115 - closed below, generator-scoped
        except OSError as exc:
            yield RecordFailure(source.path, 1, f"cannot open: {exc.strerror or exc}")
            return
        where = source.path
    try:
        if source.kind == "txt":
            yield _text_record(source, where, stream.read(), errors, newlines)
        else:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    yield _jsonl_record(source, where, number, raw, text_field, id_field, errors, newlines)
    finally:
        if source.path != STDIN:
            stream.close()


def _newlines(text: str, newlines: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if newlines == "lf" else text


def _text_record(source: Source, where: str, data: bytes, errors: str, newlines: str) -> Record | RecordFailure:
    nul = data.find(b"\0", 0, BINARY_PROBE_BYTES)
    if nul >= 0:
        return RecordFailure(where, 1, f"binary file (NUL byte at offset {nul}); skipped")
    try:
        text, replaced = decode(data, where, errors)
    except InputError as exc:
        return RecordFailure(where, 1, str(exc).removeprefix(f"{where}: "))
    doc_id = source.relpath if source.path != STDIN else None
    extra = {"replaced_bytes": replaced} if replaced else {}
    return Record(source, 1, Document.from_text(_newlines(text, newlines), id=doc_id, source=where, extra=extra))


def _jsonl_record(source: Source, where: str, number: int, raw: bytes, text_field: str,
                  id_field: str, errors: str, newlines: str) -> Record | RecordFailure:
    try:
        line, replaced = decode(raw, where, errors)
    except InputError as exc:
        return RecordFailure(where, number, str(exc).removeprefix(f"{where}: "), whole_file=False)
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordFailure(where, number, f"not valid JSON ({exc.msg} at column {exc.colno})",
                             whole_file=False)
    if not isinstance(fields, dict):
        return RecordFailure(where, number, f"a record must be a JSON object, not {type(fields).__name__}",
                             whole_file=False)
    raw_id = fields.get(id_field)
    doc_id = str(raw_id) if raw_id is not None else f"{source.relpath}:{number}"
    if text_field not in fields:
        return RecordFailure(where, number, f"no text field {text_field!r} (fields: "
                             f"{', '.join(sorted(fields)) or 'none'}; choose one with --text-field)", doc_id,
                             whole_file=False)
    text = fields[text_field]
    if not isinstance(text, str):
        return RecordFailure(where, number, f"field {text_field!r} must be a string, not "
                             f"{type(text).__name__}", doc_id, whole_file=False)
    extra = {k: v for k, v in fields.items() if k != text_field}
    if replaced:
        extra["replaced_bytes"] = replaced
    doc = Document.from_text(_newlines(text, newlines), id=doc_id, source=where, extra=extra)
    return Record(source, number, doc, fields)
