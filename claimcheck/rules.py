"""Rule files → validated lookup tables.

Rules are data (`rules/<lang>/*.yaml`, `rules/common/*.yaml`, `rules/findings/*.yaml`): a
newsroom edits or extends them with `--rules DIR` without touching code. Every file is
validated by a pydantic model with `extra="forbid"`, and an error names file and line:
`rules/de/outlets.yaml:12: unknown field 'alias'`.

YAML is read with the safe loader only (no tags, no code), and rule patterns are plain
words, never user regexes, so a rule file cannot make matching slow.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import RuleError

Severity = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- cues.yaml -------------------------------------------------------------------------


class CueVerb(_Strict):
    """A verb that introduces what someone said, wrote, reported or believes."""

    lemma: str
    particle: str | None = Field(None, description="Separable particle: 'an' for 'kündigte ... an'.")
    forms: list[str] = Field([], description="Irregular word forms the lemmatizer may miss: schrieb, geschrieben.")
    prepositions: list[str] = Field([], description="Reports only with one of these: sprechen von/über.")
    kind: Literal["speech", "report", "belief", "hearing"] = "speech"
    # With a noun-phrase object ("forderte eine Lösung") the verb itself is the claim.
    reported: bool = Field(True, description="Verb + NP object is reported speech.")
    not_objects: list[str] = Field([], description="With one of these as object it is no cue: 'claimed victory'.")
    not_next: list[str] = Field([], description="Followed by one of these words it is no cue: 'thanks to'.")
    not_with: list[str] = Field(
        [], description="With one of these words among its dependents it is no cue: 'in Brand geraten', 'befand sich'."
    )
    names: bool = Field(False, description="As a participle after a noun it names: 'a program called X'.")
    act: bool = Field(False, description="With a zu-infinitive it reports an act, not a statement: 'forderte, … zu "
                                         "bauen', 'warf ihr vor, … zu verschleppen' (reported speech).")
    frame_only: bool = Field(False, description="A cue only in a 'wie X …' frame: 'Wie AFP erfuhr, …' (not "
                                                "'erfuhr, dass').")
    noun_forms: list[str] = Field(
        [], description="Forms that are far more often plural nouns ('states', 'remarks'): a cue only where the "
                        "tagger calls them verbs.")
    note: str | None = None


class CueFile(_Strict):
    verbs: list[CueVerb] = []
    nouns: list[str] = Field([], description="Reporting nouns: Angaben, Erkenntnisse, Bericht, Mitteilung.")
    addressee_verbs: list[str] = Field(
        [], description="Cue lemmas whose object is the one spoken to, not what was said: tell, ask, remind."
    )
    scene_openers: list[str] = Field(
        [], description="Words that open a scene-setting clause before the main clause: after, when, while."
    )


# ---- markers.yaml: prepositional cues, continuations, back-pointers -----------------------


class Marker(_Strict):
    phrase: str = Field(description="Words as written, matched case-insensitively on tokens.")
    kind: Literal["according_to", "via", "continuation", "backward", "hearsay", "vague", "hedge"]
    # where the source stands relative to the phrase: 'laut X' → after, 'X zufolge' → before
    source: Literal["after", "before", "none"] = "none"
    note: str | None = None


class MarkerFile(_Strict):
    markers: list[Marker] = []


# ---- outlets.yaml ------------------------------------------------------------------------

OutletType = Literal["newspaper", "wire_agency", "broadcaster", "magazine", "online"]


class OutletEntry(_Strict):
    name: str
    type: OutletType
    aliases: list[str] = []
    # names that are also common words: an outlet only inside quotation marks (der „Welt“, die »Bild«)
    quoted_aliases: list[str] = []
    # names that are also common words: an outlet only written exactly so ("told Variety", not "a variety of")
    cased_aliases: list[str] = []
    country: str | None = None


class OutletFile(_Strict):
    outlets: list[OutletEntry] = []
    # generic nouns that point back to the last outlet of that type ("die Zeitung")
    references: dict[OutletType, list[str]] = {}
    # last words of outlet titles: after a definite article, capitalised words ending in one of them
    # name an outlet even if the registry lacks it ("The Harbor Gazette", "die Lausitzer Rundschau");
    # alone ("the Gazette") they point back to the last outlet whose name has that word
    name_heads: dict[OutletType, list[str]] = {}


# ---- sources.yaml: who can be a source -----------------------------------------------------


class SourceFile(_Strict):
    anonymous: list[str] = Field([], description="Head nouns of unnamed sources: Personen, Kreise, Insider.")
    vague: list[str] = Field([], description="Vague sources: Kritiker, Experten, Beobachter.")
    governments: dict[str, str] = Field({}, description="Capital or institution → what it stands for.")
    roles: list[str] = Field([], description="Role nouns that name a person's function: Sprecher, Minister.")
    honorifics: list[str] = Field(
        [], description="Forms of address before a surname (Mr., Ms., Frau): not part of the name, not a role."
    )
    organizations: list[str] = Field([], description="Head nouns of organisations: Regierung, Ministerium.")
    organization_descriptors: list[str] = Field(
        [], description="Generic nouns that refer back to the organisation named before: das Unternehmen, der Konzern."
    )
    pronouns: dict[str, Literal["person", "organization", "any"]] = {}
    headline_labels: list[str] = Field(
        [], description='Words that as a headline label ("Poll: …") are its source, besides anonymous and vague ones.'
    )
    not_sources: list[str] = Field(
        [], description="Head words a weak parse takes for a subject that never speak: hours, later, Meanwhile."
    )


# ---- checkworthy.yaml: what in an assertion needs a source ----------------------------------


class CheckworthyFile(_Strict):
    charge_lemmas: list[str] = Field([], description="Verbs/nouns of wrongdoing: vorwerfen, töten, betrügen.")
    prediction_lemmas: list[str] = []
    action_lemmas: list[str] = Field([], description="Verbs of a concrete reported act: schicken, telefonieren.")
    background_lemmas: list[str] = Field([], description="Scene-setting verbs the outlet may state itself.")
    number_words: list[str] = []


# ---- findings/CCxxx.yaml --------------------------------------------------------------------


class FindingExamples(_Strict):
    flag: list[str] = []
    pass_: list[str] = Field([], alias="pass")


class FindingRule(_Strict):
    code: str = Field(pattern=r"^CC\d{3}$")
    name: str
    check: str = Field(description="Which built-in check raises it (see claimcheck/judge.py).")
    severity: Severity
    message: str
    description: str
    languages: list[str] = ["de", "en"]
    examples: dict[str, FindingExamples] = Field({}, description="Per language: texts that must flag / pass.")


FILE_MODELS: dict[str, type[BaseModel]] = {
    "cues.yaml": CueFile,
    "markers.yaml": MarkerFile,
    "outlets.yaml": OutletFile,
    "sources.yaml": SourceFile,
    "checkworthy.yaml": CheckworthyFile,
}


# read by the parser adapter (claimcheck/nlp), not by the rule stages
PARSER_FILES = {"konjunktiv.yaml", "first_names.yaml"}  # read by claimcheck.nlp, not the rule stages

# ---- loading -------------------------------------------------------------------------------


def _line_of(node: yaml.Node | None, loc: Iterable[Any]) -> int:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
            if nxt is None:  # the unknown key itself
                nxt = next((k for k, _ in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def load_yaml_model(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleError(f"{path}: cannot read rule file ({err})") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except RecursionError:
        raise RuleError(f"{path}:1: invalid YAML: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise RuleError(f"{path}{line}: invalid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: expected a mapping at the top of the file")
    try:
        return model.model_validate(data)
    except RecursionError:
        raise RuleError(f"{path}:1: rule file nested too deeply") from None
    except ValidationError as err:
        first = err.errors()[0]
        loc = [p for p in first["loc"] if p != "pass_"]
        where = _line_of(node, first["loc"])
        if first["type"] == "extra_forbidden":
            msg = f"unknown field {loc[-1]!r}"
        else:
            field_name = ".".join(str(p) for p in loc) or "file"
            msg = f"{field_name}: {first['msg']}"
        raise RuleError(f"{path}:{where}: {msg}") from None


def _german_past_plural(form: str) -> str | None:
    """The plural of a listed past singular, which the lemmatizer misses as often ("warf" → "warfen",
    "wies" → "wiesen", "fügte" → "fügten"); None for other forms."""
    low = form.lower()
    if " " in low or low.startswith("ge") or not low.isalpha():
        return None
    if low.endswith("te"):
        return low + "n"
    if low.endswith("t"):
        return None  # "gibt", "wirft", "heißt" are present tense; strong pasts in -t list their plural
    # a strong past: one syllable ending in a consonant (warf, wies, bat, hob, rief, strich)
    vowels = sum(1 for a, b in zip(" " + low, low, strict=False) if b in "aeiouäöü" and a not in "aeiouäöü")
    if vowels == 1 or (low.startswith(("be", "ver", "er", "ent", "zer", "unter")) and vowels == 2):
        return low + ("en" if low[-1] not in "aeiouäöü" else "n")
    return None


@dataclass
class LanguageRules:
    """Everything the rule stages need for one language, merged from all rule folders."""

    language: str
    cues: CueFile = field(default_factory=CueFile)
    markers: MarkerFile = field(default_factory=MarkerFile)
    outlets: OutletFile = field(default_factory=OutletFile)
    sources: SourceFile = field(default_factory=SourceFile)
    checkworthy: CheckworthyFile = field(default_factory=CheckworthyFile)
    findings: dict[str, FindingRule] = field(default_factory=dict)

    @functools.cached_property
    def cue_verbs(self) -> dict[str, list[CueVerb]]:
        table: dict[str, list[CueVerb]] = {}
        for verb in self.cues.verbs:
            table.setdefault(verb.lemma.lower(), []).append(verb)
        return table

    @functools.cached_property
    def cue_forms(self) -> dict[str, list[CueVerb]]:
        """Word form (lower-case) → cue verbs, for forms a small lemmatizer gets wrong."""
        table: dict[str, list[CueVerb]] = {}
        for verb in self.cues.verbs:
            for form in verb.forms:
                table.setdefault(form.lower(), []).append(verb)
                plural = _german_past_plural(form) if self.language == "de" else None
                if plural and verb not in table.get(plural, []):
                    table.setdefault(plural, []).append(verb)
        return table

    @functools.cached_property
    def outlet_references(self) -> frozenset[str]:
        """Words that point back to an outlet (outlets.yaml `references`), lower-case: paper, network, Zeitung."""
        return frozenset(w.lower() for words in self.outlets.references.values() for w in words)

    @functools.cached_property
    def document_nouns(self) -> frozenset[str]:
        """Reporting nouns (cues.yaml `nouns`), lower-case: Angaben, Bericht, Mitteilung."""
        return frozenset(n.lower() for n in self.cues.nouns)

    @functools.cached_property
    def cue_particles(self) -> dict[str, list[CueVerb]]:
        """Separable particle → the cue verbs that take it, longest particle first ("hervor" before "vor")."""
        table: dict[str, list[CueVerb]] = {}
        for verb in self.cues.verbs:
            if verb.particle and verb.particle != "sich":
                table.setdefault(verb.particle.lower(), []).append(verb)
        return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))

    @functools.cached_property
    def outlet_aliases(self) -> AliasTable:
        """Lower-cased token tuples of every outlet name and alias → outlet."""
        table = AliasTable()
        for outlet in self.outlets.outlets:
            common = outlet.name in outlet.cased_aliases or outlet.name in outlet.quoted_aliases  # "Variety", "Blick"
            for alias in [outlet.name, *outlet.aliases] if not common else outlet.aliases:
                words = alias.lower().split()
                table.setdefault(tuple(words), outlet)
                if self.language == "de" and len(words) >= 2 and re.fullmatch(r"\w+(e|en|er|es)", words[0]):
                    # "der Bayerische Rundfunk", "des Bayerischen Rundfunks": an adjective's endings (lower
                    # priority than a listed alias)
                    stem = re.sub(r"(e|en|er|es)$", "", words[0])
                    for ending in ("e", "en", "er", "es"):
                        table.setdefault((stem + ending, *words[1:]), outlet)
                        table.setdefault((stem + ending, *words[1:-1], words[-1] + "s"), outlet)
                if re.fullmatch(r"[A-ZÄÖÜ0-9./]{2,6}", alias):
                    table.acronyms.add(alias.lower())  # "EFE" names the agency, "Efe" a person
            for alias in outlet.quoted_aliases:
                table.quoted.setdefault(tuple(alias.lower().split()), outlet)
            for alias in outlet.cased_aliases:
                table.cased.setdefault(tuple(alias.split()), outlet)
        return table


class AliasTable(dict[tuple[str, ...], "OutletEntry"]):
    """Outlet aliases by lower-cased words, plus the acronyms that only match written in capitals."""

    def __init__(self) -> None:
        super().__init__()
        self.acronyms: set[str] = set()
        self.quoted: dict[tuple[str, ...], OutletEntry] = {}  # aliases that count only in quotation marks
        self.cased: dict[tuple[str, ...], OutletEntry] = {}  # aliases that count only written with these capitals


def _merge(a: BaseModel, b: BaseModel) -> BaseModel:
    """b on top of a: lists are extended, mappings updated."""
    data = a.model_dump(by_alias=True)
    for key, value in b.model_dump(by_alias=True, exclude_unset=True).items():
        if isinstance(value, list):
            data[key] = data.get(key, []) + value
        elif isinstance(value, dict):
            merged = dict(data.get(key, {}))
            for k, v in value.items():
                merged[k] = merged.get(k, []) + v if isinstance(v, list) and isinstance(merged.get(k), list) else v
            data[key] = merged
        else:
            data[key] = value
    return type(a).model_validate(data)


@dataclass
class RuleSet:
    languages: dict[str, LanguageRules]

    def for_language(self, lang: str) -> LanguageRules:
        return self.languages.get(lang) or LanguageRules(language=lang)

    def all_findings(self) -> dict[str, FindingRule]:
        merged: dict[str, FindingRule] = {}
        for rules in self.languages.values():
            merged.update(rules.findings)
        return dict(sorted(merged.items()))


def builtin_rules_dir() -> Path:
    """rules/ in the wheel (claimcheck/_rules) or in a source checkout."""
    packaged = Path(__file__).parent / "_rules"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "rules"


def _apply_dir(root: Path, languages: dict[str, LanguageRules]) -> None:
    if not root.is_dir():
        raise RuleError(f"{root}: rule folder not found")
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        targets = list(languages) if lang_dir.name in ("common", "findings") else [lang_dir.name]
        for path in sorted(lang_dir.glob("*.yaml")):
            if lang_dir.name == "findings":
                rule = load_yaml_model(path, FindingRule)
                assert isinstance(rule, FindingRule)
                for lang in rule.languages:
                    if lang in languages:
                        languages[lang].findings[rule.code] = rule
                continue
            if path.name in PARSER_FILES:
                continue
            model = FILE_MODELS.get(path.name)
            if model is None:
                raise RuleError(f"{path}:1: unknown rule file (expected one of {', '.join(FILE_MODELS)})")
            loaded = load_yaml_model(path, model)
            for lang in targets:
                rules = languages.setdefault(lang, LanguageRules(language=lang))
                attr = path.stem
                setattr(rules, attr, _merge(getattr(rules, attr), loaded))


@functools.lru_cache(maxsize=16)
def _load_cached(dirs: tuple[str, ...]) -> RuleSet:
    languages: dict[str, LanguageRules] = {lang: LanguageRules(language=lang) for lang in ("de", "en")}
    for root in (builtin_rules_dir(), *map(Path, dirs)):
        _apply_dir(root, languages)
    return RuleSet(languages=languages)


def load_rules(extra_dirs: Iterable[str] = ()) -> RuleSet:
    """Built-in rules, then each newsroom folder on top (cached per process)."""
    return _load_cached(tuple(os.path.abspath(d) for d in extra_dirs))
