"""`claimcheck batch`: check an archive, one JSON line per document, resumable.

    INPUT  a JSONL file ({"id", "text", "lang"?, ...} a line), a .json file (one record), a
           plain-text file, a directory (every .txt/.md/.json/.jsonl below it) or a glob.
    OUT    JSONL: {"id", "path", "report": Report} or {"id", "path", "error": message} a line,
           written and flushed as each chunk of documents comes back, so a crash loses only
           the chunks in flight. `--resume` reads the ids already in OUT (cutting a truncated
           last line left by a crash) and skips them.

Engines run the same function, `check_chunk`, on chunks of records:
- `local`: `--workers 1` runs in this process; N > 1 starts N worker processes ('spawn'),
  each with one warm pipeline (the parser keeps its stanza pipelines per process).
- `dask`: a dask.distributed cluster: `--scheduler tcp://host:8786` for an existing one,
  otherwise a LocalCluster with `--workers` processes. See docs/service.md.

Nothing here imports stanza/torch at module level: the workers do, when they parse.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import glob as globmod
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from claimcheck.errors import ClaimcheckError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DIR_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | {".json"}


class BatchError(ClaimcheckError):
    """A usage error of `claimcheck batch` (bad input, OUT exists...)."""


@dataclass
class BatchOptions:
    lang: str = "auto"
    models: str | None = None
    rule_dirs: list[str] = field(default_factory=list)
    text_field: str = "text"
    id_field: str = "id"


@dataclass
class Record:
    id: str
    path: str
    text: str | None = None
    lang: str | None = None
    error: str | None = None  # the record itself is broken (bad JSON line, no text field)
    source: Any = None  # a claimcheck.read.Source for plain files (read as `claimcheck check` reads them)


# ---- input -----------------------------------------------------------------------------------


def _record_from_obj(obj: Any, fallback_id: str, path: str, opts: BatchOptions) -> Record:
    if not isinstance(obj, dict):
        return Record(id=fallback_id, path=path, error="record is not a JSON object")
    rid = obj.get(opts.id_field)
    rid = fallback_id if rid is None else str(rid)
    text = obj.get(opts.text_field)
    lang = obj.get("lang") if obj.get("lang") in ("de", "en", "auto") else None
    if not isinstance(text, str):
        return Record(id=rid, path=path, error=f"no string field {opts.text_field!r}")
    return Record(id=rid, path=str(obj.get("path") or path), text=text, lang=lang)


def _iter_jsonl(path: Path, shown: str, opts: BatchOptions) -> Iterator[Record]:
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            ref = f"{shown}:{lineno}"
            try:
                obj = json.loads(raw)
            except ValueError as err:
                yield Record(id=ref, path=ref, error=f"invalid JSON: {err}")
                continue
            yield _record_from_obj(obj, ref, ref, opts)


def _iter_file(path: Path, shown: str, opts: BatchOptions) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, shown, opts)
        return
    if suffix == ".json":
        try:
            obj = json.loads(path.read_bytes())
        except OSError as err:
            yield Record(id=shown, path=str(path), error=f"cannot read ({err.strerror})")
            return
        except ValueError as err:
            yield Record(id=shown, path=str(path), error=f"invalid JSON: {err}")
            return
        yield _record_from_obj(obj, shown, str(path), opts)
        return
    from claimcheck.read import read_path

    try:
        yield Record(id=shown, path=str(path), source=read_path(str(path)))
    except ClaimcheckError as err:
        yield Record(id=shown, path=str(path), error=str(err))


def input_files(spec: str) -> list[tuple[Path, str]]:
    """(file, id-or-prefix shown in reports) for INPUT: a file, a directory or a glob."""
    p = Path(spec)
    if p.is_file():
        return [(p, spec)]
    if p.is_dir():
        files = sorted(
            f for f in p.rglob("*")
            if f.is_file() and f.suffix.lower() in DIR_SUFFIXES and not any(x.startswith(".") for x in f.parts)
        )
        if not files:
            raise BatchError(f"{spec}: no .txt, .md, .json or .jsonl files in this directory")
        return [(f, f.relative_to(p).as_posix()) for f in files]
    matches = sorted(m for m in globmod.glob(spec, recursive=True) if os.path.isfile(m))
    if not matches:
        raise BatchError(f"{spec}: no such file or directory, and no file matches it as a glob")
    return [(Path(m), m) for m in matches]


def iter_records(spec: str, opts: BatchOptions) -> Iterator[Record]:
    for path, shown in input_files(spec):
        yield from _iter_file(path, shown, opts)


def count_records(spec: str) -> int:
    """Cheap upper bound for the progress bar: lines of JSONL files, one per other file."""
    n = 0
    for path, _ in input_files(spec):
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as f:
                n += sum(1 for raw in f if raw.strip())
        else:
            n += 1
    return n


# ---- output / resume -------------------------------------------------------------------------


def read_done(out: Path, repair: bool = True) -> set[str]:
    """Ids already in OUT. A last line without its newline (a crash mid-write) is cut off."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        if repair:
            with out.open("r+b") as f:
                f.truncate(end)
        data = data[:end]
    done: set[str] = set()
    bad = 0
    for raw in data.splitlines():
        if not raw.strip():
            continue
        try:
            done.add(str(json.loads(raw)["id"]))
        except (ValueError, KeyError, TypeError):
            bad += 1
    if bad:
        print(f"claimcheck: warning: {out}: {bad} unreadable line(s) ignored", file=sys.stderr)
    return done


