"""Output formats: each a pure function of the report model. `render` picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.report import json_format, text_format
from claimcheck.report.models import Report

FORMATS: dict[str, Callable[..., str]] = {
    "json": json_format.render,
    "text": text_format.render,
}


def render(report: Report, fmt: str, color: bool = False) -> str:
    if fmt == "text":
        return text_format.render(report, color=color)
    return FORMATS[fmt](report)
