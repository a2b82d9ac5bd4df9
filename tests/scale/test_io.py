"""Corpus inputs and outputs: compressed JSON Lines and text, Parquet, mirrored layout, extras."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from scale_util import config, docs, run, write_jsonl

from textnorm.inputs import Source, find_sources, iter_raw, read_records
from textnorm.outputs import output_name

zstandard = pytest.importorskip("zstandard")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    rows = docs(5)
    write_jsonl(root / "plain.jsonl", rows)
    (root / "sub").mkdir()
    (root / "sub" / "packed.jsonl.gz").write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    (root / "z.ndjson.zst").write_bytes(zstandard.ZstdCompressor().compress(
        "".join(json.dumps(r) + "\n" for r in rows).encode()))
    (root / "note.txt.gz").write_bytes(gzip.compress("Una nota breve.\n".encode()))
    pq.write_table(pa.Table.from_pylist(rows), root / "table.parquet")
    (root / ".hidden.jsonl").write_text('{"text": "never read"}\n')
    return root


def test_sources_know_kind_and_compression(tmp_path):
    root = _tree(tmp_path)
    found = {s.relpath: (s.kind, s.compression) for s in find_sources([str(root)])}
    assert found == {"note.txt.gz": ("txt", "gz"), "plain.jsonl": ("jsonl", ""),
                     "sub/packed.jsonl.gz": ("jsonl", "gz"), "table.parquet": ("parquet", ""),
                     "z.ndjson.zst": ("jsonl", "zst")}


@pytest.mark.parametrize(("relpath", "kind", "comp", "fmt", "expected"), [
    ("a/b.jsonl.gz", "jsonl", "gz", "text", "a/b.jsonl.gz"),
    ("b.ndjson.zst", "jsonl", "zst", "json", "b.jsonl.zst"),
    ("n.txt.gz", "txt", "gz", "markdown", "n.md.gz"),
    ("n.txt", "txt", "", "json", "n.json"),
    ("t.parquet", "parquet", "", "json", "t.parquet"),
])
def test_output_names_mirror_the_input(relpath, kind, comp, fmt, expected):
    assert output_name(Source("x/" + relpath, relpath, kind, comp), fmt) == expected


def test_a_directory_of_every_format_comes_out_mirrored(tmp_path):
    root = _tree(tmp_path)
    out = run("clean", str(root), "-o", str(tmp_path / "out"), "-c", config(tmp_path), "--jobs", "1")
    assert out.returncode == 0, out.stderr
    assert "21 records in, 21 out, 0 failed" in out.stderr
    got = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*"))
    assert got == ["note.txt.gz", "plain.jsonl", "sub", "sub/packed.jsonl.gz", "table.parquet", "z.jsonl.zst"]
    expected = (root / "plain.jsonl").read_text()
    assert (tmp_path / "out" / "plain.jsonl").read_text() == expected
    assert gzip.decompress((tmp_path / "out" / "sub" / "packed.jsonl.gz").read_bytes()).decode() == expected
    zst = zstandard.ZstdDecompressor().stream_reader((tmp_path / "out" / "z.jsonl.zst").read_bytes()).read()
    assert zst.decode() == expected
    assert gzip.decompress((tmp_path / "out" / "note.txt.gz").read_bytes()).decode() == "Una nota breve.\n"
    table = pq.read_table(tmp_path / "out" / "table.parquet")
    assert table.to_pylist() == docs(5)
    assert table.schema.field("n").type == pa.int64()  # pass-through columns keep their type


def test_gzip_output_is_reproducible(tmp_path):
    root = _tree(tmp_path)
    cfg = config(tmp_path)
    for name in ("o1", "o2"):
        assert run("clean", str(root / "sub"), "-o", str(tmp_path / name) + "/", "-c", cfg).returncode == 0
    assert (tmp_path / "o1" / "packed.jsonl.gz").read_bytes() == (tmp_path / "o2" / "packed.jsonl.gz").read_bytes()


def test_custom_text_and_id_fields_and_extras_as_fields(tmp_path, site):
    src = write_jsonl(tmp_path / "in.jsonl", [{"key": "k1", "body": "Hallo Welt.\n", "meta": {"a": [1, 2]}}])
    out = run("clean", str(src), "--text-field", "body", "--id-field", "key", "--extras", "edits,sections",
              "-c", config(tmp_path, "mark"), site=site)
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(x) for x in out.stdout.splitlines()]
    assert row["body"] == "> Hallo Welt.\n" and row["key"] == "k1" and row["meta"] == {"a": [1, 2]}
    assert [e["reason"] for e in row["textnorm_edits"]] == ["mark"]
    assert row["textnorm_sections"][0]["paragraphs"] == ["> Hallo Welt."]


def test_parquet_gains_text_and_extra_columns(tmp_path, site):
    pq.write_table(pa.Table.from_pylist([{"id": 7, "text": "Bonjour.", "score": 0.5}]), tmp_path / "t.parquet")
    out = run("clean", str(tmp_path / "t.parquet"), "-o", str(tmp_path / "o.parquet"), "--extras", "edits",
              "-f", "json", "-c", config(tmp_path, "mark"), site=site)
    assert out.returncode == 0, out.stderr
    (row,) = pq.read_table(tmp_path / "o.parquet").to_pylist()
    assert row["text"] == "> Bonjour." and row["id"] == 7 and row["score"] == 0.5
    assert json.loads(row["textnorm_edits"])[0]["inserted"] == "> "
    assert json.loads(row["textnorm"])["edits"][0]["step"] == "mark"


def test_parquet_row_without_text_is_one_error(tmp_path):
    pq.write_table(pa.Table.from_pylist([{"text": "A."}, {"text": None}, {"text": "C."}]), tmp_path / "t.parquet")
    out = run("clean", str(tmp_path / "t.parquet"), "-o", str(tmp_path / "o.parquet"), "-c", config(tmp_path))
    assert out.returncode == 1
    assert "t.parquet: row 2" in out.stderr and "must be a string, not null" in out.stderr
    assert [r["text"] for r in pq.read_table(tmp_path / "o.parquet").to_pylist()] == ["A.", "C."]


def test_truncated_gzip_keeps_what_was_read_and_reports_the_rest(tmp_path):
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in docs(2000)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(iter_raw(find_sources([str(tmp_path / "cut.jsonl.gz")])[0]))
    assert 0 < len(items) - 1 < 2000
    assert "corrupt or truncated gz data" in items[-1].message


def test_read_records_reads_parquet_lazily(tmp_path):
    pq.write_table(pa.Table.from_pylist(docs(3000)), tmp_path / "big.parquet")
    it = read_records(find_sources([str(tmp_path / "big.parquet")])[0])
    first = next(it)
    assert first.document.id == "d0" and first.fields["n"] == 0
