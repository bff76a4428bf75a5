"""Quotation-mark pairing over raw text (no parser needed)."""

from __future__ import annotations

import pytest

from claimcheck.quotes import find_quotes


def inner(text: str) -> list[str]:
    return [q.inner(text) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir handeln“, sagte sie.", ["Wir handeln"]),
        ("»Wir handeln«, sagte sie.", ["Wir handeln"]),
        ("«Wir handeln», sagte sie.", ["Wir handeln"]),
        ("‚Wir handeln‘, sagte sie.", ["Wir handeln"]),
        ('"Wir handeln", sagte sie.', ["Wir handeln"]),
        ("“We act,” she said.", ["We act,"]),
        ("„Eins. Zwei. Drei“, zählte er.", ["Eins. Zwei. Drei"]),
        ("„Wir“, sagte sie, „handeln.“", ["Wir", "handeln."]),
    ],
)
def test_every_quotation_style(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_apostrophes_are_not_quotes() -> None:
    assert inner("Trump’s plan and geht’s los") == []


def test_unclosed_quote_stops_at_paragraph() -> None:
    text = "„Das bleibt offen, sagte er.\n\nNeuer Absatz ohne Ende."
    assert inner(text) == []


def test_offsets_are_exact() -> None:
    text = "Er sagte: „Nein.“ Dann ging er."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "„Nein.“"
    assert text[q.inner_start : q.inner_end] == "Nein."
