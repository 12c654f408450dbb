"""The rules of `riwaya.core.findings` on two short accounts, as `riwaya eval` sees them."""

import pytest

from riwaya.core.cues import CueVerdict
from riwaya.core.engine import analyze
from riwaya.core.evaluate import Pair, predict
from riwaya.core.findings import _checkable, _lexical
from riwaya.core.lexicon import lexicon
from riwaya.core.model import UNSURE_BELOW
from riwaya.core.sources import make_source
from riwaya.core.words import words_of


def judged(a: str, b: str) -> tuple[str, str]:
    prediction = predict(Pair("t", a, b, "unrelated"))
    return prediction.label, prediction.kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # each figure of one account has its twin in the other ("among them 3 women")
        (
            "السلطات تعتقل 7 ناشطين بينهم 3 نساء لتواصلهم مع جهات أجنبية",
            "اعتقلت السلطات 7 ناشطين من بينهم 3 نساء بتهمة التواصل مع جهات أجنبية",
        ),
        # a bound and the figure at the bound tell one toll
        (
            "مقتل أكثر من 500 مدني منذ بدء القصف الجوي على الغوطة",
            "مقتل 500 مدني جراء القصف الجوي على الغوطة",
        ),
        # digits with a clitic written onto them are still the same figure
        ("بكين تعاقب واشنطن بـ50 مليار دولار", "٥٠ مليار دولار عقاب صيني لواشنطن"),
        # a negated opposite says the same thing
        ("البرلمان رفض مقترح تمديد حالة الطوارئ", "لم يوافق البرلمان على تمديد حالة الطوارئ"),
        # a time word is the rules' to compare, not a learned cue's
        (
            "غارات جوية على أطراف الحصن فجر اليوم",
            "طائرات حربية قصفت أطراف الحصن في ساعات الصباح الأولى اليوم",
        ),
        # "لا تزال" is "still": no denial of the arrests
        (
            "السعودية لا تزال تعتقل 9 بينهم 4 سيدات بتهمة الإضرار بالأمن",
            "اعتقال 9 بينهم 4 سيدات بتهمة الإضرار بالأمن في السعودية",
        ),
    ],
)
def test_accounts_that_agree_are_not_flagged(a, b):
    assert judged(a, b)[0] != "contradiction"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("قتل 12 جنديا في الهجوم", "قتل 40 جنديا في الهجوم", "numeric"),
        ("مقتل أكثر من 500 مدني في القصف", "مقتل 300 مدني في القصف", "numeric"),
        (
            "غارة جوية على اليمن أدت إلى مقتل أطفال والأمم المتحدة تدين",
            "غارة جوية على سوريا أدت إلى مقتل أطفال والأمم المتحدة تدين",
            "country",
        ),
        (
            "The air strike hit a school in Syria, killing children",
            "The air strike hit a school in Yemen, killing children",
            "country",
        ),
        ("دمرت الغارة الجسر الرئيسي في المدينة", "الجسر الرئيسي في المدينة سليم", "antonym"),
        # "غير" negates a factual claim: it is no opinion to be set aside
        (
            "مصدر: بريطانيا مسؤولة عن قتل مدنيين بالموصل",
            "بريطانيا غير مسؤولة عن قتل مدنيين بالموصل",
            "denial",
        ),
    ],
)
def test_conflicting_accounts_are_flagged(a, b, kind):
    assert judged(a, b) == ("contradiction", kind)


