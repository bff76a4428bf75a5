"""Stage 5: how well each claim is sourced, and the findings an editor should see.

Status:
  sourced         a named person, institution or outlet stands behind the claim
  weakly_sourced  only anonymous or vague sources ("informierte Personen", "Kritiker",
                  an outlet that cites only such sources, "es heißt")
  unsourced       nobody in the text stands behind it

Findings are raised by built-in checks (the `check` field of rules/findings/*.yaml):
the rule files give each its code, severity, message and examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.attribute import Source
from claimcheck.claims import Candidate, DocClaims, is_finite_verb
from claimcheck.nlp.doc import ParsedDoc, Sentence, Token
from claimcheck.rules import FindingRule, LanguageRules

MONTHS = set(
    "januar februar märz april mai juni juli august september oktober november dezember jänner "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
DATE = re.compile(r"^\d{4}-\d\d(-\d\d)?$|^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})?$")
SUBORDINATE = {"acl", "acl:relcl", "advcl", "csubj"}


@dataclass
class RawFinding:
    code: str
    rule: FindingRule
    claim: Candidate
    message: str
    severity: str


def is_weak(src: Source | None) -> bool:
    return src is not None and (src.type == "anonymous" or src.vague)


def status_of(c: Candidate) -> str:
    speaker: Source | None = c.speaker  # type: ignore[assignment]
    outlet: Source | None = c.outlet  # type: ignore[assignment]
    if speaker is None and outlet is None:
        return "weakly_sourced" if c.vague else "unsourced"
    if speaker is not None and not is_weak(speaker):
        return "sourced"
    if outlet is not None:
        via = c.via_sources
        if via and all(is_weak(v) for v in via):
            return "weakly_sourced"
        if speaker is not None and is_weak(speaker):
            return "weakly_sourced"
        return "sourced"
    return "weakly_sourced"


def main_clause(sent: Sentence, claim: Candidate) -> list[Token]:
    """Tokens of the claim that are not inside a relative or adverbial clause."""
    inside = [t for t in sent.tokens if claim.start <= t.start < claim.end]
    drop: set[int] = set()
    for t in inside:
        if t.deprel in SUBORDINATE:
            drop.update(x.index for x in sent.subtree(t))
    return [t for t in inside if t.index not in drop]


def checkworthy_reason(sent: Sentence, claim: Candidate, rules: LanguageRules) -> str | None:
    """Why an unsourced assertion needs a source, or None when it is background."""
    cw = rules.checkworthy
    toks = main_clause(sent, claim)
    lemmas = {t.lemma.lower() for t in toks} | {t.text.lower() for t in toks}
    words = [t.text.lower() for t in toks]
    for i, t in enumerate(toks):
        if t.upos == "NUM" or re.fullmatch(r"\d[\d.,]*", t.text):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            prev = words[i - 1] if i > 0 else ""
            if YEAR.match(t.text) or nxt in MONTHS or prev in MONTHS or t.text.endswith(".") or DATE.match(t.text):
                continue
            return "a number"
    if any(w in {x.lower() for x in cw.number_words} for w in words):
        return "a number"
    if lemmas & {x.lower() for x in cw.charge_lemmas}:
        return "a charge"
    inside = [t for t in sent.tokens if claim.start <= t.start < claim.end]
    # the future may sit in what a weak parse calls a relative clause, so look at the whole claim
    if _future(inside) or lemmas & {x.lower() for x in cw.prediction_lemmas}:
        return "a prediction"
    dated = any(w in MONTHS or YEAR.match(w) for w in words)
    verbs = [t for t in toks if t.upos == "VERB"]
    if dated and _past(toks) and not ({v.lemma.lower() for v in verbs} & {x.lower() for x in cw.background_lemmas}):
        return "a dated event"
    if {v.lemma.lower() for v in verbs} & {x.lower() for x in cw.action_lemmas} and _past(toks):
        return "a reported act"
    return None


def _future(toks: list[Token]) -> bool:
    """German future: finite "werden" + infinitive ("wird … vereidigt werden"); English will/shall."""
    for t in toks:
        low = t.text.lower()
        if low in ("will", "shall") and t.upos == "AUX":
            return True
        if t.lemma.lower() == "werden" and is_finite_verb(t):
            if any(x.text.lower() == "werden" and x is not t for x in toks):
                return True
            if any(x.feats.get("VerbForm") == "Inf" and x.upos == "VERB" for x in toks):
                return True
    return False


def _past(toks: list[Token]) -> bool:
    return any(t.feats.get("Tense") == "Past" or t.feats.get("VerbForm") == "Part" for t in toks)


def judge(
    doc: ParsedDoc,
    found: DocClaims,
    rules: LanguageRules,
    disabled: set[str] | None = None,
    severities: dict[str, str] | None = None,
) -> list[RawFinding]:
    disabled = disabled or set()
    severities = severities or {}
    by_check = {r.check: r for r in rules.findings.values() if r.code not in disabled}
    out: list[RawFinding] = []

    def raise_(check: str, claim: Candidate, **fields: str) -> None:
        rule = by_check.get(check)
        if rule is None:
            return
        try:
            message = rule.message.format(**fields)
        except (KeyError, IndexError):
            message = rule.message
        out.append(RawFinding(rule.code, rule, claim, message, severities.get(rule.code, rule.severity)))

    for c in found.claims:
        c.status = status_of(c)  # type: ignore[attr-defined]
        sent = doc.sentences[c.sentence]
        speaker: Source | None = c.speaker  # type: ignore[assignment]
        if c.kind == "direct_quote" and speaker is None and c.outlet is None:
            raise_("quote_without_speaker", c)
        elif c.kind == "hearsay" and c.status == "unsourced":
            raise_("hearsay_without_source", c, cue=c.hearsay or "")
        elif c.status == "unsourced":
            reason = checkworthy_reason(sent, c, rules)
            if reason is None and c.continues:
                reason = "reported speech with no speaker"
            if reason is not None and not c.headline:
                raise_("unsourced_assertion", c, reason=reason)
        elif c.status == "weakly_sourced":
            if c.vague or (speaker is not None and speaker.vague):
                said = speaker.mention if speaker else c.vague
                if speaker and " " not in speaker.mention.strip() and speaker.mention.islower():
                    said = speaker.name  # "who", "they": name what the pronoun stands for
                raise_("vague_attribution", c, source=said or "")
            else:
                weak = [s for s in [speaker, *c.via_sources] if is_weak(s)]
                if not c.inherited_from:
                    raise_("anonymous_only", c, source=", ".join(s.name for s in weak if s) or "unnamed")
    return out
