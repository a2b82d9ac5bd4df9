"""The closing check: a record that goes missing anywhere is an error, never silence."""

from __future__ import annotations

import pytest
from scale_util import docs, write_jsonl

import textnorm
from textnorm.batch import BatchStats, RenderOptions
from textnorm.errors import TextnormError
from textnorm.inputs import find_sources
from textnorm.outputs import Writer
from textnorm.runner import Run
from textnorm.worker import CleanSpec


def _run(tmp_path, n=10):
    src = write_jsonl(tmp_path / "in.jsonl", docs(n))
    spec = CleanSpec(config_text="step = []\n", render=RenderOptions())
    writer = Writer(str(tmp_path / "out.jsonl"), directory=False, fmt="text")
    return Run(find_sources([str(src)]), spec, writer, jobs=1), writer


def test_a_clean_run_adds_up(tmp_path):
    run, writer = _run(tmp_path)
    stats = run.run()
    writer.close()
    assert (stats.records_in, stats.records_out, stats.files) == (10, 10, 1)
    assert run.records_read == run.records_written == 10


def test_a_record_read_but_never_accounted_for_is_an_error(tmp_path):
    run, writer = _run(tmp_path)
    stats = run.run()
    writer.close()
    run.records_read += 1  # as if a result had been lost between reader and writer
    with pytest.raises(TextnormError, match="record accounting mismatch: 11 records read, 10 accounted for"):
        run.check(stats)


def test_a_record_counted_out_but_not_written_is_an_error(tmp_path):
    run, writer = _run(tmp_path)
    stats = run.run()
    writer.close()
    run.records_written -= 1
    with pytest.raises(TextnormError, match="10 records out, 9 written"):
        run.check(stats)


def test_stats_check_in_equals_out_plus_failed():
    with pytest.raises(TextnormError, match="3 read, 1 written, 1 failed"):
        BatchStats(records_in=3, records_out=1, records_failed=1).check()


def test_in_process_pipeline_object_is_used_as_given(tmp_path):
    class Hash(textnorm.Normalizer):
        name = "hash"

        def __call__(self, doc):
            return textnorm.Proposal(changes=[textnorm.Change(0, 1, "first letter", "#")])

    src = write_jsonl(tmp_path / "in.jsonl", docs(3))
    writer = Writer(str(tmp_path / "out.jsonl"), directory=False, fmt="text")
    run = Run(find_sources([str(src)]), CleanSpec(config_text="step = []\n"), writer, jobs=1,
              pipeline=textnorm.Pipeline([Hash()]))
    stats = run.run()
    writer.close()
    assert stats.documents_changed == 3
    assert (tmp_path / "out.jsonl").read_text().startswith("{\"id\": \"d0\", \"text\": \"#ocument 0")
