"""The main screen: sources side by side, findings beside or below (with their review
status), and every key to move. The review desk (`review.py`) builds on it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from rich.text import Text
from textual import on
from textual.actions import parse as parse_action
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.events import Resize
from textual.markup import escape as escape_markup
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static

from riwaya.core.model import Finding, Report
from riwaya.core.review import STATUSES, Review, Status
from riwaya.tui import labels
from riwaya.tui.document import (
    Numbering,
    PaneDoc,
    ViewMode,
    finding_kinds,
    source_docs,
    speaker_docs,
)
from riwaya.tui.screens.finding import FindingScreen
from riwaya.tui.search import find_all
from riwaya.tui.view_state import FINDINGS_LIST, ViewState
from riwaya.tui.widgets.findings import FindingsPanel
from riwaya.tui.widgets.source_pane import SourcePane
from riwaya.tui.widgets.source_view import SourceView

MIN_PANE = 34
"""Columns a pane needs to be readable: fewer panes are shown rather than narrower ones."""
WIDE = 140
"""From this width on the findings panel stands on the right instead of below."""
FINDINGS_WIDTH = 48
"""Width of the findings panel on the right (keep in step with riwaya.tcss)."""
PALETTE_MARGIN = 8
"""Columns of the command palette around a command's help text (border, padding, bar)."""
FOOTER_WITH_PALETTE = 92
"""From this width on the footer also shows the ^p palette key; below, it would cover the
keys on the left (ctrl+p still works, and the help screen lists it)."""


