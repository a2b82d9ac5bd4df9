"""The resume manifest: which input files of a run already have a complete output.

Beside the outputs (``OUT/.textnorm-manifest.jsonl`` for a directory,
``.NAME.textnorm-manifest.jsonl`` beside a single output file) one JSON line is
appended, and synced to disk, after each input's output file has been renamed into
place (a run that finishes removes the manifest): the input, the output, its counts and its error records. A line is written
only after its output is complete, so ``--resume`` can skip exactly the inputs it
lists and still account for every one of their records (and repeat their error
records in the new error file). Each line carries the run's *signature* (a digest
of the config and of every option that changes the output); lines of another
signature are ignored, so a changed config is never mixed with old outputs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .batch import BatchStats, RecordError
from .inputs import Source

MANIFEST_NAME = ".textnorm-manifest.jsonl"


def manifest_path(output: str, directory: bool) -> Path:
    """Where the manifest of an output lives."""
    if directory:
        return Path(output) / MANIFEST_NAME
    p = Path(output)
    return p.with_name(f".{p.name}{MANIFEST_NAME}")


def signature(*parts: Any) -> str:
    """A short digest of everything that decides what the outputs hold."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()[:16]


class Manifest:
    """The manifest of one output; ``resume`` keeps the entries of an earlier run with the
    same signature, otherwise the manifest starts empty."""

    def __init__(self, path: str | Path, sig: str, *, resume: bool) -> None:
        self.path = Path(path)
        self.sig = sig
        self.entries: dict[str, dict[str, Any]] = {}
        if resume and self.path.exists():
            with open(self.path, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut by an interruption: that input is redone
                    if isinstance(entry, dict) and entry.get("signature") == sig:
                        self.entries[entry["source"]] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Rewrite it with only the entries kept, so stale lines do not pile up.
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for entry in self.entries.values():
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        os.replace(tmp, self.path)
        self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._recorded = 0

    def done(self, source: Source) -> dict[str, Any] | None:
        """The entry of ``source`` when its output is complete (and still there), else None."""
        entry = self.entries.get(source.path)
        if entry is None:
            return None
        if entry.get("output") and not Path(entry["output"]).exists():
            return None
        return entry

    def record(self, source: Source, output: str | None, stats: BatchStats, errors: list[RecordError]) -> None:
        """Note that ``source`` is complete: its output is in place."""
        entry = {"signature": self.sig, "source": source.path, "output": output, "stats": stats.to_dict(),
                 "errors": [e.to_dict() for e in errors]}
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._recorded += 1
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self, *, finished: bool = False) -> None:
        """Close it; a ``finished`` run removes it (its outputs are all complete, and an
        output directory then holds only outputs), and so does one that completed nothing."""
        self._file.close()
        if finished or not (self.entries or self._recorded):
            self.path.unlink(missing_ok=True)


def replay(entry: dict[str, Any]) -> tuple[BatchStats, list[RecordError]]:
    """The counts and error records of a complete input, from its manifest entry."""
    stats = BatchStats.from_dict(entry["stats"])
    stats.files_resumed = 1
    errors = [RecordError(**e) for e in entry.get("errors", [])]
    return stats, errors
