"""A standalone HTML report: the article with every claim highlighted by its status.

One file, no external assets (inline CSS and a few lines of inline JavaScript), so it can
be attached to a CI run or mailed to a desk. Per document:

- the article text (the analysed text, whitespace tidied; paragraphs kept), each claim a
  ``<mark>`` coloured by status (green sourced, amber weakly sourced, red unsourced), a
  badge with the finding code on claims that raised a finding;
- a side panel that shows, for the claim under the pointer or keyboard focus, its kind,
  status, speaker (name, type, mention, role), outlet, via-sources, cue, deciding rule,
  line:column and findings; ``report.html#claim-d0-c3`` opens with claim c3 of the first
  document selected (``#d0-c3`` also scrolls to it);
- every mark also carries a plain ``title`` tooltip, and a findings table follows the
  article, so the report still reads without JavaScript.

`render(report, texts)` is a pure function of the report and, optionally, the analysed
text of each document (path → text); without texts it lists the claims by paragraph.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape

from claimcheck.report.models import Claim, DocumentReport, Finding, Report

STATUS_LABEL = {"sourced": "sourced", "weakly_sourced": "weakly sourced", "unsourced": "unsourced"}
KIND_LABEL = {
    "direct_quote": "direct quote",
    "indirect_speech": "indirect speech",
    "reported_speech": "reported speech",
    "attributed": "attributed",
    "belief": "belief",
    "hearsay": "hearsay",
    "assertion": "assertion",
}

CSS = """
:root { --sourced:#d8f3dc; --sourced-b:#2d6a4f; --weak:#ffe8a3; --weak-b:#b7791f; --unsourced:#ffd6d6;
  --unsourced-b:#c92a2a; --ink:#1f2328; --muted:#656d76; --line:#d0d7de; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.6 Georgia, "DejaVu Serif", serif; color:var(--ink); background:#f6f8fa; }
header.top { padding:14px 24px; background:#24292f; color:#fff; font-family:system-ui, "DejaVu Sans", sans-serif; }
header.top h1 { margin:0; font-size:18px; font-weight:600; }
header.top .meta { color:#c9d1d9; font-size:13px; }
.layout { display:flex; gap:20px; padding:20px 24px; align-items:flex-start; }
main { flex:1; min-width:0; }
section.doc { background:#fff; border:1px solid var(--line); border-radius:8px; padding:18px 26px; margin-bottom:20px; }
section.doc h2 { font:600 16px/1.4 system-ui, "DejaVu Sans", sans-serif; margin:0 0 6px; }
.pills { font:13px system-ui, "DejaVu Sans", sans-serif; margin-bottom:12px; }
.pill { display:inline-block; padding:1px 9px; border-radius:10px; margin-right:6px; border:1px solid var(--line); }
.pill.sourced { background:var(--sourced); } .pill.weakly_sourced { background:var(--weak); }
.pill.unsourced { background:var(--unsourced); } .pill.findings { background:#eef; }
.note { font:13px system-ui, "DejaVu Sans", sans-serif; color:var(--muted); }
article.text p { margin:0 0 0.9em; }
mark.claim { background:none; border-bottom:2px solid; padding:1px 0; cursor:pointer; border-radius:2px; }
mark.claim.sourced { background:var(--sourced); border-color:var(--sourced-b); }
mark.claim.weakly_sourced { background:var(--weak); border-color:var(--weak-b); }
mark.claim.unsourced { background:var(--unsourced); border-color:var(--unsourced-b); }
mark.claim.selected, mark.claim:focus { outline:2px solid #0969da; outline-offset:1px; }
sup.badge { font:700 10px system-ui, "DejaVu Sans", sans-serif; padding:0 4px; border-radius:6px; margin-left:2px;
  color:#fff; background:#6e7781; vertical-align:super; }
sup.badge.error { background:var(--unsourced-b); } sup.badge.warning { background:var(--weak-b); }
sup.badge.info { background:#0969da; }
aside#panel { width:340px; position:sticky; top:20px; background:#fff; border:1px solid var(--line);
  border-radius:8px; padding:14px 16px; font:14px/1.5 system-ui, "DejaVu Sans", sans-serif; }
aside#panel h3 { margin:0 0 8px; font-size:15px; }
aside#panel dl { display:grid; grid-template-columns:auto 1fr; gap:2px 10px; margin:0; }
aside#panel dt { color:var(--muted); } aside#panel dd { margin:0; }
aside#panel .quote { font-family:Georgia, "DejaVu Serif", serif; margin:0 0 10px; padding-left:8px;
  border-left:3px solid var(--line); }
.legend { margin-bottom:8px; white-space:nowrap; } .legend .pill { font-size:12px; margin-right:3px; }
table.findings { border-collapse:collapse; width:100%; font:13px system-ui, "DejaVu Sans", sans-serif;
  margin-top:10px; }
table.findings th, table.findings td { border-top:1px solid var(--line); padding:4px 6px; text-align:left;
  vertical-align:top; }
.sev-error { color:var(--unsourced-b); font-weight:600; } .sev-warning { color:var(--weak-b); font-weight:600; }
.sev-info { color:#0969da; }
"""

JS = """
(function () {
  var data = JSON.parse(document.getElementById('claimcheck-data').textContent);
  var panel = document.getElementById('panel-body');
  function esc(s) { var d = document.createElement('span'); d.textContent = s == null ? '' : String(s);
    return d.innerHTML; }
  function row(k, v) { return v ? '<dt>' + esc(k) + '</dt><dd>' + v + '</dd>' : ''; }
  function show(el) {
    var c = data[el.getAttribute('data-key')]; if (!c) return;
    document.querySelectorAll('mark.claim.selected').forEach(function (m) { m.classList.remove('selected'); });
    el.classList.add('selected');
    var sp = c.speaker ? esc(c.speaker.name) + ' <span class="note">(' + esc(c.speaker.type) +
      (c.speaker.mention && c.speaker.mention !== c.speaker.name ? ', “' + esc(c.speaker.mention) + '”' : '') +
      (c.speaker.role ? ', ' + esc(c.speaker.role) : '') + ')</span>' : '';
    var out = c.outlet ? esc(c.outlet.name) + ' <span class="note">(' + esc(c.outlet.type) + ')</span>' : '';
    var via = (c.via || []).map(function (v) { return esc(v.name) + ' (' + esc(v.type) + ')'; }).join(', ');
    var cue = c.cue ? '“' + esc(c.cue.text) + '” <span class="note">' + esc(c.cue.lemma) + '</span>' : '';
    var fs = (c.findings || []).map(function (f) { return '<div><span class="sev-' + esc(f.severity) + '">' +
      esc(f.code) + '</span> ' + esc(f.message) + '</div>'; }).join('');
    panel.innerHTML = '<h3 id="panel-title">' + esc(c.id) + ' · ' + esc(c.status_label) + '</h3>' +
      '<p class="quote">' + esc(c.text) + '</p><dl>' + row('kind', esc(c.kind_label)) +
      row('speaker', sp || '<em>none</em>') + row('outlet', out) + row('via', via) + row('cue', cue) +
      row('rule', esc(c.rule)) + row('position', esc(c.path + ':' + c.line + ':' + c.column)) +
      row('findings', fs) + '</dl>';
  }
  document.querySelectorAll('mark.claim').forEach(function (m) {
    m.addEventListener('mouseenter', function () { show(m); });
    m.addEventListener('focus', function () { show(m); });
    m.addEventListener('click', function () { show(m); });
  });
  // report.html#d0-c3 jumps to claim c3 of the first document; #claim-d0-c3 selects it without scrolling
  var want = decodeURIComponent((location.hash || '').slice(1)).replace(/^claim-/, '');
  var first = (want && document.querySelector('mark.claim[data-key="' + want.replace(/"/g, '') + '"]')) ||
    document.querySelector('mark.claim.has-finding') || document.querySelector('mark.claim');
  if (first) { show(first); }
})();
"""


def _claim_findings(doc: DocumentReport) -> dict[str, list[Finding]]:
    """Findings per claim id (by the finding's claim, else by the claim whose span holds it)."""
    out: dict[str, list[Finding]] = {}
    for f in doc.findings:
        cid = f.claim
        if cid is None:
            for c in doc.claims:
                if c.start <= f.start < c.end:
                    cid = c.id
                    break
        if cid is not None:
            out.setdefault(cid, []).append(f)
    return out


def _tidy(text: str) -> list[tuple[str, bool]]:
    """Whitespace runs → (piece, is_paragraph_break): one space, or a break where a blank line was."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(r"(\s+)", text):
        if not piece:
            continue
        if piece.isspace():
            parts.append((" ", piece.count("\n") >= 2))
        else:
            parts.append((piece, False))
    return parts


def _title(claim: Claim, findings: list[Finding]) -> str:
    bits = [f"{KIND_LABEL[claim.kind]}, {STATUS_LABEL[claim.status]}"]
    if claim.speaker:
        bits.append(f"speaker: {claim.speaker.name}")
    if claim.outlet:
        bits.append(f"outlet: {claim.outlet.name}")
    if claim.cue:
        bits.append(f"cue: {claim.cue.text}")
    bits.append(f"rule: {claim.rule}")
    bits.extend(f"{f.code}: {f.message}" for f in findings)
    return " · ".join(bits)


class _Writer:
    def __init__(self) -> None:
        self.html: list[str] = ["<p>"]
        self.open_p = True

    def text(self, text: str, in_claim: bool) -> None:
        for piece, is_break in _tidy(text):
            if is_break and not in_claim:
                if self.open_p:
                    self.html.append("</p>")
                self.html.append("<p>")
            else:
                self.html.append(escape(piece))

    def raw(self, html: str) -> None:
        self.html.append(html)

    def done(self) -> str:
        self.html.append("</p>")
        return re.sub(r"<p>\s*</p>", "", "".join(self.html))


def _document(doc: DocumentReport, index: int, text: str | None, data: dict) -> str:
    slug = f"d{index}"
    by_claim = _claim_findings(doc)
    s = doc.summary
    out = [
        f'<section class="doc" id="{slug}">',
        f"<h2>{escape(doc.path)} <span class='note'>[{escape(doc.language)}]</span></h2>",
    ]
    out.append(
        '<div class="pills">'
        f'<span class="pill">{s.claims} claims</span>'
        f'<span class="pill sourced">{s.sourced} sourced</span>'
        f'<span class="pill weakly_sourced">{s.weakly_sourced} weakly sourced</span>'
        f'<span class="pill unsourced">{s.unsourced} unsourced</span>'
        f'<span class="pill findings">{s.findings} findings</span></div>'
    )
    out.extend(f'<p class="note">note: {escape(n)}</p>' for n in doc.notes)
    w = _Writer()

    def mark(claim: Claim, body: str) -> None:
        key = f"{slug}-{claim.id}"
        fs = by_claim.get(claim.id, [])
        cls = f"claim {claim.status}" + (" has-finding" if fs else "")
        w.raw(
            f'<mark class="{cls}" id="{key}" data-key="{key}" data-claim="{escape(claim.id)}" '
            f'data-status="{claim.status}" data-kind="{claim.kind}" tabindex="0" title="{escape(_title(claim, fs))}">'
        )
        w.text(body, in_claim=True)
        w.raw("</mark>")
        for f in fs:
            w.raw(f'<sup class="badge {f.severity}" data-code="{escape(f.code)}">{escape(f.code)}</sup>')
        data[key] = {
            **claim.model_dump(
                include={"id", "text", "kind", "status", "rule", "line", "column", "speaker", "outlet", "via", "cue"}
            ),
            "path": doc.path,
            "kind_label": KIND_LABEL[claim.kind],
            "status_label": STATUS_LABEL[claim.status],
            "findings": [f.model_dump(include={"code", "severity", "message"}) for f in fs],
        }

    claims = sorted(doc.claims, key=lambda c: (c.start, -c.end))
    if text is not None:
        pos = 0
        for claim in claims:
            if claim.start < pos or claim.end > len(text):  # nested or out of range: listed in the table only
                continue
            w.text(text[pos : claim.start], in_claim=False)
            mark(claim, text[claim.start : claim.end])
            pos = claim.end
        w.text(text[pos:], in_claim=False)
    else:
        paragraph = None
        for claim in claims:
            if paragraph is not None and claim.paragraph != paragraph:
                w.text("\n\n", in_claim=False)
            paragraph = claim.paragraph
            mark(claim, claim.text)
            w.text(" ", in_claim=False)
    out.append(f'<article class="text">{w.done()}</article>')
    if doc.findings:
        out.append(
            '<table class="findings"><thead><tr><th>line:col</th><th>severity</th><th>code</th>'
            "<th>message</th></tr></thead><tbody>"
        )
        for f in doc.findings:
            out.append(
                f'<tr class="finding" data-code="{escape(f.code)}"><td>{f.line}:{f.column}</td>'
                f'<td class="sev-{f.severity}">{f.severity}</td><td>{escape(f.code)} '
                f'<span class="note">{escape(f.rule)}</span></td><td>{escape(f.message)}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out)


def render(report: Report, texts: Mapping[str, str] | None = None) -> str:
    texts = texts or {}
    data: dict[str, dict] = {}
    sections = [_document(doc, i, texts.get(doc.path), data) for i, doc in enumerate(report.documents)]
    for err in report.errors:
        sections.append(
            f'<section class="doc error"><h2>{escape(err.path)}</h2><p class="sev-error">'
            f"{escape(err.message)}</p></section>"
        )
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    total = sum(d.summary.findings for d in report.documents)
    claims = sum(d.summary.claims for d in report.documents)
    legend = (
        '<div class="legend note"><span><span class="pill sourced">sourced</span></span>'
        '<span><span class="pill weakly_sourced">weakly sourced</span></span>'
        '<span><span class="pill unsourced">unsourced</span></span></div>'
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>claimcheck report</title><style>{CSS}</style></head><body>\n"
        f'<header class="top"><h1>claimcheck report</h1><div class="meta">{escape(report.tool.name)} '
        f"{escape(report.tool.version)} · {len(report.documents)} document(s) · {claims} claims · "
        f"{total} findings</div></header>\n"
        '<div class="layout"><main>\n' + "\n".join(sections) + "\n</main>\n"
        f'<aside id="panel">{legend}<div id="panel-body"><p class="note">Point at a highlighted claim to see '
        "who stands behind it.</p></div></aside></div>\n"
        f'<script type="application/json" id="claimcheck-data">{payload}</script>\n'
        f"<script>{JS}</script>\n</body></html>\n"
    )
