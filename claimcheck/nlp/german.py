"""Repairs to German parses that claimcheck's rules depend on (the small tagger's typical slips).

- A capitalised word tagged as a noun whose lemma the lemmatizer gives in lower case is not a
  noun: "Insgesamt spricht die Polizei …" (tagged NOUN, lemma *insgesamt*) opens the sentence
  as an adverb, so it cannot be the subject of *spricht*.
"""

from __future__ import annotations

from claimcheck.nlp.doc import Sentence


def apply(sents: list[Sentence]) -> list[Sentence]:
    for sent in sents:
        for tok in sent.tokens:
            lemma = tok.lemma or ""
            if (
                tok.upos in ("NOUN", "PROPN")
                and tok.text[:1].isupper()
                and lemma[:1].islower()
                and lemma.isalpha()
                and lemma == tok.text.lower()
            ):
                tok.upos = "ADV"
                tok.feats = {}
                if tok.deprel.startswith("nsubj") or tok.deprel in ("obj", "iobj"):
                    tok.deprel = "advmod"
    return sents
