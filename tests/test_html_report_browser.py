"""The HTML report in a real browser: Debian's chromium, headless.

The test writes the report, takes a screenshot (PNG, kept in the test's tmp folder, and
copied to $CLAIMCHECK_SCREENSHOT_DIR when that is set), and asserts on the DOM *after*
the page's script ran (`--dump-dom`): claims highlighted by status, finding badges, and
the side panel filled for the claim named in the URL.

Needs the `chromium` package (`apt-get install chromium`); skipped, saying so, without it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from claimcheck.report import html_report
from tests.test_outputs import ROOT, needs_models, run_check, sample_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium not installed (Debian: apt-get install chromium)")

WIDTH, HEIGHT = 1280, 1000


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--no-first-run", "--disable-extensions", "--disable-background-networking", f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}", *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def screenshot(page: Path, png: Path, tmp: Path, fragment: str = "") -> None:
    result = chromium(tmp / "profile-shot", f"--screenshot={png}", page.as_uri() + fragment)
    assert png.is_file(), result.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(data) > 20_000, "screenshot looks empty"
    keep = os.environ.get("CLAIMCHECK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)


def dump_dom(page: Path, tmp: Path, fragment: str = "") -> str:
    result = chromium(tmp / "profile-dom", "--virtual-time-budget=3000", "--dump-dom", page.as_uri() + fragment)
    assert result.returncode == 0 and "<body" in result.stdout, result.stderr[-2000:]
    return result.stdout


def test_html_report_renders_in_chromium(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report, texts = sample_report()
    page = tmp_path / "report.html"
    page.write_text(html_report.render(report, texts), encoding="utf-8")

    screenshot(page, tmp_path / "claimcheck-report.png", tmp_path, "#claim-d0-c3")
    dom = dump_dom(page, tmp_path, "#claim-d0-c3")

    marks = re.findall(r'<mark class="claim ([a-z_ -]+)"[^>]*data-key="([^"]+)"', dom)
    assert len(marks) == sum(len(d.claims) for d in report.documents)
    statuses = {key: cls.split()[0] for cls, key in marks}
    assert statuses["d0-c1"] == "unsourced" and statuses["d0-c2"] == "sourced" and statuses["d0-c3"] == "weakly_sourced"
    # the page's script ran: the claim from the URL is selected and described in the side panel
    selected = [key for cls, key in marks if "selected" in cls.split()]
    assert selected == ["d0-c3"]
    panel = dom[dom.index('id="panel-body"') :]
    assert re.search(r'<h3 id="panel-title">c3 · weakly sourced</h3>', panel)
    assert "Kritiker sagen, die Stadt habe" in panel and "Vague attribution: Kritiker" in panel
    assert "fixtures/formats/entwurf.md:14:1" in panel
    # finding badges next to the flagged claims, and the article's own text around them
    assert re.findall(r'<sup class="badge (?:error|warning|info)" data-code="(CC\d+)">', dom)[:3] == [
        "CC101", "CC104", "CC105"
    ]
    assert "sagte Vorstandschefin" in dom and "Redaktion Wirtschaft" not in dom


def test_html_report_panel_follows_the_url_for_a_quote(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report, texts = sample_report()
    page = tmp_path / "report.html"
    page.write_text(html_report.render(report, texts), encoding="utf-8")
    panel = dump_dom(page, tmp_path, "#claim-d0-c2").split('id="panel-body"', 1)[1]
    assert "c2 · sourced" in panel and "Anna Berger" in panel and "direct quote" in panel
    assert "dpa" in panel and "sagte" in panel  # outlet and cue shown


@needs_models
def test_html_report_of_a_real_check_in_chromium(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    page = tmp_path / "entwurf.html"
    code, _ = run_check("fixtures/formats/entwurf.md", "--format", "html", "-o", str(page), "--lang", "de",
                        "--exit-zero")
    assert code == 0
    screenshot(page, tmp_path / "claimcheck-report-real.png", tmp_path)
    dom = dump_dom(page, tmp_path)
    assert dom.count('<mark class="claim') >= 3
    assert '<h3 id="panel-title">' in dom  # a claim is selected on load
