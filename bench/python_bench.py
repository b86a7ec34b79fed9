# The Python module against the command (issue 14): per article, reflow + XML + typeset in-process
# against `paiban convert --to xml,pdf` run as a program; then articles per second on one thread and
# on two (the module releases the GIL while paiban works).
# usage: PYTHONPATH=build/python python3 bench/python_bench.py build/paiban [ARTICLE.txt ...]
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import paiban

ROUNDS = 20


def per_article_ms(fn, rounds=ROUNDS):
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    program = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    articles = sys.argv[2:] or [os.path.join(here, "..", "input", "lvliang-cppcc-2024.txt")]
    data = [open(a, "rb").read() for a in articles]
    print(f"articles: {len(data)} ({sum(map(len, data)) // 1024} KB), style broadsheet, median of {ROUNDS}")

    with tempfile.TemporaryDirectory() as tmp:
        def command():
            for a in articles:
                subprocess.run([program, "convert", a, "--to", "xml,pdf", "--out", tmp], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cmd_ms = per_article_ms(command) / len(data)

    typesetter = paiban.Typesetter("broadsheet")

    def convert(d):
        doc = paiban.reflow(d)
        doc.to_xml()
        return len(typesetter.pdf(doc))

    module_ms = per_article_ms(lambda: [convert(d) for d in data]) / len(data)
    def fresh():
        doc = paiban.reflow(data[0])
        doc.to_xml()
        paiban.Typesetter("broadsheet").pdf(doc)

    fresh_ms = per_article_ms(fresh, rounds=5)
    print(f"command  (process per article: start, fonts, reflow, xml, pdf) {cmd_ms:7.1f} ms/article")
    print(f"module   (one Typesetter, reflow + xml + pdf in-process)        {module_ms:7.1f} ms/article")
    print(f"module   (a new Typesetter each time, as the command loads)     {fresh_ms:7.1f} ms/article")

    work = data * max(1, 200 // len(data))
    rates = {}
    for threads in (1, 2):
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(convert, work[:threads]))  # warm
            t = time.perf_counter()
            list(pool.map(convert, work))
            rates[threads] = len(work) / (time.perf_counter() - t)
        print(f"threads {threads}: {rates[threads]:6.1f} articles/s")
    print(f"two threads / one: {rates[2] / rates[1]:.2f}x (cores: {os.cpu_count()}; 2.0 is the ideal)")


if __name__ == "__main__":
    main()
