"""Project configuration, found the way ruff and markdownlint find theirs.

Discovery, first hit wins:

1. ``--config FILE``;
2. the ``CLAIMCHECK_CONFIG`` environment variable;
3. walking up from the (first) checked file's folder: a ``.claimcheck.toml``, or a
   ``pyproject.toml`` with a ``[tool.claimcheck]`` table, whichever is nearer
   (``.claimcheck.toml`` wins within one folder);
4. nothing: built-in defaults.

Keys (``.claimcheck.toml`` top level, or under ``[tool.claimcheck]``)::

    lang = "de"                      # de, en or auto
    enable = ["CC101", "CC102"]      # only these finding codes (default: all)
    disable = ["CC105"]              # switch codes off
    fail-on = "warning"              # error | warning | info | never
    rules = ["newsroom-rules"]       # extra rule folders, relative to the config file
    ignore = ["archive/**", "*.draft.md"]   # skipped when expanding folders and globs

    [severity]                       # per-code severity overrides
    CC104 = "error"

    [[outlets]]                      # outlet additions inline (or put them in a rule folder)
    name = "Weser-Kurier"
    type = "newspaper"
    aliases = ["WK"]

Command-line options win over the file. A typo is an error that names the file and key.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ClaimcheckError
from claimcheck.report.models import DocumentReport
from claimcheck.suppress import recount

ENV = "CLAIMCHECK_CONFIG"
Severity = Literal["error", "warning", "info"]


class ConfigError(ClaimcheckError):
    """A configuration file is missing or invalid; the message names the file."""


class OutletAddition(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    type: Literal["newspaper", "wire_agency", "broadcaster", "magazine", "online"]
    aliases: list[str] = []
    country: str | None = None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    lang: Literal["de", "en", "auto"] | None = None
    enable: list[str] = []
    disable: list[str] = []
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    severity: dict[str, Severity] = {}
    rules: list[str] = []
    ignore: list[str] = []
    outlets: list[OutletAddition] = []


@dataclass
class Config:
    path: Path | None = None  # None: defaults, no file found
    lang: str | None = None
    enable: set[str] = field(default_factory=set)
    disable: set[str] = field(default_factory=set)
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)  # absolute folders
    ignore: list[str] = field(default_factory=list)
    outlets: list[OutletAddition] = field(default_factory=list)

    @property
    def root(self) -> Path:
        """Folder that `ignore` patterns are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def rule_dirs(self) -> list[str]:
        """Extra rule folders: the configured ones, then the inline outlets as a generated folder."""
        dirs = list(self.rules)
        if self.outlets:
            dirs.append(str(_outlet_folder(self.outlets)))
        return dirs

    def disabled(self, all_codes: set[str]) -> set[str]:
        """Codes switched off: everything not in `enable` (when given), plus `disable`."""
        off = set(self.disable)
        if self.enable:
            off |= {c for c in all_codes if c not in self.enable}
        return off

    def apply(self, doc: DocumentReport) -> DocumentReport:
        """Drop disabled findings and apply severity overrides (also when the judge already did)."""
        findings = []
        changed = False
        for f in doc.findings:
            if f.code in self.disable or (self.enable and f.code not in self.enable):
                changed = True
                continue
            sev = self.severity.get(f.code)
            if sev and sev != f.severity:
                f = f.model_copy(update={"severity": sev})
                changed = True
            findings.append(f)
        return recount(doc.model_copy(update={"findings": findings})) if changed else doc


def _codes(values: list[str], path: Path, key: str) -> set[str]:
    out = set()
    for v in values:
        code = v.strip().upper()
        if not (len(code) == 5 and code[:2] == "CC" and code[2:].isdigit()):
            raise ConfigError(f"{path}: {key}: {v!r} is not a finding code like CC101")
        out.add(code)
    return out


def parse(data: Mapping, path: Path) -> Config:
    """A config table (already read from TOML) → Config; paths resolve against the file's folder."""
    try:
        raw = _File.model_validate(dict(data))
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if first["type"] == "extra_forbidden":
            raise ConfigError(f"{path}: unknown key {where!r}") from None
        raise ConfigError(f"{path}: {where}: {first['msg']}") from None
    base = path.parent
    rules = []
    for folder in raw.rules:
        full = (base / folder).resolve()
        if not full.is_dir():
            raise ConfigError(f"{path}: rules: folder {folder!r} not found")
        rules.append(str(full))
    return Config(
        path=path,
        lang=raw.lang,
        enable=_codes(raw.enable, path, "enable"),
        disable=_codes(raw.disable, path, "disable"),
        fail_on=raw.fail_on,
        severity={_codes([code], path, "severity").pop(): sev for code, sev in raw.severity.items()},
        rules=rules,
        ignore=list(raw.ignore),
        outlets=list(raw.outlets),
    )


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config ({err.strerror})") from None


def load(path: str | os.PathLike) -> Config:
    """Load one config file: a pyproject.toml (its [tool.claimcheck] table) or a claimcheck TOML file."""
    p = Path(path).resolve()
    data = _read_toml(p)
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("claimcheck", {})
    return parse(data, p)


def find(start: str | os.PathLike) -> Path | None:
    """The nearest .claimcheck.toml or pyproject.toml with [tool.claimcheck], walking up from start."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        dotfile = folder / ".claimcheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "claimcheck" in _read_toml(pyproject).get("tool", {}):
                    return pyproject
            except ConfigError:
                continue  # someone else's broken pyproject is not our business
    return None


def discover(
    explicit: str | None = None, start: str | os.PathLike | None = None, env: Mapping[str, str] | None = None
) -> Config:
    """The configuration in force: --config, then $CLAIMCHECK_CONFIG, then upward search, then defaults."""
    env = os.environ if env is None else env
    if explicit:
        return load(explicit)
    if env.get(ENV):
        return load(env[ENV])
    found = find(start if start is not None else Path.cwd())
    return load(found) if found else Config()


def _outlet_folder(outlets: list[OutletAddition]) -> Path:
    """Inline outlets as a rule folder (`common/outlets.yaml`), named by content so it is reused."""
    import yaml

    data = {"outlets": [o.model_dump(exclude_none=True) for o in outlets]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"claimcheck-config-outlets-{digest}"
    target = folder / "common" / "outlets.yaml"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return folder
