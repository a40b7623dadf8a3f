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
    ("BM_ExtractAll/1", "whole extract: extract_all, 1 thread (CPU time)", 20.0),
    ("BM_ExtractAll/1/real_time", "whole extract: extract_all, 1 thread (wall time)", None),
    ("BM_ExtractAll/2/real_time", "whole extract: extract_all, 2 threads (wall time)", None),
    ("BM_ExtractCli", "`crosscheck extract` in memory: JSONL in, JSON out, 1 thread (CPU time)", None),
]


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    stages_path, scale_path = sys.argv[1:3]
    with open(stages_path) as f:
        text = f.read()
    # A filter that matches no stage benchmark leaves the file empty.
    stages = json.loads(text) if text.strip() else {}
    context = stages.get("context", {})
    # With repetitions, the median of each benchmark stands for it (the VM is noisy).
    by_name = {}
    for b in stages.get("benchmarks", []):
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                by_name[b["run_name"]] = b
        else:
            by_name.setdefault(b["name"], b)
    print(f"corpus: {context.get('corpus_documents', '?')} documents, "
          f"{float(context.get('corpus_text_MB', 0)):.2f} MB of text, "
          f"{context.get('corpus_words', '?')} words; machine load average at start "
          f"{', '.join(f'{x:.1f}' for x in context.get('load_avg', []))} on "
          f"{context.get('num_cpus', '?')} CPUs")
    print("MB/s and words/s are per CPU second of one thread, except the wall-time rows.")
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
        t = b["real_time"] if name.endswith("real_time") else b["cpu_time"]
        ms = t if b.get("time_unit") == "ms" else t / 1e6
        row = f"| {label} | {mbs:,.1f} | {words:,.0f} | {ms:,.{1 if ms < 10 else 0}f} ms |"
        row += f" ≥ {target:g} MB/s | {verdict(mbs >= target)} |" if target else " | |"
        print(row)
    one = by_name.get("BM_ExtractAll/1/real_time", {}).get("real_time")
    two = by_name.get("BM_ExtractAll/2/real_time", {}).get("real_time")
    if one and two:
        print()
        print(f"extract_all speed-up, 2 threads over 1 (wall time): {one / two:.2f}x")
    print()
    rows = [json.loads(line) for line in open(scale_path) if line.strip()]
    whole, partial = {}, {}
    for r in rows:
        kind = r.get("failed") or ("phases" if r.get("phases") else "check")
        docs = r.get("docs") or int(r["args"].split("--docs=")[1].split()[0])
        (partial if kind == "phases" else whole)[docs] = r
    sizes = sorted(set(whole) | set(partial))
    print("check() over N documents (real articles reused under new ids and shifted dates), "
          "as the CLI runs it: JSON report streamed. Whole: check() + rendering in one call; "
          "steps: the same steps timed one by one in another process.")
    print()
    print("| documents | text MB | whole s (wall) | CPU s | peak RSS MB | findings | JSON MB "
          "| steps s: extract / link / graph / compare / quotes / render | after extraction: "
          "wall s, CPU s, µs/doc | peak RSS MB (steps) | load | target (whole) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|")
    for n in sizes:
        w, p = whole.get(n), partial.get(n)
        text_mb = next((r["text_MB"] for r in (w, p) if r and "text_MB" in r), None)
        cells = [f"{n:,}", f"{text_mb:,.1f}" if text_mb is not None else ""]
        if w is None:
            cells += ["not run (a smaller size was stopped)", "", "", "", ""]
        elif "failed" in w:
            cells += [f"stopped after {w['after_s']} s", "", "", "", ""]
        else:
            whole_s = w["check_s"] + w.get("render_json_s", 0)
            cells += [f"{whole_s:,.1f}", f"{w.get('cpu_s', 0):,.1f}",
                      f"{w['peak_rss_MB']:,.0f}", f"{w['findings']:,}", f"{w['json_MB']:,.0f}"]
        load = ""
        if p is None:
            cells += ["not run", "", ""]
        elif "failed" in p:
            cells += [f"stopped after {p['after_s']} s", "", ""]
        else:
            after = (p["link_s"] + p["graph_s"] + p["compare_s"] +
                     p.get("quote_divergence_s", 0) + p.get("render_json_s", 0))
            after_cpu = p.get("after_extract_cpu_s", 0)
            cells += [f"{p['extract_s']:.1f} / {p['link_s']:.2f} / {p['graph_s']:.2f} / "
                      f"{p['compare_s']:.2f} / {p.get('quote_divergence_s', 0):.2f} / "
                      f"{p.get('render_json_s', 0):.2f}",
                      f"{after:,.1f}, {after_cpu:,.1f}, {1e6 * after / n:,.0f}",
                      f"{p['peak_rss_MB']:,.0f}"]
            load = f"{p.get('load_1min', 0):.1f}"
        cells.append(load)
        target = ""
        if n >= 100000:
            ok = (w is not None and "failed" not in w and
                  w["check_s"] + w.get("render_json_s", 0) < 60 and w["peak_rss_MB"] < 4096)
            target = verdict(ok) + " (< 60 s, < 4 GB)"
        cells.append(target)
        print("| " + " | ".join(cells) + " |")
    threads = next((r["threads"] for r in rows if "threads" in r), None)
    if threads:
        print()
        print(f"check runs used {threads} thread(s).")

if __name__ == "__main__":
    main()