# ---- the per-document function (runs in workers) -------------------------------------------


_WORKER_THREADS: int | None = None


def _set_threads(threads: int | None) -> None:
    global _WORKER_THREADS
    if not threads or threads == _WORKER_THREADS:
        return
    os.environ["OMP_NUM_THREADS"] = str(threads)
    os.environ["MKL_NUM_THREADS"] = str(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)
    _WORKER_THREADS = threads


def _watch_parent(parent: int) -> None:
    """Exit when the batch process dies (killed hard): spawned workers must not linger."""

    def loop() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=loop, daemon=True, name="cc-watch-parent").start()


def init_worker(threads: int | None, opts: dict | None = None, parent: int | None = None) -> str:
    """Worker set-up: torch threads, parent watch, and (when the language is known) a warm pipeline."""
    _set_threads(threads)
    if parent is not None:
        _watch_parent(parent)
    if opts and opts.get("lang") in ("de", "en"):
        # errors here show up again, per document, on the real documents
        with contextlib.suppress(Exception):
            check_chunk([{"id": "warm", "path": "warm", "text": "Er sagte, es sei gut."}], opts)
    return f"pid {os.getpid()}"


Line = tuple[str, bool]  # (JSON line without newline, is an error line)


def _line(rec: dict, report=None, error: str | None = None) -> Line:
    obj: dict[str, Any] = {"id": rec["id"], "path": rec["path"]}
    if error is not None:
        obj["error"] = error
        return json.dumps(obj, ensure_ascii=False), True
    from claimcheck.report.models import Report

    head = json.dumps(obj, ensure_ascii=False)[:-1]
    return head + ', "report": ' + Report(documents=[report]).model_dump_json() + "}", False


def _check_group(recs: list[dict], lang: str, opts: dict) -> list[Line]:
    from claimcheck import pipeline
    from claimcheck.read import read_text
    from claimcheck.rules import load_rules

    options = pipeline.Options(lang=lang, models=opts.get("models"), rule_dirs=list(opts.get("rule_dirs") or []))
    ruleset = load_rules(options.rule_dirs)
    sources = [r["source"] if r.get("source") is not None else read_text(r["text"], r["path"]) for r in recs]
    reports = pipeline.check_sources(sources, options, ruleset=ruleset)
    return [_line(r, rep) for r, rep in zip(recs, reports, strict=True)]


