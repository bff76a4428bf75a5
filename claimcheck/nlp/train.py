"""Train claimcheck's stanza models offline from UD CoNLL-U treebanks (and GermEval NER).

Everything runs stanza's own training entry points as subprocesses
(`python -m stanza.models.tagger ...`), seeded, with their progress on stdout. Work files
(converted data, word vectors, stanza checkpoints) live in a work directory; only the final
model files are copied into `out_dir` (never a `*_checkpoint.pt`).

Data layout expected under `data_dir` (the UD release folder names):
  de: UD_German-GSD (dev used for training, test held out), UD_German-PUD, UD_German-LIT,
      GermEval2014-NER (optional), german-news-quotation-2024 (optional, word vectors only)
  en: UD_English-EWT (train/dev/test), UD_English-GUM (optional, word vectors only)
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ModelError

ALL_STEPS = ("wordvec", "tokenize", "mwt", "lemma", "pos", "depparse", "ner")
MODEL_FILES = {
    "tokenize": "tokenizer.pt",
    "mwt": "mwt.pt",
    "pos": "pos.pt",
    "lemma": "lemma.pt",
    "depparse": "depparse.pt",
    "pretrain": "pretrain.pt",
    "ner": "ner.pt",
}


@dataclass
class TrainConfig:
    lang: str
    data_dir: Path
    out_dir: Path
    work_dir: Path
    seed: int = 1
    tok_steps: int = 2000
    mwt_epochs: int = 10
    pos_steps: int = 600
    pos_batch: int = 50
    pos_dims: tuple[int, int, int] = (128, 128, 50)  # tagger hidden, char hidden, word embedding dims
    dep_steps: int = 1500
    dep_batch: int = 500
    ner_steps: int = 1000
    lemma_seq2seq: bool = False
    lemma_epochs: int = 10
    wv_dim: int = 100
    wv_epochs: int = 10
    wv_min_count: int = 2
    pos_init: Path | None = None  # continue the tagger from this model (.pt or bundled .pt.xz)
    dep_init: Path | None = None  # continue the parser from this model (fresh optimizer)
    pos_gum: bool = False  # en: add GUM train's CC BY genres to the tagger's training data
    dep_train: Path | None = None  # parser training file instead of gold-tagged train (e.g. predicted tags)
    dep_dev: Path | None = None  # parser model-selection file instead of gold-tagged dev (same tags as dep_train)
    pos_extra: list[str] = field(default_factory=list)
    dep_extra: list[str] = field(default_factory=list)
    threads: int = 1  # torch threads per training process (2 threads thrash when a core is busy)


# ----------------------------------------------------------------------------- data


def _read_conllu(path: Path) -> list[str]:
    """Sentences as raw CoNLL-U blocks (comments included)."""
    text = path.read_text(encoding="utf-8")
    return [b.strip("\n") for b in text.split("\n\n") if b.strip()]


def _write_conllu(path: Path, blocks: list[str]) -> None:
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


def _is_word(cols: list[str]) -> bool:
    """A syntactic word's line (not a multi-word token range, an empty node or a comment)."""
    return len(cols) == 10 and cols[0].isdigit()


def _map_cols(block: str, fn) -> str:
    out = []
    for line in block.split("\n"):
        if line.startswith("#") or not line:
            out.append(line)
            continue
        cols = line.split("\t")
        if _is_word(cols):
            cols = fn(cols)
        out.append("\t".join(cols))
    return "\n".join(out)


# Where PUD's UPOS conventions differ from GSD's (the held-out test set's): GSD tags weekdays
# and months PROPN, comparative "als" and "um" (also in "um ... zu") ADP, and a standalone
# demonstrative/article ("Das ist ...") PRON; PUD tags them NOUN, CCONJ/SCONJ and DET.
_GSD_PROPN_NOUNS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar februar märz april mai "
    "juni juli august september oktober november dezember".split()
)
_GSD_ADP_WORDS = {"als": ("CCONJ",), "um": ("SCONJ",)}
_DEMONSTRATIVES = frozenset("der die das dem den des dies diese dieser dieses diesem diesen".split())
_NOMINAL_RELS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl"})


def _pud_upos_to_gsd(form: str, upos: str, deprel: str) -> str:
    low = form.lower()
    if upos == "NOUN" and low in _GSD_PROPN_NOUNS:
        return "PROPN"
    if upos in _GSD_ADP_WORDS.get(low, ()):
        return "ADP"
    if upos == "DET" and low in _DEMONSTRATIVES and deprel in _NOMINAL_RELS:
        return "PRON"
    return upos


