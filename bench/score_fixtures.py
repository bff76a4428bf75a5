"""Score every fixture article against its hand analysis with ../shared/tools/score_gold.py.

usage: python bench/score_fixtures.py [de|en] [--models DIR]
Prints the scorer's last line per article and the totals: a quick generalisation check
beyond the reference article (the golden-report tests pin the output; this measures it).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score_gold.py"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("lang", nargs="?", default="de")
    ap.add_argument("--models")
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args()
    texts = sorted((ROOT / "fixtures" / a.lang).glob("*.txt"))
    cmd = [sys.executable, "-m", "claimcheck.cli", "check", *map(str, texts), "--lang", a.lang, "--format", "json",
           "--exit-zero"]
    if a.models:
        cmd += ["--models", a.models]
    report = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    totals = [0] * 8
    for text, doc in zip(texts, report["documents"], strict=True):
        gold = text.with_suffix(".gold.yaml")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({**report, "documents": [doc]}, f)
        run = subprocess.run([sys.executable, str(SCORER), str(gold), f.name], capture_output=True, text=True)
        lines = run.stdout.strip().splitlines()
        if a.verbose:
            print("\n".join(f"    {ln}" for ln in lines[:-1]))
        print(f"{text.stem:<32} {lines[-1]}")
        nums = [int(x) for x in re.findall(r"\d+", lines[-1])]
        totals = [t + n for t, n in zip(totals, nums, strict=False)]
    a_ok, a_n, k_ok, k_n, u_ok, u_n, ff, fq = totals
    print(f"TOTAL attribution {a_ok}/{a_n} ({a_ok / max(1, a_n):.2f}) kind {k_ok}/{k_n} ({k_ok / max(1, k_n):.2f}) "
          f"unsourced {u_ok}/{u_n} false flags {ff} fake quotes {fq}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
