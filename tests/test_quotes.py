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
        ("''We act,'' she said. ''Now.''", ["We act,", "Now."]),  # archive copies of the New York Times
        ("He said ``no'' twice.", ["no"]),
        ("The minister said: ‘We will act.’ The voters’ choice.", ["We will act."]),  # British style
        ("In the ‘90s the Democrats’ plan and rock ‘n’ roll", []),
        ("The voters' choice, ''the best'' one.", ["the best"]),
        ('"But Wilson won,” Axelrod said.', ["But Wilson won,"]),  # sloppy copy mixes the marks
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


def test_double_mark_offsets_cover_both_characters() -> None:
    text = "She said, ''Please quiet down.'' Then she left."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "''Please quiet down.''"
    assert q.inner(text) == "Please quiet down."


def test_doubled_apostrophes_quote_only_where_the_text_quotes_that_way() -> None:
    assert inner("Das ''Blatt'' schrieb: „Nein.“") == ["Nein."]  # wiki italics beside real quotes
    assert find_quotes("Die Zeitung ''Die Welt'' berichtete.", "de") == []  # German never quotes with ''
    assert inner("''Yes,'' he said, citing ''the law.''") == ["Yes,", "the law."]


def test_a_quote_carried_on_over_paragraphs_ends_with_its_paragraph() -> None:
    text = ('She said: "We will not stop here.\n\n"We will go on until the bill passes."\n\n'
            '"Nothing more to say, he added.\n\nThe vote is next week.')
    assert inner(text) == ["We will not stop here.", "We will go on until the bill passes."]


def test_a_curly_quote_closed_by_a_straight_mark_ends_there() -> None:
    text = 'CNN called the announcement “highly significant."\nCruz said he had apologized. Later: “Yes,” he said.'
    assert inner(text) == ["highly significant.", "Yes,"]
    assert inner('He said “the word "no" is enough” today.') == ['the word "no" is enough']  # not after a letter
