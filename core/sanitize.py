"""Make untrusted text safe to analyse and to print in a terminal.

A source is hostile until proven otherwise: it may carry escape sequences that rewrite the
screen or the clipboard (OSC 52), bidi controls that make a sentence read backwards, or
invisible characters that hide or split words. `sanitize` returns text in which none of these
can act, and says what it found, so the report can tell the journalist instead of hiding it.

What happens to what:

- terminal escape sequences (CSI, OSC, DCS, SOS/PM/APC, their 8-bit C1 forms, and short ESC
  sequences) are removed whole; an unterminated string sequence loses only its introducer, so a
  stray ``ESC ]`` cannot swallow the rest of an article;
- "\\r\\n", "\\r", NEL, U+2028 and U+2029 become "\\n"; tabs are kept (the view expands them);
- every other C0 control and DEL becomes its control picture (ESC -> "␛", BEL -> "␇"), and every
  C1 control becomes "␦" (U+2426), one visible cell each;
- bidi controls become `BIDI_MARKER` ("¦", U+00A6): one character for one, so offsets do not
  shift, one cell wide in every terminal and font, and neutral in the bidi algorithm;
- ZWJ and ZWNJ are kept between Arabic letters (where they shape words) and ZWJ inside emoji
  sequences; elsewhere they, U+200B, U+2060, U+FEFF and every other format character become
  `INVISIBLE_MARKER` ("‸", U+2038);
- tag characters (which can smuggle hidden ASCII), variation selectors outside emoji, soft
  hyphens and the combining grapheme joiner are removed;
- the result is NFC-normalized. Sanitizing twice gives the same text.
"""

import re
import unicodedata
from collections import Counter

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
BIDI_MARKER = "\u00a6"
INVISIBLE_MARKER = "\u2038"
C1_PICTURE = "\u2426"
BIDI_WARNING = "bidi control character"

_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # strings
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"  # short escapes, or the introducer of a broken string
)
_LINE_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
# Format characters (category Cf, Unicode 15.1) other than bidi controls, plus the invisible
# marks that are not Cf: variation selectors and the combining grapheme joiner.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200d"
    "\u2060-\u2064\u206a-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f"
    "\U000e0100-\U000e01ef]"
)
_ZERO_WIDTH_JOINERS = "\u200c\u200d"
_EMOJI_VARIATIONS = "\ufe0e\ufe0f"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFC),
)


def sanitize(text: str) -> tuple[str, tuple[str, ...]]:
    """Return `text` with nothing left that can steer a terminal or hide content, and warnings."""
    found: Counter[str] = Counter()
    text, found["escape"] = _ESCAPE_SEQUENCE.subn("", text)
    text = _LINE_BREAK.sub("\n", text)
    text, found["control"] = _CONTROL.subn(_control_picture, text)
    text, found["bidi"] = _BIDI.subn(BIDI_MARKER, text)
    text = _INVISIBLE.sub(lambda m: _invisible(m, found), text)
    return unicodedata.normalize("NFC", text), _warnings(found)


def one_line(text: str) -> str:
    """A path, URL, label or message made safe to print on one line of a terminal: a file
    name is as untrusted as an article (ESC ] 2 ; ... BEL renames the terminal window)."""
    text, _ = sanitize(text)
    return text.replace("\n", "\u240a").replace("\t", "\u2409")


def has_bidi_controls(text: str) -> bool:
    """Whether raw `text` carries bidi controls: a sign that its display may be spoofed."""
    return _BIDI.search(text) is not None


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else C1_PICTURE


def _invisible(match: re.Match[str], found: Counter[str]) -> str:
    """Keep an invisible character that does a job where it stands; otherwise show or drop it."""
    char, text, at = match.group(), match.string, match.start()
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char in _ZERO_WIDTH_JOINERS and _is_arabic(before) and _is_arabic(after):
        return char
    if char == "\u200d" and _ends_emoji(text, at) and _is_emoji(after):
        return char
    if char in _EMOJI_VARIATIONS and _is_emoji(before):
        return char
    if "\U000e0000" <= char <= "\U000e007f":
        found["tag"] += 1
        return ""
    if unicodedata.category(char) == "Mn" or char == "\u00ad":
        found["removed"] += 1
        return ""
    found["shown"] += 1
    return INVISIBLE_MARKER


def _is_arabic(char: str) -> bool:
    """An Arabic-script letter or mark, between which ZWJ/ZWNJ legitimately steer shaping."""
    if not char or unicodedata.category(char)[0] not in "LM":
        return False
    code = ord(char)
    return any(low <= code <= high for low, high in _ARABIC_BLOCKS)


def _is_emoji(char: str) -> bool:
    return bool(char) and (unicodedata.category(char) == "So" or ord(char) in _SKIN_TONES)


def _ends_emoji(text: str, at: int) -> bool:
    """Whether an emoji (possibly with its presentation selector) ends just before `at`."""
    if at and text[at - 1] == "\ufe0f":
        at -= 1
    return at > 0 and _is_emoji(text[at - 1])


_WARNINGS = {
    "escape": ("terminal escape sequence removed", "terminal escape sequences removed"),
    "control": ("control character shown as a symbol", "control characters shown as symbols"),
    "bidi": (f"{BIDI_WARNING} shown as a marker", f"{BIDI_WARNING}s shown as markers"),
    "shown": ("invisible character shown as a marker", "invisible characters shown as markers"),
    "tag": ("hidden tag character removed", "hidden tag characters removed"),
    "removed": ("invisible character removed", "invisible characters removed"),
}


def _warnings(found: Counter[str]) -> tuple[str, ...]:
    return tuple(
        f"{found[key]} {one if found[key] == 1 else many}"
        for key, (one, many) in _WARNINGS.items()
        if found[key]
    )
