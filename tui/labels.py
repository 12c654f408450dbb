"""Short mixed-direction strings (titles, claim snippets, explanations) laid out for display.

Everything that shows source text outside a pane goes through `riwaya.tui.rtl` too, so
an Arabic label in an English row reads right in `app` mode. Text is wrapped first
and only whole visual lines are kept: a reordered line is never cropped.
"""

from __future__ import annotations

from rich.text import Text

from riwaya.tui import rtl

ELLIPSIS = "…"


def _strip_padding(line: rtl.VisualLine, text: Text) -> Text:
    lead = next((i for i, o in enumerate(line.v2l) if o >= 0), len(line.v2l))
    trail = next((i for i, o in enumerate(reversed(line.v2l)) if o >= 0), 0)
    # Padding cells are single-width spaces, one character each, at the two ends.
    return text[lead : len(text) - trail] if lead < len(text) - trail else Text()


def one_line(text: str, width: int, direction: str, mode: str, style: str = "") -> Text:
    """The beginning of `text` on one line of at most `width` cells.

    When the text does not fit, its first wrapped line is kept and an ellipsis marks
    where it goes on: on the right of an LTR line, on the left of an RTL line.
    """
    flat = " ".join(text.split())
    if width <= 0 or not flat:
        return Text()
    # Only the first line is shown: lay out a few lines' worth of words, not a whole claim.
    end = flat.find(" ", 4 * width)
    cut = end > 0
    if cut:
        flat = flat[:end]
    lines = rtl.layout_text(flat, width, direction, mode)
    if (cut or len(lines) > 1) and width > 1:
        lines = rtl.layout_text(flat, width - 1, direction, mode)
    if not lines:
        return Text()
    first = lines[0]
    shown = _strip_padding(first, rtl.render_line(first, ()))
    shown.rstrip()
    if cut or len(lines) > 1:
        mark = Text(ELLIPSIS)
        shown = mark + shown if direction == "rtl" and mode == "app" else shown + mark
    if style:
        shown.stylize_before(style)
    return shown


def direction_of(text: str) -> str:
    """Direction of a short text (a search query, a cue): rtl when mostly Arabic letters."""
    from riwaya.core.arabic import arabic_ratio

    return "rtl" if arabic_ratio(text) >= 0.5 else "ltr"


def after_label(label: str, text: str, width: int, mode: str, style: str = "dim") -> Text:
    """`label` (in `style`) then `text` laid out for display, its lines wrapped under it.

    For an English label before source words ("Decided by: نفى"): the words are laid out
    as an LTR paragraph, so Arabic in them is shaped and reordered as everywhere else."""
    indent = len(label)
    body = block(text, max(1, width - indent), "ltr", mode)
    lines = body.split("\n") or [Text()]
    head = Text(label, style=style)
    head.append_text(lines[0])
    rest = [Text(" " * indent) + line for line in lines[1:]]
    result = Text("\n", no_wrap=True).join([head, *rest])
    result.no_wrap = True
    return result


def block(text: str, width: int, direction: str, mode: str, max_lines: int = 0) -> Text:
    """`text` wrapped to `width` cells, one paragraph per line of input, as a Text."""
    out: list[Text] = []
    for paragraph in text.split("\n"):
        flat = " ".join(paragraph.split())
        lines = rtl.layout_text(flat, max(1, width), direction, mode) if flat else ()
        out.extend(rtl.render_line(line, ()) for line in lines)
        if not lines:
            out.append(Text())
    if max_lines and len(out) > max_lines:
        out = out[:max_lines]
        last = out[-1]
        rtl_end = direction == "rtl" and mode == "app"
        out[-1] = Text(ELLIPSIS) + last[1:] if rtl_end else last[:-1] + Text(ELLIPSIS)
    result = Text("\n", no_wrap=True).join(out)
    result.no_wrap = True  # rows are laid out already: Rich must not re-wrap (or strip) them
    return result
