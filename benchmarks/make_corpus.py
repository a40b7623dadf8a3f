#!/usr/bin/env python3
"""Builds the benchmark corpus at run time: real news text as crosscheck JSONL.

Sources: the sample articles (examples/nato-amman.jsonl, HTML, kept as they
are so ingest converts HTML), the TimeBank/AQUAINT texts (<TEXT> of each .tml,
tags stripped, dated by its creation time) and the PolNeAR article texts
(dated from metadata.tsv). Nothing is written into the repository; the texts
under ../shared are licensed and must not be committed.

usage: make_corpus.py REPO_ROOT SHARED_DIR OUTPUT.jsonl
"""
import html
import json
import pathlib
import re
import sys

TAG = re.compile(r"<[^>]*>")
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*?value="(\d{4}-\d{2}-\d{2})'
                 r'|value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"')


def timeml_docs(root):
    for path in sorted(root.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = TEXT.search(raw)
        if not body:
            continue
        text = html.unescape(TAG.sub("", body.group(1))).strip()
        if not text:
            continue
        dct = DCT.search(raw)
        doc = {"id": "timeml/" + path.stem, "source": "TimeBank/" + path.parent.name,
               "text": text + "\n"}
        if dct:
            doc["published"] = dct.group(1) or dct.group(2)
        yield doc


def polnear_docs(root):
    dates, publishers = {}, {}
    meta = root / "metadata.tsv"
    if meta.exists():
        rows = meta.read_text(encoding="utf-8").splitlines()
        header = rows[0].split("\t")
        for row in rows[1:]:
            fields = dict(zip(header, row.split("\t")))
            name = fields.get("filename", "")
            dates[name] = fields.get("publication_date", "")
            publishers[name] = fields.get("publisher", "")
    for path in sorted(root.glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            continue
        doc = {"id": "polnear/" + path.parent.parent.name + "/" + path.stem,
               "source": publishers.get(path.stem) or path.stem.split("_")[0], "text": text}
        date = dates.get(path.stem, "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            doc["published"] = date
        yield doc


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    repo, shared, output = (pathlib.Path(a) for a in sys.argv[1:])
    docs = []
    for line in (repo / "examples" / "nato-amman.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            doc["id"] = "sample/" + doc["id"]
            docs.append(doc)
    counts = {"sample": len(docs), "timeml": 0, "polnear": 0}
    timeml, polnear = shared / "data" / "timeml" / "TBAQ-cleaned", shared / "data" / "polnear"
    if timeml.is_dir():
        for doc in timeml_docs(timeml):
            docs.append(doc)
            counts["timeml"] += 1
    if polnear.is_dir():
        for doc in polnear_docs(polnear):
            docs.append(doc)
            counts["polnear"] += 1
    if counts["timeml"] + counts["polnear"] == 0:
        print(f"make_corpus: {shared} has no TimeBank/PolNeAR texts; "
              "using the sample articles only", file=sys.stderr)
    with open(output, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"make_corpus: {len(docs)} documents ({counts['sample']} sample, {counts['timeml']} "
          f"TimeBank/AQUAINT, {counts['polnear']} PolNeAR), "
          f"{pathlib.Path(output).stat().st_size / 1e6:.1f} MB JSONL -> {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
