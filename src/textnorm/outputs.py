"""Writing results: to stdout, one file, or a directory mirroring the inputs; atomically."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .inputs import Record
from .model import Document
from .render import document_dict, render

_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json"}


def render_record(record: Record, doc: Document, fmt: str, text_field: str) -> str:
    """The output of one record: rendered text, or for JSON Lines input the record with
    its text field cleaned (and, with ``-f json``, a ``textnorm`` field holding the rest)."""
    if record.fields is None:
        return render(doc, fmt)
    out: dict[str, Any] = dict(record.fields)
    out[text_field] = render(doc, "markdown") if fmt == "markdown" else doc.text
    if fmt == "json":
        info = document_dict(doc)
        info.pop("text")
        info["metadata"].pop("extra", None)
        out["textnorm"] = info
    return json.dumps(out, ensure_ascii=False) + "\n"


def output_name(record: Record, fmt: str) -> str:
    """The file name of a record's source inside an output directory."""
    rel = Path(record.source.relpath)
    if record.source.kind == "jsonl":
        return str(rel.with_suffix(".jsonl")) if rel.suffix else str(rel) + ".jsonl"
    return str(rel.with_suffix(_SUFFIX[fmt]))


class AtomicFile:
    """A file written under a temporary name and renamed into place on success,
    so an interrupted run never leaves a half-written output."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        self._file: IO[bytes] = os.fdopen(fd, "wb")

    def write(self, text: str) -> None:
        self._file.write(text.encode("utf-8"))

    def commit(self) -> None:
        self._file.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._file.close()
        if os.path.exists(self._tmp):
            os.unlink(self._tmp)


class Writer:
    """Routes rendered records to stdout, one output file, or files in an output directory.

    Several text documents written to one stream are kept apart by a line break
    when one does not end with its own.
    """

    def __init__(self, output: str | None, *, directory: bool, fmt: str) -> None:
        self.output = output
        self.directory = directory
        self.fmt = fmt
        self._open: dict[str, AtomicFile] = {}
        self._ends_open: dict[str, bool] = {}  # per stream: last text written lacks a final line break

    def write(self, record: Record, rendered: str) -> None:
        """Write one record's rendered output where it belongs."""
        if self.output is None:
            target = "<stdout>"
            emit = self._stdout
        else:
            target = os.path.join(self.output, output_name(record, self.fmt)) if self.directory else self.output
            f = self._open.get(target)
            if f is None:
                f = self._open[target] = AtomicFile(target)
            emit = f.write
        if self._ends_open.get(target):
            emit("\n")
        emit(rendered)
        self._ends_open[target] = bool(rendered) and not rendered.endswith("\n")

    @staticmethod
    def _stdout(text: str) -> None:
        sys.stdout.buffer.write(text.encode("utf-8"))

    def close(self, ok: bool = True) -> None:
        """Rename finished files into place (``ok``) or remove them (not ``ok``)."""
        for f in self._open.values():
            if ok:
                f.commit()
            else:
                f.abort()
        self._open.clear()
        if self.output is None:
            sys.stdout.flush()
