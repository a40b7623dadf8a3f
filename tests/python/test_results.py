"""Reports and extractions: offsets, JSON, agreement with the C++ checker, determinism."""

import json

import pytest

import crosscheck


def located_items(extraction):
    """Every object of an extraction that carries offsets, with its kind."""
    for kind in ("sentences", "times", "quantities", "quotes", "claims"):
        for item in getattr(extraction, kind):
            yield kind, item
    for entity in extraction.entities:
        for mention in entity.mentions:
            yield "mentions", mention
    for quote in extraction.quotes:
        if quote.speaker_mention is not None:
            yield "speaker_mention", quote.speaker_mention
    if extraction.published_inferred is not None:
        yield "published_inferred", extraction.published_inferred


def test_char_offsets_index_the_python_text(report):
    seen_non_ascii_shift = False
    count = 0
    for extraction in report.extractions:
        text = extraction.text
        data = text.encode("utf-8")
        for kind, item in located_items(extraction):
            count += 1
            assert 0 <= item.char_begin <= item.char_end <= len(text), (kind, item)
            assert text[item.char_begin:item.char_end] == data[item.begin:item.end].decode("utf-8"), (
                kind, item)
            if item.char_begin != item.begin:
                seen_non_ascii_shift = True
    assert count > 0
    # The sample has curly quotes and dashes, so byte and character offsets differ.
    assert seen_non_ascii_shift


def test_claim_words_and_evidence_round_trip(report):
    by_id = {d.id: d for d in report.documents}
    claims = report.claims
    if not claims:
        pytest.skip("the pipeline extracts no claims yet")
    shifted = 0
    for claim in claims:
        text = by_id[claim.document].text
        data = text.encode("utf-8")
        words = data[claim.begin:claim.end].decode("utf-8")
        assert text[claim.char_begin:claim.char_end] == words
        assert text[claim.evidence_char_begin:claim.evidence_char_end] == claim.evidence
        assert claim.evidence_char_begin <= claim.char_begin <= claim.char_end <= claim.evidence_char_end
        shifted += claim.char_begin != claim.begin
    assert shifted > 0  # some claims come after non-ASCII text


def test_offsets_after_non_ascii_text():
    # Multi-byte characters (2, 3 and 4 bytes) before every sentence but the first.
    text = ("Zürich — “Ça va” 🙂 said the mayor. NATO will open a liaison office in Amman. "
            "The office opened on 16 September 2025 — officials said.")
    doc = crosscheck.Document("utf8", text, published="2025-09-20")
    x = crosscheck.extract(doc)
    assert [s.text for s in x.sentences] == [text[s.char_begin:s.char_end] for s in x.sentences]
    second = x.sentences[1]
    assert second.text.startswith("NATO will open")
    assert second.char_begin == text.index("NATO")
    assert second.begin == len(text[:second.char_begin].encode("utf-8"))
    assert second.begin > second.char_begin
    for kind, item in located_items(x):
        assert text[item.char_begin:item.char_end].encode("utf-8") == \
            text.encode("utf-8")[item.begin:item.end], kind


def test_report_json_round_trip(report, docs):
    data = json.loads(report.to_json())
    assert data["schema"] == "crosscheck.report/1"
    assert [d["id"] for d in data["documents"]] == [d.id for d in docs]
    assert len(data["claims"]) == len(report.claims)
    assert len(data["findings"]) == len(report.findings)