def _pud_to_gsd(cols: list[str]) -> list[str]:
    """One PUD word line in GSD's UPOS and feature conventions (XPOS blanked)."""
    cols = list(cols)
    cols[3] = _pud_upos_to_gsd(cols[1], cols[3], cols[7])
    upos, xpos = cols[3], cols[4]
    feats = {} if cols[5] == "_" else dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
    if upos == "ADV":
        feats.pop("Degree", None)
    if upos in ("VERB", "AUX"):
        if "Mood" in feats:
            feats["VerbForm"] = "Fin"
        elif xpos == "VBN":
            feats = {"VerbForm": "Part"}
        elif xpos == "VB" and not feats:
            feats = {"VerbForm": "Inf"}
        if upos == "AUX" and cols[7] == "aux:pass":
            feats["Voice"] = "Pass"
    feats.pop("Foreign", None) if upos != "X" else None
    cols[4] = "_"
    cols[5] = "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower())) or "_"
    return cols


def _split(blocks: list[str], every: int = 10) -> tuple[list[str], list[str]]:
    train = [b for i, b in enumerate(blocks) if i % every != every - 1]
    dev = [b for i, b in enumerate(blocks) if i % every == every - 1]
    return train, dev


def _need(path: Path) -> Path:
    if not path.exists():
        raise ModelError(f"training data not found: {path}")
    return path


def prepare_data(cfg: TrainConfig) -> dict[str, Path]:
    """Write train/dev/test CoNLL-U files into the work dir; return their paths.

    de: GSD dev + PUD + LIT, split 9:1 into train/dev (dev = every 10th sentence, used for
    model selection only); GSD test is the held-out test set. The tagger never sees LIT
    (it has almost no features) and XPOS are only learned from GSD (PUD's are not STTS).
    en: EWT train / dev / test as released.
    """
    w = cfg.work_dir
    w.mkdir(parents=True, exist_ok=True)
    d = cfg.data_dir
    paths: dict[str, Path] = {}
    if cfg.lang == "de":
        gsd_dev = _read_conllu(_need(d / "UD_German-GSD/de_gsd-ud-dev.conllu"))
        pud = _read_conllu(_need(d / "UD_German-PUD/de_pud-ud-test.conllu"))
        lit = _read_conllu(_need(d / "UD_German-LIT/de_lit-ud-test.conllu"))
        # PUD XPOS are not STTS: blank them; its features follow other conventions
        # than GSD's (no VerbForm, Degree on adverbs): map them to GSD's.
        pud_pos = [_map_cols(b, _pud_to_gsd) for b in pud]
        g_tr, g_dv = _split(gsd_dev)
        p_tr, p_dv = _split(pud)
        pp_tr, pp_dv = _split(pud_pos)
        l_tr, l_dv = _split(lit)
        files = {
            "train": g_tr + p_tr + l_tr,
            "dev": g_dv + p_dv + l_dv,
            "pos_train": g_tr + pp_tr,
            "pos_dev": g_dv + pp_dv,
            "test": _read_conllu(_need(d / "UD_German-GSD/de_gsd-ud-test.conllu")),
        }
    elif cfg.lang == "en":
        ewt = d / "UD_English-EWT"
        tr = _read_conllu(_need(ewt / "en_ewt-ud-train.conllu"))
        dv = _read_conllu(_need(ewt / "en_ewt-ud-dev.conllu"))
        dv = dv[:600]  # model selection only; a subset keeps evaluation cheap on CPU
        files = {
            "train": tr,
            "dev": dv,
            "pos_train": tr + (_gum_cc_by(d) if cfg.pos_gum else []),
            "pos_dev": dv,
            "test": _read_conllu(_need(ewt / "en_ewt-ud-test.conllu")),
        }
    else:
        raise ModelError(f"no training recipe for language {cfg.lang!r} (use de or en)")
    for name, blocks in files.items():
        p = w / f"{cfg.lang}_{name}.conllu"
        _write_conllu(p, blocks)
        paths[name] = p
        print(f"[data] {name}: {len(blocks)} sentences -> {p}", flush=True)
    return paths


# GUM genres under CC BY (or public domain) per the treebank's LICENSE; wikiHow and fiction are
# CC BY-NC-SA, and the newer genres (academic, court, essay, letter, podcast) are not listed there
GUM_CC_BY = ("news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation")


def _gum_cc_by(d: Path) -> list[str]:
    """GUM train sentences from the documents whose licence allows a shipped model (CC BY)."""
    import re

    blocks = _read_conllu(_need(d / "UD_English-GUM/en_gum-ud-train.reconstructed-no-reddit.conllu"))
    keep, genre = [], ""
    for b in blocks:
        m = re.search(r"^# newdoc id = GUM_([a-z]+)_", b, re.M)
        genre = m.group(1) if m else genre
        if genre in GUM_CC_BY:
            keep.append(b)
    return keep


