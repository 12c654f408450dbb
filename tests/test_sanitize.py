"""Hostile text: nothing that can steer a terminal or hide words survives `sanitize`."""

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from riwaya.core.sanitize import (
    BIDI_CONTROLS,
    BIDI_MARKER,
    C1_PICTURE,
    INVISIBLE_MARKER,
    has_bidi_controls,
    one_line,
    sanitize,
)

ARABIC = (
    "أعلنت وزارة الصحة أنّ عدد الضحايا ارتفع إلى ٣٠ شخصاً، بينهم سبعة أطفال؛ "
    "فهل تتغيّر الحصيلة؟ قال المتحدث: «الوضع هادئ» — الساعة ١٠:٤٥ صباحاً. جـــدّاً"
)


def unsafe(text: str) -> list[str]:
    """Control and format characters, except newline, tab and joiners that do a job."""
    return [
        char
        for at, char in enumerate(text)
        if char not in "\n\t"
        and unicodedata.category(char) in ("Cc", "Cf")
        and not legit_joiner(text, at)
    ]


def legit_joiner(text: str, at: int) -> bool:
    """ZWJ/ZWNJ between Arabic letters, or ZWJ inside an emoji sequence."""
    if text[at] not in "\u200c\u200d" or not 0 < at < len(text) - 1:
        return False
    around = (text[at - 1], text[at + 1])
    if all("ARABIC" in unicodedata.name(c, "") for c in around):
        return True
    emoji = [unicodedata.category(c) == "So" or c == "\ufe0f" for c in around]
    return text[at] == "\u200d" and all(emoji)


@pytest.mark.parametrize(
    ("text", "expected", "warnings"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b", ("2 terminal escape sequences removed",)),
        ("\x1b[2J\x1b[1;1Hخبر", "خبر", ("2 terminal escape sequences removed",)),
        ("x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy", ("1 terminal escape sequence removed",)),
        ("x\x1b]52;c;cm0gLXJmIH4=\x1b\\y", "xy", ("1 terminal escape sequence removed",)),
        (
            "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",
            "click",
            ("2 terminal escape sequences removed",),
        ),
        ("a\x1bPq#0;2;0;0;0#0~~@@vv@@~~$-\x1b\\b", "ab", ("1 terminal escape sequence removed",)),
        ("a\x9b31mb\x9d0;t\x9cc\x90q\x9cd", "abcd", ("3 terminal escape sequences removed",)),
        ("a\x1b(Bb\x1b7c", "abc", ("2 terminal escape sequences removed",)),
        (
            "\x1b]52;c;unterminated and the article",
            "52;c;unterminated and the article",
            ("1 terminal escape sequence removed",),
        ),
        ("ding\x07", "ding\u2407", ("1 control character shown as a symbol",)),
        (
            "nul\x00 del\x7f esc\x1b",
            "nul\u2400 del\u2421 esc\u241b",
            ("3 control characters shown as symbols",),
        ),
        ("c1\x80\x9f", f"c1{C1_PICTURE}{C1_PICTURE}", ("2 control characters shown as symbols",)),
        ("line\r\nnext\rlast\x85end\u2028x", "line\nnext\nlast\nend\nx", ()),
        ("tab\tkept", "tab\tkept", ()),
        (
            "abc\u202eevil\u202c",
            f"abc{BIDI_MARKER}evil{BIDI_MARKER}",
            ("2 bidi control characters shown as markers",),
        ),
        (
            "قال\u200f 40 \u2066x\u2069",
            f"قال{BIDI_MARKER} 40 {BIDI_MARKER}x{BIDI_MARKER}",
            ("3 bidi control characters shown as markers",),
        ),
        ("\u061cعدد", f"{BIDI_MARKER}عدد", ("1 bidi control character shown as a marker",)),
        ("hi\U000e0049\U000e0047\U000e004e", "hi", ("3 hidden tag characters removed",)),
        (
            "a\u200bb\u2060c\ufeffd",
            f"a{INVISIBLE_MARKER}b{INVISIBLE_MARKER}c{INVISIBLE_MARKER}d",
            ("3 invisible characters shown as markers",),
        ),
        (
            "a\u200db a\u200cb",
            f"a{INVISIBLE_MARKER}b a{INVISIBLE_MARKER}b",
            ("2 invisible characters shown as markers",),
        ),
        ("\u200dلا", f"{INVISIBLE_MARKER}لا", ("1 invisible character shown as a marker",)),
        ("ل\u200dا می\u200cخواهم", "ل\u200dا می\u200cخواهم", ()),
        (
            "👩\u200d👩\u200d👧 🏳\ufe0f\u200d🌈 ❤\ufe0f",
            "👩\u200d👩\u200d👧 🏳\ufe0f\u200d🌈 ❤\ufe0f",
            (),
        ),
        ("a\ufe0fb\ufe00 co\u00adop", "ab coop", ("3 invisible characters removed",)),
        (ARABIC, ARABIC, ()),
        ("<script>alert('x')</script>", "<script>alert('x')</script>", ()),
        ("café — “quoted” 😀 中文 Ω ﷺ", "café — “quoted” 😀 中文 Ω ﷺ", ()),
    ],
)
def test_sanitize(text: str, expected: str, warnings: tuple[str, ...]) -> None:
    assert sanitize(text) == (expected, warnings)
    assert not unsafe(expected)


