"""Right-to-left line builder: turns a logical paragraph into rows of terminal cells.

Rich and Textual draw code points in logical order and shape nothing, so riwaya lays Arabic out
itself (shared/RTL.md): shape, resolve UAX #9 levels for the whole paragraph, wrap the *logical*
text, then reorder each row. Every row keeps, cell by cell, the logical offset it shows, so
highlights, search and copy work on logical text and never on visual strings.

Design choices:
- `VisualLine.cells` holds one character per cell. Combining marks (harakat) take no cell: they sit
  in `VisualLine.marks`, drawn right after their base letter by `render_line`, and belong to their
  base's cell (`v2l` points at the base, `v2l_end` past the last mark). A mark with no base is
  drawn on a dotted circle (U+25CC), as Unicode recommends.
- Lam-alef is one cell mapped to the lam; the alef belongs to that cell. The word ligatures
  (U+FDF2 Allah, U+FDFA, U+FDFD) are never produced: they measure one cell but draw wider.
- Levels come from this module's own UAX #9 resolver (X1-I2 with isolates and the bracket rule
  N0). python-bidi's Rust `get_display` exposes no levels, and its pure-Python `bidi.algorithm`
  lacks N0 (so `Reuters (UK)` in Arabic text breaks) and fails on isolate controls. The tests check
  the visual order against `bidi.get_display`.
- Zero-width controls (bidi controls, ZWJ, ZWNJ, ...) are never drawn: they would steer the
  terminal. Characters wider than one cell (emoji, CJK) are drawn as U+FFFD, so that a row is
  always exactly `width` cells.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import Literal, NamedTuple, TypeVar

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from bidi.mirror import MIRRORED
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

Direction = Literal["rtl", "ltr"]
BidiMode = Literal["app", "terminal", "off"]
_Padded = TypeVar("_Padded", str, tuple)


@dataclass(frozen=True)
class VisualLine:
    """One row of a pane, exactly as drawn, with the logical offset behind each cell."""

    cells: str  # one 1-cell character per cell, padded to the width
    v2l: tuple[int, ...]  # per cell: logical offset of the character shown, -1 for padding
    start: int  # logical range of the paragraph this row covers; rows tile the paragraph
    end: int
    marks: tuple[str, ...]  # per cell: combining marks drawn after it ("" for most cells)
    v2l_end: tuple[int, ...]  # per cell: end of the logical cluster it shows, -1 for padding


# Bidi classes (UAX #9) that the rules below single out.
_MAX_DEPTH = 125
_EMBEDDINGS = {"LRE": (False, ""), "RLE": (True, ""), "LRO": (False, "L"), "RLO": (True, "R")}
_ISOLATES = frozenset({"LRI", "RLI", "FSI"})
_EMBEDDING_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF"})
_REMOVED = _EMBEDDING_CONTROLS | {"BN"}  # by rule X9
_NEUTRALS = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
_LINE_END_RESET = frozenset({"WS", "LRI", "RLI", "FSI", "PDI"}) | _REMOVED  # by rule L1
_AS_STRONG = {"L": "L", "R": "R", "EN": "R", "AN": "R"}  # numbers count as R for N0 and N1
_RAISING = _EMBEDDING_CONTROLS | _ISOLATES | {"PDI", "R", "AL", "AN"}  # may lift a level above 0


# --- Characters -------------------------------------------------------------------------------

# How a character is drawn: in a cell of its own; on the previous cell (combining marks); not
# at all but reordered on its own (bidi marks, isolates: their level matters); not at all, as part
# of the previous cluster (ZWJ, ZWNJ, embeddings and other characters rule X9 removes; lam-alef's
# alef).
_BASE, _MARK, _CONTROL, _JOINED = 0, 1, 2, 3
_BREAKABLE = " \t"
_WIDE_STAND_IN = "\ufffd"
_ORPHAN_BASE = "\u25cc"
_ZWJ, _ZWNJ, _TATWEEL, _LAM = "\u200d", "\u200c", "\u0640", "\u0644"
_LAM_ALEF = frozenset("\ufef5\ufef6\ufef7\ufef8\ufef9\ufefa\ufefb\ufefc")

_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)


class _Char(NamedTuple):
    """What layout needs to know about a character, whatever its context."""

    kind: int
    glyph: str  # before shaping: itself, " " for a tab, U+FFFD when wide, "" when never drawn
    bidi_class: str
    transparent: bool  # Arabic joining looks through it


@lru_cache(maxsize=8192)
def _classify(ch: str) -> _Char:
    """Kind, glyph, bidi class and joining transparency of a character.

    Marks and joined controls are transparent to joining, and so is the reshaper's own harakat
    set, so that its output stays one glyph per letter. ZWJ, ZWNJ and bidi controls are not: a
    lam-alef across a bidi control could not be one cell.
    """
    bidi_class = unicodedata.bidirectional(ch) or "L"
    width = cell_len(ch)
    if ch in _BREAKABLE:
        kind, glyph = _BASE, " "
    elif width == 0 and unicodedata.category(ch)[0] == "M":
        kind, glyph = _MARK, ch
    elif width == 0:
        kind, glyph = (_JOINED if bidi_class in _REMOVED else _CONTROL), ""
    else:
        kind, glyph = _BASE, ch if width == 1 else _WIDE_STAND_IN
    transparent = (kind in (_MARK, _JOINED) or HARAKAT_RE.match(ch) is not None) and not (
        ch in (_ZWJ, _ZWNJ) or bidi_class in _EMBEDDING_CONTROLS
    )
    return _Char(kind, glyph, bidi_class, transparent)


class _WordShapes:
    """Joining forms of the words seen so far, so that the reshaper runs once per paragraph at most.

    Shaping never crosses a space, so a word's forms can be reused; the reshaper is slow to call
    (it reads its settings each time), so the words it has not seen go to it in one string.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.forms: dict[str, str] = {}

    def reshape(self, letters: str) -> str:
        words = letters.split(" ")
        forms = self.forms
        if len(forms) > self.size:
            forms = self.forms = {}  # a new dict: other threads keep the one they hold
        new = [word for word in dict.fromkeys(words) if word not in forms]
        if new:
            shaped = _RESHAPER.reshape(" ".join(new)).split(" ")
            forms.update(zip(new, shaped, strict=True))
        return " ".join(forms[word] for word in words)


