"""Pure scoring functions: gold annotations vs. claimcheck predictions (no stanza, no I/O).

Two kinds of gold:

* span corpora (`GoldDoc`: German news quotation corpus, PolNeAR): quotes with character
  spans for quote, cue and speaker. Scored by `score_document` + `aggregate`.
* claimcheck's gold YAML (seed-gold.yaml style): phrases, not spans. Scored by
  `score_gold_yaml`, which gives the same figures as shared/tools/score_gold.py.

Definitions (docs/evaluation.md has the long form):

* a *quote* is a predicted claim whose kind is not ``assertion``;
* tokens: the corpus's own tokens where it has them, else ``\\w+|[^\\w\\s]``;
* **pairing**: per document, gold and predicted quotes are paired one-to-one by the
  Hungarian assignment that maximises the sum of token-overlap F1 (pairs with F1 = 0 are
  dropped). This is the upstream pairing of the German corpus (GermEval-2023 SpkAtt style);
* **overlap match**: a pair that shares at least one word token (not only punctuation);
* **exact match**: the predicted span, trimmed of blanks, quotation marks and punctuation at
  both ends, equals the gold quote's trimmed extent (first fragment start to last fragment
  end); one-to-one, so a duplicated predicted span counts once as a hit and then as a false hit;
* **upstream token P/R**: P = Σ over pairs of |G∩P|/|P| divided by the number of predicted
  quotes, R = Σ over pairs of |G∩P|/|G| divided by the number of gold quotes (token sets;
  unpaired quotes contribute 0): token precision/recall macro-averaged over quotes. Roles
  (cue, speaker) the same way, over the quotes that have the role;
* **cue / speaker-span F1**: quote level: an overlap-matched pair counts when its cue
  (speaker mention; the outlet mention when there is no speaker) matches the gold one
  (exact or overlap, as above); P over predicted quotes with the role, R over gold quotes
  with it;
* **attribution accuracy**: among overlap-matched pairs whose gold quote has a speaker, the
  share whose predicted speaker (or outlet) mention overlaps the gold speaker span or whose
  resolved name matches the gold speaker text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

Span = tuple[int, int]

# corpus quote type → family; claimcheck kind → family
TYPE_FAMILY = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "FreeIndirect": "indirect",
    "Reported": "reported",
    "Quoted": "direct",  # PolNeAR content wholly in quotation marks (derived, see corpora.py)
    "Unquoted": "unquoted",  # PolNeAR other attributions: any non-direct kind fits
}
KIND_FAMILY = {
    "direct_quote": "direct",
    "indirect_speech": "indirect",
    "hearsay": "indirect",
    "attributed": "indirect",
    "belief": "indirect",
    "reported_speech": "reported",
}
FAMILIES = ("direct", "indirect", "reported")
QUOTE_KINDS = tuple(KIND_FAMILY)


def kind_fits(gold_type: str, kind: str) -> bool:
    """Whether a claimcheck kind is the right one for a corpus quote type."""
    gold = TYPE_FAMILY.get(gold_type)
    pred = KIND_FAMILY.get(kind)
    if pred is None:
        return False
    if gold is None:
        return True
    if gold == "unquoted":
        return pred != "direct"
    return gold == pred


@dataclass
class GoldQuote:
    spans: list[Span]
    type: str
    speaker: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    speaker_text: str = ""
    cue_text: str = ""
    outlet: str | None = None  # annotated outlet name, where the corpus has one
    id: str = ""
    medium: str = ""
    nested: bool = False


@dataclass
class GoldDoc:
    name: str
    text: str
    quotes: list[GoldQuote]
    lang: str = "de"
    tokens: list[Span] | None = None  # the corpus's tokens (char spans); None = regex tokens
    # the corpus annotates a quote carried on over sentences and paragraphs ("“…,” Barkley said. “…”") as one
    # content with several spans (PolNeAR); claimcheck reports each part as a claim that continues the first
    joins_continuations: bool = False


@dataclass
class PredQuote:
    start: int
    end: int
    kind: str
    text: str = ""
    id: str = ""
    speaker: Span | None = None
    speaker_name: str = ""
    outlet: Span | None = None
    outlet_name: str = ""
    cue: Span | None = None
    inherited_from: str = ""
    parts: list[Span] = field(default_factory=list)  # the spans of a merged continuation; [] = (start, end)

    @property
    def source_span(self) -> Span | None:
        """The speaker mention, or the outlet mention when there is no speaker."""
        return self.speaker or self.outlet


def _span(obj: Any) -> Span | None:
    if obj is None:
        return None
    get = obj.get if isinstance(obj, dict) else lambda k, d=None: getattr(obj, k, d)
    start, end = get("start"), get("end")
    if start is None or end is None or end <= start:
        return None
    return int(start), int(end)


def _name(obj: Any) -> str:
    if obj is None:
        return ""
    get = obj.get if isinstance(obj, dict) else lambda k, d=None: getattr(obj, k, d)
    return get("name") or get("mention") or ""


def predictions(document: Any, include_assertions: bool = False) -> list[PredQuote]:
    """The quotes of a claimcheck DocumentReport (pydantic model or its JSON dict)."""
    claims = document.get("claims", []) if isinstance(document, dict) else document.claims
    out = []
    for c in claims:
        get = c.get if isinstance(c, dict) else lambda k, d=None, c=c: getattr(c, k, d)
        kind = get("kind")
        if kind == "assertion" and not include_assertions:
            continue
        speaker, outlet = get("speaker"), get("outlet")
        out.append(PredQuote(
            start=get("start"), end=get("end"), kind=kind, text=get("text") or "", id=get("id") or "",
            speaker=_span(speaker), speaker_name=_name(speaker), outlet=_span(outlet), outlet_name=_name(outlet),
            cue=_span(get("cue")), inherited_from=get("inherited_from") or "",
        ))
    return out


def join_continuations(preds: Sequence[PredQuote]) -> list[PredQuote]:
    """One prediction per attribution: a claim that continues another (`inherited_from`) becomes a further
    span of the claim it continues, for corpora that annotate it so (`GoldDoc.joins_continuations`)."""
    by_id = {q.id: q for q in preds if q.id}

    def root(q: PredQuote) -> PredQuote:
        seen: set[str] = set()
        while q.inherited_from in by_id and q.id not in seen:
            seen.add(q.id)
            q = by_id[q.inherited_from]
        return q

    merged: dict[str, PredQuote] = {}
    out: list[PredQuote] = []
    for q in preds:
        r = root(q)
        if r is not q and r.id in merged and q.kind != "assertion" and q.cue in (None, r.cue):
            m = merged[r.id]
            m.parts.append((q.start, q.end))
            m.start, m.end = min(m.start, q.start), max(m.end, q.end)
            continue
        m = replace(q, parts=[(q.start, q.end)])
        merged[q.id] = m
        out.append(m)
    return out


# ---------------------------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"\w+|[^\w\s]")
_TRIM = " \t\r\n\u00a0\"'„“”‚‘’»«›‹.,;:!?()[]{}-–—…"


def regex_tokens(text: str) -> list[Span]:
    return [m.span() for m in _TOKEN.finditer(text)]


class TokenIndex:
    """Map character spans to token ids (a token belongs to a span when they overlap)."""

    def __init__(self, text: str, tokens: Sequence[Span] | None = None):
        self.text = text
        self.tokens = sorted(tokens) if tokens is not None else regex_tokens(text)
        self.starts = [s for s, _ in self.tokens]
        self.word = [any(ch.isalnum() for ch in text[s:e]) for s, e in self.tokens]

    def ids(self, spans: Iterable[Span]) -> frozenset[int]:
        out: set[int] = set()
        for start, end in spans:
            i = max(bisect.bisect_right(self.starts, start) - 1, 0)
            while i < len(self.tokens) and self.tokens[i][0] < end:
                if self.tokens[i][1] > start:
                    out.add(i)
                i += 1
        return frozenset(out)

    def words(self, ids: frozenset[int]) -> frozenset[int]:
        return frozenset(i for i in ids if self.word[i])


def trim(text: str, span: Span) -> Span:
    """The span without blanks, quotation marks and punctuation at both ends."""
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def extent(spans: Sequence[Span]) -> Span | None:
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def prf(tp: float, pred: float, gold: float) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def token_prf(gold: frozenset[int], pred: frozenset[int]) -> tuple[float, float, float]:
    common = len(gold & pred)
    p = common / len(pred) if pred else 0.0
    r = common / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------------------------------------- Hungarian

def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment of rows to columns (Kuhn-Munkres, O(n²m)).

    Returns min(rows, cols) (row, col) pairs; callers drop zero-weight pairs."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if not n or not m:
        return []
    if n > m:
        cols = [[weights[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in assign(cols))
    big = max(max(row) for row in weights)
    cost = [[big - w for w in row] for row in weights]  # minimise cost = maximise weight
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])


# ---------------------------------------------------------------------------------------------- names

def norm(s: str) -> str:
    """score_gold.py's normalisation: no quotation marks, blanks collapsed, lower case."""
    s = re.sub(r"[\"'„“”‚‘’»«›‹]", "", s or "")
    return re.sub(r"\s+", " ", s).strip().lower()


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


