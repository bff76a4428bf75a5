"""Stage 5: status per claim and findings (placeholder)."""

from __future__ import annotations

from claimcheck.claims import Candidate
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.rules import LanguageRules


def judge(doc: ParsedDoc, claims: list[Candidate], rules: LanguageRules, disabled: set[str], severities: dict[str, str]) -> list:
    return []
