"""How check() and extract() scale with threads, from Python.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/threads.py [COPIES]

Checks COPIES renamed copies of the sample corpus (default 40) with the
library's worker threads (threads=1 vs all cores), then extracts them from a
pool of Python threads, which only helps because the GIL is released.
"""

import concurrent.futures
import os
import pathlib
import sys
import time

import crosscheck

copies = int(sys.argv[1]) if len(sys.argv) > 1 else 40
sample = pathlib.Path(__file__).resolve().parents[1] / "nato-amman.jsonl"
base = crosscheck.read(sample)
docs = [crosscheck.Document(f"{d.id}-{i}", d.text, source=d.source, published=d.published)
        for i in range(copies) for d in base]
megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
cores = os.cpu_count() or 1


def timed(call):
    best = float("inf")
    for _ in range(3):
        begin = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - begin)
    return best


print(f"{len(docs)} documents, {megabytes:.1f} MB of text, {cores} cores")
one = timed(lambda: crosscheck.check(docs, threads=1))
every = timed(lambda: crosscheck.check(docs, threads=0))
print(f"check, threads=1:      {one:.3f} s ({megabytes / one:.1f} MB/s)")
print(f"check, threads=0:      {every:.3f} s ({megabytes / every:.1f} MB/s), x{one / every:.2f}")
serial = timed(lambda: [crosscheck.extract(d) for d in docs])
with concurrent.futures.ThreadPoolExecutor(max_workers=cores) as pool:
    pooled = timed(lambda: list(pool.map(crosscheck.extract, docs)))
print(f"extract, 1 Python thread:  {serial:.3f} s")
print(f"extract, {cores} Python threads: {pooled:.3f} s, x{serial / pooled:.2f}")
