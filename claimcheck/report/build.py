"""Stage 6: assemble the DocumentReport (the JSON contract) from the earlier stages' objects."""

from __future__ import annotations

from claimcheck.attribute import Source as ResolvedSource
from claimcheck.claims import Candidate, DocClaims
from claimcheck.judge import RawFinding
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source
from claimcheck.report.models import Claim, Credit, Cue, DocumentReport, Finding, Outlet, Speaker, Summary, Via
from claimcheck.rules import LanguageRules


def _speaker(src: ResolvedSource | None) -> Speaker | None:
    if src is None:
        return None
    return Speaker(name=src.name, type=src.type, mention=src.mention, start=src.start, end=src.end, role=src.role)


def _outlet(src: ResolvedSource | None) -> Outlet | None:
    if src is None or src.outlet is None:
        return None
    return Outlet(name=src.outlet.name, type=src.outlet.type, mention=src.mention, start=src.start, end=src.end)


def _via(src: ResolvedSource) -> Via:
    kind = src.type if src.type != "outlet" else "organization"
    return Via(name=src.name, type=kind, start=src.start, end=src.end)


def _cue(c: Candidate, text: str) -> Cue | None:
    if c.cue is None:
        return None
    return Cue(text=text[c.cue.start : c.cue.end], lemma=c.cue_lemma or c.cue.lemma, start=c.cue.start, end=c.cue.end)


def _credits(found: DocClaims, rules: LanguageRules) -> list[Credit]:
    out = []
    for line in found.credits:
        words = [w.strip("().,;:") for w in line.text.split()]
        entry = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                key = tuple(w.lower() for w in words[i:j] if w)
                if key in rules.outlet_aliases:
                    entry = rules.outlet_aliases[key]
                    break
            if entry:
                break
        name = entry.name if entry else line.text
        kind = entry.type if entry else "organization"
        out.append(Credit(name=name, type=kind, text=line.text, start=line.start, end=line.end))
    return out


def document_report(
    source: Source, parsed: ParsedDoc, found: DocClaims, judged: list[RawFinding], rules: LanguageRules
) -> DocumentReport:
    text = source.text
    ids: dict[int, str] = {}
    claims: list[Claim] = []
    for n, c in enumerate(found.claims, 1):
        ids[id(c)] = f"c{n}"
    for c in found.claims:
        line, col = source.position(c.start)
        inherited = ids.get(id(c.inherited_from)) if c.inherited_from is not None else None
        claims.append(
            Claim(
                id=ids[id(c)], text=text[c.start : c.end], start=c.start, end=c.end, line=line, column=col,
                kind=c.kind, status=c.status,  # type: ignore[attr-defined]
                speaker=_speaker(c.speaker), outlet=_outlet(c.outlet),  # type: ignore[arg-type]
                via=[_via(v) for v in c.via_sources], cue=_cue(c, text), inherited_from=inherited,
                rule=c.rule, paragraph=c.paragraph,
            )
        )
    findings = []
    for f in sorted(judged, key=lambda f: (f.claim.start, f.code)):
        line, col = source.position(f.claim.start)
        end_line, end_col = source.position(f.claim.end)
        findings.append(
            Finding(rule=f.rule.name, code=f.code, severity=f.severity, claim=ids[id(f.claim)], message=f.message,
                    start=f.claim.start, end=f.claim.end, line=line, column=col, end_line=end_line,
                    end_column=end_col)
        )
    doc = DocumentReport(path=source.path, language=parsed.language, claims=claims,
                         credits=_credits(found, rules), findings=findings)
    doc.summary = summarize(doc)
    return doc


def summarize(report: DocumentReport) -> Summary:
    """The summary, computed from the report's claims and findings (also after chunks are merged)."""
    claims, findings = report.claims, report.findings
    return Summary(
        claims=len(claims),
        sourced=sum(c.status == "sourced" for c in claims),
        weakly_sourced=sum(c.status == "weakly_sourced" for c in claims),
        unsourced=sum(c.status == "unsourced" for c in claims),
        findings=len(findings),
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
        speakers=sorted({c.speaker.name for c in claims if c.speaker and c.speaker.type != "anonymous"}),
        outlets=sorted({c.outlet.name for c in claims if c.outlet}),
    )
