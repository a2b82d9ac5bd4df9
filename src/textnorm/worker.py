"""What a worker (a process of the pool, or a Dask task) needs to clean records.

A :class:`CleanSpec` describes a run completely and is small and picklable: the
config as TOML text (not a path, so a worker on another machine needs no copy of
the file), the plugin selection, how records are read and written, and the
corpus-dedup table. Each worker builds its :class:`~textnorm.pipeline.Pipeline`
from it ONCE (the registry is rebuilt from entry points, so this works under the
``spawn`` start method and on remote Dask workers) and reuses it for every record.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import attrs

from .batch import RenderOptions, Result, WorkItem, clean_item
from .config import PipelineConfig
from .pipeline import Pipeline, Step
from .registry import Registry


@attrs.frozen
class CleanSpec:
    """Everything needed to build the pipeline of a run and to read and render records."""

    config_text: str | None = None
    """The pipeline config as TOML text; None for the embedded default."""
    config_source: str = "<default config>"
    """Where the config came from, for error messages."""
    only: tuple[str, ...] | None = None
    block: tuple[str, ...] = ()
    render: RenderOptions = attrs.field(factory=RenderOptions)
    corpus: Any = None
    """A :class:`textnorm.corpus_dedup.CorpusTable` when cross-document dedup runs, else None."""
    corpus_options: Any = None
    """The :class:`~textnorm.corpus_dedup.CorpusDedupOptions` of pass 1 (counting), else None."""
    token: str = attrs.field(factory=lambda: uuid.uuid4().hex)
    """Identifies this spec in a worker's cache (the corpus table is too big to hash)."""

    def evolve(self, **changes: Any) -> CleanSpec:
        """A copy with some fields replaced, and a new :attr:`token` (workers rebuild)."""
        return attrs.evolve(self, token=uuid.uuid4().hex, **changes)

    def build_pipeline(self) -> Pipeline:
        """The run's pipeline: the configured steps, led by corpus-dedup when it runs."""
        registry = Registry(only=self.only, block=self.block)
        if self.config_text is None:
            config = PipelineConfig.default(registry)
        else:
            config = PipelineConfig.from_toml_string(self.config_text, registry, source=self.config_source)
        pipeline = Pipeline.from_config(config, registry)
        return with_corpus_step(pipeline, self.corpus)


def with_corpus_step(pipeline: Pipeline, corpus: Any) -> Pipeline:
    """``pipeline`` led by the corpus-dedup step of ``corpus`` (None: unchanged)."""
    if corpus is None:
        return pipeline
    from .corpus_dedup import CorpusDedup

    step = Step(CorpusDedup.name, CorpusDedup(corpus.options, corpus), CorpusDedup.name)
    return Pipeline([step, *pipeline.steps], registry=pipeline.registry, rounds=pipeline.rounds)


_CACHE: dict[str, Pipeline] = {}


def pipeline_for(spec: CleanSpec) -> Pipeline:
    """The pipeline of ``spec``, built once per process (one entry: runs come one at a time)."""
    pipeline = _CACHE.get(spec.token)
    if pipeline is None:
        _CACHE.clear()
        pipeline = _CACHE[spec.token] = spec.build_pipeline()
    return pipeline


_SPEC: CleanSpec | None = None


def init_worker(spec: CleanSpec) -> None:
    """Process-pool initializer: remember the spec and build the pipeline now, so a
    config or plugin problem shows at start-up rather than at the first record."""
    global _SPEC
    _SPEC = spec
    pipeline_for(spec)


def process_chunk(items: Sequence[WorkItem]) -> list[Result]:
    """Clean a chunk of raw records in a pool worker (after :func:`init_worker`)."""
    assert _SPEC is not None, "init_worker was not called in this process"
    pipeline = pipeline_for(_SPEC)
    opts = _SPEC.render
    return [clean_item(pipeline, opts, item) for item in items]