def name_matches(name: str, gold_text: str) -> bool:
    """A resolved name matches a gold speaker mention: one's words contain the other's, or the
    name's last word (≥ 3 letters, e.g. a surname) occurs in the mention."""
    a, b = _words(name), _words(gold_text)
    if not a or not b:
        return False

    def contains(big: list[str], small: list[str]) -> bool:
        return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))

    if contains(b, a) or contains(a, b):
        return True
    return len(a[-1]) >= 3 and a[-1] in b


# ---------------------------------------------------------------------------------------------- span corpora

@dataclass
class Pair:
    gold: int
    pred: int
    f1: float
    overlap: bool  # shares a word token
    exact: bool = False
    attribution: bool | None = None  # None: gold quote has no speaker
    kind_ok: bool = False


@dataclass
class DocResult:
    doc: GoldDoc
    preds: list[PredQuote]
    pairs: list[Pair]
    counts: Counter

    def unmatched_gold(self) -> list[int]:
        hit = {p.gold for p in self.pairs if p.overlap}
        return [i for i in range(len(self.doc.quotes)) if i not in hit]

    def unmatched_pred(self) -> list[int]:
        hit = {p.pred for p in self.pairs if p.overlap}
        return [i for i in range(len(self.preds)) if i not in hit]


def _role_match(index: TokenIndex, gold: list[Span], pred: Span | None) -> tuple[bool, bool]:
    """(exact, overlap) of a predicted role span against a gold role's fragments."""
    if not gold or pred is None:
        return False, False
    text = index.text
    tp = trim(text, pred)
    exact = any(trim(text, g) == tp for g in [*gold, extent(gold)])
    overlap = bool(index.words(index.ids(gold)) & index.words(index.ids([pred])))
    return exact, overlap