@pytest.mark.parametrize(
    ("a", "b", "opposition"),
    [
        (
            "أرباح قياسية لشركة الطيران الوطنية هذا العام",
            "خسائر قياسية لشركة الطيران الوطنية هذا العام",
            "profit / loss",
        ),
        (
            "الكويت تدعم قرار مجلس الأمن بشأن اليمن",
            "الكويت تستنكر قرار مجلس الأمن بشأن اليمن",
            "supported / opposed",
        ),
        (
            "إقبال كثيف على مراكز الاقتراع في العاصمة",
            "إقبال ضعيف على مراكز الاقتراع في العاصمة",
            "heavy / low turnout",
        ),
        (
            "استمرار الرحلات الجوية بين القاهرة وموسكو",
            "توقف الرحلات الجوية بين القاهرة وموسكو",
            "continued / stopped",
        ),
        (
            "النيابة تحبس الناشط خالد منصور على ذمة التحقيق",
            "إخلاء سبيل الناشط خالد منصور",
            "arrested / released",
        ),
        (
            "The airline reported record profits this year",
            "The airline reported record losses this year",
            "profit / loss",
        ),
        (
            "Heavy turnout at polling stations in the capital",
            "Low turnout at polling stations in the capital",
            "heavy / low turnout",
        ),
        (
            "The opposition party supports the new tax law",
            "The opposition party opposes the new tax law",
            "supported / opposed",
        ),
        (
            "The minister defended the new tax law",
            "The minister criticised the new tax law",
            "praised / criticised",
        ),
    ],
)
def test_opposed_words_make_an_antonym_contradiction(a, b, opposition):
    prediction = predict(Pair("t", a, b, "unrelated"))
    assert (prediction.label, prediction.kind) == ("contradiction", "antonym")
    assert f"({opposition})" in prediction.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # تندد / تستنكر, انتعاش / نمو: both say one side of an opposition
        ("الكويت تندد بالهجوم على ناقلة النفط", "الكويت تستنكر الهجوم على ناقلة النفط"),
        ("انتعاش الاقتصاد التركي في الربع الثالث", "نمو الاقتصاد التركي في الربع الثالث"),
        (
            "Heavy turnout at polling stations in the capital",
            "High turnout at polling stations in the capital",
        ),
        ("Oil prices fell sharply on Monday", "Oil prices declined sharply on Monday"),
        # يعترض is "intercepts" and «من قبل» "by": no objection, no acceptance
        (
            "الدفاعات الجوية تعترض صاروخا فوق المدينة",
            "التصدي لصاروخ فوق المدينة من قبل الدفاعات الجوية",
        ),
    ],
)
def test_words_on_one_side_of_an_opposition_are_no_contradiction(a, b):
    assert judged(a, b)[0] != "contradiction"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("تراجع أسعار النفط", "انخفاض أسعار النفط"),  # both "fell"
        ("قبل", "رفض"),  # "before" shares its root with قبول
        ("أعلن", "أدنى"),  # "announced" shares its stem with أعلى
        ("على", "الأرض"),  # "on" and "the land" are no upper and ground floor
        ("قال مصدر", "في مؤخرة"),  # a source shares its root with الصدارة
        ("العلاقات", "استئناف"),  # relations share their root with تعليق
        ("هجوم", "يشيد"),  # an attack shares its root with هاجم
        ("عدم", "براءة"),  # "not" shares its root with إعدام
    ],
)
def test_opposed_words_are_not_met_by_words_that_only_share_their_root(a, b):
    assert lexicon().opposition(words_of(a).stems, words_of(b).stems) is None


def test_a_headline_pause_does_not_split_the_claim():
    from riwaya.core.segment import sentences

    text = "الليرة التركية.. صعود طفيف بعد الانتخابات. وتراجع الدولار"
    found = [text[s.start : s.end] for s in sentences(text)]
    assert found == ["الليرة التركية.. صعود طفيف بعد الانتخابات.", "وتراجع الدولار"]


def test_a_country_its_people_and_its_capital_are_one_party():
    from riwaya.core.words import words_of

    texts = ["الولايات المتحدة", "أميركا", "الأمريكيين", "واشنطن", "Washington", "Americans"]
    assert {m.concept for t in texts for m in words_of(t).concepts} == {"country:US"}


def test_the_same_country_told_differently_is_no_conflict():
    a = "الصين تتحدى الولايات المتحدة بإجراءات جديدة"
    b = "إجراءات صينية جديدة تتحدى أميركا"
    assert judged(a, b)[0] != "contradiction"


def test_accounts_that_tell_the_same_figures_are_still_judged_on_their_words():
    """Equal figures settle the numbers, not the rest: approving a plan and backing away
    from it conflict however many people the plan concerns."""
    a = "الحكومة تقر خطة لإعادة توطين عشرات الآلاف من النازحين في الشمال"
    b = "الحكومة تتراجع عن خطة لإعادة توطين عشرات الآلاف من النازحين في الشمال"
    assert judged(a, b) == ("contradiction", "lexical")


def _claims(a: str, b: str):
    report = analyze([make_source(1, a, "a", "a"), make_source(2, b, "b", "b")])
    return report.claims[0], report.claims[1]


def _wording(score: float, differing: int) -> CueVerdict:
    return CueVerdict("contradiction", 0.6, "wording", "«انطلاق» / «تجميد»", score, differing)


def test_a_word_no_cue_knows_makes_an_unsure_contradiction_when_the_cues_lean_clearly():
    a, b = _claims(
        "انطلاق أعمال ترميم المسجد الكبير في المدينة القديمة",
        "تجميد أعمال ترميم المسجد الكبير في المدينة القديمة",
    )
    assert _checkable(a, b, _wording(score=0.8, differing=1))
    judgement = _lexical(a, b, _wording(score=0.8, differing=1))
    assert judgement.confidence < UNSURE_BELOW  # shown as "(unsure)"
    assert "may tell one matter differently" in judgement.explanation


def test_a_word_no_cue_knows_is_no_contradiction_on_the_bias_alone():
    # دخلت / اقتحمت, سيزور / سيصل: synonyms score near the bias, as antonyms no cue knows do
    a, b = _claims(
        "انطلاق أعمال ترميم المسجد الكبير في المدينة القديمة",
        "تجميد أعمال ترميم المسجد الكبير في المدينة القديمة",
    )
    assert not _checkable(a, b, _wording(score=0.03, differing=1))


def test_more_than_one_replaced_word_with_no_cue_is_left_alone():
    a, b = _claims(
        "انطلاق أعمال ترميم المسجد الكبير في المدينة القديمة",
        "تجميد أعمال ترميم المسجد الكبير في المدينة القديمة",
    )
    assert not _checkable(a, b, _wording(score=0.8, differing=2))
