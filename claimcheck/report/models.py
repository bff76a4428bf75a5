"""The JSON report: the public contract (see docs/report-contract.md).

These pydantic models are the single source of truth; `claimcheck schema` prints their
JSON Schema. Add fields freely; renaming or removing one needs a schema_version bump.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck import __version__

SCHEMA_VERSION = "1.0"

ClaimKind = Literal[
    "direct_quote",
    "indirect_speech",
    "reported_speech",
    "attributed",
    "belief",
    "hearsay",
    "assertion",
]
Status = Literal["sourced", "weakly_sourced", "unsourced"]
Severity = Literal["error", "warning", "info"]
SourceType = Literal["person", "organization", "government", "group", "anonymous", "outlet", "document"]
OutletType = Literal["newspaper", "wire_agency", "broadcaster", "magazine", "online"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Speaker(_Model):
    name: str = Field(description="Resolved full name, e.g. 'Olaf Scholz'.")
    type: SourceType
    mention: str | None = Field(None, description="The words in the claim's own sentence.")
    start: int | None = None
    end: int | None = None
    role: str | None = Field(None, description="Role noun or descriptor, e.g. 'SPD-Politiker'.")


class Outlet(_Model):
    name: str
    type: OutletType
    mention: str | None = None
    start: int | None = None
    end: int | None = None


class Via(_Model):
    """A source an outlet or speaker relies on ('unter Berufung auf informierte Personen')."""

    name: str
    type: SourceType
    start: int | None = None
    end: int | None = None


class Cue(_Model):
    text: str
    lemma: str
    start: int
    end: int


class Claim(_Model):
    id: str
    text: str = Field(description="text[start:end] of the analysed document.")
    start: int
    end: int
    line: int = Field(description="1-based line of start in the original file.")
    column: int = Field(description="1-based column of start in the original file.")
    kind: ClaimKind
    status: Status
    speaker: Speaker | None = None
    outlet: Outlet | None = None
    via: list[Via] = Field(default_factory=list)
    cue: Cue | None = None
    inherited_from: str | None = Field(None, description="Claim whose attribution this one continues.")
    rule: str = Field(description="Id of the rule that decided the attribution.")
    paragraph: int = Field(0, description="0-based paragraph index.")


class Credit(_Model):
    name: str
    type: OutletType | SourceType
    text: str
    start: int | None = None
    end: int | None = None


class Finding(_Model):
    rule: str = Field(description="Finding rule name, e.g. 'unsourced-assertion'.")
    code: str = Field(description="Stable rule code, e.g. 'CC101'.")
    severity: Severity
    claim: str | None = None
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


class Summary(_Model):
    claims: int = 0
    sourced: int = 0
    weakly_sourced: int = 0
    unsourced: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    speakers: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)


class DocumentReport(_Model):
    path: str
    language: str
    claims: list[Claim] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    notes: list[str] = Field(default_factory=list, description="Things the user should know, e.g. mixed language.")


class ToolInfo(_Model):
    name: str = "claimcheck"
    version: str = __version__


class InputErrorReport(_Model):
    path: str
    message: str


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo = Field(default_factory=ToolInfo)
    documents: list[DocumentReport] = Field(default_factory=list)
    errors: list[InputErrorReport] = Field(default_factory=list, description="Inputs that could not be checked.")