def cue_in_lexicon(cue_text: str, lexicon: set[str]) -> bool:
    """Whether a gold cue ("has also criticized", "according to") holds a word of claimcheck's cue lexicon,
    inflected or not (said/says/saying, criticized, argues)."""
    for w in re.findall(r"[^\W\d_]+", cue_text.lower()):
        stems = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-3] + "y", w[:-2] + "y"} if len(w) > 3 else {w}
        if stems & lexicon:
            return True
    return False


def lexicon_subset(doc: GoldDoc, preds: Sequence[PredQuote], lexicon: set[str]) -> tuple[GoldDoc, list[PredQuote]]:
    """The gold attributions that are quoted or whose cue is in claimcheck's lexicon, and the predictions
    that do not overlap only the other ones. PolNeAR annotates stances and attitudes too ("supports",
    "wants", "seemed", "refused to"), which claimcheck does not report as claims: this is the share it aims at."""
    keep = [g for g in doc.quotes if g.type == "Quoted" or cue_in_lexicon(g.cue_text, lexicon)]
    drop = [g for g in doc.quotes if g not in keep]

    def overlaps(q: PredQuote, golds: list[GoldQuote]) -> bool:
        return any(a < q.end and q.start < b for g in golds for a, b in g.spans)

    return replace(doc, quotes=keep), [q for q in preds if not (overlaps(q, drop) and not overlaps(q, keep))]


