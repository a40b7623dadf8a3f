"""crosscheck from Python, cell by cell (``# %%`` cells run in Jupyter/VS Code, or run the file).

    PYTHONPATH=build/python /usr/bin/python3 examples/python/quickstart.py   # in-tree build
    python3 examples/python/quickstart.py                                     # after pip install
"""

# %% Read the sample corpus: five articles about NATO's liaison office in Amman.
import collections
import json
import pathlib
import tempfile

import crosscheck

sample = pathlib.Path(__file__).resolve().parents[1] / "nato-amman.jsonl"
docs = crosscheck.read(sample)
for doc in docs:
    print(doc.id, doc.published or "(undated)", doc.source or "", len(doc.text), "chars")

# %% Check the sources against each other. The GIL is released and the documents
# are analysed on the library's worker threads.
report = crosscheck.check(docs)
print(report)
for finding in report:  # iterating a report yields its findings
    print(f"{finding.id} {finding.kind} {finding.resolution or ''}: {finding.summary}")
    for claim_id in finding.claims:
        claim = report.claim(claim_id)
        print(f"    {claim.document}: {claim.evidence!r}")

# %% Claims are typed; their offsets work on Python strings directly.
by_type = collections.Counter(claim.type for claim in report.claims)
print("claims by type:", dict(by_type))
for claim in report.claims[:5]:
    text = report.document(claim.document).text
    print(claim.id, claim.predicate, claim.value, "<-", repr(text[claim.char_begin:claim.char_end]))

# %% One document's annotations: sentences, times, quantities, entities, quotes.
extraction = crosscheck.extract(docs[0])
print(extraction)
for time in extraction.times:
    print("time", repr(time.text), time.value)
for quote in extraction.quotes:
    print("quote", repr(quote.text), "by", quote.speaker)

# %% Documents can be built in Python too, from text or HTML.
mine = [
    crosscheck.Document("wire", "NATO will open a liaison office in Amman, officials said.",
                        source="Wire", published="2024-07-10"),
    crosscheck.Document("paper", html="<p>NATO <b>inaugurated</b> its office in Amman on "
                                      "16 September 2025.</p>", published="2025-09-17"),
]
print(crosscheck.check(mine))

# %% Bad input raises crosscheck errors that name the document.
try:
    crosscheck.Document("late", "Some text.", published="next Tuesday")
except crosscheck.InputError as error:
    print(type(error).__name__, error.document, "-", error)

# %% Every output format of the checker is a method.
summary = json.loads(report.to_json())
print(summary["schema"], len(summary["claims"]), "claims,", len(summary["findings"]), "findings")
page = pathlib.Path(tempfile.gettempdir()) / "crosscheck-report.html"
page.write_text(report.to_html(), encoding="utf-8")
print("wrote", page, "and", len(report.to_dot()), "bytes of DOT")
