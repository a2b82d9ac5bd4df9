"""Reading documents: ``.txt`` files, JSON Lines files, Parquet files, directories of
them, and stdin; ``.gz`` and ``.zst`` compressed forms of text and JSON Lines.

Text is decoded as strict UTF-8 with line ends kept as they came, so every edit
offset refers to the text exactly as it was read. A problem is an
:class:`~textnorm.errors.InputError` naming the file and the byte or line.

Reading is split in two so that batch runs can parallelise it: :func:`iter_raw`
streams the raw records of a source (a JSON Lines line as bytes, a text file's
bytes, a Parquet row as a dict) and :func:`parse_raw` turns one into a
:class:`Record` (or a :class:`RecordFailure`); a worker process can do the second.
Memory stays bounded by the records in flight: files are read line by line (text
files whole, as one document), Parquet files batch by batch.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from .errors import InputError
from .model import Document

STDIN = "-"
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
COMPRESSIONS = {".gz": "gz", ".zst": "zst"}
"""Compressed suffixes and their codecs: gzip (stdlib) and zstd (the ``zstd`` extra)."""
INPUT_FORMATS = ("auto", "txt", "jsonl", "parquet")
PARQUET_BATCH_ROWS = 1024
"""Rows read from a Parquet file at a time (memory stays bounded by one batch)."""


@attrs.frozen
class Source:
    """One input: a file (or stdin) and how to read it."""

    path: str
    """The path as given, or ``"-"`` for stdin."""
    relpath: str
    """The path relative to the directory it was found in (for mirroring into an output directory)."""
    kind: str
    """``"txt"`` (the whole file is one document), ``"jsonl"`` (one document per line)
    or ``"parquet"`` (one document per row)."""
    compression: str = ""
    """``""``, ``"gz"`` or ``"zst"`` (from the file's last suffix)."""

    @property
    def size(self) -> int:
        """The file's size on disk in bytes (0 for stdin or a file that is gone)."""
        if self.path == STDIN:
            return 0
        try:
            return Path(self.path).stat().st_size
        except OSError:
            return 0


@attrs.frozen
class Record:
    """One document read from a source, with what is needed to write it back."""

    source: Source
    number: int
    """1-based: the record's line number in a JSON Lines file, 1 for a text file."""
    document: Document
    fields: Mapping[str, Any] | None = None
    """The JSON Lines record or Parquet row as read (for pass-through), None for text."""


@attrs.frozen
class RecordFailure:
    """An input record that could not be read: the batch reports it and goes on."""

    source: str
    number: int
    message: str
    id: str | None = None
    whole_file: bool = True
    """True when the failure concerns a whole text file, False for one line of JSON Lines."""
    unit: str = "line"
    """What ``number`` counts: ``"line"`` (JSON Lines) or ``"row"`` (Parquet)."""

    @property
    def location(self) -> str:
        """``path`` for a whole file, ``path: line N`` for one JSON Lines record (``row N`` for Parquet)."""
        return self.source if self.whole_file else f"{self.source}: {self.unit} {self.number}"


BINARY_PROBE_BYTES = 8000
"""A text file with a NUL byte in its first this many bytes is taken for binary (git's rule)."""

DECODE_ERRORS = ("strict", "replace")


def find_sources(paths: Sequence[str], *, input_format: str = "auto") -> list[Source]:
    """Expand ``paths`` (files, directories, ``-``) into sources; an empty list means stdin.

    Directories are searched recursively, in sorted order, for text, JSON Lines and
    Parquet files, also compressed (``.gz``, ``.zst``; not Parquet, which compresses
    inside). Hidden files and folders (a leading dot) are skipped.

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
            found = sorted(f for f in path.rglob("*") if f.is_file() and _kind_of(f, "auto", strict=True)
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not found:
                raise InputError(f"{p}: directory holds no "
                                 f"{'/'.join(TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES)} files")
            out.extend(_source(f, str(f.relative_to(path)), input_format) for f in found)
        elif path.is_file():
            out.append(_source(path, path.name, input_format))
        elif path.exists():
            raise InputError(f"{p}: not a regular file")
        else:
            raise InputError(f"{p}: no such file or directory")
    return out


def compression_of(path: str | Path) -> str:
    """``"gz"``, ``"zst"`` or ``""``, from the last suffix of ``path``."""
    return COMPRESSIONS.get(Path(path).suffix.lower(), "")


def _source(path: Path, relpath: str, input_format: str) -> Source:
    compression = compression_of(path)
    kind = _kind_of(path, input_format)
    if kind == "parquet" and compression:
        raise InputError(f"{path}: a Parquet file is compressed inside; an outer .{compression} is not supported")
    return Source(str(path), relpath, kind, compression)


def _kind_of(path: Path, input_format: str, strict: bool = False) -> str:
    if input_format != "auto":
        return input_format
    inner = path.with_suffix("") if compression_of(path) else path
    suffix = inner.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES and not compression_of(path):
        return "parquet"
    if suffix in TEXT_SUFFIXES or not strict:
        return "txt"
    return ""


def open_binary(path: str, compression: str = "") -> BinaryIO:
    """``path`` opened for reading bytes, decompressing ``.gz`` (stdlib) or ``.zst``
    (the optional ``zstandard`` package: ``pip install 'textnorm[zstd]'``)."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    if compression == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if compression == "zst":
        zstd = _zstandard()
        return io.BufferedReader(zstd.ZstdDecompressor().stream_reader(raw, closefd=True))  # type: ignore[return-value]
    return raw


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise InputError("zstd files need the zstandard package: pip install 'textnorm[zstd]'") from None
    return zstandard


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet files need pyarrow: pip install 'textnorm[parquet]'") from None
    return pq


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
    check_decode_errors(errors)
    for item in iter_raw(source, stdin=stdin):
        if isinstance(item, RecordFailure):
            yield item
        else:
            yield parse_raw(source, item[0], item[1], text_field=text_field, id_field=id_field,
                            errors=errors, newlines=newlines)


def check_decode_errors(errors: str) -> None:
    """Raise :class:`InputError` for an unknown decoding mode."""
    if errors not in DECODE_ERRORS:
        raise InputError(f"unknown decoding mode {errors!r} (valid: {', '.join(DECODE_ERRORS)})")


RawItem = tuple[int, Any]
"""A raw record: its number and its payload (bytes of a JSON Lines line or a text
file, or a Parquet row as a dict)."""


class ReadPosition:
    """How far the reading of the current source is, in bytes on disk (for progress)."""

    def __init__(self) -> None:
        self.done = 0  # bytes of finished sources
        self.current = 0  # bytes of the current source read so far

    @property
    def total(self) -> int:
        return self.done + self.current


def iter_raw(source: Source, *, stdin: BinaryIO | None = None,
             position: ReadPosition | None = None) -> Iterator[RawItem | RecordFailure]:
    """The raw records of one source, lazily, in order (see the module docstring).

    A source that cannot be opened, and compressed data that turns out corrupt or
    truncated, come out as a :class:`RecordFailure` where they were met.
    ``position``, when given, follows the bytes read on disk.
    """
    if source.kind == "parquet":
        yield from _iter_parquet(source, position)
        return
    raw_file: BinaryIO | None = None
    if source.path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        where = "<stdin>"
    else:
        where = source.path
        try:
            stream = open_binary(source.path, source.compression)
        except OSError as exc:
            yield RecordFailure(source.path, 1, f"cannot open: {exc.strerror or exc}")
            return
        raw_file = _raw_file(stream)
    number = 0
    try:
        if source.kind == "txt":
            number = 1
            yield (1, stream.read())
        else:
            for number, raw in enumerate(stream, start=1):
                if position is not None and raw_file is not None and number % 64 == 0:
                    position.current = _tell(raw_file)
                if raw.strip():
                    yield (number, raw)
    except (OSError, EOFError, zlib.error) as exc:
        # A corrupt or truncated compressed file: what was read stays read.
        yield RecordFailure(where, max(number, 1) if source.kind == "txt" else number + 1,
                            f"corrupt or truncated {source.compression or 'input'} data: {exc}",
                            whole_file=source.kind == "txt")
    except Exception as exc:  # zstandard.ZstdError and the like
        if type(exc).__module__.split(".")[0] != "zstandard":
            raise
        yield RecordFailure(where, number + 1, f"corrupt or truncated zst data: {exc}",
                            whole_file=source.kind == "txt")
    finally:
        if source.path != STDIN:
            stream.close()
        if position is not None:
            position.done += source.size
            position.current = 0


def _raw_file(stream: Any) -> Any:
    """The file object under a decompressing stream (its position is bytes on disk)."""
    inner = getattr(stream, "fileobj", None) or getattr(stream, "raw", None)
    if inner is not None and inner is not stream:
        return _raw_file(inner) if not hasattr(inner, "fileno") else inner
    return stream


def _tell(f: Any) -> int:
    try:
        return int(f.tell())
    except (OSError, ValueError, AttributeError):
        return 0


def _iter_parquet(source: Source, position: ReadPosition | None) -> Iterator[RawItem | RecordFailure]:
    pq = _pyarrow_parquet()
    try:
        pf = pq.ParquetFile(source.path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield RecordFailure(source.path, 1, f"cannot open as Parquet: {exc}")
        if position is not None:
            position.done += source.size
        return
    number = 0
    total_rows = max(1, pf.metadata.num_rows)
    try:
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                yield (number, row)
            if position is not None:
                position.current = source.size * number // total_rows
    finally:
        pf.close() if hasattr(pf, "close") else None
        if position is not None:
            position.done += source.size
            position.current = 0


def parse_raw(source: Source, number: int, payload: Any, *, text_field: str = "text", id_field: str = "id",
              errors: str = "strict", newlines: str = "keep") -> Record | RecordFailure:
    """One raw record of ``source`` (from :func:`iter_raw`) as a :class:`Record`, or the
    :class:`RecordFailure` saying why it cannot be used."""
    where = "<stdin>" if source.path == STDIN else source.path
    if source.kind == "txt":
        return _text_record(source, where, payload, errors, newlines)
    if source.kind == "parquet":
        return _fields_record(source, where, number, payload, text_field, id_field, 0, newlines)
    return _jsonl_record(source, where, number, payload, text_field, id_field, errors, newlines)


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
    return _fields_record(source, where, number, fields, text_field, id_field, replaced, newlines)


def _fields_record(source: Source, where: str, number: int, fields: dict[str, Any], text_field: str,
                   id_field: str, replaced: int, newlines: str) -> Record | RecordFailure:
    unit = "row" if source.kind == "parquet" else "line"
    raw_id = fields.get(id_field)
    doc_id = str(raw_id) if raw_id is not None else f"{source.relpath}:{number}"
    if text_field not in fields:
        return RecordFailure(where, number, f"no text field {text_field!r} (fields: "
                             f"{', '.join(sorted(fields)) or 'none'}; choose one with --text-field)", doc_id,
                             whole_file=False, unit=unit)
    text = fields[text_field]
    if not isinstance(text, str):
        return RecordFailure(where, number, f"field {text_field!r} must be a string, not "
                             f"{'null' if text is None else type(text).__name__}", doc_id, whole_file=False, unit=unit)
    extra = {k: v for k, v in fields.items() if k != text_field}
    if replaced:
        extra["replaced_bytes"] = replaced
    doc = Document.from_text(_newlines(text, newlines), id=doc_id, source=where, extra=extra)
    return Record(source, number, doc, fields)
