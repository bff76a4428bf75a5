"""`claimcheck batch`: input forms, resume bookkeeping, and a real run killed halfway and resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.batch import BatchError, BatchOptions, count_records, iter_records, read_done

REPO = Path(__file__).resolve().parents[1]

SENTENCES = [
    'Der Bürgermeister sagte am Montag, die Brücke werde im Frühjahr "komplett saniert".',
    "Laut Polizei wurde bei dem Unfall niemand verletzt.",
    "Die Preise steigen weiter, teilte das Statistische Bundesamt mit.",
    "Die Regierung plant nach Informationen der dpa neue Steuern.",
    "Die Mieten in Berlin sind im vergangenen Jahr stark gestiegen.",
    '"Wir werden das Projekt fortsetzen", erklärte die Ministerin.',
]


def _docs(n: int) -> list[dict]:
    return [{"id": f"doc-{i:02d}", "text": f"{SENTENCES[i % 6]} {SENTENCES[(i + 1) % 6]}"} for i in range(n)]


def _write_jsonl(path: Path, docs: list[dict]) -> None:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


# ---- no parser needed -------------------------------------------------------------------


def test_input_forms(tmp_path):
    _write_jsonl(tmp_path / "a.jsonl", _docs(3) + [{"id": "doc-00", "text": "dup"}])
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "ok"}\n{broken\n\n{"id": "y"}\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("Er sagte, es sei gut.", encoding="utf-8")
    (sub / "c.json").write_text(json.dumps({"originalText": "Sie sagte, es sei schlecht."}), encoding="utf-8")
    (sub / "ignored.bin").write_bytes(b"\x00\x01")
    opts = BatchOptions(text_field="text")

    recs = list(iter_records(str(tmp_path / "a.jsonl"), opts))
    assert [r.id for r in recs] == ["doc-00", "doc-01", "doc-02", "doc-00"]
    bad = list(iter_records(str(tmp_path / "bad.jsonl"), opts))
    assert [(r.id, bool(r.error)) for r in bad] == [("x", False), (f"{tmp_path}/bad.jsonl:2", True), ("y", True)]

    by_dir = {r.id: r for r in iter_records(str(sub), BatchOptions(text_field="originalText"))}
    assert set(by_dir) == {"b.txt", "c.json"}
    assert by_dir["c.json"].text == "Sie sagte, es sei schlecht."
    assert by_dir["b.txt"].source.text == "Er sagte, es sei gut."  # plain files are read like `claimcheck check`
    assert by_dir["b.txt"].path == str(sub / "b.txt")

    globbed = [r.id for r in iter_records(str(tmp_path / "*.jsonl"), opts)]
    assert len(globbed) == 7
    assert count_records(str(tmp_path / "*.jsonl")) == 7
    with pytest.raises(BatchError):
        list(iter_records(str(tmp_path / "nothing-*.jsonl"), opts))


def test_read_done_cuts_truncated_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "report": {}}\n{"id": "b", "error": "x"}\n{"id": "c", "rep', encoding="utf-8")
    assert read_done(out) == {"a", "b"}
    assert out.read_text(encoding="utf-8").endswith('"x"}\n')
    assert read_done(tmp_path / "missing.jsonl") == set()


def test_out_exists_needs_resume_or_overwrite(tmp_path):
    _write_jsonl(tmp_path / "in.jsonl", _docs(1))
    (tmp_path / "out.jsonl").write_text('{"id": "doc-00"}\n', encoding="utf-8")
    cmd = [sys.executable, "-m", "claimcheck.cli", "batch", str(tmp_path / "in.jsonl"),
           "-o", str(tmp_path / "out.jsonl")]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "--resume" in r.stderr
    r = subprocess.run([*cmd, "--resume", "--no-progress"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "1 already in" in r.stderr


# ---- real parser, 2 worker processes ------------------------------------------------------


def test_two_workers_killed_halfway_then_resumed(tmp_path):
    n = 12
    docs = _docs(n)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, docs)
    cmd = [sys.executable, "-m", "claimcheck.cli", "batch", str(src), "--out", str(out),
           "--workers", "2", "--chunk-size", "1", "--lang", "de"]
    with (tmp_path / "first.log").open("wb") as log:
        proc = subprocess.Popen(cmd + ["--no-progress"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 150
    try:
        while True:
            written = out.read_bytes().count(b"\n") if out.exists() else 0
            if written >= 3 or proc.poll() is not None:
                break
            assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: batch and its worker processes
        proc.wait(30)
    first = _lines(out)
    assert 0 < len(first) < n, f"expected a partial run, got {len(first)} lines"
    with out.open("a", encoding="utf-8") as f:  # a crash mid-write leaves a torn line
        f.write('{"id": "doc-1')

    r = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=150)
    assert r.returncode == 0, r.stderr
    assert "docs/s" in r.stderr and "ETA" in r.stderr  # progress bar and summary on stderr
    lines = _lines(out)
    ids = [x["id"] for x in lines]
    assert len(lines) == n
    assert len(set(ids)) == n
    assert set(ids) == {d["id"] for d in docs}
    for line in lines:
        assert "error" not in line, line
        report = line["report"]
        assert report["schema_version"] and len(report["documents"]) == 1
        assert report["documents"][0]["language"] == "de"
    assert any(line["report"]["documents"][0]["claims"] for line in lines)