def test_attributes_match_the_json(report):
    data = json.loads(report.to_json())
    for doc, j in zip(report.documents, data["documents"], strict=True):
        assert (doc.id, doc.source, doc.url, doc.title, doc.published) == (
            j["id"], j["source"], j["url"], j["title"], j["published"])
        inferred = doc.published_inferred
        assert (inferred.value if inferred else None) == (
            j["published_inferred"]["value"] if j["published_inferred"] else None)
    claim_keys = ["id", "document", "type", "subject", "subject_name", "predicate", "qualifier",
                  "value", "typed_value", "as_of", "modality", "polarity", "attributed_to",
                  "begin", "end", "evidence", "evidence_begin", "evidence_end"]
    for claim, j in zip(report.claims, data["claims"], strict=True):
        for key in claim_keys:
            assert getattr(claim, key) == j[key], (claim.id, key)
    finding_keys = ["id", "kind", "resolution", "claims", "documents", "summary", "rule",
                    "explanation"]
    for finding, j in zip(report.findings, data["findings"], strict=True):
        for key in finding_keys:
            assert getattr(finding, key) == j[key], (finding.id, key)
    for entity, j in zip(report.entities, data["entities"], strict=True):
        assert (entity.id, entity.name, entity.type, entity.aliases, entity.documents) == (
            j["id"], j["name"], j["type"], j["aliases"], j["documents"])
        assert entity.located_in == j.get("located_in", [])


def test_extraction_attributes_match_its_json(docs):
    for x in crosscheck.extract_all(docs):
        j = json.loads(x.to_json())
        assert j["schema"] == "crosscheck.extract/1"
        assert (x.id, x.text, x.published) == (j["id"], j["text"], j["published"])
        assert [(s.begin, s.end) for s in x.sentences] == [(s["begin"], s["end"]) for s in j["sentences"]]
        assert [(t.begin, t.end, t.text, t.type, t.value, t.mod) for t in x.times] == [
            (t["begin"], t["end"], t["text"], t["type"], t["value"], t.get("mod")) for t in j["times"]]
        assert [(q.begin, q.end, q.text, q.unit, q.bound) for q in x.quantities] == [
            (q["begin"], q["end"], q["text"], q["unit"], q["bound"]) for q in j["quantities"]]
        assert [(e.id, e.name, e.type, [(m.begin, m.end) for m in e.mentions]) for e in x.entities] == [
            (e["id"], e["name"], e["type"], [(m["begin"], m["end"]) for m in e["mentions"]])
            for e in j["entities"]]
        assert [(q.begin, q.end, q.text, q.speaker) for q in x.quotes] == [
            (q["begin"], q["end"], q["text"], q["speaker"]) for q in j["quotes"]]
        assert [c.id for c in x.claims] == [c["id"] for c in j["claims"]]


