"""Stage 3: find claim candidates in a parsed document (placeholder: one per sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.nlp.doc import ParsedDoc
from claimcheck.rules import LanguageRules


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    sentence: int
    rule: str
    extra: dict = field(default_factory=dict)


def find_claims(doc: ParsedDoc, rules: LanguageRules) -> list[Candidate]:
    return [
        Candidate(s.start, s.end, "assertion", i, f"{rules.language}.assertion")
        for i, s in enumerate(doc.sentences)
    ]
