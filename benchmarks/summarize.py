#!/usr/bin/env python3
"""Prints scripts/bench's figures as Markdown tables against the issue's targets.

usage: summarize.py STAGES.json SCALE.jsonl
"""
import json
import sys

STAGES = [  # benchmark name, label, target MB/s (None: no target)
    ("BM_Ingest", "ingest (JSONL parse + validate + HTML to text; MB of JSONL)", None),
    ("BM_HtmlToText", "HTML to text (sample articles' HTML; MB of HTML)", None),
    ("BM_Segment", "segmentation (sentences + tokens)", None),
    ("BM_TemporalTagging", "temporal tagging (tag_times)", 50.0),
    ("BM_Quantities", "quantities", None),
    ("BM_Entities", "entities", None),
    ("BM_Quotes", "quotes", None),
    ("BM_Claims", "claims (typed + quote claims)", None),
    ("BM_Extract", "extract(), per document (public API)", None),
    ("BM_ExtractAll/1/real_time", "whole extract: extract_all, 1 thread", 20.0),
    ("BM_ExtractAll/2/real_time", "whole extract: extract_all, 2 threads", None),
]


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    stages_path, scale_path = sys.argv[1:3]
    with open(stages_path) as f:
        stages = json.load(f)
    context = stages.get("context", {})
    by_name = {b["name"]: b for b in stages.get("benchmarks", [])}
    print(f"corpus: {context.get('corpus_documents', '?')} documents, "
          f"{float(context.get('corpus_text_MB', 0)):.2f} MB of text, "
          f"{context.get('corpus_words', '?')} words")
    print()
    print("| stage | MB/s | words/s | time per corpus pass | target | |")
    print("|---|---:|---:|---:|---:|---|")
    for name, label, target in STAGES:
        b = by_name.get(name)
        if not b or b.get("error_occurred"):
            print(f"| {label} | – | – | – | {f'≥ {target:g} MB/s' if target else ''} | not measured |")
            continue
        mbs = b.get("bytes_per_second", 0) / 1e6
        words = b.get("words/s", 0)
        ms = b["real_time"] if b.get("time_unit") == "ms" else b["real_time"] / 1e6
        row = f"| {label} | {mbs:,.1f} | {words:,.0f} | {ms:,.0f} ms |"
        row += f" ≥ {target:g} MB/s | {verdict(mbs >= target)} |" if target else " | |"
        print(row)
    print()
    rows = [json.loads(line) for line in open(scale_path) if line.strip()]
    print("| documents | threads | text MB | check s | µs/document | peak RSS MB | claims | findings | target |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        if "failed" in r:
            print(f"| {r['failed']} | | | > {r['after_s']} (stopped) | | | | | **not met** |")
            continue
        if r.get("phases"):
            continue
        target = ""
        if r["docs"] >= 100000:
            target = verdict(r["check_s"] < 60 and r["peak_rss_MB"] < 4096) + " (< 60 s, < 4 GB)"
        print(f"| {r['docs']:,} | {r['threads']} | {r['text_MB']:,.1f} | {r['check_s']:,.2f} | "
              f"{1e6 * r['check_s'] / r['docs']:,.0f} | {r['peak_rss_MB']:,.0f} | {r['claims']:,} | "
              f"{r['findings']:,} | {target} |")
    for r in rows:
        if r.get("phases"):
            print()
            print(f"check() of {r['docs']:,} documents, {r['threads']} thread(s), step by step (s): "
                  + ", ".join(f"{k[:-2]} {r[k]:.2f}" for k in
                              ("extract_s", "link_s", "graph_s", "compare_s", "quote_divergence_s",
                               "render_json_s")))


if __name__ == "__main__":
    main()