_WORD_SHAPES = _WordShapes(size=50_000)


def _shape(text: str, chars: list[_Char], kinds: list[int], glyphs: list[str]) -> None:
    """Give letters their joining forms and lam-alef its ligature, in place.

    Only joining characters reach the reshaper, so that its output maps one to one onto them
    (but for lam-alef). ZWJ goes in as a tatweel: it joins like one, and the reshaper mishandles
    ZWJ itself (its ligature offsets shift).
    """
    joining = [i for i, char in enumerate(chars) if not char.transparent]
    letters = "".join(_TATWEEL if text[i] == _ZWJ else text[i] for i in joining)
    k = 0
    for glyph in _WORD_SHAPES.reshape(letters):
        i = joining[k]
        if glyph != letters[k]:  # a joining form; keeps the stand-ins for tabs and wide chars
            glyphs[i] = glyph
        if glyph in _LAM_ALEF and letters[k] == _LAM:
            k += 1
            kinds[joining[k]], glyphs[joining[k]] = _JOINED, ""
        k += 1


# --- UAX #9 levels ----------------------------------------------------------------------------


def _bracket_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Opening and closing paired brackets (BD14, BD15), each mapped to its pair's key.

    Bidi_Paired_Bracket is not in `unicodedata`: the pairs are the mirrored Ps/Pe characters,
    keyed by the canonical closing bracket so that U+2329/U+232A pair with U+3008/U+3009.
    """
    opening, closing = {}, {}
    for ch, mirror in MIRRORED.items():
        if unicodedata.category(ch) == "Ps" and unicodedata.category(mirror) == "Pe":
            key = unicodedata.normalize("NFD", mirror)
            opening[ch], closing[mirror] = key, key
    return opening, closing


_OPENING, _CLOSING = _bracket_tables()


def _raised(level: int, rtl: bool) -> int:
    """The least level above `level` with the new direction's parity (X2-X5c)."""
    return (level + 1) | 1 if rtl else (level + 2) & ~1


