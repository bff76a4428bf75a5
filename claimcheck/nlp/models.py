"""Where parser models come from, without ever touching the network.

Resolution order for a language:
  1. an explicit folder (`--models DIR`) or the `CLAIMCHECK_MODELS` environment variable;
  2. official stanza models already on disk (`STANZA_RESOURCES_DIR`, else stanza's default
     `~/stanza_resources`), if that folder has the language;
  3. the models bundled in the package (`claimcheck/_models/<lang>/`).

A claimcheck model folder holds `<lang>_tokenizer.pt`, `<lang>_pos.pt`, ... either directly
or in a `<lang>/` subfolder; bundled files may be stored xz-compressed (`*.pt.xz`) and are
unpacked once into a cache folder. `download()` is the only function that goes online.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ModelError

LANGS = ("de", "en")
LANG_NAMES = {"de": "German", "en": "English"}
BUNDLED_ROOT = Path(__file__).resolve().parents[1] / "_models"
# processor -> file suffix in a claimcheck model folder; the first three are required
PROCESSOR_FILES = {
    "tokenize": "tokenizer.pt",
    "pos": "pos.pt",
    "depparse": "depparse.pt",
    "mwt": "mwt.pt",
    "lemma": "lemma.pt",
    "ner": "ner.pt",
}
REQUIRED = ("tokenize", "pos", "depparse")


@dataclass
class ModelSet:
    """A resolved set of models for one language."""

    lang: str
    source: str  # "explicit", "env", "stanza", "bundled"
    root: Path  # the folder the user sees (for messages)
    files: dict[str, Path] = field(default_factory=dict)  # processor -> model file
    pretrain: Path | None = None
    stanza_dir: Path | None = None  # set for official stanza resources

    @property
    def processors(self) -> list[str]:
        if self.stanza_dir is not None:
            return [p for p in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner") if p in self.files]
        order = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
        return [p for p in order if p in self.files]

    def key(self) -> tuple[str, str]:
        return (self.lang, str(self.stanza_dir or self.root))

    def describe(self) -> str:
        return f"{self.lang}: {self.source} {self.root} ({','.join(self.processors)})"


def cache_dir() -> Path:
    base = os.environ.get("CLAIMCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("CLAIMCHECK_CACHE"):
        root = root / "claimcheck"
    return root


def _convert_floats(obj, src, dst):
    """Recursively cast tensors of dtype src to dst (dicts, lists, tuples)."""
    import torch

    if isinstance(obj, torch.Tensor):
        return obj.to(dst) if obj.dtype == src else obj
    if isinstance(obj, dict):
        return type(obj)((k, _convert_floats(v, src, dst)) for k, v in obj.items())
    if isinstance(obj, list):
        return [_convert_floats(v, src, dst) for v in obj]
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        return tuple(_convert_floats(v, src, dst) for v in obj)
    return obj


def pack(src: Path, dst: Path, half: bool = True, preset: int = 6) -> Path:
    """Bundle format: float32 tensors stored as float16, the file xz-compressed (`*.pt.xz`)."""
    import io

    import torch

    data = torch.load(src, map_location="cpu", weights_only=False)
    if half:
        data = _convert_floats(data, torch.float32, torch.float16)
    buf = io.BytesIO()
    torch.save(data, buf)
    dst.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(dst, "wb", preset=preset) as out:
        out.write(buf.getvalue())
    return dst


def _unpack(path: Path) -> Path:
    """Return a plain float32 .pt for `path`; `*.pt.xz` are unpacked once into the cache."""
    if path.suffix != ".xz":
        return path
    st = path.stat()
    tag = hashlib.sha1(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:12]
    dst = cache_dir() / "models" / f"{path.name[:-6]}-{tag}.pt"
    if not dst.exists():
        import io

        import torch

        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_name(f"{dst.name}.tmp{os.getpid()}")
        try:
            with lzma.open(path, "rb") as src:
                data = torch.load(io.BytesIO(src.read()), map_location="cpu", weights_only=False)
            torch.save(_convert_floats(data, torch.float16, torch.float32), tmp)
            os.replace(tmp, dst)
        except (OSError, lzma.LZMAError, RuntimeError, EOFError) as err:
            tmp.unlink(missing_ok=True)
            raise ModelError(f"cannot unpack model file {path}: {err}") from err
    return dst


def _find(folder: Path, lang: str, suffix: str) -> Path | None:
    for name in (f"{lang}_{suffix}", f"{lang}_{suffix}.xz"):
        p = folder / name
        if p.is_file():
            return p
    return None


def _claimcheck_folder(folder: Path, lang: str) -> dict[str, Path] | None:
    """Model files of a claimcheck-style folder (files directly in it or in <lang>/)."""
    for cand in (folder / lang, folder):
        if not cand.is_dir():
            continue
        files = {}
        for proc, suffix in PROCESSOR_FILES.items():
            p = _find(cand, lang, suffix)
            if p is not None:
                files[proc] = p
        pre = _find(cand, lang, "pretrain.pt")
        if pre is not None:
            files["pretrain"] = pre
        if all(r in files for r in REQUIRED):
            return files
    return None


def _stanza_folder(folder: Path, lang: str) -> dict[str, Path] | None:
    """Official stanza resources: resources.json plus <lang>/<processor>/*.pt."""
    if not (folder / "resources.json").is_file() or not (folder / lang).is_dir():
        return None
    files = {}
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"):
        d = folder / lang / proc
        if d.is_dir() and any(d.glob("*.pt")):
            files[proc] = d
    if all(r in files for r in REQUIRED):
        return files
    return None


def _from_folder(folder: Path, lang: str, source: str) -> ModelSet | None:
    files = _claimcheck_folder(folder, lang)
    if files is not None:
        pre = files.pop("pretrain", None)
        return ModelSet(lang, source, folder, files, pre)
    sfiles = _stanza_folder(folder, lang)
    if sfiles is not None:
        return ModelSet(lang, source, folder, sfiles, None, stanza_dir=folder)
    return None


def stanza_resources_dir() -> Path:
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    return Path.home() / "stanza_resources"


def candidates(lang: str, models: str | os.PathLike | None = None) -> list[tuple[str, Path]]:
    """(source, folder) in resolution order."""
    out: list[tuple[str, Path]] = []
    if models:
        out.append(("explicit", Path(models)))
    elif os.environ.get("CLAIMCHECK_MODELS"):
        out.append(("env", Path(os.environ["CLAIMCHECK_MODELS"])))
    out.append(("stanza", stanza_resources_dir()))
    out.append(("bundled", BUNDLED_ROOT / lang))
    return out


def resolve(lang: str, models: str | os.PathLike | None = None) -> ModelSet:
    """The model set a language will use. An explicit folder must contain the language."""
    if lang not in LANG_NAMES:
        raise ModelError(f"unsupported language {lang!r} (supported: {', '.join(LANGS)})")
    for source, folder in candidates(lang, models):
        if source in ("explicit", "env"):
            if not folder.is_dir():
                what = "--models" if source == "explicit" else "CLAIMCHECK_MODELS"
                raise ModelError(f"{what} folder not found: {folder}")
            found = _from_folder(folder, lang, source)
            if found is None:
                what = "--models" if source == "explicit" else "CLAIMCHECK_MODELS"
                raise ModelError(
                    f"{what} folder {folder} has no {LANG_NAMES[lang]} models "
                    f"(need {lang}_tokenizer.pt, {lang}_pos.pt, {lang}_depparse.pt or a stanza resources folder)"
                )
            return found
        found = _from_folder(folder, lang, source)
        if found is not None:
            return found
    raise ModelError(
        f"no {LANG_NAMES[lang]} parser models found (bundled models missing; "
        f"run `claimcheck models train --lang {lang}` or `claimcheck models download --lang {lang}`)"
    )


def unpacked(ms: ModelSet) -> ModelSet:
    """Same set with compressed files replaced by cached plain files."""
    if ms.stanza_dir is not None:
        return ms
    files = {k: _unpack(v) for k, v in ms.files.items()}
    pre = _unpack(ms.pretrain) if ms.pretrain else None
    return ModelSet(ms.lang, ms.source, ms.root, files, pre, ms.stanza_dir)


def resources_dir(lang: str) -> Path:
    """A folder with the minimal resources.json stanza insists on, even with explicit paths."""
    d = cache_dir() / "stanza_resources"
    d.mkdir(parents=True, exist_ok=True)
    res = d / "resources.json"
    want = {code: {"lang_name": name} for code, name in LANG_NAMES.items()}
    try:
        cur = json.loads(res.read_text(encoding="utf-8")) if res.exists() else None
    except ValueError:
        cur = None
    if cur != want:
        tmp = d / f"resources.json.tmp{os.getpid()}"
        tmp.write_text(json.dumps(want), encoding="utf-8")
        os.replace(tmp, res)
    return d


def list_models() -> list[dict[str, str]]:
    """One row per (language, candidate folder): what exists and what each language uses."""
    rows = []
    for lang in LANGS:
        try:
            chosen = resolve(lang)
            chosen_key = (chosen.source, str(chosen.root))
            err = ""
        except ModelError as e:
            chosen_key = ("", "")
            err = str(e)
        for source, folder in candidates(lang):
            try:
                found = _from_folder(folder, lang, source) if folder.is_dir() else None
            except OSError:
                found = None
            size = 0
            if found is not None:
                paths = list(found.files.values()) + ([found.pretrain] if found.pretrain else [])
                for p in paths:
                    size += sum(f.stat().st_size for f in p.glob("*.pt")) if p.is_dir() else p.stat().st_size
            rows.append(
                {
                    "lang": lang,
                    "source": source,
                    "folder": str(folder),
                    "found": ",".join(found.processors) if found else "-",
                    "size_mb": f"{size / 1e6:.1f}" if found else "-",
                    "used": "yes" if (source, str(folder)) == chosen_key else "",
                    "error": err if source == "bundled" and err else "",
                }
            )
    return rows


def download(lang: str, resources_dir: str | None = None) -> Path:
    """Fetch official stanza models (the only network access in claimcheck)."""
    if lang not in LANG_NAMES:
        raise ModelError(f"unsupported language {lang!r} (supported: {', '.join(LANGS)})")
    import logging

    import stanza

    target = Path(resources_dir) if resources_dir else stanza_resources_dir()
    logging.getLogger("stanza").setLevel(logging.ERROR)
    try:
        stanza.download(
            lang, model_dir=str(target), processors="tokenize,mwt,pos,lemma,depparse,ner", logging_level="ERROR"
        )
    except Exception as err:  # requests/urllib errors, stanza's own ResourcesFileNotFound...
        msg = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ModelError(f"model download for {lang} failed (offline?): {type(err).__name__}: {msg[:200]}") from None
    return target


# ----------------------------------------------------------------------------- evaluation


def _read_gold(path: Path) -> list[list[list[str]]]:
    """Sentences of syntactic words (10 CoNLL-U columns each; MWT ranges and empty nodes skipped)."""
    sents: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def _feats_set(s: str) -> frozenset[str]:
    return frozenset() if s in ("", "_") else frozenset(s.split("|"))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float]:
    return (tp / n_gold if n_gold else 0.0, tp / n_pred if n_pred else 0.0)


def evaluate(
    lang: str, conllu_path: str | os.PathLike, models: str | None = None, limit: int | None = None
) -> dict[str, float]:
    """Score the models on gold-tokenised CoNLL-U: UPOS/XPOS/UFeats/lemma/UAS/LAS and
    Mood=Sub recall/precision, for the tagger alone and with the Konjunktiv I rule (de)."""
    import copy
    import time

    from claimcheck.nlp import konjunktiv
    from claimcheck.nlp.parser import get_pipeline, parse_pretokenized

    path = Path(conllu_path)
    if not path.is_file():
        raise ModelError(f"evaluation file not found: {path}")
    gold = _read_gold(path)
    if limit:
        gold = gold[:limit]
    if not gold:
        raise ModelError(f"no sentences in {path}")
    t0 = time.perf_counter()
    get_pipeline(lang, models, pretokenized=True)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = parse_pretokenized([[c[1] for c in s] for s in gold], lang, models, konjunktiv_rule=False)
    parse_s = time.perf_counter() - t0
    if len(pred) != len(gold):
        raise ModelError(f"sentence count mismatch: {len(pred)} predicted vs {len(gold)} gold")
    with_rule = copy.deepcopy(pred)
    if lang == "de":
        rules = konjunktiv.load_rules()
        for s in with_rule:
            konjunktiv.apply(s, rules)
    n = 0
    c = dict.fromkeys(("upos", "xpos", "ufeats", "lemma", "uas", "las", "upos_feats"), 0)
    mood = {"tagger": [0, 0], "rule": [0, 0]}  # tp, n_pred
    n_sub_gold = 0
    for g, p, pr in zip(gold, pred, with_rule, strict=True):
        if len(g) != len(p.tokens):
            raise ModelError("token count mismatch in evaluation (pretokenized input was re-split)")
        for gc, pt, prt in zip(g, p.tokens, pr.tokens, strict=True):
            n += 1
            gfe = _feats_set(gc[5])
            pfe = frozenset(f"{k}={v}" for k, v in pt.feats.items())
            c["upos"] += gc[3] == pt.upos
            c["xpos"] += gc[4] == (pt.xpos or "_")
            c["ufeats"] += gfe == pfe
            c["upos_feats"] += gfe == pfe and gc[3] == pt.upos
            c["lemma"] += gc[2] == pt.lemma
            head_ok = gc[6] == str(pt.head)
            c["uas"] += head_ok
            c["las"] += head_ok and gc[7].split(":")[0] == pt.deprel.split(":")[0]
            gsub = "Mood=Sub" in gfe
            n_sub_gold += gsub
            for name, tok in (("tagger", pt), ("rule", prt)):
                psub = tok.feats.get("Mood") == "Sub"
                mood[name][0] += psub and gsub
                mood[name][1] += psub
    res = {k: v / n for k, v in c.items()}
    for name, (tp, npred) in mood.items():
        r, p_ = _prf(tp, npred, n_sub_gold)
        res[f"mood_sub_recall_{name}"] = r
        res[f"mood_sub_precision_{name}"] = p_
    res.update(
        {
            "words": n,
            "sentences": len(gold),
            "mood_sub_gold": n_sub_gold,
            "load_s": load_s,
            "parse_s": parse_s,
            "words_per_s": n / parse_s if parse_s else 0.0,
        }
    )
    return res


def format_scores(res: dict[str, float], lang: str) -> str:
    lines = [
        f"words {res['words']}, sentences {res['sentences']} (gold tokenization)",
        f"UPOS   {res['upos'] * 100:6.2f}",
        f"XPOS   {res['xpos'] * 100:6.2f}",
        f"UFeats {res['ufeats'] * 100:6.2f}",
        f"Lemma  {res['lemma'] * 100:6.2f}",
        f"UAS    {res['uas'] * 100:6.2f}",
        f"LAS    {res['las'] * 100:6.2f}",
    ]
    if res.get("mood_sub_gold"):
        lines.append(
            f"Mood=Sub ({res['mood_sub_gold']} gold) tagger: recall {res['mood_sub_recall_tagger'] * 100:.1f} "
            f"precision {res['mood_sub_precision_tagger'] * 100:.1f}"
        )
        if lang == "de":
            lines.append(
                f"Mood=Sub with Konjunktiv rule: recall {res['mood_sub_recall_rule'] * 100:.1f} "
                f"precision {res['mood_sub_precision_rule'] * 100:.1f}"
            )
    lines.append(f"load {res['load_s']:.1f}s, parse {res['parse_s']:.1f}s ({res['words_per_s']:.0f} words/s)")
    return "\n".join(lines)


def benchmark(lang: str, text_path: str | os.PathLike, models: str | None = None, repeat: int = 3) -> dict[str, float]:
    """Pipeline load time and parse speed on one text file (first parse and best of `repeat`)."""
    import resource
    import time

    from claimcheck.nlp.parser import get_pipeline, parse

    text = Path(text_path).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    get_pipeline(lang, models)
    load_s = time.perf_counter() - t0
    times = []
    doc = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        (doc,) = parse([text], lang, models)
        times.append(time.perf_counter() - t0)
    words = sum(len(s.tokens) for s in doc.sentences)
    best = min(times)
    return {
        "chars": len(text),
        "sentences": len(doc.sentences),
        "words": words,
        "load_s": load_s,
        "first_parse_s": times[0],
        "parse_s": best,
        "chars_per_s": len(text) / best,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
