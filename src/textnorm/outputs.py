"""Writing results: to stdout, one file, or a directory mirroring the inputs; atomically.

An output mirrors its input: a JSON Lines input gives JSON Lines, a Parquet input
Parquet, a ``.gz`` or ``.zst`` input the same compression. Every output file is
written under a temporary name in its final folder and renamed into place when its
input is finished, so an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .inputs import Record, Source, _pyarrow_parquet, _zstandard, compression_of
from .model import Document
from .render import document_dict, render
from .structure import headings, sections

_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json"}
EXTRAS = ("title", "author", "date", "flags", "headings", "sections", "edits")
"""What ``--extras`` can add to a JSON Lines or Parquet record, each as a field ``textnorm_<name>``."""
_COMPRESSION_SUFFIX = {"gz": ".gz", "zst": ".zst"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()
"""Outputs get the permissions of a plainly created file (mkstemp's are 0600)."""


def _temporary(path: Path) -> str:
    """A new temporary file beside ``path`` (``.NAME.XXXXXXXX.tmp``). Temporary files of
    ``path`` left by a run that was killed (SIGKILL gives no chance to clean up) are
    removed first."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f".{glob.escape(path.name)}.????????.tmp"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    os.close(fd)
    return tmp


def _publish(tmp: str, path: Path) -> None:
    """Give the finished temporary file its final mode, then rename it into place."""
    os.chmod(tmp, _FILE_MODE)
    os.replace(tmp, path)


def extra_fields(doc: Document, extras: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The ``textnorm_<name>`` fields for ``extras`` (see :data:`EXTRAS`)."""
    out: dict[str, Any] = {}
    for name in extras:
        if name in ("title", "author", "date"):
            value: Any = getattr(doc.metadata, name)
        elif name == "flags":
            value = list(doc.metadata.flags)
        elif name == "headings":
            value = headings(doc)
        elif name == "sections":
            value = [s.to_dict() for s in sections(doc)]
        elif name == "edits":
            value = [e.to_dict() for e in doc.edits]
        else:
            raise ValueError(f"unknown extra {name!r} (valid: {', '.join(EXTRAS)})")
        out[f"textnorm_{name}"] = value
    return out


def render_fields(record: Record, doc: Document, fmt: str, text_field: str,
                  extras: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    """A JSON Lines record or Parquet row with its text field cleaned, every other field
    kept; with ``-f json`` a ``textnorm`` field holding the rest of the JSON output, and
    a ``textnorm_<name>`` field for each of ``extras``."""
    assert record.fields is not None
    out: dict[str, Any] = dict(record.fields)
    out[text_field] = render(doc, "markdown") if fmt == "markdown" else doc.text
    if fmt == "json":
        info = document_dict(doc)
        info.pop("text")
        info["metadata"].pop("extra", None)
        out["textnorm"] = info
    out.update(extra_fields(doc, extras))
    return out


def render_record(record: Record, doc: Document, fmt: str, text_field: str,
                  extras: tuple[str, ...] | list[str] = ()) -> str:
    """The output of one record: rendered text, or for JSON Lines input the record with
    its text field cleaned (and, with ``-f json``, a ``textnorm`` field holding the rest)."""
    if record.fields is None:
        return render(doc, fmt)
    return json.dumps(render_fields(record, doc, fmt, text_field, extras), ensure_ascii=False,
                      default=str) + "\n"


def output_name(source: Source | Record, fmt: str) -> str:
    """The file name of a source's output inside an output directory: the same relative
    path and compression; a text input takes the format's suffix, ``.ndjson`` becomes
    ``.jsonl``, Parquet keeps its name."""
    if isinstance(source, Record):
        source = source.source
    rel = Path(source.relpath)
    comp = _COMPRESSION_SUFFIX.get(source.compression, "")
    if comp:
        rel = rel.with_suffix("")
    if source.kind == "parquet":
        name = str(rel)
    elif source.kind == "jsonl":
        name = str(rel.with_suffix(".jsonl")) if rel.suffix else str(rel) + ".jsonl"
    else:
        name = str(rel.with_suffix(_SUFFIX[fmt]))
    return name + comp


class AtomicFile:
    """A file written under a temporary name and renamed into place on success,
    so an interrupted run never leaves a half-written output.

    ``compression`` ``"gz"`` or ``"zst"`` compresses what is written (gzip with no
    time stamp or name in its header, so equal runs give equal bytes).
    """

    def __init__(self, path: str | Path, compression: str = "") -> None:
        self.path = Path(path)
        self._tmp = _temporary(self.path)
        self._raw: IO[bytes] = open(self._tmp, "wb")  # noqa: SIM115 - closed by commit/abort
        self._file: Any = self._raw
        if compression == "gz":
            self._file = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
        elif compression == "zst":
            self._file = _zstandard().ZstdCompressor().stream_writer(self._raw, closefd=False)

    @property
    def tmp_path(self) -> str:
        return self._tmp

    def write(self, text: str) -> None:
        self._file.write(text.encode("utf-8"))

    def _close(self) -> None:
        if self._file is not self._raw:
            self._file.close()
        self._raw.close()

    def commit(self) -> None:
        self._close()
        _publish(self._tmp, self.path)

    def abort(self) -> None:
        try:
            self._close()
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


class ParquetSink:
    """A Parquet output written row group by row group under a temporary name.

    The schema is the input's, the text field as a string, plus a string column per
    added field (``textnorm`` as JSON for ``-f json``, and each ``textnorm_<extra>``:
    lists and objects as JSON text).
    """

    ROW_GROUP = 4096

    def __init__(self, path: str | Path, source: Source, text_field: str, added: list[str]) -> None:
        pq = _pyarrow_parquet()
        import pyarrow as pa

        self._pa, self._pq = pa, pq
        self.path = Path(path)
        schema = pq.read_schema(source.path)
        fields = [pa.field(f.name, pa.string()) if f.name == text_field else f for f in schema]
        names = {f.name for f in fields}
        fields += [pa.field(name, pa.string()) for name in added if name not in names]
        self.schema = pa.schema(fields)
        self._json_cols = {name for name in added}
        self._tmp = _temporary(self.path)
        self._writer = pq.ParquetWriter(self._tmp, self.schema)
        self._rows: list[dict[str, Any]] = []

    def write_row(self, row: dict[str, Any]) -> None:
        for name in self._json_cols:
            value = row.get(name)
            if value is not None and not isinstance(value, str):
                row[name] = json.dumps(value, ensure_ascii=False, default=str)
        self._rows.append(row)
        if len(self._rows) >= self.ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def commit(self) -> None:
        self._flush()
        self._writer.close()
        _publish(self._tmp, self.path)

    def abort(self) -> None:
        try:
            self._writer.close()
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


class TextSink:
    """A text or JSON Lines output (maybe compressed), written atomically. Several text
    documents are kept apart by a line break when one does not end with its own."""

    def __init__(self, path: str | Path, compression: str = "") -> None:
        self._file = AtomicFile(path, compression)
        self.path = self._file.path
        self._ends_open = False

    def write_text(self, rendered: str) -> None:
        if self._ends_open:
            self._file.write("\n")
        self._file.write(rendered)
        self._ends_open = bool(rendered) and not rendered.endswith("\n")

    def commit(self) -> None:
        self._file.commit()

    def abort(self) -> None:
        self._file.abort()


def added_fields(fmt: str, extras: tuple[str, ...] | list[str]) -> list[str]:
    """The fields a pass-through record gains: ``textnorm`` for ``-f json``, and the extras."""
    return (["textnorm"] if fmt == "json" else []) + [f"textnorm_{e}" for e in extras]


def open_sink(path: str | Path, source: Source, *, fmt: str, text_field: str,
              extras: tuple[str, ...] | list[str] = ()) -> TextSink | ParquetSink:
    """The sink for ``source``'s output at ``path``: Parquet for Parquet input (when
    ``path`` ends in .parquet), else text with the compression ``path``'s suffix names."""
    if source.kind == "parquet" and str(path).lower().endswith(".parquet"):
        return ParquetSink(path, source, text_field, added_fields(fmt, extras))
    return TextSink(path, compression_of(path))


class Writer:
    """Routes rendered records to stdout, one output file, or files in an output directory.

    Each output file is committed (renamed into place) by :meth:`finish` when its
    input is done, or by :meth:`close`; :meth:`close` with ``ok=False`` removes the
    unfinished ones. Several text documents written to one stream are kept apart by
    a line break when one does not end with its own.
    """

    def __init__(self, output: str | None, *, directory: bool, fmt: str, text_field: str = "text",
                 extras: tuple[str, ...] | list[str] = ()) -> None:
        self.output = output
        self.directory = directory
        self.fmt = fmt
        self.text_field = text_field
        self.extras = tuple(extras)
        self._open: dict[str, TextSink | ParquetSink] = {}
        self._finished: dict[str, str] = {}  # target -> the source that wrote it
        self._stdout_ends_open = False

    def target(self, source: Source) -> str | None:
        """Where ``source``'s output goes (None: stdout)."""
        if self.output is None:
            return None
        return os.path.join(self.output, output_name(source, self.fmt)) if self.directory else self.output

    def write(self, record: Record, rendered: str | dict[str, Any]) -> None:
        """Write one record's output (rendered text, or a row dict for Parquet) where it belongs."""
        self.write_to(record.source, rendered)

    def write_to(self, source: Source, rendered: str | dict[str, Any]) -> None:
        target = self.target(source)
        if target is None:
            if isinstance(rendered, dict):
                rendered = json.dumps(rendered, ensure_ascii=False, default=str) + "\n"
            if self._stdout_ends_open:
                self._stdout("\n")
            self._stdout(rendered)
            self._stdout_ends_open = bool(rendered) and not rendered.endswith("\n")
            return
        sink = self._open.get(target)
        if sink is None:
            if target in self._finished and self.directory:
                raise InputError(f"{self._finished[target]} and {source.path} would both be written to "
                                 f"{target}; clean them into separate output directories")
            sink = self._open[target] = open_sink(target, source, fmt=self.fmt, text_field=self.text_field,
                                                  extras=self.extras)
        if isinstance(sink, ParquetSink):
            if isinstance(rendered, str):
                raise AssertionError("a Parquet output takes rows")
            sink.write_row(rendered)
        else:
            if isinstance(rendered, dict):
                rendered = json.dumps(rendered, ensure_ascii=False, default=str) + "\n"
            sink.write_text(rendered)

    def finish(self, source: Source) -> str | None:
        """Commit ``source``'s output file, if it has one open; returns its path."""
        target = self.target(source)
        if target is None:
            return None
        sink = self._open.pop(target, None)
        if sink is None:
            return None
        sink.commit()
        self._finished[target] = source.path
        return target

    @staticmethod
    def _stdout(text: str) -> None:
        sys.stdout.buffer.write(text.encode("utf-8"))

    def close(self, ok: bool = True) -> None:
        """Rename finished files into place (``ok``) or remove them (not ``ok``)."""
        for sink in self._open.values():
            if ok:
                sink.commit()
            else:
                sink.abort()
        self._open.clear()
        if self.output is None:
            sys.stdout.flush()
