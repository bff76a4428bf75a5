"""Helpers shared by the robustness, property, rule-file tests and bench/fuzz_cli.py.

- `span_problems`: the span contract. Every span in a report indexes the text claimcheck
  analysed (Python str indices): 0 <= start <= end <= len(text); a claim's `text`, a speaker's
  or outlet's `mention` and a cue's `text` are exactly `text[start:end]`; line/column are
  those of `start`.
- `build_parsed`: a hand-built `ParsedDoc` for any text (no stanza): regex tokens with exact
  offsets, sentences split after . ! ?, a small German/English lexicon for UPOS, lemma and
  Konjunktiv features, and a dependency tree whose shape a `choose` callback may vary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from claimcheck.nlp.doc import Entity, ParsedDoc, Sentence, Token


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


# ---- hand-built parses ------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
VERBS = {
    "sagte": "sagen", "sagt": "sagen", "sagten": "sagen", "berichtete": "berichten", "erklärte": "erklären",
    "betonte": "betonen", "teilte": "teilen", "meldete": "melden", "schrieb": "schreiben", "hieß": "heißen",
    "said": "say", "says": "say", "told": "tell", "reported": "report", "wrote": "write", "claimed": "claim",
    "ging": "gehen", "kam": "kommen", "hat": "haben", "went": "go", "has": "have", "beschlossen": "beschließen",
}
SUBJUNCTIVE = {"sei": "sein", "seien": "sein", "habe": "haben", "werde": "werden", "könne": "können", "gebe": "geben"}
PRONOUNS = {"er", "sie", "es", "wir", "ich", "man", "he", "she", "it", "we", "they", "i"}
DETS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "the", "a", "an"}
ADPS = {"laut", "zufolge", "nach", "von", "mit", "unter", "auf", "according", "to", "by", "in", "from", "of"}
SCONJ = {"dass", "ob", "that", "whether", "wie"}
NOUNS = {"Regierung", "Sprecher", "Sprecherin", "Polizei", "Angaben", "Zeitung", "Minister", "Experten", "Kreise",
         "Berichten", "Informationen", "Haushalt", "government", "spokesman", "police", "officials", "sources"}
DEPRELS = ["nsubj", "obj", "obl", "nmod", "ccomp", "parataxis", "advcl", "xcomp", "conj", "appos", "amod", "advmod",
           "det", "case", "mark", "aux", "cop", "flat", "compound", "acl", "iobj", "dep", "punct", "obl:agent"]

Choose = Callable[[Sequence[Any]], Any]


def _upos(word: str, first: bool) -> tuple[str, str, dict[str, str]]:
    low = word.lower()
    if all(unicodedata.category(c)[0] in "PSZC" for c in word):
        return "PUNCT", word, {}
    if word.isdigit():
        return "NUM", word, {}
    if low in SUBJUNCTIVE:
        return "AUX", SUBJUNCTIVE[low], {"Mood": "Sub", "Tense": "Pres", "VerbForm": "Fin", "Person": "3"}
    if low in VERBS:
        return "VERB", VERBS[low], {"Mood": "Ind", "Tense": "Past", "VerbForm": "Fin", "Person": "3"}
    if low in PRONOUNS:
        return "PRON", low, {"PronType": "Prs"}
    if low in DETS:
        return "DET", low, {}
    if low in ADPS:
        return "ADP", low, {}
    if low in SCONJ:
        return "SCONJ", low, {}
    if word in NOUNS or (first and word[:1].isupper()):
        return "NOUN", word, {}
    if word[:1].isupper():
        return "PROPN", word, {}
    return "ADV" if len(word) < 4 else "ADJ", low, {}


def _first(options: Sequence[Any]) -> Any:
    return options[0]


def build_parsed(text: str, language: str = "de", choose: Choose | None = None) -> ParsedDoc:
    """A plausible parse of `text` without stanza. `choose(options)` picks heads, deprels and NER
    labels (default: the first option, which gives a flat tree under the first verb)."""
    choose = choose or _first
    sentences: list[Sentence] = []
    current: list[tuple[int, int]] = []
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for i, (start, end) in enumerate(spans):
        current.append((start, end))
        nxt = text[spans[i + 1][0]] if i + 1 < len(spans) else ""
        if text[start:end] in (".", "!", "?") and nxt not in ("“", "\"", "«", "»", "'", "’", ")"):
            sentences.append(_sentence(text, current, choose))
            current = []
    if current:
        sentences.append(_sentence(text, current, choose))
    return ParsedDoc(text=text, language=language, sentences=sentences)


def _sentence(text: str, spans: list[tuple[int, int]], choose: Choose) -> Sentence:
    tags = [_upos(text[s:e], k == 0) for k, (s, e) in enumerate(spans)]
    verbs = [k for k, (upos, _, _) in enumerate(tags) if upos in ("VERB", "AUX")]
    root = choose(verbs or [0]) if verbs else 0
    # attach tokens in an order the callback may shuffle; each takes a head among the attached ones
    heads = [0] * len(spans)
    attached = [root]
    for k in range(len(spans)):
        if k == root:
            continue
        heads[k] = choose(attached) + 1  # attached[0] is the root (no copy: long sentences stay linear)
        attached.append(k)
    tokens = []
    for k, ((s, e), (upos, lemma, feats)) in enumerate(zip(spans, tags, strict=True)):
        if k == root:
            deprel = "root"
        elif upos == "PUNCT":
            deprel = "punct"
        elif upos in ("NOUN", "PROPN", "PRON") and k < root:
            deprel = choose(["nsubj", *DEPRELS])
        else:
            deprel = choose([{"DET": "det", "ADP": "case", "SCONJ": "mark", "AUX": "aux"}.get(upos, "dep"), *DEPRELS])
        ner = choose(["O", "S-PER", "S-ORG", "S-LOC"]) if upos == "PROPN" else "O"
        tokens.append(Token(index=k + 1, text=text[s:e], lemma=lemma, upos=upos, feats=feats, head=heads[k],
                            deprel=deprel, start=s, end=e, xpos="", ner=ner))
    entities = [Entity(text=t.text, type=t.ner[2:], start=t.start, end=t.end) for t in tokens if t.ner != "O"]
    start, end = spans[0][0], spans[-1][1]
    return Sentence(text=text[start:end], start=start, end=end, tokens=tokens, entities=entities)
