"""Engine throughput and growth: 20 Arabic sources of 1 MB in all, then twice that.

Run on demand (`make bench`); prints figures, asserts nothing. Target: 1 MB in
under 2 s on the project's 2-core machine, and doubling the input costing at most
2.3 times the time.
"""

from __future__ import annotations

import random
import time
import tracemalloc

from riwaya.core.engine import analyze
from riwaya.core.sources import make_source

TOWNS = ["تل الريحان", "عين الزيتون", "رأس النخيل", "وادي السدر", "كفر البلوط", "جسر الحجر"]
DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
PARTIES = ["وزارة الدفاع", "المرصد الوطني", "الجبهة الشمالية", "مصدر طبي", "الدفاع المدني"]
SENTENCES = [
    "وقال {party} إن {n} جنديا قتلوا في هجوم على بلدة {town} فجر {day}.",
    "ونفى {party} وقوع أي هجوم على بلدة {town}، مؤكدا أن الوضع هادئ.",
    "ورصد {party} نحو {m} غارة جوية على قرى {town} منذ يوم {day}.",
    "وأضاف أن {k} مدنيين أصيبوا بجروح وأن فرق الإنقاذ ما زالت تبحث عن مفقودين.",
    "وبحسب {party}، نزح ما لا يقل عن {m} شخص من منازلهم في {town} مساء {day}.",
    "واعتبر {party} أن الهجوم عمل جبان لن يمر دون رد.",
]


def article(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = rng.choice(SENTENCES).format(
            party=rng.choice(PARTIES),
            town=rng.choice(TOWNS),
            day=rng.choice(DAYS),
            n=rng.randint(3, 60),
            m=rng.randint(50, 900),
            k=rng.randint(2, 40),
        )
        parts.append(sentence)
        length += len(sentence.encode()) + 1
        if rng.random() < 0.2:
            parts.append("\n\n")
    return " ".join(parts)


def run(total_bytes: int, sources: int = 20) -> tuple[float, int, int, int]:
    rng = random.Random(total_bytes)
    texts = [article(rng, total_bytes // sources) for _ in range(sources)]
    built = [make_source(i, t, f"source {i}", f"bench:{i}") for i, t in enumerate(texts, 1)]
    started = time.perf_counter()
    report = analyze(built)
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second run for memory: tracing slows Python several times
    analyze(built)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, len(report.claims), len(report.findings), peak


def main() -> None:
    analyze([make_source(1, "قال المرصد إن 3 قتلوا.", "warm", "warm")])  # load lexicon, stemmer
    results = {}
    for megabytes in (1, 2):
        seconds, claims, findings, peak = run(megabytes * 1_000_000)
        results[megabytes] = seconds
        print(
            f"{megabytes} MB: {seconds:.2f} s ({megabytes / seconds:.2f} MB/s), {claims:,} claims, "
            f"{findings:,} findings, peak traced memory {peak / 1e6:.0f} MB"
        )
    print(f"growth ratio for twice the input: {results[2] / results[1]:.2f} (target at most 2.3)")


if __name__ == "__main__":
    main()