def check_chunk(records: list[dict], opts: dict, threads: int | None = None) -> list[Line]:
    """The per-document function: records {"id","path","text","lang"?,"error"?} → one line each.

    Each line is (JSON text, failed): {"id","path","report"} or {"id","path","error"}.

    Documents are parsed together per language (stanza batches them); if a group fails, each
    document is retried alone so one bad document costs only its own line.
    """
    _set_threads(threads)
    lines: list[Line] = []
    groups: dict[str, list[dict]] = {}
    for r in records:
        if r.get("error"):
            lines.append(_line(r, error=r["error"]))
        elif r.get("source") is None and not (r.get("text") or "").strip():
            lines.append(_line(r, error="empty text, nothing to check"))
        else:
            groups.setdefault(r.get("lang") or opts.get("lang") or "auto", []).append(r)
    for lang, recs in groups.items():
        if len(recs) > 1:
            try:
                lines.extend(_check_group(recs, lang, opts))
                continue
            except Exception:
                pass
        for r in recs:
            try:
                lines.extend(_check_group([r], lang, opts))
            except ClaimcheckError as err:
                lines.append(_line(r, error=str(err)))
            except Exception as err:
                lines.append(_line(r, error=f"internal error: {type(err).__name__}: {str(err)[:300]}"))
    return lines


# ---- progress ---------------------------------------------------------------------------------


def _fmt_secs(s: float) -> str:
    s = int(max(0, s))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


class Progress:
    """`done/total pct | rate docs/s | ETA` on stderr: in place on a terminal, a line every 10 s otherwise."""

    def __init__(self, total: int, skipped: int, stream: IO[str] | None = None, enabled: bool = True) -> None:
        self.total = total
        self.skipped = skipped
        self.done = 0
        self.errors = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = self.stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0

    def update(self, n: int, errors: int = 0) -> None:
        self.done += n
        self.errors += errors
        now = time.monotonic()
        if self.enabled and now - self.last >= (0.5 if self.tty else 10.0):
            self.last = now
            self._draw(now)

    def rate(self) -> float:
        return self.done / max(1e-9, time.monotonic() - self.started)

    def _draw(self, now: float, end: str = "") -> None:
        total = max(self.total - self.skipped, self.done)
        rate = self.done / max(1e-9, now - self.started)
        eta = (total - self.done) / rate if rate > 0 else 0
        pct = 100.0 * self.done / total if total else 100.0
        width = 24
        fill = int(width * pct / 100)
        bar = "#" * fill + "-" * (width - fill)
        msg = (f"batch [{bar}] {self.done}/{total} {pct:5.1f}% | {rate:.2f} docs/s | "
               f"elapsed {_fmt_secs(now - self.started)} ETA {_fmt_secs(eta)} | errors {self.errors}")
        if self.tty:
            self.stream.write("\r" + msg + "\x1b[K" + end)
        else:
            self.stream.write(msg + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic(), end="\n")


# ---- engines ------------------------------------------------------------------------------------


class InlineExecutor(cf.Executor):
    """`--workers 1`: run chunks in this process (one warm pipeline, no process start)."""

    def submit(self, fn, /, *args, **kwargs):
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as err:
            fut.set_exception(err)
        return fut


