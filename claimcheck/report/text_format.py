"""Text for an editor: per paragraph, each claim's kind, speaker, outlet and status; findings with line:column.

Colour (ANSI, in the manner of rich) only when asked: the CLI asks when stdout is a
terminal and ``NO_COLOR`` is not set (``should_color``); piped output is plain text.
`render` stays a pure function of the report and the `color` flag.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from claimcheck.report.models import Claim, DocumentReport, Report

BOLD, DIM = "1", "2"
_STATUS_COLOR = {"sourced": "32", "weakly_sourced": "33", "unsourced": "31"}
_SEVERITY_COLOR = {"error": "1;31", "warning": "1;33", "info": "1;36"}
_KIND_LABEL = {
    "direct_quote": "quote",
    "indirect_speech": "indirect",
    "reported_speech": "reported",
    "attributed": "attributed",
    "belief": "belief",
    "hearsay": "hearsay",
    "assertion": "assertion",
}


def should_color(isatty: bool, env: Mapping[str, str] | None = None) -> bool:
    """Colour on a terminal unless NO_COLOR is set; FORCE_COLOR forces it (https://no-color.org)."""
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return isatty and env.get("TERM") != "dumb"


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _claim_line(claim: Claim, color: bool) -> str:
    who = []
    if claim.speaker:
        mention = claim.speaker.mention
        extra = f" ({mention})" if mention and mention != claim.speaker.name else ""
        who.append(claim.speaker.name + extra)
    if claim.outlet:
        who.append(f"outlet: {claim.outlet.name}")
    if claim.via:
        who.append("via: " + ", ".join(v.name for v in claim.via))
    status = _paint(f"{claim.status:<14}", _STATUS_COLOR[claim.status], color)
    attribution = "; ".join(who) if who else _paint("no source", DIM, color)
    where = _paint(f"{claim.line}:{claim.column}", DIM, color)
    return f"  {where}  {_KIND_LABEL[claim.kind]:<10} {status}  {attribution}\n      “{_short(claim.text)}”"


def render_document(doc: DocumentReport, color: bool = False) -> str:
    out = [_paint(f"{doc.path}", BOLD, color) + f"  [{doc.language}]"]
    for note in doc.notes:
        out.append(f"  note: {note}")
    paragraph = None
    for claim in doc.claims:
        if claim.paragraph != paragraph:
            paragraph = claim.paragraph
            out.append(_paint(f" ¶{paragraph + 1}", DIM, color))
        out.append(_claim_line(claim, color))
    if doc.credits:
        out.append("  credits: " + ", ".join(c.name for c in doc.credits))
    if doc.findings:
        out.append(_paint(" findings:", BOLD, color))
        for f in doc.findings:
            sev = _paint(f.severity, _SEVERITY_COLOR[f.severity], color)
            code = _paint(f.code, BOLD, color)
            out.append(f"  {doc.path}:{f.line}:{f.column}: {sev} {code} {f.message}")
    s = doc.summary
    out.append(
        f" {s.claims} claims: {s.sourced} sourced, {s.weakly_sourced} weakly sourced, {s.unsourced} unsourced; "
        f"{s.findings} findings ({s.errors} errors, {s.warnings} warnings, {s.infos} info)"
    )
    return "\n".join(out) + "\n"


def render(report: Report, color: bool = False) -> str:
    parts = [render_document(d, color) for d in report.documents]
    for err in report.errors:
        parts.append(f"{err.path}: {_paint('error', _SEVERITY_COLOR['error'], color)}: {err.message}\n")
    if len(report.documents) > 1:
        n = sum(d.summary.findings for d in report.documents)
        parts.append(_paint(f"{len(report.documents)} documents, {n} findings\n", BOLD, color))
    return "\n".join(parts)
