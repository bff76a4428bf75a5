"""Stage 6: assemble the DocumentReport from the earlier stages' objects (placeholder)."""

from __future__ import annotations

from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source
from claimcheck.report.models import Claim, DocumentReport


def document_report(source: Source, parsed: ParsedDoc, claims: list, judged: list) -> DocumentReport:
    out = []
    for n, c in enumerate(claims, 1):
        line, col = source.position(c.start)
        out.append(Claim(id=f"c{n}", text=source.text[c.start:c.end], start=c.start, end=c.end, line=line,
                         column=col, kind=c.kind, status="unsourced", rule=c.rule))
    return DocumentReport(path=source.path, language=parsed.language, claims=out)
