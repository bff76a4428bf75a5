"""The stanza adapter: the only module that imports stanza (lazily, inside functions).

`parse(texts, lang)` runs one stanza pipeline per (language, model folder), built once per
process, over a batch of documents and returns claimcheck's own `ParsedDoc` objects.
German output gets the Konjunktiv I backup (`claimcheck.nlp.konjunktiv`) unless disabled.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
from collections.abc import Sequence
from pathlib import Path

from claimcheck.errors import ModelError
from claimcheck.nlp.doc import Entity, ParsedDoc, Sentence, Token
from claimcheck.nlp.models import ModelSet, resolve, resources_dir, unpacked

_PIPELINES: dict[tuple, object] = {}
_LOCK = threading.Lock()
_THREADS_SET = False


def _quiet_stanza() -> None:
    for name in ("stanza", "stanza.pipeline", "stanza.models"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _set_threads() -> None:
    global _THREADS_SET
    if _THREADS_SET:
        return
    import torch

    if not os.environ.get("OMP_NUM_THREADS"):
        torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    _THREADS_SET = True


def _pipeline_kwargs(ms: ModelSet, pretokenized: bool) -> dict:
    procs = [p for p in ms.processors if not (pretokenized and p == "mwt")]
    kw: dict = {
        "lang": ms.lang,
        "processors": ",".join(procs),
        "download_method": None,
        "logging_level": "ERROR",
        "use_gpu": False,
        "tokenize_pretokenized": pretokenized,
    }
    if ms.stanza_dir is not None:
        kw["dir"] = str(ms.stanza_dir)
        return kw
    kw["dir"] = str(resources_dir(ms.lang))
    for proc in procs:
        kw[f"{proc}_model_path"] = str(ms.files[proc])
        if proc in ("pos", "depparse", "ner"):
            if ms.pretrain is None:
                raise ModelError(f"{ms.root}: {ms.lang}_pretrain.pt missing (needed by {proc})")
            kw[f"{proc}_pretrain_path"] = str(ms.pretrain)
    if "ner" in procs:
        kw["ner_charlm_forward_file"] = None
        kw["ner_charlm_backward_file"] = None
    if "pos" in procs:
        kw["pos_batch_size"] = 3000
    if "depparse" in procs:
        kw["depparse_batch_size"] = 3000
    return kw


def get_pipeline(lang: str, models: str | None = None, pretokenized: bool = False):
    """The stanza pipeline for a language, built once per process per model folder."""
    ms = resolve(lang, models)
    key = (*ms.key(), pretokenized)
    pipe = _PIPELINES.get(key)
    if pipe is not None:
        return pipe
    with _LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is not None:
            return pipe
        _quiet_stanza()
        _set_threads()
        import stanza

        ms = unpacked(ms)
        kw = _pipeline_kwargs(ms, pretokenized)
        try:
            pipe = stanza.Pipeline(**kw)
        except Exception as err:
            first = (str(err).splitlines() or [type(err).__name__])[0]
            raise ModelError(f"cannot load {lang} models from {ms.root}: {first[:300]}") from err
        _quiet_stanza()
        _PIPELINES[key] = pipe
        return pipe


def _feats(s: str | None) -> dict[str, str]:
    if not s or s == "_":
        return {}
    out = {}
    for part in s.split("|"):
        k, _, v = part.partition("=")
        if k:
            out[k] = v
    return out


# quotation marks each language's treebanks use, so its tokenizer splits them off words
# (English-EWT writes straight quotes: with them the English tokenizer glues nothing and splits
# off fewest lone quotes; with „…“ it glues 46 quote marks to words in fixtures/en)
TOKENIZER_MARKS = {"de": ("„", "“"), "en": ('"', '"')}


def _for_tokenizer(text: str, lang: str = "de") -> str:
    """Same-length copy of the text with quotation marks the tokenizer knows.

    The treebanks write German quotes as „…“ and hardly ever as "…" or »…«, so the trained
    tokenizer glues straight quotes to words (`sprechen"`); the English ones write "…" and never
    „…“ (`„We`). Offsets are unchanged, and token texts are read back from the original text.
    A two-character mark ('' or ``) becomes one mark and a space on its outer side, so the
    tokenizer sees an ordinary quote (`widen_double_marks` gives the token both characters back).
    """
    from claimcheck.quotes import DOUBLE_MARKS, find_quotes

    opening, closing = TOKENIZER_MARKS.get(lang, TOKENIZER_MARKS["de"])
    chars = list(text)
    for q in find_quotes(text, lang):
        if text[q.start : q.start + 2] in DOUBLE_MARKS:
            chars[q.start : q.start + 2] = [" ", opening]
        elif chars[q.start] in '"»«“„‘':
            chars[q.start] = opening
        if text[q.end - 2 : q.end] == "''" and q.end - 2 >= q.inner_end:
            chars[q.end - 2 : q.end] = [closing, " "]
        elif chars[q.end - 1] in '"»«”“' or text[q.start] == "‘":  # ’ closes only a ‘ quote
            chars[q.end - 1] = closing
    return "".join(chars)


def widen_double_marks(sents: list[Sentence], text: str) -> None:
    """A token on one half of a '' or `` mark (see `_for_tokenizer`) spans the whole mark."""
    from claimcheck.quotes import DOUBLE_MARKS

    if not any(m in text for m in DOUBLE_MARKS):
        return  # nearly every text: no need to map which characters the tokens cover
    covered = {i for s in sents for t in s.tokens for i in range(t.start, t.end)}
    for s in sents:
        for t in s.tokens:
            if t.end - t.start != 1:
                continue
            if text[t.start : t.start + 2] in DOUBLE_MARKS and t.start + 1 not in covered:
                t.end += 1
            elif text[t.start - 1 : t.end] in DOUBLE_MARKS and t.start > 0 and t.start - 1 not in covered:
                t.start -= 1
            else:
                continue
            t.text = text[t.start : t.end]
        s.start, s.end = s.tokens[0].start, s.tokens[-1].end
        s.text = text[s.start : s.end]


def _convert_sentence(sent, text: str) -> Sentence:
    tokens: list[Token] = []
    for tok in sent.tokens:
        start, end = tok.start_char, tok.end_char
        if start is None or end is None:
            start = end = tokens[-1].end if tokens else 0
        ner = getattr(tok, "ner", None) or "O"
        single = len(tok.words) == 1
        for w in tok.words:
            tokens.append(
                Token(
                    index=int(w.id),
                    text=text[start:end] if single and end > start else w.text,
                    lemma=w.lemma if w.lemma is not None else w.text,
                    upos=w.upos or "X",
                    feats=_feats(w.feats),
                    head=int(w.head) if w.head is not None else 0,
                    deprel=w.deprel or "dep",
                    start=start,
                    end=end,
                    xpos=w.xpos or "",
                    ner=ner,
                )
            )
    s_start = tokens[0].start if tokens else 0
    s_end = tokens[-1].end if tokens else 0
    ents = []
    for e in getattr(sent, "ents", None) or []:
        ents.append(Entity(text=text[e.start_char : e.end_char], type=e.type, start=e.start_char, end=e.end_char))
    return Sentence(text=text[s_start:s_end], start=s_start, end=s_end, tokens=tokens, entities=ents)


def convert(doc, text: str, lang: str, konjunktiv_rule: bool = True, postprocess: bool = True) -> ParsedDoc:
    sents = [_convert_sentence(s, text) for s in doc.sentences]
    return _finish([s for s in sents if s.tokens], text, lang, konjunktiv_rule, postprocess)


def _finish(
    sents: list[Sentence], text: str, lang: str, konjunktiv_rule: bool = True, postprocess: bool = True
) -> ParsedDoc:
    """claimcheck's own repairs on top of stanza's output (Konjunktiv I, English fixes)."""
    widen_double_marks(sents, text)
    if lang == "de" and postprocess:
        from claimcheck.nlp import german

        sents = german.apply(sents, text)
    if lang == "de" and konjunktiv_rule:
        from claimcheck.nlp import konjunktiv

        rules = konjunktiv.load_rules()
        for s in sents:
            konjunktiv.apply(s, rules)
    if lang == "en" and postprocess:
        from claimcheck.nlp import english

        sents = english.apply(sents, text)
    return ParsedDoc(text=text, language=lang, sentences=sents)


class ParseCache:
    """Raw parses on disk, keyed by text (and the text the tokenizer saw), language and model files
    (`CLAIMCHECK_PARSE_CACHE=DIR`).

    For rule development and `claimcheck eval`: re-running the rules over a corpus then
    takes seconds instead of re-parsing. The cache holds stanza's output before
    claimcheck's own repairs, so changes to the Konjunktiv or English rules still apply.
    """

    def __init__(self, folder: str, lang: str, models: str | None):
        import hashlib

        self.folder = Path(folder)
        ms = resolve(lang, models)
        stamp = [lang, str(ms.root)] + [
            f"{p}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for p, f in sorted(ms.files.items())
        ]
        self.prefix = hashlib.sha256("|".join(stamp).encode()).hexdigest()[:16]

    def _path(self, text: str, seen: str) -> Path:
        import hashlib

        # the text stanza saw is part of the key: a change to `_for_tokenizer` re-parses what it changes
        key = hashlib.sha256((text if seen == text else text + "\0" + seen).encode()).hexdigest()[:32]
        return self.folder / f"{self.prefix}-{key}.pkl"

    def get(self, text: str, seen: str) -> list[Sentence] | None:
        """The cached parse of `text`, which the tokenizer saw as `seen` (`_for_tokenizer`)."""
        path = self._path(text, seen)
        if not path.exists():
            return None
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a torn or stale file is just a miss
            return None

    def put(self, text: str, seen: str, sents: list[Sentence]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(text, seen)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(sents, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)


def parse(
    texts: Sequence[str],
    lang: str,
    models: str | None = None,
    konjunktiv_rule: bool = True,
) -> list[ParsedDoc]:
    """Parse a batch of documents. Empty/whitespace-only texts give docs without sentences."""
    texts = list(texts)
    out: list[ParsedDoc | None] = [None] * len(texts)
    cache_dir = os.environ.get("CLAIMCHECK_PARSE_CACHE")
    cache = ParseCache(cache_dir, lang, models) if cache_dir else None
    todo = []
    seen: dict[int, str] = {}  # the text the tokenizer gets, computed once per document
    for i, t in enumerate(texts):
        if not (t and t.strip()):
            out[i] = ParsedDoc(text=t or "", language=lang, sentences=[])
            continue
        seen[i] = _for_tokenizer(t, lang)
        cached = cache.get(t, seen[i]) if cache else None
        if cached is not None:
            out[i] = _finish(cached, t, lang, konjunktiv_rule)
        else:
            todo.append(i)
    if todo:
        import stanza

        nlp = get_pipeline(lang, models)
        docs = [stanza.Document([], text=seen[i]) for i in todo]
        try:
            docs = nlp(docs)
        except Exception as err:
            first = (str(err).splitlines() or [type(err).__name__])[0]
            raise ModelError(f"{lang} parser failed: {first[:300]}") from err
        for i, d in zip(todo, docs, strict=True):
            sents = [s for s in (_convert_sentence(x, texts[i]) for x in d.sentences) if s.tokens]
            if cache:
                cache.put(texts[i], seen[i], sents)
            out[i] = _finish(sents, texts[i], lang, konjunktiv_rule)
    return [d for d in out if d is not None]


def parse_pretokenized(
    sentences: Sequence[Sequence[str]],
    lang: str,
    models: str | None = None,
    konjunktiv_rule: bool = True,
    chunk: int = 200,
) -> list[Sentence]:
    """Tag/parse gold-tokenised sentences (lists of syntactic words), for evaluation."""
    nlp = get_pipeline(lang, models, pretokenized=True)
    out: list[Sentence] = []
    sentences = [list(s) for s in sentences]
    for i in range(0, len(sentences), chunk):
        part = sentences[i : i + chunk]
        doc = nlp(part)
        if len(doc.sentences) != len(part):  # stanza re-split the chunk: one sentence at a time
            docs = [nlp([s]) for s in part]
            for d in docs:
                conv = convert(d, d.text or "", lang, konjunktiv_rule, postprocess=False).sentences
                out.append(conv[0] if len(conv) == 1 else _merge(conv))
            continue
        out.extend(convert(doc, doc.text or "", lang, konjunktiv_rule, postprocess=False).sentences)
    return out


def _merge(sents: list[Sentence]) -> Sentence:
    """Join sentences stanza split apart back into one (evaluation needs 1:1 sentences)."""
    tokens: list[Token] = []
    for s in sents:
        offset = len(tokens)
        for t in s.tokens:
            t.index += offset
            t.head = t.head + offset if t.head else 0
            tokens.append(t)
    return Sentence(text=" ".join(s.text for s in sents), start=sents[0].start, end=sents[-1].end, tokens=tokens)
