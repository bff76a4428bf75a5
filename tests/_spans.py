"""Span contract checks shared by the robustness, property and determinism tests and bench/fuzz_cli.py.

Every span in a report indexes the text claimcheck analysed (Python str indices):
0 <= start <= end <= len(text); a claim's `text`, a speaker's or outlet's `mention` and a
cue's `text` are exactly `text[start:end]`; line/column are those of `start`.
"""

from __future__ import annotations

from typing import Any


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def span_problems(doc: Any, text: str) -> list[str]:
    """Everything wrong with the spans of one document report (a dict from JSON or a DocumentReport)."""
    from claimcheck.read import read_text

    problems: list[str] = []
    n = len(text)
    position = read_text(text).position

    def span(where: str, obj: Any, surface: str | None = None, required: bool = False) -> bool:
        start, end = _get(obj, "start"), _get(obj, "end")
        if start is None or end is None:
            if required:
                problems.append(f"{where}: no span")
            return False
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            problems.append(f"{where}: span {start}..{end} outside 0..{n}")
            return False
        if surface is not None and text[start:end] != surface:
            problems.append(f"{where}: text[{start}:{end}] = {text[start:end]!r} != {surface!r}")
        return True

    for claim in _get(doc, "claims") or []:
        cid = _get(claim, "id")
        if span(f"claim {cid}", claim, _get(claim, "text"), required=True):
            pos = position(_get(claim, "start"))
            if (_get(claim, "line"), _get(claim, "column")) != pos:
                problems.append(f"claim {cid}: line/column {_get(claim, 'line')}:{_get(claim, 'column')} != {pos}")
        for role in ("speaker", "outlet"):
            who = _get(claim, role)
            if who is not None:
                span(f"claim {cid} {role}", who, _get(who, "mention"))
        cue = _get(claim, "cue")
        if cue is not None:
            span(f"claim {cid} cue", cue, _get(cue, "text"), required=True)
        for i, via in enumerate(_get(claim, "via") or []):
            span(f"claim {cid} via[{i}]", via)
    for i, credit in enumerate(_get(doc, "credits") or []):
        span(f"credit[{i}]", credit)
    for i, finding in enumerate(_get(doc, "findings") or []):
        if span(f"finding[{i}] {_get(finding, 'code')}", finding, required=True):
            pos = position(_get(finding, "start"))
            if (_get(finding, "line"), _get(finding, "column")) != pos:
                problems.append(f"finding[{i}]: line/column {_get(finding, 'line')}:{_get(finding, 'column')} != {pos}")
    return problems
