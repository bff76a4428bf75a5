"""Text for an editor: per paragraph, each claim's kind, speaker, outlet and status; findings with line:column."""

from __future__ import annotations

from claimcheck.report.models import Claim, DocumentReport, Report

_STATUS_COLOR = {"sourced": "32", "weakly_sourced": "33", "unsourced": "31"}
_SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36"}
_KIND_LABEL = {
    "direct_quote": "quote",
    "indirect_speech": "indirect",
    "reported_speech": "reported",
    "attributed": "attributed",
    "belief": "belief",
    "hearsay": "hearsay",
    "assertion": "assertion",
}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _claim_line(claim: Claim, color: bool) -> str:
    who = []
    if claim.speaker:
        who.append(claim.speaker.name + (f" ({claim.speaker.mention})" if claim.speaker.mention and claim.speaker.mention != claim.speaker.name else ""))
    if claim.outlet:
        who.append(f"outlet: {claim.outlet.name}")
    if claim.via:
        who.append("via: " + ", ".join(v.name for v in claim.via))
    status = _paint(claim.status, _STATUS_COLOR[claim.status], color)
    attribution = "; ".join(who) if who else "no source"
    return f"  {claim.line}:{claim.column}  {_KIND_LABEL[claim.kind]:<10} {status:<14}  {attribution}\n      “{_short(claim.text)}”"


def render_document(doc: DocumentReport, color: bool = False) -> str:
    out = [_paint(f"{doc.path}", "1", color) + f"  [{doc.language}]"]
    for note in doc.notes:
        out.append(f"  note: {note}")
    paragraph = None
    for claim in doc.claims:
        if claim.paragraph != paragraph:
            paragraph = claim.paragraph
            out.append(f" ¶{paragraph + 1}")
        out.append(_claim_line(claim, color))
    if doc.credits:
        out.append("  credits: " + ", ".join(c.name for c in doc.credits))
    if doc.findings:
        out.append(" findings:")
        for f in doc.findings:
            sev = _paint(f.severity, _SEVERITY_COLOR[f.severity], color)
            out.append(f"  {doc.path}:{f.line}:{f.column}: {sev} {f.code} {f.message}")
    s = doc.summary
    out.append(
        f" {s.claims} claims: {s.sourced} sourced, {s.weakly_sourced} weakly sourced, {s.unsourced} unsourced; "
        f"{s.findings} findings ({s.errors} errors, {s.warnings} warnings, {s.infos} info)"
    )
    return "\n".join(out) + "\n"


def render(report: Report, color: bool = False) -> str:
    parts = [render_document(d, color) for d in report.documents]
    for err in report.errors:
        parts.append(f"{err.path}: error: {err.message}\n")
    return "\n".join(parts)