class ReportScreen(Screen):
    """Shows one `Review`: a report (never recomputed here) with each finding's status."""

    AUTO_FOCUS = ""
    """on_mount focuses the pane the user was in (Textual would take the first one)."""
    BINDINGS = [
        Binding("n", "next_contradiction", "Next"),
        Binding("p", "previous_contradiction", "Prev"),
        Binding("tab", "next_pane", "Next pane", show=False),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False),
        Binding("right_square_bracket", "page(1)", "Panes →", show=False),
        Binding("left_square_bracket", "page(-1)", "Panes ←", show=False),
        # One key, two bindings: check_action keeps the one that changes the view, so the
        # footer, the help screen and the palette say what v will do.
        Binding("v", "view('speaker')", "By speaker"),
        Binding("v", "view('source')", "By source"),
        Binding("s", "toggle_sync", "Sync scrolling", show=False),
        Binding("slash", "search", "Search"),
        Binding("N", "next_match", "Next match", show=False),
        Binding("P", "previous_match", "Previous match", show=False),
        Binding("f", "filter", "Filter", show=False),
        Binding("r", "status_filter", "Filter by review status", show=False),
        Binding("F", "toggle_findings", "Findings panel", show=False),
        Binding("o", "other_side", "Other side of the finding", show=False),
        Binding("enter", "details", "Details", show=False),
        Binding("escape", "cancel", "Cancel search", show=False),
    ]

    view_mode: reactive[ViewMode] = reactive("source", init=False)
    first_pane: reactive[int] = reactive(0, init=False)
    spliced: var[int | None] = var(None, init=False)
    """A pane shown in the last slot of the page instead of the page's own: the other
    side of the selected finding when its pane is not a neighbour of the first side's."""
    per_page: var[int] = var(1, init=False)
    sync: reactive[bool] = reactive(False, init=False)
    selected: reactive[str | None] = reactive(None, init=False)
    kind_filter: reactive[str | None] = reactive(None, init=False)
    status_filter: reactive[Status | None] = reactive(None, init=False)
    show_findings: reactive[bool] = reactive(True, init=False)

    def __init__(
        self, review: Review, bidi: str = "app", view: ViewState | None = None, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self.review = review
        self.report: Report = review.report
        self.numbering = Numbering.of(self.report)
        self.bidi = bidi
        self.restore = view or ViewState()
        """Where to start: where the user was when the workspace was last open."""
        self.docs: list[PaneDoc] = self._restored_docs()
        self.query_text = ""
        self.matches: list[tuple[int, int, int]] = []
        """Search matches as (pane index, start, end)."""
        self.current_match: int | None = None
        self._side = 0
        """Which claim of the selected finding `o` went to last (0: the first)."""
        state = self.restore
        kinds = finding_kinds(self.report)
        self.set_reactive(ReportScreen.kind_filter, state.kind if state.kind in kinds else None)
        status = state.status if state.status in STATUSES else None
        self.set_reactive(ReportScreen.status_filter, status)  # type: ignore[arg-type]
        self.set_reactive(ReportScreen.show_findings, state.findings)
        self.set_reactive(ReportScreen.sync, state.sync)

    def _restored_docs(self) -> list[PaneDoc]:
        source_ids = {s.id for s in self.report.sources}
        if self.restore.mode == "speaker" and self.restore.speaker_source in source_ids:
            self.set_reactive(ReportScreen.view_mode, "speaker")
            return speaker_docs(self.report, self.restore.speaker_source)
        return source_docs(self.report)

    # ---- composition -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Container(id="body"):
            yield Horizontal(*self._make_panes(), id="panes")
            yield FindingsPanel(
                self.review, self.bidi, self.kind_filter, self.status_filter, id="findings"
            )
        yield Input(
            id="search",
            placeholder="Search (ignores harakat, hamza forms, ة/ه, ى/ي) · enter find · esc cancel",
        )
        yield Footer()

    def _make_panes(self) -> list[SourcePane]:
        return [SourcePane(doc, self.bidi, i) for i, doc in enumerate(self.docs)]

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        self.panel.display = self.show_findings
        self._fit(self.size.width)
        self._restore_view()
        if not self.report.sources:
            self.notify("No source could be loaded.", severity="error")

    def _restore_view(self) -> None:
        """Back to where the user was: the finding, then the page, then the focus."""
        state = self.restore
        finding = self.review.finding_by_key(state.selected) if state.selected else None
        if finding is not None:
            self.selected = finding.id
        self.first_pane = self._clamp(state.first_pane)
        if state.focus == FINDINGS_LIST and self.show_findings:
            self.focus_now(self.query_one("#findings-list", OptionList))
        else:
            self._focus_pane(state.focus if 0 <= state.focus < len(self.docs) else 0)

    @property
    def panes(self) -> list[SourcePane]:
        return list(self.query_one("#panes").query_children(SourcePane))

    @property
    def panel(self) -> FindingsPanel:
        return self.query_one(FindingsPanel)

    def visible_panes(self) -> list[SourcePane]:
        return [p for p in self.panes if p.display]

    # ---- layout: how many panes fit ----------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        wide = width >= WIDE
        self.set_class(wide, "-wide")
        self.panel.set_roomy(wide)
        room = width - (FINDINGS_WIDTH if wide and self.show_findings else 0)
        count = len(self.docs)
        fit = 1 if self.bidi == "terminal" else max(1, room // MIN_PANE)
        self.per_page = max(1, min(count, fit))
        self.first_pane = self._clamp(self.first_pane)
        self._show_page()
        footer = self.query_one(Footer)
        palette = width >= FOOTER_WITH_PALETTE
        if footer.show_command_palette != palette:
            footer.show_command_palette = palette
            self.refresh_bindings()

    def _clamp(self, first: int) -> int:
        return max(0, min(first, len(self.docs) - self.per_page))

    def watch_first_pane(self) -> None:
        self._show_page()
        self._save_view()

    def shown_indices(self) -> list[int]:
        """The panes on screen: the page from `first_pane`, its last slot given to the
        `spliced` pane when there is one."""
        shown = list(range(self.first_pane, min(len(self.docs), self.first_pane + self.per_page)))
        if self.spliced is not None and len(shown) > 1 and self.spliced not in shown:
            shown[-1] = self.spliced
        return shown

    def _show_page(self) -> None:
        shown = self.shown_indices()
        for pane in self.panes:
            pane.display = pane.index in shown
        current = self._current_pane()
        if current is not None and not self.panes[current].display:
            self.focus_now(self.panes[self.first_pane].view)
        self._update_status()

    def _reveal(self, indices: Iterable[int]) -> None:
        """Page so that the panes at `indices` are shown: on one page when they are
        neighbours; else the first of them with the last one spliced in beside it (the two
        sides of a finding side by side); else the first of them."""
        indices = sorted(set(indices))
        if not indices or all(i in self.shown_indices() for i in indices):
            return
        spliced = None
        if indices[-1] - indices[0] < self.per_page:
            if indices[0] < self.first_pane:
                first = self._clamp(indices[0])
            else:
                first = self._clamp(indices[-1] - self.per_page + 1)
        else:
            first = self._clamp(indices[0])
            if 1 < len(indices) <= self.per_page and indices[-2] < first + self.per_page - 1:
                spliced = indices[-1]
        self.spliced = spliced
        self.first_pane = first
        self._show_page()

    def _update_status(self) -> None:
        self.query_one("#status", Static).update(self._status_text())

    def _status_text(self) -> Text:
        count = len(self.docs)
        shown = self.shown_indices()
        what = "source" if self.view_mode == "source" else "speaker"
        text = Text()
        text.append(f" by {what} ", style="bold reverse")
        if count == 0:
            text.append(" no panes")
        elif self.per_page < count:
            if shown == list(range(shown[0], shown[-1] + 1)):
                panes = f"{shown[0] + 1}–{shown[-1] + 1}"
            else:
                panes = ",".join(str(i + 1) for i in shown)
            text.append(f" panes {panes} of {count} ", style="bold")
            text.append("[ ] more", style="dim")
        else:
            text.append(f" {count} pane{'s' * (count != 1)}")
        text.append(f" │ sync {'on' if self.sync else 'off'} │ bidi {self.bidi}")
        if self.query_text:
            found = len(self.matches)
            position = (
                f"{self.current_match + 1}/{found}" if self.current_match is not None else "0"
            )
            text.append(" │ “")
            query = labels.one_line(
                self.query_text, 20, labels.direction_of(self.query_text), self.bidi
            )
            text.append_text(query)
            text.append(f"” {position} ")
            text.append("N/P", style="dim")
        return text

    # ---- what the app asks of the screen ------------------------------------------

    def set_bidi(self, mode: str) -> None:
        self.bidi = mode
        for pane in self.panes:
            pane.set_bidi(mode)
        self.panel.set_bidi(mode)
        self._fit(self.size.width)

    @classmethod
    def bindings(cls) -> list[Binding]:
        """The bindings of this screen class and of the classes it builds on, in order."""
        return [
            binding
            for klass in reversed(cls.__mro__)
            for binding in vars(klass).get("BINDINGS", ())
            if isinstance(binding, Binding)
        ]

    def system_commands(self) -> Iterable[SystemCommand]:
        """Palette entries: every action of this screen, then one per finding."""
        for binding in self.bindings():
            _, action, parameters = parse_action(binding.action)
            if binding.action != "cancel" and self.check_action(action, parameters) is not False:
                key = self.app.get_key_display(binding)
                yield SystemCommand(
                    binding.description, f"Key: {key}", partial(self.run_action, binding.action)
                )
        for finding in self.report.findings:
            label = self.numbering.label(finding)
            yield SystemCommand(
                f"Go to {finding.type} {label} ({finding.kind})",
                self.palette_help(finding.explanation),
                partial(self.select_finding, finding.id),
            )

    def palette_help(self, explanation: str) -> str:
        """An explanation as the palette shows it: laid out (Arabic shaped and ordered in
        `app` mode) at the palette's width, two lines at most, as markup-safe text."""
        width = max(20, self.app.size.width - PALETTE_MARGIN)
        shown = labels.block(explanation, width, "ltr", self.bidi, max_lines=2)
        return escape_markup("\n".join(line.rstrip() for line in shown.plain.split("\n")))

    # ---- selecting findings ---------------------------------------------------------

    def select_finding(self, finding_id: str | None) -> None:
        self.selected = finding_id

    def watch_selected(self, finding_id: str | None) -> None:
        self._save_view()
        self.panel.select(finding_id)
        finding = self._finding(finding_id)
        claims = set(finding.claims) if finding else set()
        holders = [
            p.index for p in self.panes if claims.intersection(s.claim_id for s in p.doc.spans)
        ]
        self._reveal(holders)
        self._side = 0
        label = self.numbering.label(finding) if finding else None
        for pane in self.panes:
            mine = [c for c in (finding.claims if finding else ()) if pane.doc.span_of(c)]
            pane.view.show_claims(mine, label)
        if finding is not None:
            self.call_after_refresh(self._tell_if_apart, finding)

    def _tell_if_apart(self, finding: Finding) -> None:
        """Say so when both sides are in one pane but too far apart to show together."""
        if self.selected != finding.id:
            return
        for pane in self.visible_panes():
            mine = [c for c in finding.claims if pane.doc.span_of(c)]
            if len(mine) > 1 and pane.view.claims_fit(mine) is False:
                label = self.numbering.label(finding)
                self.notify(
                    f"Both sides of {label} are in this pane, too far apart to show at once: "
                    "o goes from one to the other.",
                    timeout=4,
                )
                return

    def action_other_side(self) -> None:
        """Go to the selected finding's other claim: its pane (paged in, focused), its row."""
        finding = self._finding(self.selected)
        if finding is None:
            self.notify("Select a finding first (n, or the findings list).")
            return
        self._side = (self._side + 1) % len(finding.claims)
        claim_id = finding.claims[self._side]
        holder = next((p for p in self.panes if p.doc.span_of(claim_id)), None)
        if holder is None:
            self.notify("The other side is in another source: v shows every source.", timeout=3)
            return
        self._reveal([holder.index])
        self.focus_now(holder.view)
        holder.view.go_to_claim(claim_id)

    def _finding(self, finding_id: str | None) -> Finding | None:
        return next((f for f in self.report.findings if f.id == finding_id), None)

    @on(FindingsPanel.Selected)
    def _finding_highlighted(self, event: FindingsPanel.Selected) -> None:
        self.selected = event.finding_id

    @on(FindingsPanel.Opened)
    def _finding_opened(self, event: FindingsPanel.Opened) -> None:
        self.selected = event.finding_id
        self.action_details()

    def _step_contradiction(self, step: int) -> None:
        shown = [f for f in self.panel.shown if f.type == "contradiction"]
        if not shown:
            self.notify("No contradictions under this filter.", severity="warning")
            return
        ids = [f.id for f in shown]
        order = {f.id: i for i, f in enumerate(self.report.findings)}
        if self.selected in ids:
            index = (ids.index(self.selected) + step) % len(ids)
        elif self.selected in order:
            # The selection left the list (confirmed under "open"): go on from where it was.
            here = order[self.selected]
            later = [i for i, f in enumerate(shown) if order[f.id] > here]
            earlier = [i for i, f in enumerate(shown) if order[f.id] < here]
            index = (later or [0])[0] if step > 0 else (earlier or [len(ids) - 1])[-1]
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.selected = ids[index]

    def action_next_contradiction(self) -> None:
        self._step_contradiction(1)

    def action_previous_contradiction(self) -> None:
        self._step_contradiction(-1)

    def action_details(self) -> None:
        finding = self._finding(self.selected)
        if finding is None:
            self.notify("Select a finding first (n, or the findings list).")
            return
        self.app.push_screen(
            FindingScreen(
                self.report, finding, self.numbering, self.bidi, self.review.decision(finding.id)
            )
        )

    def action_filter(self) -> None:
        kinds: list[str | None] = [None, *finding_kinds(self.report)]
        position = kinds.index(self.kind_filter) if self.kind_filter in kinds else 0
        self.kind_filter = kinds[(position + 1) % len(kinds)]

    def watch_kind_filter(self, kind: str | None) -> None:
        self.panel.set_filter(kind)
        self.notify(f"Findings: {kind or 'all kinds'} ({len(self.panel.shown)})", timeout=2)
        self._save_view()

    def action_status_filter(self) -> None:
        order: list[Status | None] = [None, *STATUSES]
        self.status_filter = order[(order.index(self.status_filter) + 1) % len(order)]

    def watch_status_filter(self, status: Status | None) -> None:
        self.panel.set_status_filter(status)
        self.notify(f"Findings: {status or 'any status'} ({len(self.panel.shown)})", timeout=2)
        self._save_view()

    def action_toggle_findings(self) -> None:
        self.show_findings = not self.show_findings

    def watch_show_findings(self, show: bool) -> None:
        self.panel.display = show
        if not show and self.panel.has_focus_within:
            self._focus_pane(self.first_pane)
        self._fit(self.size.width)
        self._save_view()

    # ---- panes: focus, paging, view mode, sync ------------------------------------

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` at once. `Widget.focus` waits for the message queue: keys that
        arrive in a burst (a fast typist, a slow link) would read the old focus, and a
        pane paged out in between would keep it."""
        self.set_focus(widget)

    def _current_pane(self) -> int | None:
        focused = self.focused
        for pane in self.panes:
            if focused is not None and pane in focused.ancestors_with_self:
                return pane.index
        return None

    def _focus_pane(self, index: int) -> None:
        panes = self.panes
        if not panes:
            return
        index %= len(panes)
        self._reveal([index])
        self.focus_now(panes[index].view)

    def _step_pane(self, step: int) -> None:
        """Cycle through every pane (paging as needed), then the findings list."""
        count = len(self.docs)
        stops = count + (1 if self.show_findings else 0)
        current = self._current_pane()
        if current is None:
            current = count if self.panel.has_focus_within else (-1 if step > 0 else stops)
        target = (current + step) % stops
        if target == count:
            self.focus_now(self.query_one("#findings-list", OptionList))
        else:
            self._focus_pane(target)

    def action_next_pane(self) -> None:
        self._step_pane(1)

    def action_previous_pane(self) -> None:
        self._step_pane(-1)

    def action_page(self, step: int) -> None:
        before = self.shown_indices()
        self.spliced = None
        self.first_pane = self._clamp(self.first_pane + step * self.per_page)
        self._show_page()
        if self.shown_indices() == before:
            self.notify("No more panes that way.", timeout=2)
            return
        current = self._current_pane()
        if current is None or not self.panes[current].display:
            self._focus_pane(self.first_pane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "view":
            mode = parameters[0] if parameters else None
            return mode != self.view_mode and (mode != "speaker" or bool(self.report.sources))
        return True

    def action_view(self, mode: ViewMode) -> None:
        if self.check_action("view", (mode,)):
            self.view_mode = mode

    async def watch_view_mode(self, mode: ViewMode) -> None:
        self.refresh_bindings()
        current = self._current_pane()
        key = self.docs[current].key if current is not None else self.docs[self.first_pane].key
        source_id = key.split("/", 1)[0]
        if mode == "speaker":
            self.docs = speaker_docs(self.report, source_id)
            target = 0
        else:
            self.docs = source_docs(self.report)
            target = next((i for i, d in enumerate(self.docs) if d.key == source_id), 0)
        await self._remount_panes(target, first=0)
        if mode == "speaker":
            number = next(i for i, s in enumerate(self.report.sources, 1) if s.id == source_id)
            self.notify(f"By speaker: {len(self.docs)} speakers in source {number}", timeout=3)

    async def _remount_panes(self, focus: int, first: int) -> None:
        """Show `self.docs` afresh (view mode, or claim roles changed by a marked finding)."""
        container = self.query_one("#panes")
        await container.remove_children()
        await container.mount_all(self._make_panes())
        self.spliced = None
        self.first_pane = self._clamp(first)
        self._fit(self.size.width)
        self._focus_pane(focus)
        self._run_search()
        self.watch_selected(self.selected)

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync

    def watch_sync(self, sync: bool) -> None:
        self._update_status()
        self.notify(f"Synchronized scrolling {'on' if sync else 'off'}", timeout=2)
        self._save_view()

    @on(SourceView.Scrolled)
    def _view_scrolled(self, event: SourceView.Scrolled) -> None:
        if not self.sync:
            return
        for pane in self.visible_panes():
            if pane.view is not event.view:
                pane.view.follow(event.fraction)

    # ---- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.value = self.query_text
        self.focus_now(search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_text = event.value.strip()
        self._close_search_bar()
        self._run_search()
        if self.query_text and not self.matches:
            query = labels.one_line(
                self.query_text, 40, labels.direction_of(self.query_text), self.bidi
            )
            self.notify(f"No match for “{query.plain}”.", severity="warning", markup=False)
        self._show_match()

    def _close_search_bar(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            current = self._current_pane()
            if current is None:
                self._focus_pane(self.first_pane)

    def _run_search(self) -> None:
        """Find the query in every pane's logical text (not only the shown ones)."""
        self.matches = [
            (i, start, end)
            for i, doc in enumerate(self.docs)
            for start, end in (find_all(doc.text, self.query_text) if self.query_text else ())
        ]
        self.current_match = 0 if self.matches else None
        self._paint_matches()

    def _paint_matches(self) -> None:
        for pane in self.panes:
            mine = [(s, e) for i, s, e in self.matches if i == pane.index]
            current = None
            if self.current_match is not None:
                index, start, _ = self.matches[self.current_match]
                if index == pane.index:
                    current = [s for s, _ in mine].index(start)
            pane.view.set_matches(mine, current)
        self._update_status()

    def _show_match(self) -> None:
        if self.current_match is None:
            self._update_status()
            return
        index = self.matches[self.current_match][0]
        self._reveal([index])
        self._paint_matches()
        self.focus_now(self.panes[index].view)

    def _step_match(self, step: int) -> None:
        if not self.matches:
            self.notify("No search: press / to search.", timeout=2)
            return
        current = -1 if self.current_match is None else self.current_match
        self.current_match = (current + step) % len(self.matches)
        self._show_match()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_cancel(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            self._close_search_bar()
        elif self.query_text:
            self.query_text = ""
            self._run_search()

    # ---- where the user is ----------------------------------------------------------------

    def _save_view(self) -> None:
        """Called whenever where the user is changes: the review screen keeps it."""

    def view_state(self) -> ViewState:
        """Where the user is now: the selected finding, the panes, the filters, the focus."""
        current = self._current_pane()
        if self.panel.has_focus_within:
            focus = FINDINGS_LIST
        else:
            focus = current if current is not None else self.first_pane
        speaking = self.view_mode == "speaker" and self.docs
        return ViewState(
            selected=self.review.keys.get(self.selected, "") if self.selected else "",
            mode=self.view_mode,
            speaker_source=self.docs[0].key.split("/", 1)[0] if speaking else "",
            first_pane=self.first_pane,
            focus=focus,
            kind=self.kind_filter or "",
            status=self.status_filter or "",
            findings=self.show_findings,
            sync=self.sync,
        )
