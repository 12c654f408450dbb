"""Turn what the user names (files, folders, stdin, URLs) into texts the analysis can trust.

Every source becomes one or more `LoadedText`: bounded in size, decoded (byte order mark, UTF-8,
declared charset, then detection checked against Arabic mojibake), reduced to its article (HTML
main text, JSON article fields) and sanitized, so offsets downstream are offsets into safe text.
Whatever goes wrong is a `LoadError` whose one-line message names the source and the cause.
"""

import codecs
import json
import os
import re
import socket
import stat
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape
from itertools import pairwise
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from .errors import InputError, LoadError, os_cause
from .sanitize import BIDI_WARNING, one_line, sanitize

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5

_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}
_TEXT_FIELDS = ("text", "body", "content")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Code pages tried even when the detector does not name them: on short texts it often prefers a
# CJK or Cyrillic code page for Arabic, and cp1250 or cp775 for Latin-1.
_ARABIC_CODECS = ("cp1256", "iso8859-6")
_WESTERN = "cp1252"
_SAMPLE = 20_000
_SURE_NON_ASCII = 64
# A detection the detector is sure of (KOI8-R Russian): no odd characters, and words of a
# language it knows. Arabic mojibake scores worse on both.
_SURE_CHAOS = 0.02
_SURE_COHERENCE = 0.3
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
# A Latin-1 letter (or × ÷) touching an Arabic letter: what cp1256 and ISO-8859-6 bytes look
# like when decoded with each other's table.
_MIXED = re.compile("[\u0621-\u06ff][\u00c0-\u00ff]|[\u00c0-\u00ff][\u0621-\u06ff]")
# Controls that never occur in text, unlike tab, newlines, form feed, BEL, BS and ESC.
_JUNK = re.compile("[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_TITLE = re.compile(r"<title(?:\s[^>]*)?>(.*?)</title\s*>", re.I | re.S)


@dataclass(frozen=True)
class LoadedText:
    """One text the analysis sees, with where it came from and what loading noticed.

    `origin` is the path or URL made printable (`one_line`): reports show it, and JSON
    reports carry it, to terminals.
    """

    text: str
    label: str
    origin: str
    encoding: str
    warnings: tuple[str, ...]
    date: str | None = None
    source_name: str | None = None

    @property
    def has_bidi_controls(self) -> bool:
        """Whether the source carried bidi controls, so the report can flag possible spoofing."""
        return any(BIDI_WARNING in warning for warning in self.warnings)


@dataclass(frozen=True)
class Skipped:
    """A source that could not be used (`origin` made printable); `reason` is the one-line
    message to show, and names the source."""

    origin: str
    reason: str


@dataclass(frozen=True)
class _Options:
    encoding: str | None
    max_bytes: int
    stdin: BinaryIO | None
    timeout: float


class _Article(NamedTuple):
    text: str
    title: str | None = None
    date: str | None = None
    source_name: str | None = None


class _Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...]


def load_one(
    spec: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    timeout: float = 15.0,
) -> list[LoadedText]:
    """A spec is a file path, a directory, '-' (stdin) or an http(s) URL.

    A JSON Lines file or a directory can yield several texts; a directory's unusable files are
    left out (`load_all` reports them). Raises LoadError.
    """
    options = _options(encoding, max_bytes, stdin, timeout)
    if _is_dir(spec):
        texts, skipped = _load_dir(spec, options)
        if not texts:
            more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
            raise LoadError(f"{one_line(spec)}: no usable file ({skipped[0].reason}{more})")
        return texts
    return _load(spec, options)


