"""The one module for Arabic folding: camel-tools and the built-in path agree."""

import os

import pytest

from riwaya.core import arabic

NEWS = (
    'أعلنت "الجبهة الشمالية" أنّ مقاتليها قتلوا ما يصل إلى ٤٠ جنديًّا، فيما نفى المتحدثُ '
    "العسكري وقوعَ أيّ هجوم؛ وقالت وزارة الدفاع: «لا صحة لهذه الأنباء». إلى أين؟ (الجيش) 2024-01-16"
)


def _camel_available() -> bool:
    return arabic.backend().name == "camel-tools"


def test_camel_is_installed_where_make_test_requires_it():
    if os.environ.get("RIWAYA_REQUIRE_CAMEL"):
        assert _camel_available(), "make test installs camel-tools; its path must be tested"


@pytest.mark.skipif(not _camel_available(), reason="camel-tools not installed")
@pytest.mark.parametrize(
    "function", [arabic.dediacritize, arabic.normalize_letters, arabic.tokenize, arabic.fold]
)
def test_both_paths_give_the_same_output(function):
    words = NEWS.split() + [NEWS]
    for text in words:
        assert function(text, prefer_camel=True) == function(text, prefer_camel=False)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("كذّب", "كذب"),
        ("أعلنت", "اعلنت"),
        ("إصابة", "اصابه"),
        ("مستشفى", "مستشفي"),
        ("جنديًّا", "جنديا"),
        ("الـمـرصـد", "المرصد"),
        ("٤٠", "40"),
        ("Soldiers", "soldiers"),
    ],
)
def test_fold(word, folded):
    assert arabic.fold(word) == folded


def test_tokens_carry_offsets_into_the_text():
    for token in arabic.tokenize(NEWS):
        assert NEWS[token.start : token.end] == token.text
    assert [t.text for t in arabic.tokenize("قتل 40، وأصيب")] == ["قتل", "40", "،", "وأصيب"]


def test_tokens_are_the_tokenizers_split_of_the_whole_text():
    """`tokenize` splits word by word (and remembers each word's split): the same tokens
    as the backend's split of the whole text."""
    for prefer_camel in (True, False):
        split = arabic.backend(prefer_camel).tokenize(NEWS + "\n\n" + NEWS)
        tokens = arabic.tokenize(NEWS + "\n\n" + NEWS, prefer_camel=prefer_camel)
        assert [t.text for t in tokens] == split


def test_fold_with_map_points_back_into_the_text():
    text = "نفى المتحدثُ «وقوعَ» أيّ هجوم"
    folded, offsets = arabic.fold_with_map(text)
    assert "وقوع" in folded
    at = folded.index("وقوع")
    assert text[offsets[at] : offsets[at + 3] + 1].startswith("وقوع")
    assert len(folded) == len(offsets)


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("قتل 40 جنديا", 1.0),
        ("Forty soldiers", 0.0),
        ("", 0.0),
        ("قتل_40 جنود، Three soldiers.", 7 / 20),  # digits, _ and punctuation are no letters
    ],
)
def test_arabic_ratio(text, ratio):
    assert arabic.arabic_ratio(text) == ratio
