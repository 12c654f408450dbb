"""Places of `core/data/places.json`: read with no cue word, in either script, with their
regions; everyday words that look like them are not places."""

import pytest

from riwaya.core import places
from riwaya.core.evaluate import Pair, predict
from riwaya.core.words import words_of


def place_keys(text: str) -> list[str]:
    return [p.key for p in places.extract(words_of(text), {})]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("قتل ثلاثة أشخاص في غزة", ["place:gaza"]),
        ("وقصفت الطائرات مدينة غزة وخان يونس", ["place:gaza-city", "place:khan-younis"]),
        ("Three people were killed in an air strike on Aleppo", ["place:aleppo"]),
        ("Shelling hit Deir ez-Zor and Idlib overnight", ["place:deir-ez-zor", "place:idlib"]),
        ("غارات على الرقة ونزوح إلى الحسكة", ["place:raqqa", "place:hasakah"]),
        # ورقة is a sheet, فرقة a troupe, دوما "always": الرقة is listed with its article
        ("وقعت الحكومة ورقة تفاهم مع فرقة مسرحية", []),
        # names that are everyday words are places only after a preposition or a place noun
        ("استخدم المسلحون المدنيين درعا بشريا", []),
        ("قصف مدفعي على درعا وفي ريف حلب", ["place:daraa", "place:aleppo"]),
        ("أدى الحادث إلى وفاة جنين في بطن أمه", []),
        # a conjunction and a preposition or article before the name: «وبحلب» is not «حليب»
        ("اشتباكات في دير الزور وللرقة نصيب منها", ["place:deir-ez-zor", "place:raqqa"]),
        ("معارك في ريف إدلب وبحلب", ["place:idlib", "place:aleppo"]),
        # English names are read capitalized only
        ("The port said the city is a mecca for tourists", []),
    ],
)
def test_listed_places_are_read_without_a_cue_word(text, keys):
    assert place_keys(text) == keys


def judged(a: str, b: str) -> tuple[str, str]:
    prediction = predict(Pair("t", a, b, "unrelated"))
    return prediction.label, prediction.kind


def test_two_listed_places_for_one_strike_conflict():
    a = "قتل ثلاثة أشخاص في غارة جوية على مدينة غزة يوم الاثنين"
    b = "قتل ثلاثة أشخاص في غارة جوية على رفح يوم الاثنين"
    assert judged(a, b) == ("contradiction", "place")


def test_a_place_and_the_region_that_holds_it_do_not_conflict():
    a = "قتل ثلاثة أشخاص في غارة جوية على غزة يوم الاثنين"
    b = "قتل ثلاثة أشخاص في غارة جوية على رفح يوم الاثنين"
    assert judged(a, b)[0] != "contradiction"


def test_one_place_named_in_two_scripts_is_one_place():
    english = "Three people were killed in an air strike on Aleppo"
    assert judged(english, "قتل ثلاثة أشخاص في غارة جوية على حلب")[0] == "agreement"
    assert judged(english, "قتل ثلاثة أشخاص في غارة جوية على إدلب") == ("contradiction", "place")


def test_a_place_and_its_country_are_no_lexical_contradiction():
    # the country is the rules' to compare (_other_country), not a learned cue's
    a = "قتل ثلاثة أشخاص في غارة جوية على حلب يوم الاثنين"
    b = "قتل ثلاثة أشخاص في غارة جوية على سوريا يوم الاثنين"
    assert judged(a, b)[0] != "contradiction"


@pytest.mark.parametrize(
    "text", ["Three soldiers were killed in March", "The talks were held in English"]
)
def test_a_month_or_a_language_after_in_is_no_place(text):
    assert place_keys(text) == []
