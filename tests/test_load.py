"""Loading sources: encodings, formats, limits, and the one-line message for every failure."""

import codecs
import io
import json
import os
import random
import time
from pathlib import Path

import pytest

from riwaya.core import load as load_module
from riwaya.core.errors import InputError, LoadError
from riwaya.core.load import LoadedText, Skipped, load_all, load_one

AR_NEWS = (
    "أعلنت وزارة الصحة في بيان صدر صباح اليوم أن عدد الضحايا ارتفع إلى ثلاثين شخصاً، "
    "بينهم سبعة أطفال، فيما لا يزال البحث جارياً عن مفقودين تحت الأنقاض.\n"
    "وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ تعمل منذ ساعات الفجر الأولى، "
    "مؤكداً أن الطرق المؤدية إلى المنطقة ما زالت مغلقة بسبب الأمطار الغزيرة.\n"
    "ونفى مسؤول حكومي ما تداولته وسائل إعلام محلية عن انهيار سد في المنطقة؛ فهل هناك خطر؟"
)
EN_NEWS = (
    "The health ministry said on Tuesday that 30 people had been killed, including seven "
    "children. Rescue teams were still searching the rubble, a civil defence spokesman said."
)
HTML_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>انهيار مبنى في الحي القديم | جريدة الصباح</title>
<meta property="og:site_name" content="جريدة الصباح">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
<script>var tracking = "SCRIPT_IN_HEAD"; document.write("x");</script>
<style>body {{ color: red }}</style></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>انهيار مبنى في الحي القديم</h1>
<p>{first}</p>
<p>{second}</p>
<script>console.log("SCRIPT_IN_ARTICLE")</script>
</article>
<footer><p>جميع الحقوق محفوظة لجريدة الصباح</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>"""
FIRST, SECOND, _ = AR_NEWS.split("\n")
TOO_LARGE = "larger than 20 MB (raise the cap with --max-size)"


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> str:
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return str(path)


def html_page(charset: str = "utf-8") -> str:
    return HTML_PAGE.format(charset=charset, first=FIRST, second=SECOND)


def only(spec: str, **options: object) -> LoadedText:
    texts = load_one(spec, **options)
    assert len(texts) == 1
    return texts[0]


def load_error(spec: str, **options: object) -> str:
    with pytest.raises(LoadError) as caught:
        load_one(spec, **options)
    message = str(caught.value)
    assert "\n" not in message
    return message


# Encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (AR_NEWS.encode("cp1256"), "cp1256"),
        (AR_NEWS.encode("iso8859-6"), "iso8859-6"),
        (AR_NEWS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + AR_NEWS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + AR_NEWS.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + AR_NEWS.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + EN_NEWS.encode("utf-16-le"), "utf-16"),
    ],
    ids=["cp1256", "iso8859-6", "utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-16-en"],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    loaded = only(write(tmp_path / "article.txt", data))
    assert loaded.text in (AR_NEWS, EN_NEWS)
    assert loaded.encoding == encoding
    assert loaded.warnings == ()
    assert loaded.label == "article"


UNSURE = "encoding unsure: read as {}; if the text looks wrong, name its encoding with --encoding"
RU_NEWS = (
    "Министерство здравоохранения заявило, что в результате нападения в четверг погибли "
    "40 человек. Спасатели продолжают поиски под завалами, сообщил представитель "
    "гражданской обороны."
)
FR_NEWS = (
    "Le ministère de la Santé a déclaré que 40 personnes ont été tuées lors de l'attaque de "
    "jeudi. L'observatoire a évoqué douze morts, à côté de l'hôpital."
)


def test_short_legacy_text_decodes_but_warns(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "short.txt", "قال الوزير", "cp1256"))
    assert loaded.text == "قال الوزير"
    assert loaded.warnings == (UNSURE.format("cp1256"),)


@pytest.mark.parametrize(
    ("text", "encoding", "read_as", "warnings"),
    [
        (RU_NEWS, "koi8-r", "koi8-r", ()),
        (RU_NEWS, "cp1251", "cp1251", ()),
        (FR_NEWS[:60], "latin-1", "cp1252", ()),
        ("The naïve résumé of the coöperative, said Zoë.", "latin-1", "cp1252", ()),
        # The detector's first guess is cp775 ("cŌtķ"): overruled, and the user is told.
        (FR_NEWS, "latin-1", "cp1252", (UNSURE.format("cp1252"),)),
    ],
    ids=["koi8-r", "cp1251", "latin-1-french", "latin-1-english", "latin-1-overruled"],
)
def test_a_non_arabic_legacy_encoding_is_not_read_as_arabic(
    tmp_path: Path, text: str, encoding: str, read_as: str, warnings: tuple[str, ...]
) -> None:
    loaded = only(write(tmp_path / "article.txt", text, encoding))
    assert (loaded.text, loaded.encoding, loaded.warnings) == (text, read_as, warnings)


def test_an_unsure_reading_says_so(tmp_path: Path) -> None:
    """Short KOI8-R reads as Arabic letters too: no detector can tell, so the user is told."""
    loaded = only(write(tmp_path / "short.txt", "Выборы назначены на март.", "koi8-r"))
    assert loaded.warnings == (UNSURE.format(loaded.encoding),)


def test_encoding_override(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", AR_NEWS, "cp1256")
    assert only(path, encoding="windows-1256").text == AR_NEWS
    assert load_error(path, encoding="utf-8") == f"{path}: not valid utf-8 (byte 0xc3 at offset 0)"


def test_override_that_makes_mojibake_is_flagged(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "a.txt", AR_NEWS, "cp1256"), encoding="latin-1")
    assert loaded.text.startswith("ÃÚáäÊ")
    assert loaded.warnings == ("text looks like Arabic decoded with the wrong encoding (mojibake)",)


def test_mojibake_saved_as_utf8_is_flagged(tmp_path: Path) -> None:
    mojibake = AR_NEWS.encode("cp1256").decode("latin-1")
    loaded = only(write(tmp_path / "a.txt", mojibake))
    assert loaded.encoding == "utf-8"
    assert loaded.warnings == ("text looks like Arabic decoded with the wrong encoding (mojibake)",)


@pytest.mark.parametrize("name", ["klingon", "rot13"])
def test_unknown_encoding_is_an_input_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match=f"^unknown encoding: {name}$"):
        load_one(write(tmp_path / "a.txt", EN_NEWS), encoding=name)


def test_a_few_broken_utf8_bytes_do_not_turn_the_text_into_mojibake(tmp_path: Path) -> None:
    data = AR_NEWS.encode("utf-8")
    loaded = only(write(tmp_path / "a.txt", data[:40] + b"\xff" + data[40:]))
    assert loaded.encoding == "utf-8"
    assert loaded.text.startswith(AR_NEWS[:20])
    assert loaded.warnings == ("1 invalid UTF-8 sequence shown as \ufffd",)


# Files that cannot be used


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file, not text"),
        (random.Random(0).randbytes(4096).replace(b"\x00", b"\x01"), "binary file, not text"),
        (b"", "empty"),
        (b"  \n\t \r\n   ", "empty"),
        ("\u064e\u064f \u0650\u0651\n\u0652".encode(), "empty"),
        (b"\x1b[31m\x1b[0m\n", "empty"),
    ],
    ids=["png", "random", "empty", "whitespace", "diacritics", "escapes-only"],
)
def test_unusable_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    assert load_error(path) == f"{path}: {reason}"


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert load_error(path) == f"{path}: no such file"


def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", EN_NEWS)
    os.chmod(path, 0)
    if os.geteuid() == 0:
        pytest.skip("root can read a file whatever its mode")
    assert load_error(path) == f"{path}: permission denied"


def test_permission_denied_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load_module, "open", refuse, raising=False)
    path = write(tmp_path / "secret.txt", EN_NEWS)
    assert load_error(path) == f"{path}: permission denied"


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    assert load_error(str(path)) == f"{path}: {TOO_LARGE}"
    assert time.monotonic() - started < 1


def test_stream_over_the_cap_is_refused() -> None:
    message = load_error("-", stdin=io.BytesIO(b"a" * 4097), max_bytes=4096)
    assert message == "stdin: larger than 4 KB (raise the cap with --max-size)"


def test_one_megabyte_line_loads(tmp_path: Path) -> None:
    line = ("word " * 210_000)[: 1024 * 1024]
    loaded = only(write(tmp_path / "long.txt", line))
    assert loaded.text == line


# Formats


def test_html_keeps_the_article_and_drops_the_boilerplate(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "page.html", html_page()))
    assert FIRST in loaded.text and SECOND in loaded.text
    for boilerplate in ("SCRIPT_IN_HEAD", "SCRIPT_IN_ARTICLE", "color", "الرئيسية", "محفوظة"):
        assert boilerplate not in loaded.text
    assert loaded.label == "انهيار مبنى في الحي القديم | جريدة الصباح"
    assert loaded.source_name == "جريدة الصباح"
    assert loaded.date == "2024-03-12"
    assert loaded.encoding == "utf-8"


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "page.htm", html_page("windows-1256"), "cp1256"))
    assert FIRST in loaded.text
    assert loaded.encoding == "cp1256"
    assert loaded.warnings == ()


def test_html_declared_charset_that_lies_is_overruled(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "page.html", html_page("utf-8"), "cp1256"))
    assert FIRST in loaded.text
    assert loaded.encoding == "cp1256"
    assert loaded.warnings == ("declared charset utf-8 does not fit the text; decoded as cp1256",)


def test_html_without_title_is_named_after_the_file(tmp_path: Path) -> None:
    page = f"<html><body><p>{EN_NEWS}</p></body></html>"
    loaded = only(write(tmp_path / "wire.html", page))
    assert loaded.label == "wire"
    assert "30 people" in loaded.text


def test_markdown_is_text(tmp_path: Path) -> None:
    loaded = only(write(tmp_path / "note.md", f"# Flood\n\n{EN_NEWS}\r\n"))
    assert loaded.text == f"# Flood\n\n{EN_NEWS}\n"
    assert loaded.label == "note"


def test_json_object(tmp_path: Path) -> None:
    article = {"title": "انهيار سد", "text": AR_NEWS, "source": "الصباح", "date": "2024-03-12"}
    loaded = only(write(tmp_path / "a.json", json.dumps(article, ensure_ascii=False)))
    assert (loaded.text, loaded.label, loaded.source_name, loaded.date) == (
        AR_NEWS,
        "انهيار سد",
        "الصباح",
        "2024-03-12",
    )


def test_json_list_with_other_field_names(tmp_path: Path) -> None:
    articles = [
        {"title": "Flood", "body": EN_NEWS, "source": {"name": "Wire"}},
        {"content": AR_NEWS},
    ]
    texts = load_one(write(tmp_path / "feed.json", json.dumps(articles)))
    assert [(t.label, t.source_name) for t in texts] == [("Flood", "Wire"), ("feed #2", None)]
    assert texts[1].text == AR_NEWS


def test_json_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "one", "text": EN_NEWS}),
        "",
        json.dumps({"title": "no text here"}),
        json.dumps({"title": "two", "text": AR_NEWS}, ensure_ascii=False),
    ]
    texts = load_one(write(tmp_path / "feed.jsonl", "\n".join(lines)))
    assert [t.label for t in texts] == ["one", "two"]
    assert texts[0].warnings == ("1 of 3 items had no text and were skipped",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("{oops", "invalid JSON (line 1: Expecting property name enclosed in double quotes)"),
        ('{"title": "x"}', "no article text (expected a field: text, body, content)"),
        ('{"title": "x", "text": "  "}', "empty"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON (nested too deeply)"),
    ],
    ids=["broken", "no-text", "empty-text", "too-deep"],
)
def test_unusable_json(tmp_path: Path, data: str, reason: str) -> None:
    path = write(tmp_path / "bad.json", data)
    assert load_error(path) == f"{path}: {reason}"


def test_stdin() -> None:
    loaded = only("-", stdin=io.BytesIO(AR_NEWS.encode("cp1256")))
    assert (loaded.text, loaded.label, loaded.origin, loaded.encoding) == (
        AR_NEWS,
        "stdin",
        "-",
        "cp1256",
    )


def test_stdin_html_is_recognised() -> None:
    loaded = only("-", stdin=io.BytesIO(html_page().encode()))
    assert "SCRIPT_IN_HEAD" not in loaded.text
    assert loaded.label.startswith("انهيار مبنى")


def test_hostile_text_is_sanitized_and_flagged(tmp_path: Path) -> None:
    hostile = "الجيش\u202e ينفي\u202c\x1b]52;c;cm0gLXJm\x07 الهجوم\x1b[2J\r\n"
    loaded = only(write(tmp_path / "hostile.txt", hostile))
    assert loaded.text == "الجيش¦ ينفي¦ الهجوم\n"
    assert loaded.warnings == (
        "2 terminal escape sequences removed",
        "2 bidi control characters shown as markers",
    )
    assert loaded.has_bidi_controls
    assert not only(write(tmp_path / "calm.txt", AR_NEWS)).has_bidi_controls


def test_metadata_is_sanitized_too(tmp_path: Path) -> None:
    article = {"title": "Flood\x1b[31m \u202ereport\n", "text": EN_NEWS, "source": "\x07Wire"}
    loaded = only(write(tmp_path / "a.json", json.dumps(article)))
    assert (loaded.label, loaded.source_name) == ("Flood ¦report", "\u2407Wire")
    assert loaded.has_bidi_controls


# Directories and several sources


def test_directory_with_mixed_files(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    (folder / "nested").mkdir(parents=True)
    write(folder / "a.txt", EN_NEWS)
    write(folder / "b.md", AR_NEWS)
    write(folder / "c.html", html_page())
    write(folder / "d.jsonl", json.dumps({"title": "wire", "text": EN_NEWS}))
    write(folder / "e.txt", b"")
    write(folder / ".hidden.txt", EN_NEWS)
    write(folder / "photo.png", b"\x89PNG\r\n\x1a\n\x00")
    write(folder / "nested" / "f.txt", EN_NEWS)
    labels = ["a", "b", "انهيار مبنى في الحي القديم | جريدة الصباح", "wire"]

    texts, skipped = load_all([str(folder)])
    assert [t.label for t in texts] == labels
    assert [t.origin for t in texts] == [
        str(folder / n) for n in ("a.txt", "b.md", "c.html", "d.jsonl")
    ]
    assert skipped == [Skipped(str(folder / "e.txt"), f"{folder / 'e.txt'}: empty")]
    assert [t.label for t in load_one(str(folder))] == labels


def test_directory_with_nothing_usable(tmp_path: Path) -> None:
    write(tmp_path / "photo.png", b"\x89PNG")
    write(tmp_path / ".notes.txt", EN_NEWS)
    assert load_error(str(tmp_path)) == f"{tmp_path}: no supported files"
    with pytest.raises(LoadError, match=f"^no usable source: {tmp_path}: no supported files$"):
        load_all([str(tmp_path)])


def test_directory_whose_files_all_fail(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"\x00\x01")
    expected = f"{tmp_path}: no usable file ({tmp_path / 'a.txt'}: empty and 1 more)"
    assert load_error(str(tmp_path)) == expected


def test_load_all_keeps_going_past_a_bad_source(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", EN_NEWS)
    missing = str(tmp_path / "missing.txt")
    texts, skipped = load_all([good, missing, "-"], stdin=io.BytesIO(AR_NEWS.encode()))
    assert [t.label for t in texts] == ["good", "stdin"]
    assert skipped == [Skipped(missing, f"{missing}: no such file")]


def test_load_all_with_nothing_usable(tmp_path: Path) -> None:
    empty = write(tmp_path / "a.txt", b"")
    binary = write(tmp_path / "b.bin", b"\x00\xff\x00")
    with pytest.raises(LoadError) as caught:
        load_all([empty, binary])
    assert str(caught.value) == f"no usable source: {empty}: empty; {binary}: binary file, not text"


def test_origins_of_hostile_file_names_are_printable(tmp_path: Path) -> None:
    """The origin is shown in every report: a file name must not retitle the terminal."""
    write(tmp_path / "good\x1b]2;PWNED\x07\u202e.txt", EN_NEWS)
    write(tmp_path / "bad\x9b\u200f.txt", b"")
    texts, skipped = load_all([str(tmp_path)])
    assert [(t.origin, t.label) for t in texts] == [(f"{tmp_path}/good\u00a6.txt", "good\u00a6")]
    bad = f"{tmp_path}/bad\u2426\u00a6.txt"
    assert skipped == [Skipped(bad, f"{bad}: empty")]


def test_names_in_messages_cannot_steer_the_terminal(tmp_path: Path) -> None:
    path = str(tmp_path / "evil\x1b]0;pwned\x07\nname.txt")
    assert load_error(path) == f"{tmp_path}/evil\u240aname.txt: no such file"