def _matching_pdis(classes: list[str]) -> dict[int, int]:
    """Offset of each isolate initiator's matching PDI (BD9)."""
    matching, open_ = {}, []
    for i, cls in enumerate(classes):
        if cls in _ISOLATES:
            open_.append(i)
        elif cls == "PDI" and open_:
            matching[open_.pop()] = i
    return matching


def _first_strong_is_rtl(classes: list[str], lo: int, hi: int, matching: dict[int, int]) -> bool:
    """P2-P3 on classes[lo:hi], skipping nested isolates: decides an FSI's direction."""
    i = lo
    while i < hi:
        cls = classes[i]
        if cls in ("R", "AL", "L"):
            return cls != "L"
        i = matching.get(i, hi) + 1 if cls in _ISOLATES else i + 1
    return False


class _StatusStack:
    """The directional status stack of rules X1-X8, with its overflow counters."""

    def __init__(self, base: int) -> None:
        self.entries = [(base, "", False)]  # level, override ("", "L" or "R"), isolate
        self.overflow_isolates = self.overflow_embeddings = self.valid_isolates = 0

    @property
    def level(self) -> int:
        return self.entries[-1][0]

    @property
    def override(self) -> str:
        return self.entries[-1][1]

    def push(self, rtl: bool, override: str, isolate: bool) -> None:
        level = _raised(self.level, rtl)
        if level <= _MAX_DEPTH and not self.overflow_isolates and not self.overflow_embeddings:
            self.entries.append((level, override, isolate))
            self.valid_isolates += isolate
        elif isolate:
            self.overflow_isolates += 1
        elif not self.overflow_isolates:
            self.overflow_embeddings += 1

    def pop_isolate(self) -> None:
        if self.overflow_isolates:
            self.overflow_isolates -= 1
        elif self.valid_isolates:
            self.overflow_embeddings = 0
            while not self.entries[-1][2]:
                self.entries.pop()
            self.entries.pop()
            self.valid_isolates -= 1

    def pop_embedding(self) -> None:
        if self.overflow_isolates:
            return
        if self.overflow_embeddings:
            self.overflow_embeddings -= 1
        elif not self.entries[-1][2] and len(self.entries) > 1:
            self.entries.pop()


def _explicit_levels(
    classes: list[str], base: int, matching: dict[int, int]
) -> tuple[list[str], list[int]]:
    """X1-X9: levels set by explicit controls; characters removed by X9 get type BN."""
    types, levels = classes.copy(), [base] * len(classes)
    stack = _StatusStack(base)
    for i, cls in enumerate(classes):
        if cls in _EMBEDDINGS:
            stack.push(*_EMBEDDINGS[cls], isolate=False)
        elif cls == "PDF":
            stack.pop_embedding()
        elif cls == "PDI":
            stack.pop_isolate()
        if cls == "B":
            continue
        levels[i] = stack.level
        if cls in _REMOVED:
            types[i] = "BN"
            continue
        types[i] = stack.override or cls
        if cls in _ISOLATES:
            end = matching.get(i, len(classes))
            rtl = cls == "RLI" or (
                cls == "FSI" and _first_strong_is_rtl(classes, i + 1, end, matching)
            )
            stack.push(rtl, "", isolate=True)
    return types, levels


class _RunSequence(NamedTuple):
    """An isolating run sequence (BD13): the unit the W, N and I rules work on."""

    idx: list[int]
    level: int
    sos: str
    eos: str


