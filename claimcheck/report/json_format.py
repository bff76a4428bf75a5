"""JSON: the contract. Deterministic: same input, byte-identical output."""

from __future__ import annotations

from claimcheck.report.models import Report


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"