def load_all(
    specs: Sequence[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    timeout: float = 15.0,
) -> tuple[list[LoadedText], list[Skipped]]:
    """Load every spec; failures become Skipped entries and the others still load.

    Raises LoadError only when nothing usable remains, with every reason on one line.
    """
    options = _options(encoding, max_bytes, stdin, timeout)
    texts: list[LoadedText] = []
    skipped: list[Skipped] = []
    for spec in specs:
        try:
            if _is_dir(spec):
                loaded, missed = _load_dir(spec, options)
            else:
                loaded, missed = _load(spec, options), []
        except LoadError as error:
            loaded, missed = [], [Skipped(one_line(spec), str(error))]
        texts += loaded
        skipped += missed
    if not texts:
        reasons = "; ".join(item.reason for item in skipped) or "none given"
        raise LoadError(f"no usable source: {reasons}")
    return texts, skipped


def _options(
    encoding: str | None, max_bytes: int, stdin: BinaryIO | None, timeout: float
) -> _Options:
    if encoding is not None:
        try:
            b"a".decode(encoding, "ignore")  # unknown and non-text codecs (rot13) both fail
        except LookupError:
            raise InputError(f"unknown encoding: {encoding}") from None
    return _Options(encoding, max_bytes, stdin, timeout)


# Sources: where the bytes come from.


def _load(spec: str, options: _Options) -> list[LoadedText]:
    """A single source: stdin, a URL or a file (folders are expanded by the callers)."""
    if spec == "-":
        return _load_stdin(options)
    if _is_url(spec):
        return _load_url(spec, options)
    return _load_file(spec, options)


def _load_file(spec: str, options: _Options) -> list[LoadedText]:
    name = one_line(spec)
    path = Path(spec)
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > options.max_bytes:
                raise LoadError(f"{name}: {_too_large(options.max_bytes)}")
            raw = stream.read(options.max_bytes + 1)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{name}: {os_cause(error)}") from None
    if len(raw) > options.max_bytes:
        raise LoadError(f"{name}: {_too_large(options.max_bytes)}")
    kind = _KINDS.get(path.suffix.lower())
    return _from_bytes(raw, name, spec, path.stem or name, kind, None, options)


def _load_dir(spec: str, options: _Options) -> tuple[list[LoadedText], list[Skipped]]:
    """Every supported file directly in the folder, by name, hidden files left out."""
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(spec)
            if not entry.name.startswith(".")
            and entry.is_file()
            and Path(entry.name).suffix.lower() in _KINDS
        )
    except PermissionError:
        raise LoadError(f"{one_line(spec)}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{one_line(spec)}: {os_cause(error)}") from None
    if not names:
        raise LoadError(f"{one_line(spec)}: no supported files")
    texts: list[LoadedText] = []
    skipped: list[Skipped] = []
    for file_name in names:
        child = os.path.join(spec, file_name)
        try:
            texts += _load_file(child, options)
        except LoadError as error:
            skipped.append(Skipped(one_line(child), str(error)))
    return texts, skipped


def _load_stdin(options: _Options) -> list[LoadedText]:
    stream = options.stdin
    if stream is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise LoadError("stdin: nothing piped in")
        stream = sys.stdin.buffer
    raw = stream.read(options.max_bytes + 1)
    if len(raw) > options.max_bytes:
        raise LoadError(f"stdin: {_too_large(options.max_bytes)}")
    return _from_bytes(raw, "stdin", "-", "stdin", None, None, options)


def _load_url(url: str, options: _Options) -> list[LoadedText]:
    raw, content_type, charset = _fetch(url, options)
    media = content_type.split(";")[0].strip().lower()
    if "html" in media:
        kind: str | None = "html"
    elif "json" in media:
        kind = "json"
    else:
        kind = "text" if media.startswith("text/") else None
    parts = urlsplit(url)
    label = (parts.netloc.rpartition("@")[2] + parts.path).rstrip("/") or url
    return _from_bytes(raw, one_line(url), url, label, kind, charset, options)


