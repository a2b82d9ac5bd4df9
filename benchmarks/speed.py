"""Throughput of each standard normalizer and of the default chain, against baselines
measured in the same run.

The corpus is generated (:mod:`benchmarks.corpus_gen`): news-size documents of 2-20 KB in
five made-up languages (one CJK), with the four noise types. Every figure is CPU time of
one process (MB/s per core: UTF-8 megabytes over CPU seconds), the best of ``repeat``
passes over the whole corpus. The ratios divide by two baselines timed in the same run:

- ``naive``: split lines, drop exact repeats with a set, a handful of regexes
  (:func:`benchmarks._common.naive_clean`) - what people write by hand today;
- ``findall``: one ``re.findall(r"\\w+")`` pass - the floor of any word-level pass.

Two more references are the bare passes two steps cannot do without: ``pair-index`` (one
dict of every word pair to its first place, :func:`benchmarks._common.pair_index`: what
dedup-blocks' "hashing, shingles, an index" costs before any comparison) and
``word-counts`` (one count of every word, :func:`benchmarks._common.word_counts`: what
injected-tokens reads before any position is looked at). The report adds up their time:
no chain that holds both steps, written at the Python level, runs faster than that sum.

The chain's target is 10 MB/s per core, i.e. 0.2x the findall pass.
"""

from __future__ import annotations

import time
from typing import Any

import textnorm
from textnorm.apply import apply_proposal
from textnorm.pipeline import Pipeline

from . import corpus_gen
from ._common import (
    cpu_time,
    findall_pass,
    log,
    md_table,
    naive_clean,
    pair_index,
    word_counts,
)

TARGET_MBS = 10.0
TARGET_FINDALL_RATIO = 0.2
_FLOORS = {"pair-index": pair_index, "word-counts": word_counts}
_REFERENCES = ("chain", "naive", "findall", *_FLOORS)


def run(n_docs: int = 300, repeat: int = 2) -> dict[str, Any]:
    """Time everything; return the figures (see :func:`report`)."""
    t0 = time.perf_counter()
    corpus = corpus_gen.news_corpus(n_docs)
    texts = [t for t, _ in corpus]
    n_bytes = sum(corpus_gen.iter_sizes(corpus))
    log(f"speed: {len(texts)} generated documents, {n_bytes / 1e6:.2f} MB ({time.perf_counter() - t0:.1f}s)")
    pipeline = Pipeline.default()
    docs = [textnorm.Document.from_text(t) for t in texts]

    rows: dict[str, float] = {}

    def findall_all() -> None:
        for t in texts:
            findall_pass(t)

    def naive_all() -> None:
        for t in texts:
            naive_clean(t)

    rows["findall"] = cpu_time(findall_all, repeat=max(3, repeat), min_total=1.0)
    rows["naive"] = cpu_time(naive_all, repeat=max(3, repeat), min_total=1.0)
    for name, bare in _FLOORS.items():
        def floor(bare: Any = bare) -> None:
            for t in texts:
                bare(t)
        rows[name] = cpu_time(floor, repeat=max(3, repeat), min_total=1.0)
    log(f"speed: baselines findall {n_bytes / rows['findall'] / 1e6:.1f} MB/s, "
        f"naive {n_bytes / rows['naive'] / 1e6:.1f} MB/s")

    for step in pipeline.steps:
        def alone(step: Any = step) -> None:
            for d in docs:
                apply_proposal(d, step.normalizer(d), step.name)
        rows[step.name] = cpu_time(alone, repeat=repeat)
        log(f"speed: {step.name} {n_bytes / rows[step.name] / 1e6:.2f} MB/s")

    # The chain, and how its time splits between the steps (each step sees the text the
    # steps before it left).
    in_chain = {s.name: float("inf") for s in pipeline.steps}

    def chain() -> None:
        for t in texts:
            pipeline(t)

    # The pipeline may run steps again until the text stops changing (its schedule);
    # follow the same schedule, so the shares add up to the chain's time.
    schedule = getattr(pipeline, "_schedule", None)

    def chain_by_step() -> None:
        spent = dict.fromkeys(in_chain, 0.0)
        for t in texts:
            doc = textnorm.Document.from_text(t)
            if schedule is None:
                runs = [(s.name, lambda d, s=s: Pipeline.run_step(s, d)) for s in pipeline.steps]
            else:
                runs = ((r.step.name, r.run) for r in schedule(doc))
            for name, run_one in runs:
                c0 = time.process_time()
                doc = run_one(doc)
                spent[name] += time.process_time() - c0
        for k, v in spent.items():
            in_chain[k] = min(in_chain[k], v)

    rows["chain"] = cpu_time(chain, repeat=repeat)
    cpu_time(chain_by_step, repeat=1)
    log(f"speed: chain {n_bytes / rows['chain'] / 1e6:.2f} MB/s")
    return {"docs": len(texts), "bytes": n_bytes, "repeat": repeat, "cpu_s": rows, "chain_steps_cpu_s": in_chain}


