"""German Konjunktiv I backup on top of the stanza tagger.

The tagger learns `Mood=Sub` from a few hundred gold examples and misses most Konjunktiv I
forms (*er mache*, *sie habe*, *es müsse*). This module marks them with a lexicon
(`rules/de/konjunktiv.yaml`) and the regular 3rd-person rule: a finite verb whose form is
its lemma's stem + *e* (*machen* → *mache*) is Konjunktiv I unless its subject is *ich*.
Preterite / Konjunktiv II forms (*sagte*, *machte*, *gäbe*) never equal stem + *e*.
The dictionary lemmatizer leaves unknown verbs unlemmatised (*versuche* → *versuche*): then
the infinitive is guessed from the form (*versuche* → *versuchen*, *handele* → *handeln*),
except for forms in *-te*, which may be preterites (*sagte*). Konjunktiv II with an umlaut
the lemma lacks (*gäbe*/geben, *fänden*/finden, *brächten*/bringen) is never indicative.

`apply(sentence)` changes tokens in place and returns the indices it marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimcheck.nlp.doc import Sentence, Token

_VERBAL = {"VERB", "AUX"}
_SUBJ = {"nsubj", "nsubj:pass", "expl", "csubj"}
_AUX_REL = {"aux", "aux:pass", "cop"}


@dataclass(frozen=True)
class KonjunktivRules:
    always: frozenset[str]
    unless_first_person: frozenset[str]
    first_person: frozenset[str]
    not_verbs: frozenset[str]
    konjunktiv_ii: frozenset[str] = frozenset()
    not_guessed: frozenset[str] = frozenset()


def _rules_file() -> Path:
    here = Path(__file__).resolve()
    for cand in (
        here.parents[2] / "rules" / "de" / "konjunktiv.yaml",  # source checkout
        here.parents[1] / "_rules" / "de" / "konjunktiv.yaml",  # installed wheel
    ):
        if cand.exists():
            return cand
    from claimcheck.errors import RuleError

    raise RuleError("rules/de/konjunktiv.yaml not found")


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> KonjunktivRules:
    import yaml

    p = Path(path) if path else _rules_file()
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return KonjunktivRules(
        always=words("always"),
        unless_first_person=words("unless_first_person"),
        first_person=words("first_person_subjects") or frozenset({"ich"}),
        not_verbs=words("not_verbs"),
        konjunktiv_ii=words("konjunktiv_ii"),
        not_guessed=words("no_lemma_guess"),
    )


def regular_form(form: str, lemma: str) -> bool:
    """True if `form` is lemma stem + e: machen→mache, wandern→wandere, sammeln→sammle."""
    f, lem = form.lower(), lemma.lower()
    if not f.endswith("e"):
        return False
    if lem.endswith(("ern", "eln")) and len(lem) > 4:
        # wandern → wandere; sammeln → sammle (also sammele)
        return f in (lem[:-1] + "e", lem[:-3] + lem[-2] + "e")
    if lem.endswith("en") and len(lem) > 3:
        return f == lem[:-2] + "e"
    if lem == "tun":
        return f == "tue"
    return False


def _lemma_for(form: str, lemma: str) -> str | None:
    """The lemma to test the stem + e rule against: the tagger's lemma when it looks like an
    infinitive, else one guessed from the form (versuche -> versuchen, handele -> handeln).
    None when no safe guess exists (-te forms may be preterites: sagte, machte)."""
    f, lem = form.lower(), (lemma or "").lower()
    if lem and lem != f and lem.endswith("n"):
        return lem
    if not f.endswith("e") or f.endswith("te") or len(f) < 4:
        return None
    if f.endswith(("ele", "ere")):
        return f[:-1] + "n"  # handele -> handeln, wandere -> wandern
    return f + "n"  # versuche -> versuchen


_UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_KII_ENDINGS = ("e", "en", "est", "et")


def umlaut_konjunktiv_ii(form: str, lemma: str) -> bool:
    """gäbe/geben, fänden/finden, brächten/bringen, stünde/stehen: a finite form with an
    umlaut its (real) lemma lacks, ending in -e/-en/-est/-et. Indicative forms only take an
    umlaut the lemma lacks in the 2nd/3rd singular (fährst, hält), which end in -st/-t."""
    f, lem = form.lower(), (lemma or "").lower()
    if not lem or lem == f or not lem.endswith("n") or not f.endswith(_KII_ENDINGS):
        return False
    if not any(c in f for c in "äöü") or any(c in lem for c in "äöü"):
        return False
    return len(f) > 3


def _subjects(sent: Sentence, tok: Token, depth: int = 0) -> list[Token]:
    """Subjects of the token, of its head when it is an auxiliary/copula, or of the verb
    it is coordinated with (ich trage ... und fühle: fühle shares ich)."""
    subs = [c for c in sent.children(tok) if c.deprel in _SUBJ]
    if subs or depth > 3:
        return subs
    head = sent.head_of(tok)
    if head is not None and (tok.deprel in _AUX_REL or tok.deprel == "conj"):
        return _subjects(sent, head, depth + 1)
    return subs


def _first_person(sent: Sentence, tok: Token, rules: KonjunktivRules) -> bool:
    subs = _subjects(sent, tok)
    if any(s.text.lower() in rules.first_person for s in subs):
        return True
    # parser slips: "ich habe" / "habe ich" right next to the verb
    for j in (tok.index - 1, tok.index + 1):
        nb = sent.token(j)
        if nb is not None and nb.text.lower() in rules.first_person and not subs:
            return True
    return False


def _imperative(sent: Sentence, tok: Token) -> bool:
    """Clause-initial verb without a subject: an imperative (Mache das!) or a colloquial
    dropped *ich* (Habe mich operieren lassen. Kenne den Shop ...)."""
    if _subjects(sent, tok):
        return False
    before = [t for t in sent.tokens if t.index < tok.index and t.upos not in ("PUNCT", "CCONJ")]
    return not before


def is_konjunktiv_i(sent: Sentence, tok: Token, rules: KonjunktivRules | None = None) -> bool:
    rules = rules or load_rules()
    form = tok.text.lower()
    if tok.upos not in _VERBAL or form in rules.not_verbs:
        return False
    if tok.feats.get("VerbForm") in ("Inf", "Part") and form not in rules.always:
        return False
    # a capitalised word inside the sentence is a noun (die Wolle, das Sehe...)
    if tok.text[:1].isupper() and any(t.upos != "PUNCT" for t in sent.tokens if t.index < tok.index):
        return False
    if form in rules.always:
        return not _imperative(sent, tok) or form.startswith("seien")
    lemma = _lemma_for(form, tok.lemma)
    if lemma is not None and lemma != (tok.lemma or "").lower() and form in rules.not_guessed:
        lemma = None  # an unlemmatised function word the tagger took for a verb
    if form in rules.unless_first_person or (lemma is not None and regular_form(form, lemma)):
        return not (_first_person(sent, tok, rules) or _imperative(sent, tok))
    return False


def is_konjunktiv_ii(sent: Sentence, tok: Token, rules: KonjunktivRules | None = None) -> bool:
    """Umlaut Konjunktiv II forms (würde, wäre, hätte, könnte...), never indicative."""
    rules = rules or load_rules()
    if tok.upos not in _VERBAL:
        return False
    form = tok.text.lower()
    if form not in rules.konjunktiv_ii:
        if form in rules.not_verbs or tok.feats.get("VerbForm") in ("Inf", "Part"):
            return False
        if not umlaut_konjunktiv_ii(form, tok.lemma):
            return False
    return not (tok.text[:1].isupper() and any(t.upos != "PUNCT" for t in sent.tokens if t.index < tok.index))


def mark(tok: Token, tense: str | None = None) -> None:
    tok.feats["Mood"] = "Sub"
    tok.feats["VerbForm"] = "Fin"
    if tense:
        tok.feats["Tense"] = tense
    tok.feats = dict(sorted(tok.feats.items(), key=lambda kv: kv[0].lower()))


def apply(sent: Sentence, rules: KonjunktivRules | None = None, konjunktiv_ii: bool = True) -> list[int]:
    """Mark Mood=Sub on Konjunktiv I verbs (and umlaut Konjunktiv II forms) of a German
    sentence; return the indices marked."""
    rules = rules or load_rules()
    marked: list[int] = []
    for tok in sent.tokens:
        if tok.feats.get("Mood") == "Sub":
            continue
        if is_konjunktiv_i(sent, tok, rules):
            mark(tok, "Pres")
            marked.append(tok.index)
        elif konjunktiv_ii and is_konjunktiv_ii(sent, tok, rules):
            mark(tok, "Past")
            marked.append(tok.index)
    return marked