def _wordvec_sentences(cfg: TrainConfig, paths: dict[str, Path]):
    """Tokenised sentences for word2vec: training treebanks + extra raw text (never test)."""
    import re

    sents: list[list[str]] = []
    for key in ("train", "dev"):
        for block in _read_conllu(paths[key]):
            words = [
                line.split("\t")[1]
                for line in block.split("\n")
                if line and not line.startswith("#") and line.split("\t")[0].isdigit()
            ]
            sents.append(words)
    tok_re = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
    split_re = re.compile(r"(?<=[.!?])\s+|\n+")

    def add_text(text: str) -> None:
        for s in split_re.split(text):
            toks = tok_re.findall(s)
            if toks:
                sents.append(toks)

    d = cfg.data_dir
    if cfg.lang == "de":
        ner = d / "GermEval2014-NER"
        for f in ("NER-de-dev.tsv", "NER-de-test.tsv"):
            if (ner / f).exists():
                cur: list[str] = []
                for line in (ner / f).read_text(encoding="utf-8").split("\n"):
                    if not line.strip():
                        if cur:
                            sents.append(cur)
                        cur = []
                    elif not line.startswith("#"):
                        parts = line.split("\t")
                        if len(parts) > 1:
                            cur.append(parts[1])
        for f in sorted(glob.glob(str(d / "german-news-quotation-2024/*/*.json"))):
            try:
                add_text(json.loads(Path(f).read_text(encoding="utf-8")).get("originalText", ""))
            except (OSError, ValueError):
                continue
    else:
        for f in sorted(glob.glob(str(d / "UD_English-GUM/*.conllu"))):
            for block in _read_conllu(Path(f)):
                sents.append(
                    [
                        line.split("\t")[1]
                        for line in block.split("\n")
                        if line and not line.startswith("#") and line.split("\t")[0].isdigit()
                    ]
                )
        # PolNeAR has no licence ("never redistribute"): not used for shipped vectors.
    return sents


def _stable_hash(s: str) -> int:
    import zlib

    return zlib.crc32(s.encode("utf-8"))


def build_wordvec(cfg: TrainConfig, paths: dict[str, Path]) -> Path:
    """word2vec with gensim on the local text, converted to a stanza pretrain file."""
    from gensim.models import Word2Vec

    pt = cfg.work_dir / f"{cfg.lang}_pretrain.pt"
    if pt.exists():
        print(f"[wordvec] reuse {pt}", flush=True)
        return pt
    t0 = time.time()
    sents = _wordvec_sentences(cfg, paths)
    print(f"[wordvec] {len(sents)} sentences, {sum(map(len, sents))} tokens", flush=True)
    model = Word2Vec(
        sents,
        vector_size=cfg.wv_dim,
        window=5,
        min_count=cfg.wv_min_count,
        sg=1,
        epochs=cfg.wv_epochs,
        workers=1,  # one worker: gensim is only deterministic single-threaded
        seed=cfg.seed,
        hashfxn=_stable_hash,  # str hash() is salted per process: not reproducible
    )
    txt = cfg.work_dir / f"{cfg.lang}_vec.txt"
    model.wv.save_word2vec_format(str(txt))
    from stanza.models.common.pretrain import Pretrain

    Pretrain(str(pt), str(txt)).load()
    print(f"[wordvec] {len(model.wv)} words x {cfg.wv_dim} in {time.time() - t0:.0f}s", flush=True)
    return pt


# ----------------------------------------------------------------------------- runs


def _run(cmd: list[str], log_name: str, cfg: TrainConfig) -> None:
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = str(cfg.threads)
    env["MKL_NUM_THREADS"] = str(cfg.threads)
    print("[run] " + " ".join(cmd), flush=True)
    t0 = time.time()
    res = subprocess.run(cmd, env=env)
    print(f"[run] {log_name} finished rc={res.returncode} in {time.time() - t0:.0f}s", flush=True)
    if res.returncode != 0:
        raise ModelError(f"training step {log_name} failed (exit {res.returncode})")


def _py(module: str) -> list[str]:
    return [sys.executable, "-m", module]


def _shorthand(lang: str) -> str:
    return {"de": "de_gsd", "en": "en_ewt"}.get(lang, f"{lang}_ud")


def _install(cfg: TrainConfig, src: Path, key: str) -> None:
    if not src.exists():
        raise ModelError(f"training produced no model file {src}")
    if "checkpoint" in src.name:
        raise ModelError("refusing to ship a checkpoint")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    dst = cfg.out_dir / f"{cfg.lang}_{MODEL_FILES[key]}"
    shutil.copyfile(src, dst)
    print(f"[install] {dst} ({dst.stat().st_size / 1e6:.1f} MB)", flush=True)


