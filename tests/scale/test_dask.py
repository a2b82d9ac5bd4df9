"""The Dask engine, against a local cluster that these tests start themselves."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from scale_util import config, docs, read_jsonl, run, write_jsonl

distributed = pytest.importorskip("distributed")

import attrs  # noqa: E402

from textnorm.batch import BatchStats, RenderOptions  # noqa: E402
from textnorm.inputs import find_sources  # noqa: E402
from textnorm.manifest import Manifest, manifest_path, signature  # noqa: E402
from textnorm.scale import CleanJob  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """A local cluster of two worker threads in this process: quick to start, and a real
    scheduler with a TCP address that a `textnorm` subprocess can connect to."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                  dashboard_address=None,
                                  silence_logs=logging.ERROR) as c:
        yield c


def _corpus(root: Path) -> Path:
    for f in range(4):
        rows = docs(30, prefix=f"p{f}-")
        if f == 1:
            rows.insert(5, "not json at all")
        write_jsonl(root / f"part-{f}.jsonl", rows)
    (root / "notes").mkdir()
    (root / "notes" / "a.txt").write_text("Nota uno.\n")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dask_writes_what_the_local_executor_writes(tmp_path, cluster):
    root = _corpus(tmp_path / "in")
    cfg = config(tmp_path)
    local = run("clean", str(root), "-o", str(tmp_path / "local"), "-c", cfg, "--jobs", "1",
                "--errors-file", str(tmp_path / "local-errors.jsonl"))
    dask = run("clean", str(root), "-o", str(tmp_path / "dask"), "-c", cfg, "--executor", "dask",
               "--scheduler", cluster.scheduler_address, "--errors-file", str(tmp_path / "dask-errors.jsonl"),
               "--stats", str(tmp_path / "s.json"))
    assert local.returncode == dask.returncode == 1, dask.stderr
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert (tmp_path / "dask-errors.jsonl").read_text() == (tmp_path / "local-errors.jsonl").read_text()
    assert "part-1.jsonl: line 6: not valid JSON" in dask.stderr
    stats = json.loads((tmp_path / "s.json").read_text())
    assert (stats["records_in"], stats["records_out"], stats["records_failed"], stats["files"]) == (122, 121, 1, 5)


def test_dask_in_process_api_with_corpus_dedup_and_resume(tmp_path, cluster):
    footer = "Read more stories like this one every morning in our free weekly newsletter today."
    root = tmp_path / "in"
    for f in range(3):
        write_jsonl(root / f"p{f}.jsonl", [{"id": f"{f}-{i}", "text": f"Story {f} {i} of the day.\n\n{footer}\n"}
                                           for i in range(4)])
    job = CleanJob(sources=find_sources([str(root)]), output=str(tmp_path / "out"), directory=True,
                   config_path=config(tmp_path), render=RenderOptions(fmt="json"), executor="dask",
                   scheduler=cluster.scheduler_address, corpus_dedup=True)
    stats = job.run()
    assert (stats.records_in, stats.records_out, stats.documents_changed) == (12, 12, 12)
    row = read_jsonl(tmp_path / "out" / "p2.jsonl")[3]
    assert row["text"] == "Story 2 3 of the day.\n"
    assert row["textnorm"]["edits"][0]["reason"].startswith("paragraph repeated in 12 documents")
    # A second run with --resume finds every output complete... once a manifest exists: the
    # finished run removed its own, so this one redoes the work and gives the same files.
    before = _files(tmp_path / "out")
    job.resume = True
    again = job.run()
    assert again.records_in == 12 and _files(tmp_path / "out") == before


def test_dask_resume_skips_complete_files(tmp_path, cluster):
    root = _corpus(tmp_path / "in")
    cfg = config(tmp_path)
    full = run("clean", str(root), "-o", str(tmp_path / "full"), "-c", cfg, "--executor", "dask",
               "--scheduler", cluster.scheduler_address)
    assert full.returncode == 1
    # Simulate a run killed after two files: their outputs and manifest lines exist.
    out = tmp_path / "out"
    out.mkdir()
    sources = find_sources([str(root)])
    job = CleanJob(sources=sources, output=str(out), directory=True, config_path=cfg, executor="dask")
    spec = job.spec()
    sig = signature(spec.config_text, spec.only, spec.block, attrs.asdict(job.render), None, True)
    m = Manifest(manifest_path(str(out), True), sig, resume=False)
    for s in sources[:2]:
        (out / s.relpath).parent.mkdir(parents=True, exist_ok=True)
        (out / s.relpath).write_bytes((tmp_path / "full" / s.relpath).read_bytes())
        m.record(s, str(out / s.relpath), BatchStats(records_in=999, records_out=999, files=1), [])
    m.close()
    resumed = run("clean", str(root), "-o", str(out), "-c", cfg, "--executor", "dask",
                  "--scheduler", cluster.scheduler_address, "--resume")
    assert "2 files already complete (--resume)" in resumed.stderr
    assert "2089 records in" in resumed.stderr  # the skipped files count as their manifest says
    assert _files(out) == _files(tmp_path / "full")


def test_dask_without_a_scheduler_starts_its_own_local_cluster(tmp_path):
    root = _corpus(tmp_path / "in")
    out = run("clean", str(root), "-o", str(tmp_path / "o"), "-c", config(tmp_path), "--executor", "dask",
              "--jobs", "2")
    assert out.returncode == 1 and "122 records in, 121 out, 1 failed" in out.stderr


def test_dask_needs_an_output_directory(tmp_path):
    out = run("clean", "--executor", "dask", stdin="x")
    assert out.returncode == 1 and "give an output directory with -o" in out.stderr