def _run_sequences(
    classes: list[str], types: list[str], levels: list[int], base: int, matching: dict[int, int]
) -> list[_RunSequence]:
    """X10: level runs chained across matched isolates, with their sos and eos."""
    kept = [i for i, t in enumerate(types) if t != "BN"]
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    by_first = {run[0]: run for run in runs}
    previous = dict(zip(kept[1:], kept, strict=False))
    following = dict(zip(kept, kept[1:], strict=False))
    chained: set[int] = set()
    sequences = []
    for run in runs:
        if run[0] in chained:
            continue
        idx = list(run)
        while (pdi := matching.get(idx[-1])) in by_first:
            chained.add(pdi)
            idx.extend(by_first[pdi])
        level = levels[idx[0]]
        before = levels[previous[idx[0]]] if idx[0] in previous else base
        after = levels[following[idx[-1]]] if idx[-1] in following else base
        if classes[idx[-1]] in _ISOLATES:
            after = base
        sos, eos = "LR"[max(level, before) % 2], "LR"[max(level, after) % 2]
        sequences.append(_RunSequence(idx, level, sos, eos))
    return sequences


def _weak_types(seq: _RunSequence, types: list[str]) -> None:
    """W1-W7: marks, numbers and separators take their type from the text around them."""
    idx = seq.idx
    prev = seq.sos
    for i in idx:  # W1
        if types[i] == "NSM":
            types[i] = "ON" if prev in _ISOLATES or prev == "PDI" else prev
        prev = types[i]
    strong = seq.sos
    for i in idx:  # W2, W3
        if types[i] in ("L", "R", "AL"):
            strong = types[i]
        elif types[i] == "EN" and strong == "AL":
            types[i] = "AN"
    for i in idx:
        if types[i] == "AL":
            types[i] = "R"
    for k in range(1, len(idx) - 1):  # W4
        cls, left, right = types[idx[k]], types[idx[k - 1]], types[idx[k + 1]]
        if (cls in ("ES", "CS") and left == right == "EN") or (
            cls == "CS" and left == right == "AN"
        ):
            types[idx[k]] = left
    _terminators_to_numbers(idx, types)  # W5
    strong = seq.sos
    for i in idx:  # W6, W7
        if types[i] in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif types[i] in ("L", "R"):
            strong = types[i]
        elif types[i] == "EN" and strong == "L":
            types[i] = "L"


def _terminators_to_numbers(idx: list[int], types: list[str]) -> None:
    """W5: a run of European terminators next to a European number becomes numbers."""
    k = 0
    while k < len(idx):
        if types[idx[k]] != "ET":
            k += 1
            continue
        j = k
        while j < len(idx) and types[idx[j]] == "ET":
            j += 1
        if (k and types[idx[k - 1]] == "EN") or (j < len(idx) and types[idx[j]] == "EN"):
            for m in range(k, j):
                types[idx[m]] = "EN"
        k = j


def _bracket_pairs(idx: list[int], text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: positions (in the sequence) of paired brackets, sorted by the opening one."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for k, i in enumerate(idx):
        if types[i] != "ON":
            continue
        ch = text[i]
        if ch in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_OPENING[ch], k))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == _CLOSING[ch]:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _bracket_types(seq: _RunSequence, text: str, types: list[str], classes: list[str]) -> None:
    """N0: a bracket pair takes the direction of what it encloses, or of what precedes it."""
    idx = seq.idx
    embedding = "LR"[seq.level % 2]
    for open_k, close_k in _bracket_pairs(idx, text, types):
        inside = {_AS_STRONG.get(types[i]) for i in idx[open_k + 1 : close_k]}
        if embedding in inside:
            direction = embedding
        elif inside - {None}:  # only the opposite direction inside: the context before decides
            before = (_AS_STRONG.get(types[i]) for i in reversed(idx[:open_k]))
            direction = next((t for t in before if t), seq.sos)
        else:
            continue
        for k in (open_k, close_k):
            types[idx[k]] = direction
            k += 1
            while k < len(idx) and classes[idx[k]] == "NSM":
                types[idx[k]] = direction
                k += 1


def _neutral_types(seq: _RunSequence, types: list[str]) -> None:
    """N1-N2: neutrals between text of one direction take it, others the embedding's."""
    idx = seq.idx
    k = 0
    while k < len(idx):
        if types[idx[k]] not in _NEUTRALS:
            k += 1
            continue
        j = k
        while j < len(idx) and types[idx[j]] in _NEUTRALS:
            j += 1
        before = _AS_STRONG[types[idx[k - 1]]] if k else seq.sos
        after = _AS_STRONG[types[idx[j]]] if j < len(idx) else seq.eos
        direction = before if before == after else "LR"[seq.level % 2]
        for m in range(k, j):
            types[idx[m]] = direction
        k = j