def test_arabic_sample_is_already_normal() -> None:
    assert unicodedata.normalize("NFC", ARABIC) == ARABIC


@pytest.mark.parametrize("code", [*range(0x20), *range(0x7F, 0xA0)])
def test_every_c0_and_c1_control_is_neutralised(code: int) -> None:
    text, _ = sanitize(f"a{chr(code)}b")
    assert not unsafe(text)


def test_every_format_character_is_neutralised() -> None:
    format_chars = [
        chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"
    ]
    leaked = [hex(ord(c)) for c in format_chars if unsafe(sanitize(f"a{c}b")[0])]
    assert leaked == []


def test_markers_are_one_visible_cell_and_neutral() -> None:
    for marker in (BIDI_MARKER, INVISIBLE_MARKER, C1_PICTURE, "\u241b"):
        assert unicodedata.east_asian_width(marker) in ("N", "Na")
        assert unicodedata.category(marker) not in ("Cc", "Cf", "Mn", "Me")
        assert unicodedata.bidirectional(marker) == "ON"
        assert not unicodedata.mirrored(marker)


def test_has_bidi_controls() -> None:
    assert has_bidi_controls("evil\u202etxt.exe")
    assert has_bidi_controls("قال\u200f")
    assert not has_bidi_controls("قال الوزير ٤٠ جندياً")
    assert len(BIDI_CONTROLS) == 12


INTERESTING = (
    "\x1b[]P\\X^_;0123456789m\x07\x9b\x9c\x9d\x90\x98\x9e\x9f\r\n\t\x85\x00\x7f"
    "\u200c\u200d\u200b\u2060\ufeff\u00ad\ufe0f\ufe0e\ufe00\u034f\U000e0041\U000e007f"
    "لاأمي\u064e\u0651ـ٣،؛؟👩🏳🏽aé中 " + "".join(BIDI_CONTROLS)
)
TEXTS = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(INTERESTING)), max_size=80)


@given(TEXTS)
def test_output_has_no_control_or_bidi_character(text: str) -> None:
    clean, _ = sanitize(text)
    assert not [c for c in clean if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    assert not has_bidi_controls(clean)
    assert all(c in "\u200c\u200d" for c in unsafe(clean))


@given(TEXTS)
def test_sanitizing_twice_changes_nothing(text: str) -> None:
    clean, _ = sanitize(text)
    assert sanitize(clean) == (clean, ())


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("bad\x1b]2;PWNED\x07\x9b\u202ex.txt", "bad\u2426\u00a6x.txt"),
        ("تقرير\u200f.txt", "تقرير\u00a6.txt"),
        ("two\nlines\tand a tab.md", "two\u240alines\u2409and a tab.md"),
        ("plain/report.txt", "plain/report.txt"),
    ],
    ids=["osc-c1-bidi", "arabic-rlm", "newline-tab", "plain"],
)
def test_one_line_shows_a_file_name_harmlessly(name: str, shown: str) -> None:
    assert one_line(name) == shown


@given(TEXTS)
def test_one_line_is_one_printable_line(text: str) -> None:
    shown = one_line(text)
    assert not [c for c in shown if unicodedata.category(c) == "Cc"]
    assert not has_bidi_controls(shown)
