"""The pipeline: configured normalizers run in order, each proposal applied by the core."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .apply import apply_proposal
from .config import PipelineConfig
from .errors import ConfigError
from .model import Document
from .normalizer import Normalizer
from .registry import Registry
from .text.features import forget_lines, step_boundary

ConfigLike = str | Path | Mapping[str, Any] | PipelineConfig | None


@attrs.frozen
class StepFailure:
    """A step that raised on one document: which step, and the error as ``Type: message``."""

    step: str
    error: str


@attrs.frozen
class Step:
    """A normalizer instance and the name its edits are logged under."""

    name: str
    normalizer: Any
    use: str | None = None

    def __attrs_post_init__(self) -> None:
        if not callable(self.normalizer):
            raise TypeError(f"step {self.name!r}: normalizer {self.normalizer!r} is not callable")


DEFAULT_ROUNDS = 3
"""How many times at most the chain runs over one document (see :class:`Pipeline`)."""


class Pipeline:
    """A chain of normalizers, called on a text or a :class:`Document`.

    The chain runs until it is stable: a later step's removal can give an earlier
    step something new to do (a promo line removed from between two copies of a
    paragraph makes them neighbours), so after a step changed the text, the steps
    before it run again on the result, until every step has seen the final text
    (at most ``rounds`` times through the chain; 1 runs it exactly once). Since each
    normalizer is idempotent, the result of a pipeline is then idempotent too, and
    a clean document costs one pass.

    Build one from a config (:meth:`from_toml`, :meth:`from_dict`, :meth:`default`)
    or from Python objects::

        Pipeline([DedupBlocks(), ("strict-promo", PromoLines(PromoOptions(...)))])

    A pipeline holds no per-document state: one instance can serve any number of
    documents, and :meth:`map` streams over an iterable, keeping order.
    """

    def __init__(self, steps: Sequence[Step | Normalizer | tuple[str, Any]], *,
                 registry: Registry | None = None, rounds: int = DEFAULT_ROUNDS) -> None:
        if not isinstance(rounds, int) or rounds < 1:
            raise ValueError(f"rounds must be a whole number of at least 1, not {rounds!r}")
        self.rounds = rounds
        built = []
        for item in steps:
            if isinstance(item, Step):
                built.append(item)
            elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
                built.append(Step(item[0], item[1], getattr(item[1], "name", None)))
            else:
                name = getattr(item, "name", None)
                if not isinstance(name, str):
                    raise TypeError(f"{item!r} has no 'name'; pass (name, normalizer) or a Step")
                built.append(Step(name, item, name))
        seen: set[str] = set()
        for step in built:
            if step.name in seen:
                raise ConfigError(f"two steps are named {step.name!r}; give one another name")
            seen.add(step.name)
        self.steps: tuple[Step, ...] = tuple(built)
        self.registry = registry

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_config(cls, config: PipelineConfig, registry: Registry) -> Pipeline:
        """Instantiate every step of a validated config."""
        steps = []
        for spec in config.steps:
            info = registry.get(spec.use)
            try:
                normalizer = info.cls(spec.options)
            except (ValueError, TypeError) as exc:
                # Options that only the normalizer can check (a pattern that does not compile).
                raise ConfigError(f"{config.label(spec)}: {exc}") from exc
            steps.append(Step(spec.name, normalizer, spec.use))
        return cls(steps, registry=registry, rounds=config.rounds)

    @classmethod
    def from_toml(cls, path: str | Path, *, registry: Registry | None = None) -> Pipeline:
        """A pipeline from the TOML config file at ``path``."""
        registry = registry or Registry()
        return cls.from_config(PipelineConfig.from_toml(path, registry), registry)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, registry: Registry | None = None,
                  source: str = "<dict>") -> Pipeline:
        """A pipeline from a dict shaped like the TOML config."""
        registry = registry or Registry()
        return cls.from_config(PipelineConfig.from_dict(data, registry, source=source), registry)

    @classmethod
    def default(cls, *, registry: Registry | None = None) -> Pipeline:
        """The pipeline of the embedded default config."""
        registry = registry or Registry()
        return cls.from_config(PipelineConfig.default(registry), registry)

    @classmethod
    def load(cls, config: ConfigLike = None, *, registry: Registry | None = None) -> Pipeline:
        """A pipeline from whatever describes one: None (the default), a TOML path, a dict,
        or a :class:`PipelineConfig`."""
        if config is None:
            return cls.default(registry=registry)
        if isinstance(config, (str, Path)):
            return cls.from_toml(config, registry=registry)
        if isinstance(config, PipelineConfig):
            registry = registry or Registry()
            return cls.from_config(config, registry)
        if isinstance(config, Mapping):
            return cls.from_dict(config, registry=registry)
        raise TypeError(f"cannot make a pipeline from {type(config).__name__}")

    # -- running ------------------------------------------------------------------------
    def __call__(self, doc: Document | str, *, id: str | None = None) -> Document:
        """Run every step on ``doc`` (a text is wrapped in a new Document first)."""
        if isinstance(doc, str):
            doc = Document.from_text(doc, id=id)
        elif not isinstance(doc, Document):
            raise TypeError(f"a pipeline takes a str or a Document, not {type(doc).__name__}")
        try:
            for step in self._schedule(doc):
                doc = step.run(doc)
        finally:
            forget_lines()
        if self.registry is not None:
            self.registry.hook.textnorm_document_done(document=doc, pipeline=self)
        return doc

    def _schedule(self, doc: Document) -> Iterator[_Runner]:
        """The steps to run, in order, each wrapped to see the document it produced.

        Cycles through the chain until the next step to run is the last one that
        changed the text (every step has then seen the final text), or ``rounds``
        passes are done.
        """
        n = len(self.steps)
        last_change: int | None = None
        for ran in range(n * self.rounds):
            i = ran % n
            if ran >= n and (last_change is None or i == last_change):
                return
            runner = _Runner(self.steps[i])
            yield runner
            if runner.changed:
                last_change = i

    def try_run(self, doc: Document) -> tuple[Document, StepFailure | None]:
        """Like calling the pipeline, but a step that raises leaves ``doc`` unchanged.

        Returns the finished document and None, or ``doc`` as given and the failure
        (batch mode: the run goes on, the error is recorded).
        """
        current = doc
        try:
            for runner in self._schedule(doc):
                try:
                    current = runner.run(current)
                except Exception as exc:  # noqa: BLE001 - a plugin's fault must not end a batch
                    return doc, StepFailure(runner.step.name, f"{type(exc).__name__}: {exc}")
        finally:
            forget_lines()
        if self.registry is not None:
            self.registry.hook.textnorm_document_done(document=current, pipeline=self)
        return current, None

    @staticmethod
    def run_step(step: Step, doc: Document) -> Document:
        """Run one step on ``doc`` and apply what it proposes."""
        try:
            proposal = step.normalizer(doc)
        except Exception as exc:
            exc.add_note(f"in textnorm step {step.name!r} ({type(step.normalizer).__name__}) "
                         f"on document {doc.id!r}")
            raise
        return apply_proposal(doc, proposal, step.name)

    def map(self, docs: Iterable[Document | str]) -> Iterator[Document]:
        """Run the pipeline over ``docs`` lazily, one at a time, in order."""
        for doc in docs:
            yield self(doc)

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in order."""
        return tuple(s.name for s in self.steps)

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(self.names)}; rounds={self.rounds})"


class _Runner:
    """Runs one step once and remembers whether it changed the text."""

    __slots__ = ("changed", "step")

    def __init__(self, step: Step) -> None:
        self.step = step
        self.changed = False

    def run(self, doc: Document) -> Document:
        step_boundary()
        out = Pipeline.run_step(self.step, doc)
        self.changed = len(out.edits) != len(doc.edits)  # edits are logged only when the text changes
        return out


@functools.lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def normalize(text: str, config: ConfigLike | Pipeline = None, *, id: str | None = None) -> Document:
    """Clean ``text`` and return the resulting :class:`Document`.

    ``config`` is None for the embedded default chain, a TOML path, a dict shaped
    like the TOML, a :class:`PipelineConfig` or a ready :class:`Pipeline`. The
    default pipeline is built once and reused; build a :class:`Pipeline` yourself
    to reuse any other.
    """
    if isinstance(config, Pipeline):
        pipeline = config
    elif config is None:
        pipeline = _default_pipeline()
    else:
        pipeline = Pipeline.load(config)
    return pipeline(text, id=id)