def _implicit_levels(seq: _RunSequence, types: list[str], levels: list[int]) -> None:
    """I1-I2: raise each character's level by its resolved type."""
    for i in seq.idx:
        if levels[i] % 2 == 0:
            levels[i] += {"R": 1, "AN": 2, "EN": 2}.get(types[i], 0)
        elif types[i] != "R":
            levels[i] += 1


def _resolved_levels(text: str, classes: list[str], base: int) -> list[int]:
    """UAX #9 embedding levels of a paragraph, before the per-line rule L1."""
    if base == 0 and _RAISING.isdisjoint(classes):
        return [0] * len(classes)  # nothing right-to-left, nothing explicit: all stays at 0
    matching = _matching_pdis(classes)
    types, levels = _explicit_levels(classes, base, matching)
    for seq in _run_sequences(classes, types, levels, base, matching):
        _weak_types(seq, types)
        _bracket_types(seq, text, types, classes)
        _neutral_types(seq, types)
        _implicit_levels(seq, types, levels)
    return levels


def _line_levels(
    levels: list[int], classes: list[str], start: int, end: int, base: int
) -> list[int]:
    """L1: separators and trailing whitespace of a row go back to the paragraph level."""
    line = levels[start:end]
    trailing = True
    for i in range(end - 1, start - 1, -1):
        if classes[i] in ("S", "B"):
            line[i - start], trailing = base, True
        elif trailing and classes[i] in _LINE_END_RESET:
            line[i - start] = base
        else:
            trailing = False
    return line


def _visual_order(levels: list[int]) -> list[int]:
    """L2: positions in display order, reversing runs from the highest level down."""
    order = list(range(len(levels)))
    if not levels:
        return order
    for level in range(max(levels), (min(levels) | 1) - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] < level:
                k += 1
                continue
            j = k
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[k:j] = reversed(order[k:j])
            k = j
    return order


# --- Paragraph layout -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Paragraph:
    """What a paragraph's rows are cut from: per character and per cluster, in logical order."""

    text: str
    kinds: list[int]
    glyphs: list[str]
    classes: list[str]
    starts: list[int]  # first offset of each cluster, then len(text)
    shown: list[int]  # per cluster: offset of the character its cell shows, -1 if it has none
    marks: list[str]  # per cluster: the combining marks drawn on its cell
    gaps: list[bool]  # per cluster: a breakable space
    levels: list[int]  # UAX #9 levels ([] unless the app reorders)
    base: int


def _prepare(text: str, direction: Direction, mode: BidiMode) -> _Paragraph:
    """Classify, shape and cluster a paragraph; resolve its levels when the app reorders."""
    chars = [_classify(ch) for ch in text]
    kinds = [char.kind for char in chars]
    glyphs = [char.glyph for char in chars]
    classes = [char.bidi_class for char in chars]
    if mode == "app":
        _shape(text, chars, kinds, glyphs)
    starts, shown, marks = _clusters(text, kinds, classes)
    gaps = [i >= 0 and text[i] in _BREAKABLE and not m for i, m in zip(shown, marks, strict=True)]
    base = 1 if direction == "rtl" else 0
    levels = _resolved_levels(text, classes, base) if mode == "app" else []
    return _Paragraph(text, kinds, glyphs, classes, starts, shown, marks, gaps, levels, base)


