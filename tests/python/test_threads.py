"""The GIL is released during extraction and checking, and threads give the same results."""

import concurrent.futures
import threading
import time

import crosscheck


def big_corpus(docs, copies):
    """`copies` renamed copies of each sample document: lots of work, same kind of text."""
    return [crosscheck.Document(f"{d.id}-{i}", d.text, source=d.source, published=d.published)
            for i in range(copies) for d in docs]


def long_enough(make, run, seconds=0.3, limit=64):
    """The smallest make(n), n = 1, 2, 4..., whose run takes `seconds` (so the test
    measures something however fast the pipeline is)."""
    n = 1
    while True:
        value = make(n)
        begin = time.perf_counter()
        run(value)
        if time.perf_counter() - begin >= seconds or n >= limit:
            return value
        n *= 2


def runs_while(call):
    """Calls `call` while another Python thread counts; returns the times it counted at
    and the call's start and end."""
    ticks = []
    stop = threading.Event()
    started = threading.Event()

    def count():
        started.set()
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started.wait()
    begin = time.perf_counter()
    call()
    end = time.perf_counter()
    stop.set()
    counter.join()
    return ticks, begin, end


def test_check_releases_the_gil(docs):
    corpus = long_enough(lambda n: big_corpus(docs, n),
                         lambda c: crosscheck.check(c, threads=1), limit=512)
    ticks, begin, end = runs_while(lambda: crosscheck.check(corpus, threads=1))
    # While check() runs, the other Python thread keeps running: it could not if
    # the GIL were held for the whole call.
    margin = 0.02
    inside = [t for t in ticks if begin + margin < t < end - margin]
    assert end - begin > 4 * margin, "corpus too small to measure"
    assert len(inside) >= 3, (len(inside), end - begin)


def test_extract_releases_the_gil(docs):
    text = "\n\n".join(d.text for d in docs)
    doc = long_enough(lambda n: crosscheck.Document("long", text * n), crosscheck.extract, limit=256)
    ticks, begin, end = runs_while(lambda: crosscheck.extract(doc))
    margin = 0.02
    inside = [t for t in ticks if begin + margin < t < end - margin]
    assert end - begin > 4 * margin, "document too small to measure"
    assert len(inside) >= 3, (len(inside), end - begin)


def test_python_threads_give_the_serial_results(docs):
    serial = [crosscheck.extract(d).to_json() for d in docs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            parallel = list(pool.map(lambda d: crosscheck.extract(d).to_json(), docs))
            assert parallel == serial
        reports = list(pool.map(lambda _: crosscheck.check(docs).to_json(), range(4)))
    assert len(set(reports)) == 1
    assert reports[0] == crosscheck.check(docs, threads=1).to_json()


def test_library_threads_give_the_serial_results(docs):
    corpus = big_corpus(docs, 6)
    one = crosscheck.check(corpus, threads=1).to_json()
    assert crosscheck.check(corpus, threads=4).to_json() == one
    assert crosscheck.check(corpus).to_json() == one