def score_document(doc: GoldDoc, preds: Sequence[PredQuote]) -> DocResult:
    """Pair one document's gold quotes with its predicted quotes and count everything."""
    if doc.joins_continuations:
        preds = join_continuations(preds)
    preds = [q for q in preds if q.kind != "assertion"]
    index = TokenIndex(doc.text, doc.tokens)
    text = doc.text
    c: Counter = Counter()
    gold_ids = [index.ids(g.spans) for g in doc.quotes]
    pred_ids = [index.ids(q.parts or [(q.start, q.end)]) for q in preds]
    c["docs"] += 1
    c["gold"] += len(doc.quotes)
    c["pred"] += len(preds)

    # exact: one-to-one on equal trimmed extents
    used: set[int] = set()
    exact_of: dict[int, int] = {}
    pred_trim = [trim(text, (q.start, q.end)) for q in preds]
    for gi, g in enumerate(doc.quotes):
        ext = extent(g.spans)
        want = trim(text, ext) if ext else None
        for pi, span in enumerate(pred_trim):
            if pi not in used and span == want:
                used.add(pi)
                exact_of[gi] = pi
                break
    c["tp_exact"] += len(exact_of)

    # Hungarian pairing on token F1 (the corpus's upstream pairing)
    weights = [[token_prf(g, p)[2] for p in pred_ids] for g in gold_ids]
    pairs: list[Pair] = []
    for gi, pi in assign(weights):
        p, r, f = token_prf(gold_ids[gi], pred_ids[pi])
        if f <= 0:
            continue
        c["up_p"] += p
        c["up_r"] += r
        overlap = bool(index.words(gold_ids[gi]) & index.words(pred_ids[pi]))
        pairs.append(Pair(gi, pi, f, overlap, exact=exact_of.get(gi) == pi))

    for role in ("cue", "speaker"):
        c[f"{role}_gold"] += sum(1 for g in doc.quotes if getattr(g, role))
        c[f"{role}_pred"] += sum(1 for q in preds if (q.cue if role == "cue" else q.source_span))

    for pair in pairs:
        g, q = doc.quotes[pair.gold], preds[pair.pred]
        # upstream token P/R for the roles, over all paired quotes
        for role, gspans, pspan in (("cue", g.cue, q.cue), ("speaker", g.speaker, q.source_span)):
            gid = index.ids(gspans)
            pid = index.ids([pspan]) if pspan else frozenset()
            rp, rr, _ = token_prf(gid, pid)
            c[f"up_{role}_p"] += rp if pid else 0.0
            c[f"up_{role}_r"] += rr if gid else 0.0
        if not pair.overlap:
            continue
        c["tp_overlap"] += 1
        pair.kind_ok = kind_fits(g.type, q.kind)
        c["kind_ok"] += pair.kind_ok
        for role, gspans, pspan in (("cue", g.cue, q.cue), ("speaker", g.speaker, q.source_span)):
            exact, overlap = _role_match(index, gspans, pspan)
            c[f"{role}_tp_exact"] += exact
            c[f"{role}_tp_overlap"] += overlap
        if g.speaker:
            _, overlap = _role_match(index, g.speaker, q.speaker)
            _, o_overlap = _role_match(index, g.speaker, q.outlet)
            ok = overlap or o_overlap or name_matches(q.speaker_name, g.speaker_text) or name_matches(
                q.outlet_name, g.speaker_text)
            pair.attribution = ok
            c["attr_n"] += 1
            c["attr_ok"] += ok
        if g.outlet:
            c["outlet_n"] += 1
            c["outlet_ok"] += name_matches(q.outlet_name, g.outlet) or name_matches(g.outlet, q.outlet_name)

    # per type, per kind, per family
    paired = {p.gold: p for p in pairs if p.overlap}
    for gi, g in enumerate(doc.quotes):
        c[f"type:{g.type}:gold"] += 1
        if gi in paired:
            c[f"type:{g.type}:found"] += 1
            c[f"type:{g.type}:typed"] += paired[gi].kind_ok
        fam = TYPE_FAMILY.get(g.type)
        if fam in FAMILIES:
            c[f"family:{fam}:gold"] += 1
    by_pred = {p.pred: p for p in pairs if p.overlap}
    for pi, q in enumerate(preds):
        c[f"kind:{q.kind}:pred"] += 1
        fam = KIND_FAMILY.get(q.kind)
        if fam in FAMILIES:
            c[f"family:{fam}:pred"] += 1
        if pi in by_pred:
            pair = by_pred[pi]
            c[f"kind:{q.kind}:found"] += 1
            c[f"kind:{q.kind}:typed"] += pair.kind_ok
            if fam in FAMILIES and TYPE_FAMILY.get(doc.quotes[pair.gold].type) == fam:
                c[f"family:{fam}:tp"] += 1
    return DocResult(doc, list(preds), pairs, c)


