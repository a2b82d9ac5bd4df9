"""Local parallelism: worker processes (spawned), order kept, bounded, nothing lost."""

from __future__ import annotations

import json
import time

import pytest
from scale_util import config, docs, read_jsonl, run, write_jsonl

from textnorm.parallel import chunked, ordered_map


def square_all(xs: list[int]) -> list[int]:
    return [x * x for x in xs]


def slow_first(xs: list[int]) -> list[int]:
    if xs and xs[0] == 0:
        time.sleep(0.3)  # the first chunk finishes last: order must still hold
    return xs


def test_ordered_map_keeps_order_across_processes():
    chunks = [list(range(i, i + 5)) for i in range(0, 50, 5)]
    assert list(ordered_map(slow_first, chunks, jobs=2)) == chunks
    assert [y for c in ordered_map(square_all, chunks, jobs=2) for y in c] == [x * x for x in range(50)]


def test_ordered_map_reads_ahead_only_a_window():
    consumed = []

    def gen():
        for i in range(100):
            consumed.append(i)
            yield [i]

    it = ordered_map(square_all, gen(), jobs=2, window=4)
    assert next(it) == [0]
    assert len(consumed) <= 6  # the window, plus the one that waits to be submitted
    assert sum(len(c) for c in it) == 99


def test_one_chunk_stays_in_process():
    calls = []
    assert list(ordered_map(square_all, [[3]], jobs=4, local=lambda c: calls.append(c) or c)) == [[3]]
    assert calls == [[3]]


def test_chunked_by_count_and_bytes():
    assert list(chunked(range(5), size=2, max_bytes=100, weight=lambda x: 1)) == [[0, 1], [2, 3], [4]]
    assert list(chunked(["aaaa", "b", "cc"], size=10, max_bytes=4, weight=len)) == [["aaaa"], ["b", "cc"]]


def test_jobs_2_gives_the_output_of_jobs_1_in_spawned_workers_with_plugins(tmp_path, site):
    rows = docs(400)
    rows[150]["text"] = "this one will explode\n"
    rows[300] = '{"id": "broken", "text": "cut'
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    cfg = config(tmp_path, "mark")
    outs = {}
    for jobs in ("1", "2"):
        out = run("clean", str(src), "-o", str(tmp_path / f"o{jobs}.jsonl"), "-c", cfg, "--jobs", jobs,
                  "--errors-file", str(tmp_path / f"e{jobs}.jsonl"), "--stats", str(tmp_path / f"s{jobs}.json"),
                  site=site)
        assert out.returncode == 1, out.stderr
        errors = [x for x in out.stderr.splitlines() if x.startswith("textnorm: error:")]
        assert len(errors) == 2 and "line 301: not valid JSON" in errors[1] and "(id d150)" in errors[0]
        outs[jobs] = (tmp_path / f"o{jobs}.jsonl").read_bytes()
        stats = json.loads((tmp_path / f"s{jobs}.json").read_text())
        assert (stats["records_in"], stats["records_out"], stats["records_failed"], stats["step_failures"]) == \
            (400, 399, 1, 1)
    assert outs["1"] == outs["2"]
    got = read_jsonl(tmp_path / "o2.jsonl")
    assert [r["id"] for r in got] == [r["id"] for r in docs(400) if r["id"] != "d300"]
    assert got[0]["text"] == "> Document 0 says something.\n"
    assert got[150]["text"] == "this one will explode\n"  # the failing step left it unchanged
    assert (tmp_path / "e1.jsonl").read_text() == (tmp_path / "e2.jsonl").read_text()


def test_many_small_text_files_in_parallel(tmp_path, site):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(150):
        (root / f"t{i:03d}.txt").write_text(f"Texte numéro {i}.\n")
    out = run("clean", str(root), "-o", str(tmp_path / "out"), "-c", config(tmp_path, "mark"), "--jobs", "2",
              site=site)
    assert out.returncode == 0, out.stderr
    assert "150 records in, 150 out, 0 failed, 150 changed" in out.stderr
    assert (tmp_path / "out" / "t149.txt").read_text() == "> Texte numéro 149.\n"
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files, no manifest left


def test_fail_fast_in_a_worker_stops_the_run_and_leaves_no_output(tmp_path, site):
    rows = docs(300)
    rows[200]["text"] = "explode"
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = run("clean", str(src), "-o", str(tmp_path / "o.jsonl"), "-c", config(tmp_path, "mark"), "--jobs", "2",
              "--fail-fast", site=site)
    assert out.returncode != 0
    assert "ValueError: cannot handle this one" in out.stderr
    assert not (tmp_path / "o.jsonl").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".o.jsonl")]


@pytest.mark.parametrize("jobs", ["0", "x"])
def test_jobs_must_be_a_positive_number(tmp_path, jobs):
    out = run("clean", "--jobs", jobs, stdin="")
    assert out.returncode == 2 and "--jobs" in out.stderr
