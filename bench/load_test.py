"""Bounded load test for `claimcheck serve`, loopback only.

Starts `claimcheck serve` on a free 127.0.0.1 port (or targets --url, which must be a loopback
address), sends a fixed number of POST /v1/check requests from C client threads, stops at
the request count or the time cap, whichever comes first, and prints requests/s, p50/p95
latency, status counts and the peak RSS of the serve process tree (sampled from /proc).

    python bench/load_test.py --requests 40 --concurrency 4 --time-cap 180
    python bench/load_test.py --serve-workers 2 --max-inflight 8 --json
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO.parent / "shared" / "examples" / "000_38fea552f3d89d61.txt"
if not DEFAULT_TEXT.exists():
    DEFAULT_TEXT = Path("/work/shared/examples/000_38fea552f3d89d61.txt")


def loopback_only(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    sys.exit(f"load_test: refusing {url}: only loopback targets (127.0.0.0/8, ::1, localhost)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_pids(root: int) -> list[int]:
    """root and its descendants (uvicorn workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler(threading.Thread):
    """Peak of the summed RSS of the process tree, sampled every 0.1 s."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(0.1)

    def sample(self) -> None:
        self.peak_kb = max(self.peak_kb, sum(rss_kb(p) for p in tree_pids(self.root)))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="Existing server (loopback only); default: start one.")
    ap.add_argument("--pid", type=int, help="With --url: pid of the serve process, for RSS.")
    ap.add_argument("--requests", type=int, default=40, help="Total requests (fixed).")
    ap.add_argument("--concurrency", type=int, default=4, help="Client threads.")
    ap.add_argument("--time-cap", type=float, default=180.0, help="Stop sending after this many seconds.")
    ap.add_argument("--text", type=Path, default=DEFAULT_TEXT, help="Article to post.")
    ap.add_argument("--lang", default="de")
    ap.add_argument("--serve-workers", type=int, default=1)
    ap.add_argument("--max-inflight", type=int, default=8)
    ap.add_argument("--serve-threads", type=int, help="torch threads per serve worker (serve --threads).")
    ap.add_argument("--warmup", type=int, default=1, help="Requests before timing starts.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON too.")
    args = ap.parse_args()
    if args.requests < 1 or args.requests > 10_000 or args.time_cap > 600:
        sys.exit("load_test: --requests must be 1..10000 and --time-cap at most 600 s")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit("load_test: terminated"))  # so `finally` stops serve
    proc = None
    pid = args.pid
    started_at = time.monotonic()
    if args.url:
        base = args.url.rstrip("/")
        loopback_only(base)
    else:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcheck.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.serve_workers), "--max-inflight", str(args.max_inflight), "--log-level", "warning",
             *(["--threads", str(args.serve_threads)] if args.serve_threads else [])],
            cwd=REPO,
        )
        pid = proc.pid
    sampler = RssSampler(pid) if pid else None
    if sampler:
        sampler.start()
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc is not None and proc.poll() is not None:
                sys.exit(f"load_test: serve exited with {proc.returncode}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit("load_test: server not up after 300 s")
            time.sleep(0.25)
        startup = time.monotonic() - started_at
        rss_idle = sampler.peak_kb if sampler else 0
        body = {"text": args.text.read_text(encoding="utf-8"), "lang": args.lang}
        with httpx.Client(base_url=base, timeout=max(60.0, args.time_cap)) as c:
            for _ in range(args.warmup):
                c.post("/v1/check", json=body).raise_for_status()

        latencies: list[float] = []
        statuses: dict[int, int] = {}
        lock = threading.Lock()
        remaining = [args.requests]
        stop_at = time.monotonic() + args.time_cap

        def client_loop() -> None:
            with httpx.Client(base_url=base, timeout=max(60.0, args.time_cap)) as c:
                while time.monotonic() < stop_at:
                    with lock:
                        if remaining[0] <= 0:
                            return
                        remaining[0] -= 1
                    t = time.perf_counter()
                    try:
                        status = c.post("/v1/check", json=body).status_code
                    except httpx.HTTPError:
                        status = -1
                    dt = time.perf_counter() - t
                    with lock:
                        statuses[status] = statuses.get(status, 0) + 1
                        if status == 200:
                            latencies.append(dt)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client_loop) for _ in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        if sampler:
            sampler.sample()
            sampler.stop.set()
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()

    ok = statuses.get(200, 0)
    figures = {
        "requests_sent": sum(statuses.values()),
        "ok": ok,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "concurrency": args.concurrency,
        "serve_workers": args.serve_workers,
        "serve_threads": args.serve_threads,
        "article_chars": len(body["text"]),
        "wall_s": round(wall, 2),
        "requests_per_s": round(ok / wall, 3) if wall else 0.0,
        "p50_ms": round(1000 * percentile(latencies, 0.5), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "max_ms": round(1000 * max(latencies), 1) if latencies else None,
        "startup_s": round(startup, 1),
        "rss_ready_mb": round(rss_idle / 1024, 1),
        "peak_rss_mb": round(sampler.peak_kb / 1024, 1) if sampler else None,
        "cpus": os.cpu_count(),
        "loadavg_1m_at_end": round(os.getloadavg()[0], 2),
    }
    print(f"requests: {figures['requests_sent']} sent, {ok} ok, statuses {figures['statuses']}, "
          f"concurrency {args.concurrency}, serve workers {args.serve_workers}, "
          f"threads {args.serve_threads or 'default'}")
    print(f"throughput: {figures['requests_per_s']} requests/s over {figures['wall_s']} s "
          f"({figures['article_chars']} chars per article)")
    print(f"latency: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms")
    print(f"serve: start-up {figures['startup_s']} s, RSS when ready {figures['rss_ready_mb']} MB, "
          f"peak RSS {figures['peak_rss_mb']} MB (process tree)")
    print(f"machine: {figures['cpus']} cpus, load average {figures['loadavg_1m_at_end']} at the end")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
