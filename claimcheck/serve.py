"""`claimcheck serve`: the JSON API for newsroom tools (FastAPI on uvicorn).

    POST /v1/check   {"text", "lang"?, "path"?}  or  {"documents": [{...}, ...]}  →  Report
    GET  /v1/schema  the Report JSON Schema (same as `claimcheck schema`)
    GET  /v1/rules   the finding rules (same as `claimcheck rules list`)
    GET  /healthz    liveness, warm languages, requests in flight

Design:
- Models are loaded once per worker process: the app's lifespan warms the pipeline (a tiny
  document per language) before uvicorn opens the port, and the parser keeps its stanza
  pipelines per process.
- Parsing runs in a small thread pool (one thread by default: torch already uses every core
  for one document), so the event loop keeps answering /healthz and refusing overload.
- Limits: request body size (413), at most `max_inflight` /v1/check requests at once per
  worker (503 + Retry-After), at most `max_documents` per request (422).
- Every error is a JSON body: {"error": CODE, "message": TEXT, "detail": [...]?}.
- Settings travel to uvicorn worker processes as JSON in the CLAIMCHECK_SERVE_SETTINGS
  environment variable (uvicorn starts workers from an import string).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError, ModelError
from claimcheck.report.models import Report

log = logging.getLogger("uvicorn.error")  # shown with uvicorn's own log lines

SETTINGS_ENV = "CLAIMCHECK_SERVE_SETTINGS"
WARM_TEXTS = {
    "de": 'Der Minister sagte am Montag, die Lage sei "ernst". Laut dpa wurde niemand verletzt.',
    "en": 'The minister said on Monday that the situation was "serious". According to Reuters, nobody was hurt.',
}


@dataclass
class ServeSettings:
    models: str | None = None  # stanza model folder (None: the parser's resolution order)
    rule_dirs: list[str] = field(default_factory=list)
    max_body_bytes: int = 5 * 1024 * 1024
    max_inflight: int = 4  # /v1/check requests accepted at once per worker (running + queued)
    max_documents: int = 100  # documents in one request
    parse_threads: int = 1
    warm: list[str] = field(default_factory=lambda: ["de"])  # languages loaded at startup
    retry_after: int = 2  # seconds, sent with 503

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServeSettings:
        raw = os.environ.get(SETTINGS_ENV)
        return cls(**json.loads(raw)) if raw else cls()


# ---- request models (they also make the OpenAPI document) --------------------------------


class _Req(BaseModel):
    model_config = ConfigDict(extra="forbid")


Lang = Literal["de", "en", "auto"]


class CheckDocument(_Req):
    text: str = Field(min_length=1, description="The article text (plain text).")
    lang: Lang = Field("auto", description="de, en or auto (detected per document).")
    path: str | None = Field(None, description="Reported back as DocumentReport.path (default '-').")
    id: str | None = Field(None, description="Used as the path when no path is given.")


class CheckRequest(_Req):
    """One document (`text`, `lang`, `path`) or several (`documents`)."""

    text: str | None = Field(None, min_length=1, description="The article text (plain text).")
    lang: Lang = Field("auto", description="de, en or auto; the default for `documents` without a lang.")
    path: str | None = Field(None, description="Reported back as DocumentReport.path (default '-').")
    format: Literal["json"] = Field("json", description="Only json: the Report model.")
    documents: list[CheckDocument] | None = Field(None, description="A batch of documents instead of `text`.")

    @model_validator(mode="after")
    def _one_of(self) -> CheckRequest:
        if (self.text is None) == (self.documents is None):
            raise ValueError("give either 'text' or 'documents' (exactly one)")
        if self.documents is not None and not self.documents:
            raise ValueError("'documents' is empty")
        return self

    def as_documents(self) -> list[CheckDocument]:
        if self.documents is not None:
            return self.documents
        assert self.text is not None
        return [CheckDocument(text=self.text, lang=self.lang, path=self.path)]


class ErrorBody(BaseModel):
    error: str = Field(description="Machine-readable code, e.g. 'payload_too_large'.")
    message: str
    detail: list[dict[str, Any]] | None = None


class RuleInfo(BaseModel):
    code: str
    name: str
    severity: str
    languages: list[str]
    message: str
    description: str


class Health(BaseModel):
    status: Literal["ok", "degraded"] = Field(description="degraded: some language failed to load at start-up.")
    version: str = __version__
    pid: int
    warm: list[str]
    warm_errors: dict[str, str]
    inflight: int
    max_inflight: int
    uptime_s: float


def error_response(status: int, code: str, message: str, detail: list | None = None, headers=None) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


# ---- body size limit: a plain ASGI middleware, before any JSON parsing ---------------------


class BodyLimitMiddleware:
    """Refuse bodies over `limit` bytes with 413: by Content-Length up front, or while streaming.

    The rest of an oversized body is read and dropped (up to `drain_cap`) before answering, so an
    ordinary client that sends the whole body first still reads the 413 instead of a reset.
    """

    def __init__(self, app, limit: int, drain_cap: int = 64 * 1024 * 1024) -> None:
        self.app = app
        self.limit = limit
        self.drain_cap = drain_cap

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = None
        if declared is not None and declared > self.limit:
            await self._drain(receive, 0)
            await self._too_large(scope, receive, send, declared)
            return
        # stream and count (chunked bodies, or a Content-Length that lies)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            more = message.get("more_body", False)
            if size > self.limit:
                if more:
                    await self._drain(receive, size)
                await self._too_large(scope, receive, send, size)
                return
            chunks.append(body)
        data = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _drain(self, receive, seen: int) -> None:
        while seen <= self.drain_cap:
            message = await receive()
            if message["type"] != "http.request":
                return
            seen += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def _too_large(self, scope, receive, send, size: int) -> None:
        response = error_response(
            413, "payload_too_large", f"request body of {size} bytes is over the limit of {self.limit} bytes"
        )
        await response(scope, receive, send)


# ---- the app ------------------------------------------------------------------------------


class _State:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.executor: ThreadPoolExecutor | None = None
        self.inflight = 0
        self.warm: list[str] = []
        self.warm_errors: dict[str, str] = {}
        self.started = time.monotonic()


def _run_check(settings: ServeSettings, docs: Sequence[CheckDocument]) -> str:
    """In a pool thread: parse and analyse; returns the Report as JSON text (serialised off the loop)."""
    from claimcheck import pipeline
    from claimcheck.read import read_text
    from claimcheck.rules import load_rules

    ruleset = load_rules(settings.rule_dirs)
    reports: list = [None] * len(docs)
    by_lang: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_lang.setdefault(d.lang, []).append(i)
    for lang, idx in by_lang.items():
        options = pipeline.Options(lang=lang, models=settings.models, rule_dirs=list(settings.rule_dirs))
        sources = [read_text(docs[i].text, docs[i].path or docs[i].id or "-") for i in idx]
        for i, rep in zip(idx, pipeline.check_sources(sources, options, ruleset=ruleset), strict=True):
            reports[i] = rep
    return Report(documents=reports).model_dump_json()


def _warm(settings: ServeSettings, lang: str) -> None:
    _run_check(settings, [CheckDocument(text=WARM_TEXTS.get(lang, WARM_TEXTS["en"]), lang=lang)])  # type: ignore[arg-type]


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    settings = settings or ServeSettings()
    state = _State(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state.executor = ThreadPoolExecutor(max_workers=max(1, settings.parse_threads), thread_name_prefix="cc-parse")
        loop = asyncio.get_running_loop()
        for lang in settings.warm:
            t = time.perf_counter()
            try:
                await loop.run_in_executor(state.executor, _warm, settings, lang)
                state.warm.append(lang)
                log.info("warmed %s pipeline in %.1fs", lang, time.perf_counter() - t)
            except ClaimcheckError as err:  # e.g. no models for that language: serve the others
                state.warm_errors[lang] = str(err)
                log.warning("could not warm %s: %s", lang, err)
        try:
            yield
        finally:
            state.executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="claimcheck",
        version=__version__,
        description="Claim and source attribution checks for German and English news text.",
        lifespan=lifespan,
    )
    app.state.cc = state

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = []
        for e in exc.errors():
            item = {k: v for k, v in e.items() if k in ("type", "loc", "msg")}  # never echo the input back
            item["loc"] = [str(x) for x in item.get("loc", [])]
            detail.append(item)
        bad_json = [e for e in exc.errors() if e.get("type") == "json_invalid"]
        if bad_json:
            e = bad_json[0]
            where = e["loc"][1] if len(e.get("loc", ())) > 1 else "?"
            why = (e.get("ctx") or {}).get("error", "")
            return error_response(422, "invalid_json", f"malformed JSON body at character {where}: {why}".rstrip(": "),
                                  detail)
        message = "; ".join(f"{'.'.join(d['loc'][1:]) or 'body'}: {d['msg']}" for d in detail[:5]) or "invalid request"
        return error_response(422, "invalid_request", message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}
        return error_response(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return error_response(500, "internal_error", f"{type(exc).__name__}: {str(exc)[:300]}")

    errors = {
        413: {"model": ErrorBody, "description": "Body over the size limit."},
        422: {"model": ErrorBody, "description": "Malformed JSON or an invalid request."},
        503: {"model": ErrorBody, "description": "Saturated: retry after Retry-After seconds."},
    }

    @app.post("/v1/check", response_model=Report, responses=errors, summary="Check one or more documents")
    async def check(req: CheckRequest) -> Response:
        docs = req.as_documents()
        if len(docs) > settings.max_documents:
            return error_response(422, "too_many_documents",
                                  f"{len(docs)} documents in one request; the limit is {settings.max_documents}")
        if state.inflight >= settings.max_inflight:
            return error_response(503, "busy", f"{state.inflight} requests in progress; retry later",
                                  headers={"Retry-After": str(settings.retry_after)})
        state.inflight += 1
        try:
            loop = asyncio.get_running_loop()
            body = await loop.run_in_executor(state.executor, _run_check, settings, docs)
        except ModelError as err:  # no models for the (detected) language: retrying will not help
            return error_response(422, "models_unavailable", str(err))
        except ClaimcheckError as err:
            return error_response(422, "invalid_input", str(err))
        finally:
            state.inflight -= 1
        return Response(body, media_type="application/json")

    @app.get("/v1/schema", summary="JSON Schema of the Report")
    async def schema() -> dict:
        return Report.model_json_schema()

    @app.get("/v1/rules", response_model=list[RuleInfo], summary="The finding rules")
    async def rules() -> list[RuleInfo]:
        from claimcheck.rules import load_rules

        return [
            RuleInfo(code=r.code, name=r.name, severity=r.severity, languages=list(r.languages),
                     message=r.message, description=r.description.strip())
            for r in load_rules(settings.rule_dirs).all_findings().values()
        ]

    @app.get("/healthz", response_model=Health, summary="Liveness")
    async def healthz() -> Health:
        return Health(status="degraded" if state.warm_errors else "ok", pid=os.getpid(), warm=state.warm,
                      warm_errors=state.warm_errors, inflight=state.inflight,
                      max_inflight=settings.max_inflight, uptime_s=round(time.monotonic() - state.started, 1))

    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    return app


def app_from_env():
    """uvicorn factory (`claimcheck.serve:app_from_env`): settings from CLAIMCHECK_SERVE_SETTINGS."""
    return create_app(ServeSettings.from_env())


def run(host: str, port: int, workers: int, settings: ServeSettings, log_level: str = "info",
        threads: int | None = None) -> None:
    import uvicorn

    os.environ[SETTINGS_ENV] = settings.to_env()
    # torch threads per worker (read by torch at import, in every worker): 1 unless given. Requests are
    # parsed one at a time per worker, and intra-op threads that outnumber the free cores spin-wait:
    # on a shared 2-core box 2 threads were ~10x slower than 1 (docs/service.md). Scale with --workers.
    if threads:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    else:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    uvicorn.run("claimcheck.serve:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, timeout_graceful_shutdown=10)