def _fetch(url: str, options: _Options) -> tuple[bytes, str, str | None]:
    """The body (at most max_bytes, within the timeout), its Content-Type and its charset."""
    import httpx  # here, so that a run on local files does not pay for loading it

    failed = f"could not fetch {one_line(url)}"
    deadline = time.monotonic() + options.timeout
    timed_out = f"{failed}: timed out after {options.timeout:g} s"
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=options.timeout,
                headers={"User-Agent": "riwaya"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if not response.is_success:
                raise LoadError(f"{failed}: HTTP {response.status_code}")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > options.max_bytes:
                raise LoadError(f"{failed}: {_too_large(options.max_bytes)}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > options.max_bytes:
                    raise LoadError(f"{failed}: {_too_large(options.max_bytes)}")
                if time.monotonic() > deadline:
                    raise LoadError(timed_out)
            charset = response.charset_encoding
            return bytes(body), response.headers.get("Content-Type", ""), charset
    except httpx.TooManyRedirects:
        raise LoadError(f"{failed}: too many redirects") from None
    except httpx.TimeoutException:
        raise LoadError(timed_out) from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise LoadError(f"{failed}: {_network_cause(error)}") from None


# Bytes to articles.


def _from_bytes(
    raw: bytes,
    name: str,
    origin: str,
    default_label: str,
    kind: str | None,
    declared: str | None,
    options: _Options,
) -> list[LoadedText]:
    if not raw.strip():
        raise LoadError(f"{name}: empty")
    if kind in (None, "html") and declared is None and (match := _META_CHARSET.search(raw[:4096])):
        declared = match.group(1).decode("ascii")
    decoded = _decode(raw, name, options.encoding, declared)
    articles, notes = _articles(decoded.text, kind, name, origin if _is_url(origin) else None)
    return _finish(articles, name, origin, default_label, decoded, notes)


def _articles(
    text: str, kind: str | None, name: str, url: str | None
) -> tuple[list[_Article], tuple[str, ...]]:
    if kind is None:
        kind = _sniff(text)
        if kind == "json":
            try:
                return _json_articles(text, name)
            except LoadError:
                return [_Article(text)], ()
    if kind == "html":
        return _html_articles(text, url)
    if kind == "json":
        return _json_articles(text, name)
    return [_Article(text)], ()


def _sniff(text: str) -> str:
    head = text[:1024].lstrip().lower()
    if head.startswith("<!doctype html") or "<html" in head:
        return "html"
    return "json" if head.startswith(("{", "[")) else "text"


def _html_articles(html: str, url: str | None) -> tuple[list[_Article], tuple[str, ...]]:
    """The page's main text without navigation, ads or scripts; its <title> names it."""
    import trafilatura  # here, so that a run on plain files does not pay for lxml

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = (document.text if document is not None else None) or ""
    notes: tuple[str, ...] = ()
    if not text.strip():
        text = trafilatura.html2txt(html)
        notes = ("no main article found in the page; using all of its text",)
    match = _TITLE.search(html)
    title = unescape(match.group(1)) if match else None
    if document is None:
        return [_Article(text, title)], notes
    return [_Article(text, title or document.title, document.date, document.sitename)], notes


def _json_articles(text: str, name: str) -> tuple[list[_Article], tuple[str, ...]]:
    """Article objects from a JSON object, a JSON list of them, or JSON Lines."""
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as error:
        items = _json_lines(text)
        if not any(isinstance(item, dict) for item in items):
            raise LoadError(f"{name}: invalid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise LoadError(f"{name}: invalid JSON (nested too deeply)") from None
    if not any(isinstance(item, dict) and _text_field(item) is not None for item in items):
        fields = ", ".join(_TEXT_FIELDS)
        raise LoadError(f"{name}: no article text (expected a field: {fields})")
    return [_json_article(item) for item in items], ()


def _json_lines(text: str) -> list[Any]:
    items = []
    for line in text.splitlines():
        if line.strip():
            try:
                items.append(json.loads(line))
            except (json.JSONDecodeError, RecursionError):
                items.append(None)
    return items


def _json_article(item: Any) -> _Article:
    if not isinstance(item, dict):
        return _Article("")
    source = item.get("source")
    if isinstance(source, dict):
        source = source.get("name")
    return _Article(
        _text_field(item) or "",
        _scalar(item.get("title")),
        _scalar(item.get("date")),
        _scalar(source),
    )


def _text_field(item: dict[str, Any]) -> str | None:
    for field in _TEXT_FIELDS:
        value = item.get(field)
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            return "\n\n".join(value)
        if isinstance(value, str):
            return value
    return None


def _scalar(value: Any) -> str | None:
    return str(value) if isinstance(value, str | int | float) else None


def _finish(
    articles: list[_Article],
    name: str,
    origin: str,
    default_label: str,
    decoded: _Decoded,
    notes: tuple[str, ...],
) -> list[LoadedText]:
    """Sanitize every article, drop those with nothing to read, and label the rest."""
    cleaned = [sanitize(article.text) for article in articles]
    kept = [index for index, (text, _) in enumerate(cleaned) if _has_content(text)]
    if not kept:
        raise LoadError(f"{name}: empty")
    if len(kept) < len(articles):
        dropped = len(articles) - len(kept)
        notes += (f"{dropped} of {len(articles)} items had no text and were skipped",)
    texts = []
    for index in kept:
        article = articles[index]
        text, text_warnings = cleaned[index]
        title, date, source_name = (
            _field(value) for value in (article.title, article.date, article.source_name)
        )
        fallback = default_label if len(articles) == 1 else f"{default_label} #{index + 1}"
        texts.append(
            LoadedText(
                text=text,
                label=title[0] or _field(fallback)[0] or "untitled",
                origin=one_line(origin),
                encoding=decoded.encoding,
                warnings=(
                    *decoded.warnings,
                    *notes,
                    *text_warnings,
                    *title[1],
                    *date[1],
                    *source_name[1],
                ),
                date=date[0],
                source_name=source_name[0],
            )
        )
    return texts


def _has_content(text: str) -> bool:
    """Letters or digits: whitespace, punctuation or diacritics alone are nothing to analyse."""
    return any(char.isalnum() for char in text)


def _field(value: str | None) -> tuple[str | None, tuple[str, ...]]:
    """A metadata value on one clean line, and what sanitizing it found."""
    if value is None:
        return None, ()
    text, warnings = sanitize(value)
    return " ".join(text.split()) or None, tuple(f"{w} in the metadata" for w in warnings)


# Decoding.


def _decode(raw: bytes, name: str, override: str | None, declared: str | None) -> _Decoded:
    """Read bytes as the user said, else by byte order mark, else as UTF-8, else by a guess."""
    if override is not None:
        decoded = _decode_as(raw, name, override)
    elif bom := next((codec for bom, codec in _BOMS if raw.startswith(bom)), None):
        decoded = _decode_as(raw, name, bom)
    elif b"\0" in raw:
        raise LoadError(f"{name}: binary file, not text")
    else:
        try:
            decoded = _Decoded(raw.decode("utf-8"), "utf-8", _declared_ignored(raw, declared))
        except UnicodeDecodeError:
            decoded = _mostly_utf8(raw) or _guess_legacy(raw, name, declared)
    sample = decoded.text[:_SAMPLE]
    if len(_JUNK.findall(sample)) > 0.05 * len(sample):
        raise LoadError(f"{name}: binary file, not text")
    if _looks_like_mojibake(sample):
        warning = "text looks like Arabic decoded with the wrong encoding (mojibake)"
        return decoded._replace(warnings=(*decoded.warnings, warning))
    return decoded


def _decode_as(raw: bytes, name: str, encoding: str) -> _Decoded:
    codec = _codec(encoding) or encoding
    try:
        text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise LoadError(
            f"{name}: not valid {_shown_codec(codec)} (byte 0x{byte:02x} at offset {error.start})"
        ) from None
    return _Decoded(text, _shown_codec(codec), ())


def _declared_ignored(raw: bytes, declared: str | None) -> tuple[str, ...]:
    if declared is None or raw.isascii() or _codec(declared) in ("utf-8", "utf-8-sig"):
        return ()
    return (f"declared charset {declared} ignored: the text is valid UTF-8",)


def _mostly_utf8(raw: bytes) -> _Decoded | None:
    """UTF-8 with a few broken sequences (a bad paste, a cut), kept rather than misread."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())
    if broken * 20 > len(raw) - len(text):
        return None
    plural = "sequence" if broken == 1 else "sequences"
    return _Decoded(text, "utf-8", (f"{broken} invalid UTF-8 {plural} shown as \ufffd",))


def _guess_legacy(raw: bytes, name: str, declared: str | None) -> _Decoded:
    """Decode bytes that are not UTF-8: the declared charset, else the detector's first guess,
    corrected towards Arabic (when the detector is unsure) and towards Windows-1252 (for Latin
    text); a reading that is not certain says so, so that mojibake never passes silently."""
    matches = list(from_bytes(raw))
    if not matches:
        raise LoadError(f"{name}: binary file, not text")
    detected = [_codec(match.encoding) for match in matches]
    declared_codec = _codec(declared) if declared else None
    readings: dict[str, str] = {}
    for codec in dict.fromkeys([declared_codec, *detected, *_ARABIC_CODECS, _WESTERN]):
        if codec is not None:
            try:
                readings[codec] = raw.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    top = matches[0]
    confident = top.chaos <= _SURE_CHAOS and top.coherence >= _SURE_COHERENCE
    chosen = next(iter(readings))
    if chosen == declared_codec or not confident:
        chosen = _prefer_arabic(readings, chosen)
    if chosen != declared_codec:
        chosen = _prefer_western(readings, chosen)
    shown = _shown_codec(chosen)
    warnings = []
    if declared_codec is not None and chosen != declared_codec:
        warnings.append(f"declared charset {declared} does not fit the text; decoded as {shown}")
    scores = [(match.chaos, match.coherence) for match in matches]
    best = {codec for codec, score in zip(detected, scores, strict=True) if score == scores[0]}
    non_ascii = sum(byte > 0x7F for byte in raw[:_SAMPLE])
    sure = chosen in best and (confident or non_ascii >= _SURE_NON_ASCII)
    if not sure and chosen != declared_codec:
        warnings.append(
            f"encoding unsure: read as {shown}; if the text looks wrong, "
            "name its encoding with --encoding"
        )
    return _Decoded(readings[chosen], shown, tuple(warnings))


def _prefer_arabic(readings: dict[str, str], chosen: str) -> str:
    """A reading that is mostly Arabic letters, with no Latin-1 letters stuck to them, beats one
    that is not: on short texts the detector often prefers a CJK or Cyrillic code page, and
    "ÇáÌíÔ" is cp1256 Arabic read as Latin-1, never a real text."""
    fits = {codec: _arabic_fit(text) for codec, text in readings.items()}
    arabic = max(fits, key=fits.__getitem__)
    return arabic if fits[arabic] >= 0.5 and fits[arabic] > fits[chosen] + 0.1 else chosen


def _prefer_western(readings: dict[str, str], chosen: str) -> str:
    """Latin text is Windows-1252, the Western default, unless another code page reads its words
    with fewer odd capitals: the detector cannot tell cp1250's "č" from cp1252's "è"."""
    western = readings.get(_WESTERN)
    if western is None or not _is_latin(readings[chosen]):
        return chosen
    return _WESTERN if _odd_capitals(western) <= _odd_capitals(readings[chosen]) else chosen


def _is_latin(text: str) -> bool:
    """Whether the letters outside ASCII are all Latin (accented or not)."""
    letters = [char for char in text[:_SAMPLE] if char > "\x7f" and char.isalpha()]
    return bool(letters) and all(unicodedata.name(char, "").startswith("LATIN") for char in letters)


def _odd_capitals(text: str) -> int:
    """Capitals right after a small letter ("cŌtķ"): the mark of a wrong Latin code page."""
    sample = text[:_SAMPLE]
    return sum(small.islower() and big.isupper() for small, big in pairwise(sample))


def _arabic_fit(text: str) -> float:
    """How much a reading looks like Arabic: share of Arabic letters, minus mojibake signs."""
    sample = text[:_SAMPLE]
    letters = sum(char.isalpha() for char in sample)
    if not letters:
        return 0.0
    arabic = len(_ARABIC_LETTER.findall(sample))
    return (arabic - 2 * len(_MIXED.findall(sample))) / letters


def _looks_like_mojibake(sample: str) -> bool:
    """Whether the text is Arabic once read back through Latin-1: a wrong encoding upstream."""
    accented = len(_LATIN1_LETTER.findall(sample))
    if accented < 8 or accented < 0.3 * sum(char.isalpha() for char in sample):
        return False
    for table in ("cp1252", "latin-1"):
        raw = sample.encode(table, errors="ignore")
        for codec in ("utf-8", "cp1256"):
            if _arabic_fit(raw.decode(codec, errors="ignore")) >= 0.5:
                return True
    return False


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _shown_codec(codec: str) -> str:
    return "utf-8" if codec == "utf-8-sig" else codec


# Messages.


def _is_dir(spec: str) -> bool:
    return spec != "-" and not _is_url(spec) and os.path.isdir(spec)


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _too_large(max_bytes: int) -> str:
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if max_bytes >= scale:
            size = f"{max_bytes / scale:.1f}".removesuffix(".0")
            return f"larger than {size} {unit} (raise the cap with --max-size)"
    return f"larger than {max_bytes} bytes (raise the cap with --max-size)"


def _network_cause(error: BaseException) -> str:
    """What went wrong on the network, in a few words, from the deepest known cause."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "host not found"
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
        cause = cause.__cause__ or cause.__context__
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return re.sub(r"^\[Errno -?\d+\] ", "", message).lower()