def report(res: dict[str, Any]) -> str:
    """Markdown: the throughput table and whether the chain meets its targets."""
    n_bytes, n_docs, cpu = res["bytes"], res["docs"], res["cpu_s"]

    def mbs(k: str) -> float:
        return n_bytes / cpu[k] / 1e6

    order = [k for k in cpu if k not in _REFERENCES] + [k for k in _REFERENCES if k in cpu]
    rows = []
    for k in order:
        label = {"chain": "**default chain**", "naive": "naive baseline", "findall": 're.findall(r"\\w+")',
                 "pair-index": "bare word-pair index", "word-counts": "bare word counts"}.get(k, k)
        share = ""
        if k in res["chain_steps_cpu_s"]:
            share = f"{100 * res['chain_steps_cpu_s'][k] / sum(res['chain_steps_cpu_s'].values()):.0f}%"
        rows.append([label, mbs(k), n_docs / cpu[k], mbs(k) / mbs("naive"), mbs(k) / mbs("findall"), share])
    out = [f"Generated corpus: {n_docs} documents, {n_bytes / 1e6:.2f} MB (2-20 KB each, 5 made-up "
           f"languages incl. one CJK, the four noise types); CPU time of one process, best of {res['repeat']}.",
           "",
           md_table(["normalizer", "MB/s per core", "docs/s", "speed / naive", "speed / findall",
                     "share of chain time"], rows),
           ""]
    chain_mbs = mbs("chain")
    ratio = chain_mbs / mbs("findall")
    ok1 = "holds" if chain_mbs >= TARGET_MBS else "MISSED"
    ok2 = "holds" if ratio >= TARGET_FINDALL_RATIO else "MISSED"
    out.append(f"Target, default chain >= {TARGET_MBS:.0f} MB/s per core: {chain_mbs:.2f} MB/s - **{ok1}**; "
               f">= {TARGET_FINDALL_RATIO}x the findall pass: {ratio:.3f}x - **{ok2}** "
               f"(the chain takes {cpu['chain'] / cpu['naive']:.0f}x the naive baseline's time).")
    if all(k in cpu for k in _FLOORS):
        floor = n_bytes / sum(cpu[k] for k in _FLOORS) / 1e6
        left = 1 / TARGET_MBS - 1 / floor  # seconds per MB the target leaves for everything else
        out += ["", f"The bare passes of two steps alone, a word-pair index (dedup-blocks) and a count of the words "
                    f"(injected-tokens), add up to {floor:.1f} MB/s, before any comparison, position, line or edit. "
                    + (f"At {TARGET_MBS:.0f} MB/s that leaves {1000 * left:.0f} ms per MB, "
                       f"{left * mbs('findall'):.1f}x one findall pass, for all the rest of the four steps."
                       if left > 0 else f"They alone are slower than the target of {TARGET_MBS:.0f} MB/s.")]
    return "\n".join(out)
