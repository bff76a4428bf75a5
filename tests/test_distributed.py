"""The distributed engine (dask.distributed) on a local cluster that this test starts: 2 worker processes."""

from __future__ import annotations

import json

import pytest

from claimcheck.batch import BatchOptions, run_batch

distributed = pytest.importorskip("distributed")

DOCS = [
    {"id": "d1", "text": 'Der Bürgermeister sagte, die Brücke werde "komplett saniert".'},
    {"id": "d2", "text": "Laut Polizei wurde bei dem Unfall niemand verletzt."},
    {"id": "d3", "text": "Die Preise steigen weiter, teilte das Statistische Bundesamt mit."},
    {"id": "d4", "text": "Die Mieten in Berlin sind im vergangenen Jahr stark gestiegen."},
]


def _pipelines_loaded() -> int:
    import sys

    parser = sys.modules.get("claimcheck.nlp.parser")
    return len(parser._PIPELINES) if parser else 0


def test_dask_engine_on_local_cluster(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                 env={"OMP_NUM_THREADS": "1"}) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        result = run_batch(str(src), out, BatchOptions(lang="de"), engine="dask", workers=2,
                           scheduler=cluster.scheduler_address, chunk_size=1, threads=1, progress=False)
        loaded = client.run(_pipelines_loaded)  # worker address -> pipelines in that process
    assert result.checked == 4 and result.errors == 0
    assert len(loaded) == 2 and all(n >= 1 for n in loaded.values()), loaded  # one warm pipeline per worker
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == ["d1", "d2", "d3", "d4"]
    assert all(x["report"]["documents"][0]["language"] == "de" for x in lines)

    # resume against the same OUT: nothing left to do
    again = run_batch(str(src), out, BatchOptions(lang="de"), engine="local", resume=True, progress=False)
    assert again.checked == 0 and again.skipped == 4
