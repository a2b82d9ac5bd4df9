"""A ``clean`` run as the command line describes it: inputs, outputs, executor, resume,
progress, corpus dedup. :class:`CleanJob` puts the pieces together; the Python API
user can use it directly::

    from textnorm.scale import CleanJob
    from textnorm.inputs import find_sources
    stats = CleanJob(sources=find_sources(["corpus/"]), output="clean/", directory=True, jobs=4).run()
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .batch import BatchStats, RecordError, RenderOptions
from .corpus_dedup import CorpusDedupOptions, CorpusTable
from .errors import ConfigError, InputError
from .inputs import Source
from .manifest import Manifest, manifest_path, signature
from .outputs import AtomicFile, Writer
from .pipeline import Pipeline
from .progress import Progress
from .worker import CleanSpec


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@attrs.define
class CleanJob:
    """Everything one ``textnorm clean`` run needs (the fields mirror its options)."""

    sources: Sequence[Source]
    output: str | None = None
    directory: bool = False
    config_path: str | None = None
    only: Sequence[str] | None = None
    block: Sequence[str] = ()
    render: RenderOptions = attrs.field(factory=RenderOptions)
    jobs: int | None = None
    executor: str = "local"
    scheduler: str | None = None
    resume: bool = False
    errors_file: str | None = None
    progress: str = "never"
    quiet: bool = False
    corpus_dedup: bool = False
    corpus_min_documents: int | None = None
    corpus_min_words: int | None = None
    corpus_unit: str | None = None

    def corpus_options(self) -> CorpusDedupOptions | None:
        given: dict[str, Any] = {k: v for k, v in (("min_documents", self.corpus_min_documents),
                                   ("min_words", self.corpus_min_words), ("unit", self.corpus_unit))
                 if v is not None}
        if not self.corpus_dedup:
            if given:
                raise InputError(f"--corpus-{next(iter(given)).replace('_', '-')} needs --corpus-dedup")
            return None
        try:
            return CorpusDedupOptions(**given)
        except ValueError as exc:
            raise ConfigError(f"corpus-dedup: {exc}") from None

    def spec(self) -> CleanSpec:
        config_text = None
        source = "<default config>"
        if self.config_path is not None:
            try:
                config_text = Path(self.config_path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"{self.config_path}: cannot read: {exc.strerror or exc}") from None
            source = str(self.config_path)
        return CleanSpec(config_text=config_text, config_source=source,
                         only=tuple(self.only) if self.only is not None else None, block=tuple(self.block),
                         render=self.render)

    def run(self, *, pipeline: Pipeline | None = None,
            report: Callable[[RecordError], None] = lambda e: None) -> BatchStats:
        """Run it; returns the checked counts. ``pipeline`` (already built from the same
        config) saves building it again for in-process cleaning."""
        jobs = self.jobs or default_jobs()
        corpus = self.corpus_options()
        spec = self.spec()
        if self.resume and not self.output:
            raise InputError("--resume needs an output (-o): it skips inputs whose output file is complete")
        if self.executor == "dask" and not self.output:
            raise InputError("--executor dask writes files: give an output directory with -o")
        sig = signature(spec.config_text, spec.only, spec.block, attrs.asdict(self.render),
                        attrs.asdict(corpus) if corpus else None, self.directory)
        show = self.progress == "always" or (self.progress == "auto" and not self.quiet and sys.stderr.isatty())

        if self.executor == "dask":
            from .engines.dask_engine import dask_client

            with dask_client(self.scheduler, jobs) as client:
                return self._run(spec, corpus, sig, jobs, pipeline, report, show, client)
        return self._run(spec, corpus, sig, jobs, pipeline, report, show, None)

    def _run(self, spec: CleanSpec, corpus: CorpusDedupOptions | None, sig: str, jobs: int,
             pipeline: Pipeline | None, report: Callable[[RecordError], None], show: bool,
             client: Any) -> BatchStats:
        if corpus is not None:
            spec = spec.evolve(corpus=self._corpus_table(spec, corpus, jobs, show, client))
        manifest = Manifest(manifest_path(self.output, self.directory), sig, resume=self.resume) \
            if self.output else None
        finished = False
        try:
            if client is not None:
                from .engines.dask_engine import run_dask

                stats = run_dask(client, self.sources, spec, output=self.output or "", directory=self.directory,
                                 manifest=manifest, errors_file=self.errors_file, report=report,
                                 show_progress=show)
            else:
                stats = self._run_local(spec, jobs, manifest, pipeline, report, show)
            finished = True
            return stats
        finally:
            if manifest is not None:
                manifest.close(finished=finished)

    def _corpus_table(self, spec: CleanSpec, corpus: CorpusDedupOptions, jobs: int, show: bool,
                      client: Any) -> CorpusTable:
        if client is not None:
            from .engines.dask_engine import dask_corpus_table

            return dask_corpus_table(client, self.sources, spec, corpus)
        from .runner import build_corpus_table

        progress = Progress(total_bytes=0, read_bytes=lambda: 0, enabled=show)
        try:
            return build_corpus_table(self.sources, spec, corpus, jobs=jobs, progress=progress)
        finally:
            progress.close()

    def _run_local(self, spec: CleanSpec, jobs: int, manifest: Manifest | None, pipeline: Pipeline | None,
                   report: Callable[[RecordError], None], show: bool) -> BatchStats:
        from .runner import Run

        writer = Writer(self.output, directory=self.directory, fmt=self.render.fmt,
                        text_field=self.render.text_field, extras=self.render.extras)
        errors_file = AtomicFile(self.errors_file) if self.errors_file else None
        total = sum(s.size for s in self.sources)
        run: Any = None
        progress = Progress(total_bytes=total, read_bytes=lambda: run.position.total if run else 0, enabled=show)
        def report_line(error: RecordError) -> None:
            progress.clear()
            report(error)

        run = Run(self.sources, spec, writer, jobs=jobs, report=report_line, errors_file=errors_file,
                  manifest=manifest, progress=progress, pipeline=pipeline)
        ok = False
        try:
            stats = run.run()
            ok = True
        finally:
            progress.close()
            writer.close(ok)
            if errors_file is not None:
                errors_file.commit() if ok else errors_file.abort()
        return stats