def train_tokenizer(cfg: TrainConfig, paths: dict[str, Path]) -> None:
    w = cfg.work_dir
    for split in ("train", "dev"):
        txt = w / f"{cfg.lang}_{split}.txt"
        from stanza.utils.datasets.conllu_to_text import convert_text

        convert_text(str(paths[split]), str(txt))
        subprocess.run(
            _py("stanza.utils.datasets.prepare_tokenizer_data")
            + [
                str(txt),
                str(paths[split]),
                "-o",
                str(w / f"{cfg.lang}_{split}.toklabels"),
                "-m",
                str(w / f"{cfg.lang}_{split}.mwt.json"),
            ],
            check=True,
        )
    save = w / "models"
    cmd = _py("stanza.models.tokenizer") + [
        "--mode",
        "train",
        "--txt_file",
        str(w / f"{cfg.lang}_train.txt"),
        "--label_file",
        str(w / f"{cfg.lang}_train.toklabels"),
        "--mwt_json_file",
        str(w / f"{cfg.lang}_train.mwt.json"),
        "--dev_txt_file",
        str(w / f"{cfg.lang}_dev.txt"),
        "--dev_label_file",
        str(w / f"{cfg.lang}_dev.toklabels"),
        "--dev_conll_gold",
        str(paths["dev"]),
        "--conll_file",
        str(w / f"{cfg.lang}_tok_dev_pred.conllu"),
        "--lang",
        cfg.lang,
        "--shorthand",
        _shorthand(cfg.lang),
        "--save_dir",
        str(save),
        "--save_name",
        f"{cfg.lang}_tokenizer.pt",
        "--steps",
        str(cfg.tok_steps),
        "--eval_steps",
        str(max(100, cfg.tok_steps // 4)),
        "--seed",
        str(cfg.seed),
        "--cpu",
    ]
    _run(cmd, "tokenize", cfg)
    _install(cfg, save / f"{cfg.lang}_tokenizer.pt", "tokenize")


def train_mwt(cfg: TrainConfig, paths: dict[str, Path]) -> None:
    save = cfg.work_dir / "models"
    cmd = _py("stanza.models.mwt_expander") + [
        "--mode",
        "train",
        "--train_file",
        str(paths["train"]),
        "--eval_file",
        str(paths["dev"]),
        "--output_file",
        str(cfg.work_dir / f"{cfg.lang}_mwt_dev_pred.conllu"),
        "--gold_file",
        str(paths["dev"]),
        "--lang",
        cfg.lang,
        "--shorthand",
        _shorthand(cfg.lang),
        "--save_dir",
        str(save),
        "--save_name",
        f"{cfg.lang}_mwt.pt",
        "--num_epoch",
        str(cfg.mwt_epochs),
        "--seed",
        str(cfg.seed),
        "--cpu",
    ]
    _run(cmd, "mwt", cfg)
    _install(cfg, save / f"{cfg.lang}_mwt.pt", "mwt")


def train_lemma(cfg: TrainConfig, paths: dict[str, Path]) -> None:
    save = cfg.work_dir / "models"
    cmd = _py("stanza.models.lemmatizer") + [
        "--mode",
        "train",
        "--train_file",
        str(paths["train"]),
        "--eval_file",
        str(paths["dev"]),
        "--output_file",
        str(cfg.work_dir / f"{cfg.lang}_lemma_dev_pred.conllu"),
        "--shorthand",
        _shorthand(cfg.lang),
        "--save_dir",
        str(save),
        "--save_name",
        f"{cfg.lang}_lemma.pt",
        "--seed",
        str(cfg.seed),
        "--cpu",
    ]
    if cfg.lemma_seq2seq:
        cmd += ["--num_epoch", str(cfg.lemma_epochs)]
    else:
        cmd += ["--dict_only"]
    _run(cmd, "lemma", cfg)
    _install(cfg, save / f"{cfg.lang}_lemma.pt", "lemma")


def _float32_copy(src: Path, dst: Path) -> Path:
    """A plain float32 .pt of a bundled `*.pt.xz` (or `src` itself if it is not packed)."""
    if src.suffix != ".xz":
        return src
    import io
    import lzma

    import torch

    from claimcheck.nlp.models import _convert_floats

    with lzma.open(src, "rb") as fh:
        data = torch.load(io.BytesIO(fh.read()), map_location="cpu", weights_only=False)
    dst.parent.mkdir(parents=True, exist_ok=True)
    torch.save(_convert_floats(data, torch.float16, torch.float32), dst)
    return dst


def _tagger_from_init(init: str, tagger_argv: list[str]) -> None:
    """Run stanza's tagger training loop, starting from the weights of an earlier model.

    stanza's tagger has no --continue flag: the Trainer it builds from scratch gets the
    earlier model's weights (a fresh optimizer). The training data is mapped through the
    model's own vocabulary (words and tag values it has not seen become UNK), so the tagger
    can continue on more data (`--pos-gum`) without its embeddings shifting.
    """
    import torch
    from stanza.models import tagger as st_tagger
    from stanza.models.pos.vocab import MultiVocab

    init_vocab = MultiVocab.load_state_dict(torch.load(init, map_location="cpu", weights_only=False)["vocab"])
    st_tagger.Dataset.init_vocab = staticmethod(lambda docs, args, tag_columns=None: init_vocab)
    base = st_tagger.Trainer
    state = {"done": False}

    class _InitTrainer(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if kwargs.get("model_file") is not None or state["done"]:
                return
            ckpt = torch.load(init, map_location="cpu", weights_only=False)
            if ckpt["vocab"] != self.vocab.state_dict():
                raise SystemExit(f"vocabulary of {init} differs from the training data's: train fresh")
            missing, unexpected = self.model.load_state_dict(ckpt["model"], strict=False)
            unsaved = tuple(self.model.unsaved_modules)
            missing = [k for k in missing if k.split(".")[0] not in unsaved]
            if missing or unexpected:
                raise SystemExit(f"{init} does not fit this tagger: missing {missing}, unexpected {unexpected}")
            state["done"] = True
            print(f"[pos] weights initialised from {init}", flush=True)

    st_tagger.Trainer = _InitTrainer
    st_tagger.main(tagger_argv)


def _parser_with_init_vocab(init: str, parser_argv: list[str]) -> None:
    """Run stanza's parser training with the training data mapped through `init`'s vocabulary.

    stanza builds the vocabulary from the training file; continuing on the same sentences with
    predicted tags (`--dep-train`) counts tags differently, so the ids no longer match the loaded
    model's embeddings. The loaded model's vocabulary maps the file instead (unseen values -> UNK).
    """
    import torch
    from stanza.models import parser as st_parser
    from stanza.models.pos.vocab import MultiVocab

    init_vocab = MultiVocab.load_state_dict(torch.load(init, map_location="cpu", weights_only=False)["vocab"])
    base = st_parser.DataLoader

    def loader(*args, vocab=None, **kwargs):
        return base(*args, vocab=vocab or init_vocab, **kwargs)

    st_parser.DataLoader = loader
    print(f"[depparse] training data mapped with the vocabulary of {init}", flush=True)
    st_parser.main(parser_argv)


def train_pos(cfg: TrainConfig, paths: dict[str, Path], pretrain: Path) -> None:
    save = cfg.work_dir / "models"
    if cfg.pos_init:
        init = _float32_copy(Path(cfg.pos_init), cfg.work_dir / f"{cfg.lang}_pos_init.pt")
        head = _py("claimcheck.nlp.train") + ["_tagger_from_init", str(init), "--"]
    else:
        head = _py("stanza.models.tagger")
    cmd = head + [
        "--mode",
        "train",
        "--lang",
        cfg.lang,
        "--shorthand",
        _shorthand(cfg.lang),
        "--train_file",
        str(paths["pos_train"]),
        "--eval_file",
        str(paths["pos_dev"]),
        "--output_file",
        str(cfg.work_dir / f"{cfg.lang}_pos_dev_pred.conllu"),
        "--wordvec_pretrain_file",
        str(pretrain),
        "--save_dir",
        str(save),
        "--save_name",
        f"{cfg.lang}_pos.pt",
        "--batch_size",
        str(cfg.pos_batch),
        "--hidden_dim",
        str(cfg.pos_dims[0]),
        "--char_hidden_dim",
        str(cfg.pos_dims[1]),
        "--word_emb_dim",
        str(cfg.pos_dims[2]),
        "--transformed_dim",
        "64",
        "--deep_biaff_hidden_dim",
        "200",
        "--composite_deep_biaff_hidden_dim",
        "64",
        "--max_steps",
        str(cfg.pos_steps),
        "--eval_interval",
        str(max(50, cfg.pos_steps // 6)),
        "--fix_eval_interval",
        "--log_step",
        "20",
        "--seed",
        str(cfg.seed),
        "--cpu",
        *cfg.pos_extra,
    ]
    _run(cmd, "pos", cfg)
    _install(cfg, save / f"{cfg.lang}_pos.pt", "pos")


def train_depparse(cfg: TrainConfig, paths: dict[str, Path], pretrain: Path) -> None:
    save = cfg.work_dir / "models"
    model = save / f"{cfg.lang}_depparse.pt"
    ckpt = save / f"{cfg.lang}_depparse_checkpoint.pt"
    init = _float32_copy(Path(cfg.dep_init), cfg.work_dir / f"{cfg.lang}_depparse_init.pt") if cfg.dep_init else None
    if init and cfg.dep_train:
        head = _py("claimcheck.nlp.train") + ["_parser_with_init_vocab", str(init), "--"]
    else:
        head = _py("stanza.models.parser")
    cmd = head + [
        "--mode",
        "train",
        "--lang",
        cfg.lang,
        "--shorthand",
        _shorthand(cfg.lang),
        "--train_file",
        str(cfg.dep_train or paths["train"]),
        "--eval_file",
        str(cfg.dep_dev or paths["dev"]),
        "--output_file",
        str(cfg.work_dir / f"{cfg.lang}_dep_dev_pred.conllu"),
        "--wordvec_pretrain_file",
        str(pretrain),
        "--save_dir",
        str(save),
        "--save_name",
        model.name,
        "--checkpoint_save_name",
        str(ckpt),
        "--batch_size",
        str(cfg.dep_batch),
        "--hidden_dim",
        "200",
        "--char_hidden_dim",
        "100",
        "--word_emb_dim",
        "50",
        "--transformed_dim",
        "100",
        "--deep_biaff_hidden_dim",
        "200",
        "--max_steps",
        str(cfg.dep_steps),
        "--eval_interval",
        str(max(100, cfg.dep_steps // 6)),
        "--seed",
        str(cfg.seed),
        "--cpu",
        *cfg.dep_extra,
    ]
    if cfg.lang == "de":
        # XPOS differ between the German treebanks and LIT has no features: parse from UPOS.
        cmd += ["--no_xpos", "--no_ufeats"]
    if ckpt.exists():
        cmd += ["--continue_from", str(ckpt)]
        print(f"[depparse] resuming from {ckpt}", flush=True)
    elif init:
        # stanza's --continue_from takes a plain model too (weights and vocabulary, a new
        # optimizer, step count from 0): the vocabulary must come from the same prepared data.
        cmd += ["--continue_from", str(init)]
        if not model.exists():
            # stanza's switch to the second optimizer reloads the best saved model: before the first
            # evaluation that must be the starting point (else --dep-adam-from 1 fails)
            model.parent.mkdir(parents=True, exist_ok=True)
            if cfg.dep_dev:
                # the init's score history was measured on another dev file: kept, no new score beats it
                # and stanza never saves a better model
                import torch

                data = torch.load(init, map_location="cpu", weights_only=False)
                data["dev_score_history"] = []
                torch.save(data, model)
            else:
                shutil.copyfile(init, model)
        print(f"[depparse] continuing from {init}", flush=True)
    _run(cmd, "depparse", cfg)
    _install(cfg, model, "depparse")


def _germeval_to_json(src: Path, dst: Path) -> None:
    docs: list[list[dict[str, str]]] = []
    cur: list[dict[str, str]] = []
    for line in src.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if cur:
                docs.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        tag = parts[2]
        # outer NE column; collapse deriv/part subtypes (PERderiv, LOCpart...) to O
        if tag != "O" and (tag.endswith("deriv") or tag.endswith("part")):
            tag = "O"
        tag = tag.replace("-OTH", "-MISC")
        cur.append({"text": parts[1], "ner": tag})
    if cur:
        docs.append(cur)
    dst.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")


def train_ner(cfg: TrainConfig, paths: dict[str, Path], pretrain: Path) -> None:
    if cfg.lang != "de":
        print("[ner] no NER training data for this language; skipped", flush=True)
        return
    ner_dir = cfg.data_dir / "GermEval2014-NER"
    dev_src = _need(ner_dir / "NER-de-dev.tsv")
    test_src = _need(ner_dir / "NER-de-test.tsv")
    w = cfg.work_dir
    # dev (2.2k sentences) trains, test is split: its first half for model selection and
    # the second half is the held-out NER test set.
    _germeval_to_json(dev_src, w / "de_ner_train.json")
    _germeval_to_json(test_src, w / "de_ner_testall.json")
    allt = json.loads((w / "de_ner_testall.json").read_text(encoding="utf-8"))
    half = len(allt) // 2
    (w / "de_ner_dev.json").write_text(json.dumps(allt[:half], ensure_ascii=False), encoding="utf-8")
    (w / "de_ner_test.json").write_text(json.dumps(allt[half:], ensure_ascii=False), encoding="utf-8")
    save = w / "models"
    cmd = _py("stanza.models.ner_tagger") + [
        "--mode",
        "train",
        "--lang",
        cfg.lang,
        "--shorthand",
        "de_germeval2014",
        "--train_file",
        str(w / "de_ner_train.json"),
        "--eval_file",
        str(w / "de_ner_dev.json"),
        "--wordvec_pretrain_file",
        str(pretrain),
        "--save_dir",
        str(save),
        "--save_name",
        "de_ner.pt",
        "--hidden_dim",
        "128",
        "--char_hidden_dim",
        "64",
        "--word_emb_dim",
        "50",
        "--max_steps",
        str(cfg.ner_steps),
        "--eval_interval",
        str(max(100, cfg.ner_steps // 5)),
        "--batch_size",
        "32",
        "--seed",
        str(cfg.seed),
        "--cpu",
    ]
    _run(cmd, "ner", cfg)
    _install(cfg, save / "de_ner.pt", "ner")


def train(
    lang: str,
    data_dir: str | Path,
    out_dir: str | Path,
    work_dir: str | Path | None = None,
    steps: list[str] | None = None,
    seed: int = 1,
    **overrides,
) -> Path:
    """Train the requested processors (default: all) and copy the models into out_dir."""
    steps = list(steps or ALL_STEPS)
    unknown = [s for s in steps if s not in ALL_STEPS]
    if unknown:
        raise ModelError(f"unknown training step(s): {', '.join(unknown)}")
    out = Path(out_dir)
    work = Path(work_dir) if work_dir else out.parent / f".{out.name}_work_{lang}"
    cfg = TrainConfig(lang=lang, data_dir=Path(data_dir), out_dir=out, work_dir=work, seed=seed)
    for k, v in overrides.items():
        if v is None:
            continue
        if not hasattr(cfg, k):
            raise ModelError(f"unknown training option {k}")
        setattr(cfg, k, v)
    t_all = time.time()
    paths = prepare_data(cfg)
    pretrain = None
    if any(s in steps for s in ("wordvec", "pos", "depparse", "ner")):
        pretrain = build_wordvec(cfg, paths)
        _install(cfg, pretrain, "pretrain")
    timings: dict[str, float] = {}
    for step in steps:
        t0 = time.time()
        if step == "tokenize":
            train_tokenizer(cfg, paths)
        elif step == "mwt":
            if _has_mwt(paths["train"]):
                train_mwt(cfg, paths)
            else:
                print("[mwt] no multi-word tokens in the data; skipped", flush=True)
        elif step == "lemma":
            train_lemma(cfg, paths)
        elif step == "pos":
            train_pos(cfg, paths, pretrain)
        elif step == "depparse":
            train_depparse(cfg, paths, pretrain)
        elif step == "ner":
            train_ner(cfg, paths, pretrain)
        timings[step] = time.time() - t0
    print(
        "[done] " + ", ".join(f"{k} {v:.0f}s" for k, v in timings.items()) + f"; total {time.time() - t_all:.0f}s",
        flush=True,
    )
    print(f"[done] held-out test file: {paths['test']}", flush=True)
    return out


def retag(src: str | Path, dst: str | Path, lang: str, models: str | None = None) -> float:
    """Copy a CoNLL-U file with UPOS/XPOS/feats from the tagger in `models` (heads and relations stay gold).

    A parser trained on predicted tags learns to live with the tagger's errors (`--dep-train`).
    Returns the UPOS agreement with the gold tags.
    """
    from claimcheck.nlp.parser import parse_pretokenized

    blocks = _read_conllu(Path(src))
    lines = [[ln.split("\t") for ln in block.split("\n") if not ln.startswith("#")] for block in blocks]
    words = [[cols[1] for cols in sent if _is_word(cols)] for sent in lines]
    pred = parse_pretokenized(words, lang, models, konjunktiv_rule=False)
    n = same = 0

    def predicted(cols: list[str], tokens) -> list[str]:
        nonlocal n, same
        tok = next(tokens)
        n += 1
        same += cols[3] == tok.upos
        feats = "|".join(f"{k}={v}" for k, v in sorted(tok.feats.items())) or "_"
        return [*cols[:3], tok.upos, tok.xpos or "_", feats, *cols[6:]]

    out = [_map_cols(block, lambda cols, tokens=iter(sent.tokens): predicted(cols, tokens))
           for block, sent in zip(blocks, pred, strict=True)]
    _write_conllu(Path(dst), out)
    agreement = same / n if n else 0.0
    print(f"[retag] {n} words -> {dst}; UPOS agreement with gold {agreement:.4f}", flush=True)
    return agreement


def bundle(src_dir: str | Path, lang: str, dest: str | Path | None = None) -> list[Path]:
    """Pack trained model files (float16 + xz) into the bundled folder (or `dest`)."""
    from claimcheck.nlp.models import BUNDLED_ROOT, pack

    src = Path(src_dir)
    dst = Path(dest) if dest else BUNDLED_ROOT / lang
    written = []
    for suffix in MODEL_FILES.values():
        f = src / f"{lang}_{suffix}"
        if not f.exists():
            continue
        if "checkpoint" in f.name:
            continue
        out = pack(f, dst / f"{f.name}.xz")
        print(
            f"[bundle] {f.name}: {f.stat().st_size / 1e6:.1f} MB -> {out} {out.stat().st_size / 1e6:.1f} MB", flush=True
        )
        written.append(out)
    return written


def _has_mwt(path: Path) -> bool:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            head = line.split("\t", 1)[0]
            if "-" in head and head[0].isdigit():
                return True
    return False


def _pos_dims(text: str) -> tuple[int, int, int]:
    """`--pos-dims HIDDEN,CHAR,WORDEMB` -> (hidden, char hidden, word embedding dims)."""
    import argparse

    try:
        dims = tuple(int(x) for x in text.split(","))
    except ValueError:
        dims = ()
    if len(dims) != 3 or min(dims) <= 0:
        raise argparse.ArgumentTypeError(f"expected three positive integers HIDDEN,CHAR,WORDEMB, got {text!r}")
    return dims[0], dims[1], dims[2]


def main(argv: list[str] | None = None) -> None:
    import argparse

    argv = sys.argv[1:] if argv is None else argv
    # internal: stanza's training loops run with a claimcheck patch (see train_pos / --pos-init,
    # train_depparse / --dep-train)
    internal = {"_tagger_from_init": _tagger_from_init, "_parser_with_init_vocab": _parser_with_init_vocab}
    if argv[:1] and argv[0] in internal:
        internal[argv[0]](argv[1], argv[3:] if argv[2:3] == ["--"] else argv[2:])
        return
    ap = argparse.ArgumentParser(description="Train claimcheck's stanza models offline")
    ap.add_argument("--lang", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--work")
    ap.add_argument("--steps", default=",".join(ALL_STEPS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tok-steps", type=int)
    ap.add_argument("--pos-steps", type=int)
    ap.add_argument("--dep-steps", type=int)
    ap.add_argument("--ner-steps", type=int)
    ap.add_argument("--pos-init", help="continue the tagger from this model file (.pt or bundled .pt.xz)")
    ap.add_argument("--pos-gum", action="store_true",
                    help="en: add GUM train's CC BY genres (news, interview, bio, voyage, …) to the tagger's data")
    ap.add_argument(
        "--pos-dims",
        type=_pos_dims,
        metavar="HIDDEN,CHAR,WORDEMB",
        help="tagger sizes: LSTM hidden, character LSTM hidden, word embedding (default 128,128,50)",
    )
    ap.add_argument("--dep-init", help="continue the parser from this model file (.pt or bundled .pt.xz)")
    ap.add_argument(
        "--pos-lr", type=float, help="tagger learning rate (stanza: 3e-3); lower it when continuing with --pos-init"
    )
    ap.add_argument(
        "--dep-adam-from",
        type=int,
        help="switch the parser to stanza's second-stage optimizer (Adam, lr 2e-4) at this step (stanza: 10000)",
    )
    ap.add_argument(
        "--dep-train",
        help="train the parser on this CoNLL-U instead of the gold-tagged train file: the same sentences with the "
        "tagger's predicted UPOS/XPOS/feats make the parser robust to tagging errors",
    )
    ap.add_argument("--dep-dev", help="parser model selection on this CoNLL-U (e.g. dev with predicted tags)")
    ap.add_argument("--retag", nargs=2, metavar=("SRC", "DST"),
                    help="only write SRC.conllu with the current models' predicted tags to DST (for --dep-train)")
    ap.add_argument("--models", help="model folder for --retag (default: resolved as for claimcheck check)")
    ap.add_argument("--lemma-seq2seq", action="store_true", default=None)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--bundle", action="store_true", help="pack the models into claimcheck/_models/<lang>")
    ap.add_argument("--bundle-only", action="store_true", help="only pack --out into the bundled folder")
    a = ap.parse_args(argv)
    if a.retag:
        retag(a.retag[0], a.retag[1], a.lang, a.models)
        return
    if a.bundle_only:
        bundle(a.out, a.lang)
        return
    train(
        a.lang,
        a.data,
        a.out,
        a.work,
        a.steps.split(","),
        a.seed,
        tok_steps=a.tok_steps,
        pos_steps=a.pos_steps,
        dep_steps=a.dep_steps,
        ner_steps=a.ner_steps,
        pos_init=a.pos_init,
        pos_gum=a.pos_gum or None,
        pos_dims=a.pos_dims,
        dep_init=a.dep_init,
        dep_train=Path(a.dep_train) if a.dep_train else None,
        dep_dev=Path(a.dep_dev) if a.dep_dev else None,
        lemma_seq2seq=a.lemma_seq2seq,
        threads=a.threads,
        pos_extra=["--lr", str(a.pos_lr)] if a.pos_lr else None,
        # no warm-up for the Adam stage: stanza steps its scheduler only at dev evaluations, so a 200-step warm-up
        # keeps the learning rate at 0 until the first one (step 500): measured in session 11
        dep_extra=["--second_optim_start_step", str(a.dep_adam_from), "--second_warmup_steps", "0"]
        if a.dep_adam_from else None,
    )
    if a.bundle:
        bundle(a.out, a.lang)


if __name__ == "__main__":
    main()
