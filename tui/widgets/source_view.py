"""A pane's text, wrapped for its direction, with claims highlighted (Textual's Line API).

Each paragraph is laid out by `riwaya.tui.rtl` at the pane's width; the visual lines are
cached per (width, bidi mode) and only the visible ones are rendered, so a long
source scrolls as fast as a short one. Every highlight (claims, the selected claim,
search matches) is a span of logical offsets mapped to cells by `rtl.render_line`.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from riwaya.tui import contrast, rtl
from riwaya.tui.document import ClaimSpan, PaneDoc

GUTTER = 4
"""Cells beside the text (on the side where lines start) for contradiction numbers."""

FREEZE_ROWS = 2000
"""A layout of more rows than this is moved out of the garbage collector's sight."""


@dataclass
class Layout:
    """The visual lines of a document at one width: what `render_line` reads."""

    width: int
    rows: tuple[rtl.VisualLine, ...] = ()
    starts: list[int] = field(default_factory=list)
    """Logical offset at which each row starts, for bisecting."""
    markers: dict[int, list[ClaimSpan]] = field(default_factory=dict)
    """Claims whose first character is on a row, by row."""

    def row_of(self, offset: int) -> int:
        """The row holding logical `offset`."""
        return max(0, bisect_right(self.starts, offset) - 1)


def build_layout(doc: PaneDoc, width: int, mode: str) -> Layout:
    """Lay out every paragraph of `doc` at `width` cells (a pure function)."""
    rows = rtl.layout_text(doc.text, width, doc.direction, mode)  # type: ignore[arg-type]
    layout = Layout(width, rows, [row.start for row in rows])
    for span in doc.spans:
        if span.markers:
            layout.markers.setdefault(layout.row_of(span.start), []).append(span)
    return layout