def _clusters(
    text: str, kinds: list[int], classes: list[str]
) -> tuple[list[int], list[int], list[str]]:
    """Group characters into clusters: a base or control, then the marks and joined characters.

    A mark with no base to ride on (after a control, or across an embedding boundary, where its
    level may differ) starts a cluster of its own.
    """
    starts: list[int] = []
    shown: list[int] = []
    marks: list[str] = []
    crossed = False  # an embedding boundary lies between the cluster's start and here
    for i, kind in enumerate(kinds):
        stranded = kind == _MARK and (not shown or shown[-1] < 0 or crossed)
        if kind in (_BASE, _CONTROL) or not starts or stranded:
            starts.append(i)
            shown.append(i if kind == _BASE or stranded else -1)
            marks.append("")
            crossed = False
        if kind == _MARK:
            marks[-1] += text[i]
        crossed = crossed or classes[i] in _EMBEDDING_CONTROLS
    starts.append(len(kinds))
    return starts, shown, marks


def _tokens(gaps: list[bool]) -> Iterator[tuple[int, int, bool]]:
    """Words and the gaps between them, as cluster ranges; leading spaces go with the first word."""
    k = 0
    while k < len(gaps):
        j = k
        is_gap = k > 0 and gaps[k]
        while j < len(gaps) and gaps[j]:
            j += 1
        if not is_gap:
            while j < len(gaps) and not gaps[j]:
                j += 1
        yield k, j, is_gap
        k = j


def _wrap(widths: list[int], gaps: list[bool], width: int) -> list[tuple[int, int, int]]:
    """Greedy wrap of clusters at gaps: (first, end of drawn, end) cluster index per row.

    A gap at a break stays on the row before it, drawn as far as it fits; a word wider than the
    row is cut.
    """
    cum = list(accumulate(widths, initial=0))
    rows = []
    lo = used = 0
    gap: tuple[int, int] | None = None
    for a, b, is_gap in _tokens(gaps):
        if is_gap:
            gap = (a, b)
            continue
        if gap:
            if used + cum[b] - cum[gap[0]] <= width:
                used += cum[gap[1]] - cum[gap[0]]
            else:
                rows.append((lo, gap[0] + min(gap[1] - gap[0], width - used), gap[1]))
                lo, used = gap[1], 0
            gap = None
        k = a
        while used + cum[b] - cum[k] > width:
            cut = bisect_right(cum, cum[k] + width - used, k, b + 1) - 1
            rows.append((lo, cut, cut))
            lo, used, k = cut, 0, cut
        used += cum[b] - cum[k]
    if gap:
        rows.append((lo, gap[0] + min(gap[1] - gap[0], width - used), gap[1]))
    else:
        rows.append((lo, len(widths), len(widths)))
    return rows


def _cell(p: _Paragraph, k: int, level: int) -> str:
    """The glyph of cluster k's cell, mirrored when it is a bracket on an odd level (L4)."""
    i = p.shown[k]
    if p.kinds[i] == _MARK:
        return _ORPHAN_BASE
    return MIRRORED.get(p.text[i], p.glyphs[i]) if level % 2 else p.glyphs[i]


def _display_order(
    p: _Paragraph, lo: int, drawn: int, start: int, end: int
) -> tuple[list[int], list[int]]:
    """Clusters lo..drawn of a row in display order (L1, L2), with their levels."""
    line = _line_levels(p.levels, p.classes, start, end, p.base)
    # A cluster takes the level of the character it shows, a control cluster its own.
    levels = [line[max(p.shown[k], p.starts[k]) - start] for k in range(lo, drawn)]
    order = _visual_order(levels)
    return [lo + m for m in order], [levels[m] for m in order]


def _pad(values: _Padded, fill: _Padded, count: int, on_left: bool) -> _Padded:
    """`values` with `count` fillers on the left (right-aligned) or on the right."""
    return fill * count + values if on_left else values + fill * count


def _row(p: _Paragraph, lo: int, drawn: int, hi: int, width: int, mode: BidiMode) -> VisualLine:
    """Build one row from clusters lo..hi, drawing lo..drawn."""
    start, end = p.starts[lo], p.starts[hi]
    if mode == "app":
        order, levels = _display_order(p, lo, drawn, start, end)
    else:
        order, levels = list(range(lo, drawn)), [0] * (drawn - lo)
    shown = [(k, level) for k, level in zip(order, levels, strict=True) if p.shown[k] >= 0]
    cells = "".join(_cell(p, k, level) for k, level in shown)
    marks = tuple(p.marks[k] for k, _ in shown)
    pad, on_left = width - len(cells), bool(p.base) and mode != "off"
    return VisualLine(
        cells=_pad(cells, " ", pad, on_left),
        v2l=_pad(tuple(p.shown[k] for k, _ in shown), (-1,), pad, on_left),
        start=start,
        end=end,
        marks=_pad(marks, ("",), pad, on_left),
        v2l_end=_pad(tuple(p.starts[k + 1] for k, _ in shown), (-1,), pad, on_left),
    )


