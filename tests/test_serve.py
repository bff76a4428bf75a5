"""`claimcheck serve` end to end: a real server in a subprocess on a free 127.0.0.1 port, real parser."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "examples" / "000_38fea552f3d89d61.txt"
if not REFERENCE.exists():
    REFERENCE = Path("/work/shared/examples/000_38fea552f3d89d61.txt")
START_TIMEOUT = 180


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cli_reference(tmp_path_factory):
    """`claimcheck check --format json` on the reference article, started at once so it overlaps serve's warm-up."""
    out = tmp_path_factory.mktemp("cli") / "ref.json"
    with out.open("wb") as f:
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcheck.cli", "check", str(REFERENCE), "--format", "json", "--exit-zero"],
            stdout=f, stderr=subprocess.PIPE, cwd=REPO, env={**os.environ, "OMP_NUM_THREADS": "1"},  # as serve
        )

    def result() -> dict:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        return json.loads(out.read_text(encoding="utf-8"))

    yield result
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory, cli_reference):
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcheck.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--max-inflight", "1", "--warm", "de", "--log-level", "warning"],
            stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"serve did not start in {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        with httpx.Client(base_url=base, timeout=300) as client:
            yield client, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _alive(client, proc) -> None:
    assert proc.poll() is None, "server died"
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok", r.json()


def _strip_paths(report: dict) -> dict:
    report = json.loads(json.dumps(report))
    for doc in report.get("documents", []):
        doc.pop("path", None)
    for err in report.get("errors", []):
        err.pop("path", None)
    return report


def test_health_and_warm(server):
    client, proc = server
    body = client.get("/healthz").json()
    assert body["warm"] == ["de"] and body["inflight"] == 0
    _alive(client, proc)


def test_reference_article_same_as_cli_and_503_while_busy(server, cli_reference):
    """The reference article gives the CLI's report; while it parses (--max-inflight 1) another check
    gets 503 + Retry-After, and /healthz still answers (parsing is off the event loop)."""
    client, proc = server
    text = REFERENCE.read_text(encoding="utf-8")
    first: dict = {}

    def post() -> None:
        first["r"] = client.post("/v1/check", json={"text": text, "lang": "auto"})

    t = threading.Thread(target=post)
    t.start()
    busy = None
    try:
        while t.is_alive():
            health = client.get("/healthz", timeout=5).json()
            if health["inflight"] >= 1:
                busy = client.post("/v1/check", json={"text": "Er sagte, es sei gut.", "lang": "de"})
                break
            time.sleep(0.005)
    finally:
        t.join(300)
    r = first["r"]
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    got = r.json()
    assert got["documents"][0]["path"] == "-"
    assert _strip_paths(got) == _strip_paths(cli_reference())
    assert got["documents"][0]["claims"], "the reference article has claims"

    assert busy is not None, "the check finished before /healthz showed it in flight"
    assert busy.status_code == 503, busy.text
    assert int(busy.headers["retry-after"]) >= 1
    assert busy.json()["error"] == "busy"
    _alive(client, proc)


def test_documents_batch(server):
    client, _ = server
    docs = [
        {"text": 'Der Minister sagte, die Lage sei "ernst".', "lang": "de", "id": "a"},
        {"text": "Die Polizei zufolge wurde niemand verletzt.", "lang": "de", "path": "b.txt"},
    ]
    r = client.post("/v1/check", json={"documents": docs})
    assert r.status_code == 200, r.text
    assert [d["path"] for d in r.json()["documents"]] == ["a", "b.txt"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"text": "Er sagte', "invalid_json"),
        (b"not json at all", "invalid_json"),
        (b'{"lang": "de"}', "invalid_request"),
        (b'{"text": ""}', "invalid_request"),
        (b'{"text": "x", "lang": "fr"}', "invalid_request"),
        (b'{"text": "x", "documents": [{"text": "y"}]}', "invalid_request"),
        (b'["text"]', "invalid_request"),
    ],
)
def test_bad_requests_are_422_json(server, body, code):
    client, proc = server
    r = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()
    assert err["error"] == code and err["message"]
    _alive(client, proc)


def test_20mb_body_is_413_json(server):
    client, proc = server
    big = b'{"text": "' + b"a" * (20 * 1024 * 1024) + b'"}'
    r = client.post("/v1/check", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(8):
            yield b"b" * (1024 * 1024)

    r = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"
    _alive(client, proc)


def test_schema_rules_openapi(server):
    client, _ = server
    schema = client.get("/v1/schema").json()
    assert schema["title"] == "Report" and "documents" in schema["properties"]
    rules = client.get("/v1/rules").json()
    assert any(r["code"] == "CC101" for r in rules)
    openapi = client.get("/openapi.json").json()
    assert {"Report", "CheckRequest", "ErrorBody"} <= set(openapi["components"]["schemas"])
    assert set(openapi["paths"]["/v1/check"]["post"]["responses"]) >= {"200", "413", "422", "503"}
    r = client.get("/nope")
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_cli_service_import_is_light():
    code = (
        "import sys, claimcheck.cli_service, claimcheck.cli\n"
        "names = ('stanza', 'torch', 'fastapi', 'uvicorn', 'dask', 'distributed', 'ray')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