class SpanIndex:
    """Finds which of many [start, end) spans overlap a range without visiting them all.

    Rendering a row must not loop over every claim of a long source: the spans are
    sorted by start, and a running maximum of their ends tells from which one on a span
    may still reach into the row. `overlapping` answers in the spans' given order.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._ends = [spans[i][1] for i in self._order]
        self._reach = list(accumulate(self._ends, max))
        """The largest end among the spans sorted up to each position: never decreasing."""

    def overlapping(self, low: int, high: int) -> list[int]:
        """Indices (in the given order) of the spans with start < high and end > low."""
        first = bisect_right(self._reach, low)
        last = bisect_left(self._starts, high)
        found = [self._order[p] for p in range(first, last) if self._ends[p] > low]
        found.sort()
        return found


class SourceView(ScrollView, can_focus=True):
    """The scrolling text of one pane."""

    ALLOW_SELECT = True
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("enter", "pick", "Choose the claim (marking)", show=False),
    ]
    COMPONENT_CLASSES = {
        "source-view--contradiction",
        "source-view--corroboration",
        "source-view--selected",
        "source-view--match",
        "source-view--match-current",
        "source-view--gutter",
        "source-view--marker-contradiction",
        "source-view--marker-corroboration",
        "source-view--marker-selected",
        "source-view--cursor",
    }

    class Scrolled(Message):
        """The user scrolled this view; `fraction` is how far down it is, in [0, 1]."""

        def __init__(self, view: SourceView, fraction: float) -> None:
            super().__init__()
            self.view = view
            self.fraction = fraction

    class Picked(Message):
        """The user chose a claim while marking a contradiction the engine missed."""

        def __init__(self, view: SourceView, claim_id: str) -> None:
            super().__init__()
            self.view = view
            self.claim_id = claim_id

    bidi: var[str] = var("app")
    selected_claims: var[tuple[str, ...]] = var(())
    """The claims marked because their finding is selected (both, when one pane holds both)."""
    selected_label: var[str | None] = var(None)
    """The selected finding's label, shown in the gutter of its claims."""
    picking: var[bool] = var(False)
    """Choosing a claim: up/down (j/k) move the claim cursor instead of scrolling."""
    cursor: var[str | None] = var(None)
    """The claim under the claim cursor while picking."""

    def __init__(self, doc: PaneDoc, bidi: str = "app", **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.set_reactive(SourceView.bidi, bidi)
        self._layouts: dict[tuple[int, str], Layout] = {}
        self._layout: Layout | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        """Highlight styles by component name, until the styles change (`_style`)."""
        self._span_index = SpanIndex([(span.start, span.end) for span in doc.spans])
        self._matches: list[tuple[int, int]] = []
        self._match_index = SpanIndex(())
        self._current_match: int | None = None
        self._following = False
        self._pending: tuple[str, ...] | None = None
        """Claims to bring into view once the view has a width (until the user scrolls)."""

    # ---- layout ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells for the text: the pane's width less the gutter (0 while not laid out)."""
        width = self.scrollable_content_region.width
        return max(1, width - GUTTER) if width > 0 else 0

    @property
    def layout(self) -> Layout:
        """The layout at the current width and bidi mode, computed on first use and cached."""
        width = self.text_width
        if width == 0:
            return Layout(0)
        key = (width, self.bidi)
        if key not in self._layouts:
            if len(self._layouts) > 8:
                self._layouts.clear()
            self._layouts[key] = build_layout(self.doc, width, self.bidi)
            if len(self._layouts[key].rows) > FREEZE_ROWS:
                # The layout of a long source is millions of small long-lived objects:
                # left to the collector, each full collection walks them all (a 200-300 ms
                # pause in the middle of a key press). Frozen, they are still freed by
                # reference counting when the layout is dropped (rows hold no cycles).
                gc.freeze()
        layout = self._layouts[key]
        if layout is not self._layout:
            # The width changed without a Resize (a scrollbar came or went): catch up.
            self.call_later(self._relayout)
        return layout

    def _relayout(self) -> None:
        """Re-wrap at the current width, keeping the first visible character at the top
        (or bringing into view a claim asked for while the pane was hidden)."""
        if self.text_width == 0:
            return
        old = self._layout
        layout = self._layout = self.layout
        if old is layout and self.virtual_size.height == len(layout.rows):
            return
        top = (
            old.starts[min(round(self.scroll_y), len(old.starts) - 1)] if old and old.starts else 0
        )
        self._strips.clear()
        self._following = True
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.rows))
        self._following = False
        if self._pending is not None:
            self._bring_pending_into_view()
        elif old is not None and old.starts:
            self._following = True
            self.scroll_to(y=layout.row_of(top), animate=False, immediate=True, force=True)
            self._following = False
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def on_show(self) -> None:
        self._relayout()

    def watch_bidi(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # ---- what the screen asks of a view --------------------------------------

    def row_of_claim(self, claim_id: str) -> int | None:
        span = self.doc.span_of(claim_id)
        return None if span is None else self.layout.row_of(span.start)

    @property
    def selected_claim(self) -> str | None:
        """The first marked claim: the one that is always brought into view."""
        return self.selected_claims[0] if self.selected_claims else None

    def show_claims(self, claim_ids: Sequence[str], label: str | None = None) -> None:
        """Mark `claim_ids` (or nothing) and scroll so that they show together: whole when
        they fit, their first lines when those fit, else the first one. `label` is the
        selected finding's: the gutter shows it on these claims rather than another of
        theirs."""
        self.selected_label = label
        self.selected_claims = tuple(claim_ids)
        self._bring_into_view(self.selected_claims)

    def go_to_claim(self, claim_id: str) -> None:
        """Scroll to one claim (the other side of the selected finding, say)."""
        self._bring_into_view((claim_id,))

    def _bring_into_view(self, claim_ids: tuple[str, ...]) -> None:
        # A pane just paged in gets its width (and scrollbar) only after the next
        # layouts: the claims are brought into view again at each until the user scrolls.
        self._pending = claim_ids or None
        self._bring_pending_into_view()
        self.call_after_refresh(self._bring_pending_into_view)

    def claims_fit(self, claim_ids: Sequence[str]) -> bool | None:
        """Whether the first lines of `claim_ids` fit in the view at once (None: not laid
        out yet, so not known)."""
        rows = self._claim_rows(claim_ids)
        height = self.scrollable_content_region.height
        if not rows or not self.text_width or height <= 0:
            return None
        firsts = [first for first, _ in rows]
        return max(firsts) - min(firsts) < height

    def _claim_rows(self, claim_ids: Sequence[str]) -> list[tuple[int, int]]:
        """(first row, last row) of each claim the view holds, in the given order."""
        layout = self.layout
        spans = [s for c in claim_ids if (s := self.doc.span_of(c)) is not None]
        return [(layout.row_of(s.start), layout.row_of(max(s.start, s.end - 1))) for s in spans]

    def _bring_pending_into_view(self) -> None:
        if self._pending is None or not self.text_width:
            return
        rows = self._claim_rows(self._pending)
        if not rows:
            return
        if not self.claims_fit(self._pending):
            rows = rows[:1]
        firsts = [first for first, _ in rows]
        low, last = min(firsts), max(last for _, last in rows)
        height = max(1, self.scrollable_content_region.height)
        high = last if last - low < height else max(firsts)
        self._scroll_to_rows(low, high)

    def _scroll_to_row(self, row: int) -> None:
        self._scroll_to_rows(row, row)

    def _scroll_to_rows(self, low: int, high: int) -> None:
        """Scroll, unless they show already, so that rows `low` to `high` (which fit) show
        with some context above them."""
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if top <= low and high < top + height:
            return
        spare = height - (high - low + 1)
        self._following = True
        self.scroll_to(
            y=max(0, low - min(height // 3, spare // 2)), animate=False, immediate=True, force=True
        )
        self._following = False

    # ---- choosing a claim (marking a missed contradiction) ------------------------

    def start_picking(self) -> None:
        """Show the claim cursor, on the first claim in view."""
        self.picking = True
        spans = self.doc.spans
        if not spans or not self.text_width:
            self.cursor = spans[0].claim_id if spans else None
            return
        top = round(self.scroll_y)
        layout = self.layout
        first = next((s for s in spans if layout.row_of(s.start) >= top), spans[-1])
        self._move_cursor(first.claim_id)

    def stop_picking(self) -> None:
        self.picking = False
        self.cursor = None

    def _move_cursor(self, claim_id: str) -> None:
        self.cursor = claim_id
        if self.text_width and (row := self.row_of_claim(claim_id)) is not None:
            self._scroll_to_row(row)

    def _step_cursor(self, step: int) -> None:
        ids = [span.claim_id for span in self.doc.spans]
        if not ids:
            return
        index = ids.index(self.cursor) + step if self.cursor in ids else 0
        self._move_cursor(ids[max(0, min(len(ids) - 1, index))])

    def action_pick(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Picked(self, self.cursor))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # enter chooses a claim only while picking; otherwise it goes on to the screen.
        return self.picking if action == "pick" else True

    def watch_cursor(self) -> None:
        self._strips.clear()
        self.refresh()

    # ---- keyboard scrolling: at once, never animated ------------------------------
    # Textual animates keyboard scrolling: every in-between frame is a repaint of the
    # pane, which a slow SSH link pays for in bytes and time. A key moves straight there.

    def _scroll_rows(self, y: float) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=y, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        if self.picking:
            self._step_cursor(-1)
        else:
            self._scroll_rows(self.scroll_y - 1)

    def action_scroll_down(self) -> None:
        if self.picking:
            self._step_cursor(1)
        else:
            self._scroll_rows(self.scroll_y + 1)

    def action_page_up(self) -> None:
        self._scroll_rows(self.scroll_y - self.scrollable_content_region.height)

    def action_page_down(self) -> None:
        self._scroll_rows(self.scroll_y + self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self._scroll_rows(0)

    def action_scroll_end(self) -> None:
        self._scroll_rows(self.max_scroll_y)

    # ---- search matches, synchronized scrolling --------------------------------------

    def set_matches(self, matches: Sequence[tuple[int, int]], current: int | None) -> None:
        """Highlight search matches (logical spans); scroll to the `current` one."""
        self._matches = list(matches)
        self._match_index = SpanIndex(self._matches)
        self._current_match = current
        self._strips.clear()
        self.refresh()
        if current is not None and 0 <= current < len(self._matches) and self.text_width:
            self._scroll_to_row(self.layout.row_of(self._matches[current][0]))

    def follow(self, fraction: float) -> None:
        """Scroll to the same relative position as another view (synchronized scrolling)."""
        self._following = True
        self.scroll_to(
            y=round(fraction * self.max_scroll_y), animate=False, immediate=True, force=True
        )
        self._following = False

    def visible_rows(self) -> range:
        top = round(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    def watch_selected_claims(self) -> None:
        self._strips.clear()
        self.refresh()

    def watch_selected_label(self) -> None:
        self._strips.clear()
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._following and round(old_value) != round(new_value):
            self._pending = None
            fraction = new_value / self.max_scroll_y if self.max_scroll_y else 0.0
            self.post_message(self.Scrolled(self, fraction))

    # ---- rendering -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        layout = self.layout
        if index >= len(layout.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None or self.text_selection is not None:
            strip = self._render_row(index, layout)
            self._strips[index] = strip
        return strip.crop_extend(0, width, self.rich_style).apply_offsets(0, index)

    def _style(self, name: str) -> Style:
        """A highlight's style, its colours resolved over the view's background (so that
        tints and `color: auto` work: see `riwaya.tui.contrast`)."""
        style = self._styles.get(name)
        if style is None:
            styles = self.get_component_styles(f"source-view--{name}")
            style = self._styles[name] = contrast.resolve(styles, self.background_colors[1])
        return style

    def _render_row(self, index: int, layout: Layout) -> Strip:
        line = layout.rows[index]
        body = rtl.render_line(line, self._spans(line))
        gutter = self._gutter(layout.markers.get(index, ()))
        row = gutter + body if self.doc.direction == "ltr" else body + gutter
        if (selection := self.text_selection) is not None and (
            cells := selection.get_span(index)
        ) is not None:
            start, end = cells
            row.stylize(
                self.screen.get_component_rich_style("screen--selection"),
                start,
                len(row) if end == -1 else end,
            )
        row.stylize_before(self.rich_style)
        return Strip(row.render(self.app.console), row.cell_len)

    def _spans(self, line: rtl.VisualLine) -> list[tuple[int, int, Style]]:
        """The highlights that touch `line`: claims by role, then the selected claims,
        the claim cursor and search matches, in that order (later ones paint over)."""
        low, high = line.start, line.end
        claims = [self.doc.spans[i] for i in self._span_index.overlapping(low, high)]
        selected, cursor = self.selected_claims, self.cursor
        spans = [(s.start, s.end, self._style(s.role)) for s in claims if s.role != "plain"]
        spans += [
            (s.start, s.end, self._style("selected")) for s in claims if s.claim_id in selected
        ]
        spans += [(s.start, s.end, self._style("cursor")) for s in claims if s.claim_id == cursor]
        for number in self._match_index.overlapping(low, high):
            start, end = self._matches[number]
            current = number == self._current_match
            spans.append((start, end, self._style("match-current" if current else "match")))
        return spans

    def _gutter(self, spans: Sequence[ClaimSpan]) -> Text:
        if not spans:
            return Text(" " * GUTTER, style=self._style("gutter"))
        labels = [label for span in spans for label in span.markers]
        if (chosen := self.selected_label) in labels and any(
            span.claim_id in self.selected_claims for span in spans
        ):
            # The selected finding's own number, so that it reads the same at both ends.
            labels.remove(chosen)
            labels.insert(0, chosen)
        label = labels[0] + ("+" if len(labels) > 1 else "")
        if len(label) > GUTTER - 1:
            label = label[: GUTTER - 2] + "+"
        selected = any(span.claim_id in self.selected_claims for span in spans)
        kind = (
            "selected"
            if selected
            else ("corroboration" if label.startswith("=") else "contradiction")
        )
        cell = (
            f"{label:>{GUTTER - 1}} " if self.doc.direction == "ltr" else f" {label:<{GUTTER - 1}}"
        )
        text = Text(cell, style=self._style("gutter"))
        text.stylize(
            self._style(f"marker-{kind}"),
            *((0, GUTTER - 1) if self.doc.direction == "ltr" else (1, GUTTER)),
        )
        return text

    # ---- selection and copy --------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The logical text under a mouse selection (never the reordered, shaped cells)."""
        rows = self.layout.rows
        if not rows:
            return None
        first = selection.start.y if selection.start else 0
        last = selection.end.y if selection.end else len(rows) - 1
        shift = GUTTER if self.doc.direction == "ltr" else 0
        low, high = len(self.doc.text), -1
        for index in range(max(0, first), min(last, len(rows) - 1) + 1):
            span = selection.get_span(index)
            if span is None:
                continue
            line = rows[index]
            start, end = span
            end = len(line.v2l) + shift if end == -1 else end
            # Visual cells of an RTL row do not map to one logical range: take the
            # smallest logical range that holds every selected cell, whole clusters included.
            cells = range(max(0, start - shift), min(end - shift, len(line.v2l)))
            shown = [c for c in cells if line.v2l[c] >= 0]
            if shown:
                low = min(low, *(line.v2l[c] for c in shown))
                high = max(high, *(line.v2l_end[c] for c in shown))
        if high < 0:
            return None
        return self.doc.text[low:high], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()