def _terminate_pool(ex: cf.ProcessPoolExecutor) -> None:
    for proc in list((getattr(ex, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()


@dataclass
class BatchResult:
    checked: int = 0
    errors: int = 0
    skipped: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"

    @property
    def docs_per_s(self) -> float:
        return self.checked / self.seconds if self.seconds else 0.0


def run_batch(
    input_spec: str,
    out: Path,
    opts: BatchOptions,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = 4,
    threads: int | None = None,
    resume: bool = False,
    overwrite: bool = False,
    limit: int | None = None,
    progress: bool = True,
    stream: IO[str] | None = None,
) -> BatchResult:
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r} (local or dask)")
    workers = max(1, workers)
    chunk_size = max(1, chunk_size)
    # one torch thread per worker by default: processes scale, while intra-op threads spin-wait and
    # collapse when the cores are shared (measured 10x slower on a busy 2-core box; docs/service.md)
    threads = threads or 1
    files = input_files(input_spec)  # raises early on a bad INPUT
    del files
    if out.exists() and out.stat().st_size > 0 and not (resume or overwrite):
        raise BatchError(f"{out} exists: use --resume to continue it or --overwrite to start again")
    done = read_done(out) if resume else set()
    total = count_records(input_spec)
    if limit is not None:
        total = min(total, limit)
    result = BatchResult(workers=workers, engine=engine)
    opts_d = asdict(opts)

    def chunks() -> Iterator[list[dict]]:
        seen: set[str] = set()
        chunk: list[dict] = []
        for n, rec in enumerate(iter_records(input_spec, opts)):
            if limit is not None and n >= limit:
                break
            if rec.id in seen:
                result.duplicates += 1
                continue
            seen.add(rec.id)
            if rec.id in done:
                result.skipped += 1
                continue
            chunk.append(dict(vars(rec)))  # (not asdict: it would turn a Source into a dict)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    executor: cf.Executor | None = None  # started with the first chunk: a finished run starts nothing
    closer: Callable[[], None] = _nothing
    bar = Progress(total, 0, stream=stream, enabled=progress)
    old_term = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with out.open("w" if overwrite and not resume else "a", encoding="utf-8") as f:
            window = 2 * workers
            pending: set[cf.Future] = set()
            source = chunks()
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    if executor is None:
                        executor, closer = _make_executor(engine, workers, threads, scheduler, opts_d)
                    pending.add(executor.submit(check_chunk, chunk, opts_d, threads))
                bar.skipped = result.skipped + result.duplicates
                if not pending:
                    break
                finished, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for fut in finished:
                    lines = fut.result()
                    f.write("".join(line + "\n" for line, _ in lines))
                    f.flush()
                    errs = sum(1 for _, failed in lines if failed)
                    result.checked += len(lines)
                    result.errors += errs
                    bar.update(len(lines), errs)
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, old_term)
        result.seconds = time.monotonic() - started
        bar.skipped = result.skipped + result.duplicates
        bar.close()
        closer()
    return result


def _nothing() -> None:
    return None


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _make_executor(
    engine: str, workers: int, threads: int, scheduler: str | None, opts: dict
) -> tuple[cf.Executor, Callable[[], None]]:
    if engine == "dask":
        return _dask_executor(workers, threads, scheduler, opts)
    if workers == 1:
        init_worker(threads, opts)
        return InlineExecutor(), lambda: None
    import multiprocessing as mp

    ex = cf.ProcessPoolExecutor(
        max_workers=workers, mp_context=mp.get_context("spawn"), initializer=init_worker,
        initargs=(threads, opts, os.getpid()),
    )

    def close() -> None:
        if sys.exc_info()[0] is not None:  # interrupted or failed: do not wait for chunks in flight
            _terminate_pool(ex)
            ex.shutdown(wait=False, cancel_futures=True)
        else:
            ex.shutdown(wait=True)

    return ex, close


def _dask_executor(workers: int, threads: int, scheduler: str | None, opts: dict):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("--engine dask needs dask.distributed: pip install 'claimcheck[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            env={"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)},
        )
        client = Client(cluster)
    client.run(init_worker, threads, opts)  # one warm pipeline per worker
    ex = client.get_executor(pure=False)

    def close() -> None:
        client.close()
        if cluster is not None:
            cluster.close()

    return ex, close


def summary(result: BatchResult, out: Path) -> str:
    extra = f", {result.skipped} already in {out.name}" if result.skipped else ""
    extra += f", {result.duplicates} duplicate id(s) skipped" if result.duplicates else ""
    return (f"batch: {result.checked} document(s) checked in {result.seconds:.1f}s "
            f"({result.docs_per_s:.2f} docs/s, engine {result.engine}, {result.workers} worker(s)), "
            f"{result.errors} error(s){extra} → {out}")