def aggregate(results: Iterable[DocResult | Counter]) -> dict[str, Any]:
    """Corpus-level figures (micro-summed over documents) as a JSON-ready dict."""
    c: Counter = Counter()
    for r in results:
        c.update(r.counts if isinstance(r, DocResult) else r)
    gold, pred = c["gold"], c["pred"]
    out: dict[str, Any] = {
        "docs": c["docs"],
        "gold_quotes": gold,
        "pred_quotes": pred,
        "detection": {
            "exact": {"tp": c["tp_exact"], **prf(c["tp_exact"], pred, gold)},
            "overlap": {"tp": c["tp_overlap"], **prf(c["tp_overlap"], pred, gold)},
        },
        "upstream": {"quote": prf_sums(c["up_p"], c["up_r"], pred, gold)},
    }
    for role in ("cue", "speaker"):
        g, p = c[f"{role}_gold"], c[f"{role}_pred"]
        out[role] = {
            "gold": g,
            "pred": p,
            "exact": {"tp": c[f"{role}_tp_exact"], **prf(c[f"{role}_tp_exact"], p, g)},
            "overlap": {"tp": c[f"{role}_tp_overlap"], **prf(c[f"{role}_tp_overlap"], p, g)},
        }
        out["upstream"][role] = prf_sums(c[f"up_{role}_p"], c[f"up_{role}_r"], p, g)
    out["kind_accuracy"] = _acc(c["kind_ok"], c["tp_overlap"])
    out["attribution"] = _acc(c["attr_ok"], c["attr_n"])
    out["outlet"] = _acc(c["outlet_ok"], c["outlet_n"]) if c["outlet_n"] else None
    types = sorted({k.split(":")[1] for k in c if k.startswith("type:")})
    out["by_type"] = {
        t: {
            "gold": c[f"type:{t}:gold"],
            "found": c[f"type:{t}:found"],
            "recall": _ratio(c[f"type:{t}:found"], c[f"type:{t}:gold"]),
            "typed_recall": _ratio(c[f"type:{t}:typed"], c[f"type:{t}:gold"]),
        }
        for t in types
    }
    kinds = sorted({k.split(":")[1] for k in c if k.startswith("kind:")})
    out["by_kind"] = {
        k: {
            "pred": c[f"kind:{k}:pred"],
            "found": c[f"kind:{k}:found"],
            "precision": _ratio(c[f"kind:{k}:found"], c[f"kind:{k}:pred"]),
            "typed_precision": _ratio(c[f"kind:{k}:typed"], c[f"kind:{k}:pred"]),
        }
        for k in kinds
    }
    out["by_family"] = {
        f: {"gold": c[f"family:{f}:gold"], "pred": c[f"family:{f}:pred"], "tp": c[f"family:{f}:tp"],
            **prf(c[f"family:{f}:tp"], c[f"family:{f}:pred"], c[f"family:{f}:gold"])}
        for f in FAMILIES
        if c[f"family:{f}:gold"] or c[f"family:{f}:pred"]
    }
    return out


def prf_sums(p_sum: float, r_sum: float, pred: int, gold: int) -> dict[str, float]:
    p = p_sum / pred if pred else 0.0
    r = r_sum / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def _acc(ok: float, n: float) -> dict[str, Any]:
    return {"n": n, "correct": ok, "accuracy": _ratio(ok, n)}


# ---------------------------------------------------------------------------------------------- gold YAML

def _flagged(doc: dict) -> tuple[list[dict], list[str]]:
    """Flagged claims and their normalised texts, exactly as score_gold.py collects them."""
    claims = doc.get("claims", [])
    by_id = {c.get("id"): c for c in claims}
    ids = {f.get("claim") for f in doc.get("findings", []) if "unsourced" in str(f.get("rule", ""))}
    flagged = [by_id[i] for i in ids if i in by_id]
    texts = [norm(c["text"]) for c in flagged]
    unsourced = [c for c in claims if c.get("status") == "unsourced"]
    texts += [norm(c["text"]) for c in unsourced]
    seen: set[int] = set()
    claims_flagged = []
    for c in flagged + unsourced:
        if id(c) not in seen:
            seen.add(id(c))
            claims_flagged.append(c)
    return claims_flagged, texts


