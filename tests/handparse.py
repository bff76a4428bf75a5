"""Build claimcheck's parse objects by hand from CoNLL-U-like lines, so rule stages can be
tested without a model: `doc("de", SENTENCE_BLOCK, ...)`.

Each block is the sentence text on the first line, then one line per word:
`FORM LEMMA UPOS HEAD DEPREL [Feat=Val|...]`. Words are found left to right in the text.
"""

from __future__ import annotations

from claimcheck.nlp.doc import ParsedDoc, Sentence, Token


def doc(lang: str, *blocks: str, sep: str = " ") -> ParsedDoc:
    texts, rows = [], []
    for block in blocks:
        lines = [ln for ln in block.strip().splitlines() if ln.strip()]
        texts.append(lines[0].strip())
        rows.append([ln.split() for ln in lines[1:]])
    text = sep.join(texts)
    sentences, offset = [], 0
    for stext, words in zip(texts, rows, strict=True):
        start = text.index(stext, offset)
        pos = start
        tokens = []
        for i, w in enumerate(words, 1):
            form, lemma, upos, head, deprel = w[:5]
            feats = dict(kv.split("=") for kv in w[5].split("|")) if len(w) > 5 else {}
            at = text.index(form, pos)
            tokens.append(Token(i, form, lemma, upos, feats, int(head), deprel, at, at + len(form)))
            pos = at + len(form)
        sentences.append(Sentence(stext, start, start + len(stext), tokens))
        offset = start + len(stext)
    return ParsedDoc(text=text, language=lang, sentences=sentences)
