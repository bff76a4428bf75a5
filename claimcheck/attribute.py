"""Stage 4: decide who stands behind each claim (placeholder)."""

from __future__ import annotations

from claimcheck.claims import Candidate
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.rules import LanguageRules


def attribute(doc: ParsedDoc, candidates: list[Candidate], rules: LanguageRules) -> list[Candidate]:
    return candidates
