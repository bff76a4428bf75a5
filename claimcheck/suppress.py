"""Inline suppressions, applied to a document's findings after judging.

In Markdown and HTML, as markdownlint and Vale do it::

    <!-- claimcheck-disable-next-line CC101 -->
    <!-- claimcheck-disable-line CC101 -->         (at the end of the line it silences)
    <!-- claimcheck-disable CC101 CC104 -->
    …
    <!-- claimcheck-enable -->                     (or: claimcheck-enable CC101)

In plain text and Word documents, the same directives on a line (paragraph) of their own::

    # claimcheck-disable-next-line CC101
    // claimcheck-disable CC101
    [claimcheck-enable]

Codes are separated by spaces or commas; a rule name (``unsourced-assertion``) works as
well as a code; no code means every rule. "Next line" is the next line that has prose
(blank lines, comments and markup are stepped over), so the directive can stand above the
paragraph it is about. Directives are read from `Source.original`; positions use
`Source.position`, so Word paragraphs count as lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.read import Source
from claimcheck.report.models import DocumentReport, Finding

# `args` is greedy and stripped later: a lazy group next to a [ \t]* run backtracks quadratically on long blanks
_NAME = r"claimcheck-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<args>[^\n\]>]*)"
_COMMENT = re.compile(r"<!--[ \t]*" + _NAME + r"-->", re.IGNORECASE)
_LINE = re.compile(r"^[ \t]*(?:#|//|\[)[ \t]*" + _NAME + r"\]?[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


@dataclass
class Directive:
    verb: str  # disable-next-line | disable-line | disable | enable
    targets: frozenset[str]  # upper-cased codes or lower-cased rule names; empty = all rules
    start: int
    end: int


@dataclass
class Suppressions:
    lines: dict[int, list[frozenset[str]]] = field(default_factory=dict)  # line → target sets
    ranges: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)  # [start, end) offsets

    def matches(self, finding: Finding) -> bool:
        last = finding.end_line or finding.line
        for line in range(finding.line, max(finding.line, last) + 1):
            if any(_hits(t, finding) for t in self.lines.get(line, ())):
                return True
        return any(a <= finding.start < b and _hits(t, finding) for a, b, t in self.ranges)


def _hits(targets: frozenset[str], finding: Finding) -> bool:
    return not targets or finding.code.upper() in targets or finding.rule.lower() in targets


def _targets(args: str) -> frozenset[str]:
    out = set()
    for tok in re.split(r"[\s,]+", args.strip()):
        if tok:
            out.add(tok.upper() if re.fullmatch(r"[A-Za-z]{2}\d{3}", tok) else tok.lower())
    return frozenset(out)


def directives(source: Source) -> list[Directive]:
    found = {}
    for rx in (_COMMENT, _LINE):
        for m in rx.finditer(source.original):
            found[m.start()] = Directive(m.group("verb").lower(), _targets(m.group("args")), m.start(), m.end())
    return [found[k] for k in sorted(found)]


def _next_prose_line(source: Source, offset: int) -> int | None:
    """Line of the first prose character on a line after the one holding `offset`."""
    line, _ = source.position(offset)
    for m in re.finditer(r"\S", source.text[offset:]):
        at = offset + m.start()
        candidate, _ = source.position(at)
        if candidate > line:
            return candidate
    return None


def collect(source: Source) -> Suppressions:
    out = Suppressions()
    open_ranges: dict[str, tuple[int, frozenset[str]]] = {}  # key: one target or "*"
    for d in directives(source):
        if d.verb == "disable-next-line":
            line = _next_prose_line(source, d.end - 1)
            if line is not None:
                out.lines.setdefault(line, []).append(d.targets)
        elif d.verb == "disable-line":
            out.lines.setdefault(source.position(d.start)[0], []).append(d.targets)
        elif d.verb == "disable":
            for key in d.targets or {"*"}:
                open_ranges.setdefault(key, (d.end, frozenset() if key == "*" else frozenset({key})))
        else:  # enable
            keys = list(open_ranges) if not d.targets else [k for k in d.targets if k in open_ranges]
            for key in keys:
                start, targets = open_ranges.pop(key)
                out.ranges.append((start, d.start, targets))
    for start, targets in open_ranges.values():  # disabled to the end of the file
        out.ranges.append((start, len(source.original) + 1, targets))
    return out


def recount(doc: DocumentReport) -> DocumentReport:
    """The summary's finding counts after findings were removed."""
    summary = doc.summary.model_copy(
        update={
            "findings": len(doc.findings),
            "errors": sum(f.severity == "error" for f in doc.findings),
            "warnings": sum(f.severity == "warning" for f in doc.findings),
            "infos": sum(f.severity == "info" for f in doc.findings),
        }
    )
    return doc.model_copy(update={"summary": summary})


def apply(doc: DocumentReport, source: Source) -> tuple[DocumentReport, list[Finding]]:
    """(document without the suppressed findings, the suppressed findings)."""
    rules = collect(source)
    if not rules.lines and not rules.ranges:
        return doc, []
    kept = [f for f in doc.findings if not rules.matches(f)]
    removed = [f for f in doc.findings if rules.matches(f)]
    return recount(doc.model_copy(update={"findings": kept})), removed
