"""Findings on the sample corpus, through the Python objects: well formed, the same
as the C++ checker's, and (with ../shared) matched against the gold the way
tests/findings_gold_test.cpp does."""

import json
import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("CROSSCHECK_SHARED_DIR", ROOT.parent / "shared"))
GOLD = SHARED / "gold" / "nato-amman.json"


def norm(text):
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def has_all(evidence, phrases):
    return all(norm(p) in norm(evidence) for p in phrases)


def kind_ok(finding, entry):
    return finding["kind"] == entry["kind"] and (
        "resolution" not in entry or finding["resolution"] == entry["resolution"])


def meets(finding, claims, entry):
    if not kind_ok(finding, entry):
        return False
    return all(any(c["document"] == doc and has_all(c["evidence"], phrases) for c in claims)
               for doc, phrases in entry.get("evidence", {}).items())


def hits(finding, claims, entry):
    if not kind_ok(finding, entry):
        return False
    docs = set(finding["documents"]) | {c["document"] for c in claims}
    if not set(entry.get("documents", [])) <= docs:
        return False
    pairs = entry.get("any_pair")
    if not pairs:
        return True
    a, b = pairs
    return any(x is not y and has_all(x["evidence"], a) and has_all(y["evidence"], b)
               for x in claims for y in claims)


def as_dicts(report):
    """Findings and claims of a Python report as plain dicts, read from attributes."""
    claims = {c.id: {"id": c.id, "document": c.document, "evidence": c.evidence}
              for c in report.claims}
    findings = [{"id": f.id, "kind": f.kind, "resolution": f.resolution,
                 "documents": f.documents, "claims": [claims[c] for c in f.claims]}
                for f in report]
    return findings


def from_json(data):
    claims = {c["id"]: c for c in data["claims"]}
    return [dict(f, claims=[claims[c] for c in f["claims"]]) for f in data["findings"]]


def test_findings_are_well_formed(report):
    ids = {c.id for c in report.claims}
    assert [f.id for f in report] == [f"f{i}" for i in range(1, len(report) + 1)]
    for finding in report:
        assert finding.kind in {"agreement", "contradiction", "quote_divergence"}
        assert finding.claims and set(finding.claims) <= ids
        assert {report.claim(c).document for c in finding.claims} <= set(finding.documents)
        if finding.kind == "agreement":
            assert len(finding.documents) >= 2
            assert finding.resolution is None
        if finding.kind == "contradiction":
            assert finding.resolution in {"superseded", "unresolved"}
        assert finding.summary


def test_sample_report_supersedes_and_leaves_nothing_unresolved(report):
    # As tests/report_test.cpp: the July 2024 reports do not contradict each other,
    # the later inauguration supersedes them; nothing is unresolved.
    assert report.unresolved_contradictions == 0
    superseded = [f for f in report if f.kind == "contradiction" and f.resolution == "superseded"]
    assert any("inauguration-2025" in f.documents and
               {"national-2024-07-10", "singh-2024-07-12"} & set(f.documents) for f in superseded)


def test_gold_matches_equal_the_cpp_checker(report, cli, sample_path):
    if not GOLD.exists():
        pytest.skip("../shared is absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    done = cli("check", "--format", "json", sample_path)
    assert done.returncode == 0, done.stderr
    cpp = from_json(json.loads(done.stdout))
    py = as_dicts(report)

    def matched(findings):
        return [e["name"] for e in gold["expect"] + gold.get("stretch", [])
                if any(meets(f, f["claims"], e) for f in findings)]

    assert matched(py) == matched(cpp)
    # The headline finding: "yet to be announced" (July 2024) superseded by the
    # September 2025 inauguration.
    (headline,) = [e for e in gold["expect"] if "yet to be announced" in e["name"]]
    assert any(meets(f, f["claims"], headline) for f in py), headline["name"]


def test_no_forbidden_gold_finding(report):
    if not GOLD.exists():
        pytest.skip("../shared is absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for finding in as_dicts(report):
        for entry in gold["forbid"]:
            assert not hits(finding, finding["claims"], entry), (entry["name"], finding["id"])