def test_findings_equal_the_cpp_checker(report, cli, sample_path):
    done = cli("check", "--format", "json", sample_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(report.to_json()) == json.loads(done.stdout)
    assert report.to_json() == done.stdout  # byte for byte
    cpp = json.loads(done.stdout)
    assert [(f.id, f.kind, f.resolution, f.claims, f.documents) for f in report] == [
        (f["id"], f["kind"], f["resolution"], f["claims"], f["documents"]) for f in cpp["findings"]]


def test_documents_built_in_python_give_the_cpp_report(sample_lines, cli, sample_path):
    # The same corpus built field by field in Python (html= converted by the library).
    docs = [crosscheck.Document(line["id"], line.get("text"), html=line.get("html"),
                                source=line.get("source"), url=line.get("url"),
                                title=line.get("title"), author=line.get("author"),
                                published=line.get("published"))
            for line in sample_lines]
    done = cli("check", "--format", "json", sample_path)
    assert crosscheck.check(docs).to_json() == done.stdout


def test_extractions_equal_the_cpp_extract(docs, cli, sample_path):
    done = cli("extract", sample_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [x.to_json() for x in crosscheck.extract_all(docs)] == lines
    assert [crosscheck.extract(d).to_json() for d in docs] == lines


def test_other_formats_equal_the_cpp_checker(report, cli, sample_path):
    for fmt, method in [("text", report.to_text), ("html", report.to_html),
                        ("dot", report.to_dot), ("graphml", report.to_graphml)]:
        done = cli("check", "--format", fmt, sample_path)
        assert done.returncode == 0, done.stderr
        assert method() == done.stdout, fmt


def test_report_renderings_look_like_their_formats(report):
    assert report.to_html().lstrip().lower().startswith("<!doctype html")
    assert "graph" in report.to_dot().split("{", 1)[0]
    assert "<graphml" in report.to_graphml()
    text = report.to_text()
    assert isinstance(text, str) and text


def test_iteration_len_and_lookups(report):
    assert [f.id for f in report] == [f.id for f in report.findings]
    assert len(report) == len(report.findings)
    assert report.unresolved_contradictions == sum(
        1 for f in report if f.kind == "contradiction" and f.resolution != "superseded")
    for claim in report.claims:
        assert report.claim(claim.id).id == claim.id
    for finding in report:
        assert {report.claim(c).document for c in finding.claims} <= set(finding.documents)
    first = report.documents[0]
    assert report.document(first.id) == first
    assert report.extraction(first.id).id == first.id
    with pytest.raises(KeyError):
        report.claim("no-such-claim#1")
    with pytest.raises(KeyError):
        report.document("no-such-document")


def test_lists_are_fresh_copies(report):
    claims = report.claims
    claims.append("junk")
    assert "junk" not in report.claims
    documents = report.documents
    documents.clear()
    assert len(report.documents) == 5


def test_reprs_help_at_a_prompt(report):
    text = repr(report)
    assert text.startswith("<crosscheck.Report: 5 documents, ")
    assert f"{len(report.claims)} claims" in text and f"{len(report.findings)} findings" in text
    x = report.extractions[0]
    assert repr(x).startswith("<crosscheck.Extraction 'national-2024-07-10': ")
    assert repr(x.sentences[0]).startswith("Sentence([0:")
    for item in [*report.findings, *report.claims, *report.entities]:
        assert repr(item).startswith(type(item).__name__ + "(")


def test_results_are_read_only(report):
    x = report.extractions[0]
    with pytest.raises(AttributeError):
        x.sentences[0].begin = 3
    with pytest.raises(AttributeError):
        report.findings = []


def test_report_outlives_its_inputs():
    docs = [crosscheck.Document("a", "The office opened on 16 September 2025.", published="2025-09-17"),
            crosscheck.Document("b", "The office will open next year.", published="2024-07-10")]
    report = crosscheck.check(docs)
    extraction = report.extractions[1]
    del docs, report
    import gc
    gc.collect()
    assert extraction.text == "The office will open next year."
    assert extraction.document.id == "b"


def test_same_input_same_output(docs):
    first = crosscheck.check(docs).to_json()
    assert crosscheck.check(docs).to_json() == first
    assert crosscheck.check(list(docs)).to_json() == first
    assert crosscheck.check(iter(docs)).to_json() == first  # any iterable


@pytest.mark.parametrize("threads", [1, 2, 3, 8])
def test_output_does_not_depend_on_threads(docs, report, threads):
    assert crosscheck.check(docs, threads=threads).to_json() == report.to_json()
    assert [x.to_json() for x in crosscheck.extract_all(docs, threads=threads)] == [
        x.to_json() for x in report.extractions]


def test_lexicon_forms(docs, tmp_path):
    baseline = crosscheck.check(docs).to_json()
    path = tmp_path / "lexicon.json"
    path.write_text("{}", encoding="utf-8")
    # An empty lexicon adds nothing, given as a path, a dict, or a list of them.
    assert crosscheck.check(docs, lexicon=path).to_json() == baseline
    assert crosscheck.check(docs, lexicon=str(path)).to_json() == baseline
    assert crosscheck.check(docs, lexicon={}).to_json() == baseline
    assert crosscheck.check(docs, lexicon=[path, {}]).to_json() == baseline
    assert crosscheck.extract(docs[0], lexicon={}).to_json() == crosscheck.extract(docs[0]).to_json()


def test_empty_input_gives_an_empty_report():
    report = crosscheck.check([])
    assert (report.documents, report.claims, report.findings) == ([], [], [])
    assert json.loads(report.to_json())["schema"] == "crosscheck.report/1"