@lru_cache(maxsize=4096)
def _layout(text: str, width: int, direction: Direction, mode: BidiMode) -> tuple[VisualLine, ...]:
    p = _prepare(text, direction, mode)
    widths = [int(i >= 0) for i in p.shown]
    return tuple(_row(p, *row, width, mode) for row in _wrap(widths, p.gaps, width))


def layout_paragraph(
    text: str, width: int, direction: Direction, mode: BidiMode = "app"
) -> tuple[VisualLine, ...]:
    """Lay one paragraph (no newline) out in rows of `width` cells (at least one).

    `direction` is the source's: it sets the paragraph level rather than the first letter, so
    an Arabic paragraph starting with "CNN" stays right-to-left. `app` shapes and reorders,
    `terminal` leaves both to the terminal (RTL rows right-aligned), `off` draws logical text
    left-aligned.
    """
    return _layout(text, max(width, 1), direction, mode)


def _shifted(line: VisualLine, offset: int) -> VisualLine:
    """The same row with its logical offsets moved by `offset`."""
    if not offset:
        return line
    return replace(
        line,
        v2l=tuple(o + offset if o >= 0 else o for o in line.v2l),
        start=line.start + offset,
        end=line.end + offset,
        v2l_end=tuple(o + offset if o >= 0 else o for o in line.v2l_end),
    )


def layout_text(
    text: str, width: int, direction: Direction, mode: BidiMode = "app"
) -> tuple[VisualLine, ...]:
    """Lay out text of several paragraphs (one per line); offsets are into the whole text."""
    rows: list[VisualLine] = []
    offset = 0
    for paragraph in text.split("\n"):
        rows.extend(
            _shifted(row, offset) for row in layout_paragraph(paragraph, width, direction, mode)
        )
        offset += len(paragraph) + 1
    return tuple(rows)


# --- Using rows -------------------------------------------------------------------------------


def cells_for_span(line: VisualLine, start: int, end: int) -> list[int]:
    """Cells of the row whose logical offset lies in [start, end)."""
    return [cell for cell, offset in enumerate(line.v2l) if start <= offset < end]


def _runs(cells: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive cell indices merged into [first, end) ranges."""
    for k, cell in enumerate(cells):
        if k == 0 or cell != cells[k - 1] + 1:
            first = cell
        if k == len(cells) - 1 or cells[k + 1] != cell + 1:
            yield first, cell + 1


def render_line(line: VisualLine, spans: Sequence[tuple[int, int, str | Style]]) -> Text:
    """The row as Rich text, each logical span styled on exactly the cells that show it."""
    text = Text("".join(map(str.__add__, line.cells, line.marks)), end="", no_wrap=True)
    offsets = list(accumulate((1 + len(marks) for marks in line.marks), initial=0))
    for start, end, style in spans:
        for first, last in _runs(cells_for_span(line, start, end)):
            text.stylize(style, offsets[first], offsets[last])
    return text


def logical_text_of_cells(line: VisualLine, text: str, cell_from: int, cell_to: int) -> str:
    """The logical text behind the selected cells [cell_from, cell_to), whole clusters included.

    `text` is what the row's offsets point into: the paragraph, or the text given to
    `layout_text`.
    """
    lo, hi = sorted((cell_from, cell_to))
    picked = [cell for cell in range(max(lo, 0), min(hi, len(line.v2l))) if line.v2l[cell] >= 0]
    if not picked:
        return ""
    return text[min(line.v2l[c] for c in picked) : max(line.v2l_end[c] for c in picked)]