def score_gold_yaml(gold: dict, doc: Any) -> dict[str, Any]:
    """Score one report document against a claimcheck gold YAML (already loaded).

    `attribution`, `kind`, `unsourced_flagged`, `false_flags` and `fake_quotes` are computed
    exactly as shared/tools/score_gold.py does; `errors` holds its miss lines. Added:
    speaker/outlet accuracy separately, and unsourced-flag precision/recall (a flag is a true
    one when the flagged claim contains a gold `unsourced` phrase, a false one when it
    contains a gold claim phrase or a `sourced_not_flagged` phrase; other flags are
    `unjudged` and left out of precision)."""
    if not isinstance(doc, dict):
        doc = doc.model_dump(mode="json")
    claims = doc.get("claims", [])
    flagged_claims, flagged_text = _flagged(doc)
    errors: list[str] = []

    def containing(phrase: str) -> list[dict]:
        p = norm(phrase)
        return [c for c in claims if p in norm(c.get("text", ""))]

    items = gold.get("claims", []) or []
    ok_attr = ok_kind = missing = 0
    role = Counter()
    for g in items:
        cands = containing(g["phrase"])
        if not cands:
            missing += 1
            errors.append(f"MISSING claim containing {g['phrase']!r}")
            continue

        def key_ok(c: dict, key: str, g: dict = g) -> bool:
            want = str(g[key]).lower()
            got = _name(c.get(key)).lower()
            via = " ".join(_name(v).lower() for v in c.get("via") or [])
            return want in got or (key == "outlet" and want in via)

        def attr_ok(c: dict, g: dict = g) -> bool:
            if any(key in g and not key_ok(c, key) for key in ("speaker", "outlet")):
                return False
            return c.get("status") == g.get("status", c.get("status"))

        for key in ("speaker", "outlet"):
            if key in g:
                role[f"{key}_n"] += 1
                role[f"{key}_ok"] += any(key_ok(c, key) for c in cands)
        good = [c for c in cands if attr_ok(c)]
        if good:
            ok_attr += 1
        else:
            c = cands[0]
            errors.append(
                f"ATTRIBUTION {g['phrase']!r}: want speaker={g.get('speaker')} outlet={g.get('outlet')} "
                f"status={g.get('status')}; got speaker={_name(c.get('speaker'))!r} "
                f"outlet={_name(c.get('outlet'))!r} status={c.get('status')}")
        if any(c.get("kind") == g["kind"] for c in (good or cands)):
            ok_kind += 1
        else:
            errors.append(f"KIND {g['phrase']!r}: want {g['kind']}, got {[c.get('kind') for c in cands]}")

    unsourced = gold.get("unsourced", []) or []
    miss_uns = [u for u in unsourced if not any(norm(u) in t for t in flagged_text)]
    errors += [f"NOT FLAGGED unsourced: {u!r}" for u in miss_uns]
    not_flag = gold.get("sourced_not_flagged", []) or []
    false_flags = [s for s in not_flag if any(norm(s) in t for t in flagged_text)]
    errors += [f"FALSELY FLAGGED as unsourced: {s!r}" for s in false_flags]
    fake = [q for q in gold.get("not_quotes", []) or []
            if any(c.get("kind") == "direct_quote" and norm(c.get("text", "")) == norm(q) for c in claims)]
    errors += [f"NOT A QUOTE but reported as one: {q!r}" for q in fake]

    # flag precision: judge each flagged claim by the gold phrases it contains
    true_phr = [norm(u) for u in unsourced]
    false_phr = [norm(s) for s in not_flag] + [norm(g["phrase"]) for g in items]
    tp = fp = unjudged = 0
    for c in flagged_claims:
        t = norm(c.get("text", ""))
        if any(p in t for p in true_phr):
            tp += 1
        elif any(p in t for p in false_phr):
            fp += 1
        else:
            unjudged += 1
    n = len(items)
    return {
        "claims": n,
        "missing": missing,
        "attribution": {"n": n, "correct": ok_attr, "accuracy": _ratio(ok_attr, n or 1)},
        "kind": {"n": n, "correct": ok_kind, "accuracy": _ratio(ok_kind, n or 1)},
        "speaker": _acc(role["speaker_ok"], role["speaker_n"]),
        "outlet": _acc(role["outlet_ok"], role["outlet_n"]),
        "unsourced_flagged": {"n": len(unsourced), "flagged": len(unsourced) - len(miss_uns)},
        "false_flags": len(false_flags),
        "fake_quotes": len(fake),
        "flags": {"flagged_claims": len(flagged_claims), "true": tp, "false": fp, "unjudged": unjudged,
                  "precision": _ratio(tp, tp + fp), "recall": _ratio(len(unsourced) - len(miss_uns), len(unsourced))},
        "errors": errors,
    }


def score_gold_line(s: dict[str, Any]) -> str:
    """The last line of score_gold.py, from `score_gold_yaml`'s figures."""
    return (f"attribution {s['attribution']['correct']}/{s['claims']} kind {s['kind']['correct']}/{s['claims']} "
            f"unsourced flagged {s['unsourced_flagged']['flagged']}/{s['unsourced_flagged']['n']} "
            f"false flags {s['false_flags']} fake quotes {s['fake_quotes']}")
