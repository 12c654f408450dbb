"""How long the RTL line builder takes on about 1 MB of Arabic news-like paragraphs at width 60.

Run: python benchmarks/bench_rtl.py
Prints ms per paragraph for a cold layout (all caches empty), a cached one (what scrolling
costs), and a re-wrap at another width (what a resize costs).
"""

from __future__ import annotations

import random
import time

from riwaya.tui import rtl

WIDTH = 60
TARGET_BYTES = 1_000_000
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآپچژگکیے"
COMMON = "في من على إلى أن قال الجيش الحكومة وزارة الدفاع لا الله مصدر عسكري".split()
EXTRAS = ["(Reuters)", "CNN", "40", "2020-01-16", "١٢٣", "«", "»", "،", "."]
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"


def word(rng: random.Random) -> str:
    """A common word, a made-up one (so that the word cache does not see only repeats), or Latin."""
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(COMMON)
    if roll < 0.9:
        made_up = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 8)))
        return made_up + rng.choice(HARAKAT) if rng.random() < 0.1 else made_up
    return rng.choice(EXTRAS)


def paragraphs(rng: random.Random) -> list[str]:
    """Paragraphs of about 300 characters until the text reaches TARGET_BYTES of UTF-8."""
    out: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 300:
            words.append(word(rng))
        out.append(" ".join(words))
        size += len(out[-1].encode()) + 1
    return out


def clear_caches() -> None:
    """Empty every cache the layout uses, so that the next pass is truly cold."""
    rtl._layout.cache_clear()
    rtl._WORD_SHAPES.forms = {}
    rtl._classify.cache_clear()


def timed(texts: list[str], width: int) -> float:
    """Seconds to lay out every paragraph once."""
    start = time.perf_counter()
    for text in texts:
        rtl.layout_paragraph(text, width, "rtl")
    return time.perf_counter() - start


def main() -> None:
    texts = paragraphs(random.Random(2024))
    chars = sum(map(len, texts))
    print(f"{len(texts)} paragraphs, {chars} characters (~{chars // len(texts)} per paragraph)")
    clear_caches()
    cold = timed(texts, WIDTH)
    cached = timed(texts, WIDTH)
    resized = timed(texts, WIDTH + 1)
    for label, seconds in (("cold", cold), ("cached", cached), ("re-wrap at 61", resized)):
        per_paragraph = seconds / len(texts) * 1000
        print(f"{label:>14}: {per_paragraph:.3f} ms per paragraph, {seconds:.2f} s in total")


if __name__ == "__main__":
    main()
