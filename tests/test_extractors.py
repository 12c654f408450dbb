"""Each extractor on its own, Arabic and English side by side."""

import math

import pytest

from riwaya.core import places, quantities, segment, times
from riwaya.core.attribution import attribute
from riwaya.core.polarity import polarity
from riwaya.core.stem import stem
from riwaya.core.words import Words


def words(text: str) -> Words:
    return Words(text, 0, len(text))


INF = math.inf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الجبهة مقتل ما يصل إلى ٤٠ جنديا في هجوم", [(0, 40, "up_to", "killed/soldier")]),
        ("Up to 40 soldiers were killed in an attack", [(0, 40, "up_to", "killed/soldier")]),
        (
            "at least 27 people dead and 1,200 displaced",
            [(27, INF, "at_least", "killed/person"), (1200, 1200, "exact", "displaced/")],
        ),
        ("قتل 12 عنصرا على الأقل", [(12, INF, "at_least", "killed/fighter")]),
        ("رصد المرصد أكثر من 400 غارة جوية", [(401, INF, "more_than", "airstrike/")]),
        ("نحو خمسين قتيلا", [(45, 55, "about", "killed/")]),
        ("قتل ثلاثة وعشرون مدنيا", [(23, 23, "exact", "killed/civilian")]),
        ("نزوح ألفي شخص", [(2000, 2000, "exact", "displaced/person")]),
        ("3 آلاف نازح", [(3000, 3000, "exact", "displaced/")]),
        ("three thousand people fled", [(3000, 3000, "exact", "displaced/person")]),
        ("dozens of soldiers were wounded", [(24, 99, "vague", "wounded/soldier")]),
        ("وأصيب عشرات المدنيين", [(20, 99, "vague", "wounded/civilian")]),
        ("في عام 2020 قتل 5 أشخاص خلال 48 ساعة", [(5, 5, "exact", "killed/person")]),
        ("a ferry licensed to carry 200 passengers", [(200, 200, "exact", "capacity/passenger")]),
        ("9 من القتلى من عمال الميناء", [(9, 9, "part", "killed/")]),
        ("نزوح ربع مليون شخص", [(250000, 250000, "exact", "displaced/person")]),
        ("half a million displaced", [(500000, 500000, "exact", "displaced/")]),
        ("At least a dozen soldiers were killed", [(12, INF, "at_least", "killed/soldier")]),
        ("يودي بحياة أحد عشر قتيلا", [(11, 11, "exact", "killed/")]),
        ("ما لا يقل عن 12 قتيلا", [(12, INF, "at_least", "killed/")]),
        ("بثلاث سيارات مفخخة", [(3, 3, "exact", "count/car_bomb")]),
        ("تعاقب واشنطن بـ50 مليار دولار", [(5e10, 5e10, "exact", "money/دولار")]),
        ("مقتل 7 وإصابة 250", [(7, 7, "exact", "killed/"), (250, 250, "exact", "wounded/")]),
        ("جنديان فقط قُتلا في الكمين", [(2, 2, "exact", "killed/soldier")]),
        ("انفجرت سيارتان مفخختان", [(2, 2, "exact", "count/car_bomb")]),
        ("زار الوزير إيران ولبنان والسودان", []),
        ("نزوح ثلاثة آلاف وخمسمئة شخص", [(3500, 3500, "exact", "displaced/person")]),
        ("تواصل القصف منذ مارس 2024 على المدينة", []),
        (
            "إصابة 41 حالة بالكوليرا في أربع ولايات",
            [(41, 41, "exact", "wounded/"), (4, 4, "exact", "count/~ولي")],
        ),
    ],
)
def test_quantities(text, expected):
    found = [(q.low, q.high, q.hedge, q.key) for q in quantities.extract(words(text))]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("وقالت الوزارة إن ما يصل إلى ٤٠ جنديا قتلوا", ["ما يصل إلى ٤٠ جنديا قتلوا"]),
        ("شركتان تندمجان ب١٤٦ مليار دولار", ["١٤٦ مليار"]),
    ],
)
def test_quantity_spans_are_exact(text, spans):
    found = quantities.extract(words(text))
    for quantity in found:
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text
    assert [q.span.text for q in found] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شن المسلحون الهجوم فجر الخميس", [("part", "dawn"), ("weekday", "thursday")]),
        ("The attack began on Friday evening", [("weekday", "friday"), ("part", "evening")]),
        ("رصد المرصد 400 غارة منذ الأربعاء", [("since", "wednesday")]),
        ("منذ يوم الأربعاء", [("since", "wednesday")]),
        ("وقع في 16 كانون الثاني", [("date", "01-16")]),
        ("on January 16", [("date", "01-16")]),
        ("earlier this week", [("relative", "early-week")]),
        ("ليلة الجمعة", [("part", "night"), ("weekday", "friday")]),
        ("The plane took off at 9 pm", [("clock", "21")]),
        ("capsized shortly after 11 p.m. on Saturday", [("clock", "23"), ("weekday", "saturday")]),
        ("دخل حيز التنفيذ عند الساعة السادسة مساءً", [("clock", "18")]),
        ("اختطف الصحفيون في يناير الماضي", [("month", "01")]),
        ("اختُطف الطبيب عام ٢٠٢١", [("year", "2021")]),
        ("ستنطق المحكمة بالحكم الأسبوع المقبل", [("relative", "next-week")]),
        ("أعلنت الوزارة في وقت سابق هذا الأسبوع", [("relative", "early-week")]),
        ("مطلع هذا الأسبوع", [("relative", "early-week")]),
    ],
)
def test_times(text, expected):
    assert [(t.kind, t.value) for t in times.extract(words(text))] == expected


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("dawn", "evening", True),
        ("evening", "night", False),
        ("morning", "afternoon", True),
        ("at 9 am", "at 9 pm", True),
        ("at 11 pm", "at midnight", False),
        ("at 6 pm", "at midnight", True),
        ("in 2019", "in 2021", True),
        ("yesterday", "next week", True),
    ],
)
def test_parts_of_day_conflict_when_far_apart(a, b, conflict):
    ta = times.extract(words(a))[0]
    tb = times.extract(words(b))[0]
    assert times.conflict(ta, tb) is conflict


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "وأعلنت الجبهة الشمالية في بيان يوم الجمعة أن مقاتليها قتلوا 40 جنديا",
            "الجبهة الشمالية",
            "explicit",
        ),
        (
            "ونفى المتحدث باسم الجيش، العقيد سامر خليل، وقوع أي هجوم",
            "المتحدث باسم الجيش، العقيد سامر خليل",
            "explicit",
        ),
        ("وأضاف أن الجيش أعاد انتشار قواته", "", "continued"),
        ("قتل 12 شخصا بحسب المرصد الوطني", "المرصد الوطني", "explicit"),
        ("قالت وزارة الداخلية إن 14 شخصا قتلوا", "وزارة الداخلية", "explicit"),
        # After a verb that comes first, the object follows the name with no particle.
        ("أعلنت وزارة الصحة مقتل 3 فلسطينيين", "وزارة الصحة", "explicit"),
        ("أعلن الرئيس ترامب دعمه للهجوم", "الرئيس ترامب", "explicit"),
        ("أوضح ترامب اهتمامه بشأن سوريا", "ترامب", "explicit"),
        ("حذرت إسرائيل إيران بعد الغارات", "إسرائيل", "explicit"),
        ("نفى محمد بن سلمان لترامب معرفته بمصيره", "محمد بن سلمان", "explicit"),
        ("وأوضح مدير المرصد، نبيل حدّاد، أن الهجوم بدأ", "مدير المرصد، نبيل حدّاد", "explicit"),
        ("قال المرصد السوري لحقوق الإنسان إن 40 قتلوا", "المرصد السوري لحقوق الإنسان", "explicit"),
        # with إن ahead, the particle ends the speaker: the whole name is kept
        (
            "قال وزير الخارجية السعودي فيصل بن فرحان إن المملكة تدعم الحل",
            "وزير الخارجية السعودي فيصل بن فرحان",
            "explicit",
        ),
        ("قالت مصادر طبية فلسطينية إن 5 أشخاص قتلوا", "مصادر طبية فلسطينية", "explicit"),
        ("قالت وزارة الصحه إن 20 شخصا أصيبوا", "وزارة الصحه", "explicit"),
        (
            "حذر الأمين العام للأمم المتحدة أنطونيو غوتيريش من كارثة",
            "الأمين العام للأمم المتحدة أنطونيو غوتيريش",
            "explicit",
        ),
        (
            "A military spokesman, Col. Samer Khalil, said on Friday that no attack took place",
            "A military spokesman, Col. Samer Khalil",
            "explicit",
        ),
        ("Up to 40 soldiers were killed, the group said.", "the group", "explicit"),
        ("He added that troops were redeployed", "", "continued"),
        ("according to the observatory, 400 strikes hit the area", "the observatory", "explicit"),
        ("The town was quiet on Friday", "", "none"),
    ],
)
def test_attribution(text, speaker, kind):
    found = attribute(words(text))
    assert (found.speaker, found.kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ونفى المتحدث وقوع أي هجوم", "denial"),
        ("وكذّب المصدر ما تروّجه الجبهة", "denial"),
        ("the army denied the reports", "denial"),
        ("He dismissed the statement as pure fiction", "denial"),
        ("no attack took place", "negated"),
        ("لم تسجل أي إصابات", "negated"),
        ("قتل 40 جنديا", "affirmed"),
        ("Forty soldiers were killed", "affirmed"),
        ("لا تزال السلطات تعتقل 9 ناشطين", "affirmed"),
        ("ولا يزال القتال مستمرا في الحديدة", "affirmed"),
        ("تضررت المباني لا سيما في الحي الشرقي", "affirmed"),
        ("لا يزور الوزير المدينة", "negated"),
    ],
)
def test_polarity(text, expected):
    assert polarity(words(text)).polarity == expected


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Tal al-Rayhan", "تل الريحان"),
        ("Ein al-Zaytoun", "عين الزيتون"),
        ("Ras al-Nakhil", "رأس النخيل"),
        ("Talousa", "تالوسا"),
    ],
)
def test_place_names_meet_their_transliteration(latin, arabic):
    assert places.skeleton(latin) == places.skeleton(arabic)


def test_different_places_do_not_meet():
    assert places.skeleton("Tal al-Rayhan") != places.skeleton("عين الزيتون")


def test_stems_meet_across_inflection():
    assert len({stem(w) for w in ["قتلت", "مقتل", "قتلوا"]}) == 1
    assert len({stem(w) for w in ["هجوم", "هجمات", "الهجوم"]}) == 1
    assert len({stem(w) for w in ["المسلحين", "مسلحا"]}) == 1


def test_sentences_do_not_split_inside_abbreviations_or_decimals():
    text = "Col. Samer Khalil said 1.5 million fled. The U.S. said nothing! وقال المرصد؟ نعم."
    found = [text[s.start : s.end] for s in segment.sentences(text)]
    assert found == [
        "Col. Samer Khalil said 1.5 million fled.",
        "The U.S. said nothing!",
        "وقال المرصد؟",
        "نعم.",
    ]


def test_clauses_split_where_the_account_changes():
    text = (
        "قالت الوزارة إن 14 قتلوا، في حين أكد المرصد أن العدد تجاوز الستين وأضاف أن الهجوم وقع فجرا"
    )
    sentence = segment.sentences(text)[0]
    found = [text[c.start : c.end] for c in segment.clauses(text, sentence)]
    assert found == [
        "قالت الوزارة إن 14 قتلوا",
        "في حين أكد المرصد أن العدد تجاوز الستين",
        "وأضاف أن الهجوم وقع فجرا",
    ]


def test_a_clause_is_read_once_and_remembered_as_read():
    """A sentence and its only clause are one `Words`; the claim's own text, remembered,
    carries the same folded words, stems and concepts as a fresh reading of it."""
    from riwaya.core.words import TokenPool, remember_words, words_of

    text = "بيروت. قالت وزارة الصحة إن 12 شخصا قتلوا في غارة على بلدة تل الريحان"
    pool = TokenPool(text)
    start = text.index("قالت")
    clause = pool.words(start, len(text))
    assert pool.words(start, len(text)) is clause
    assert clause.place_names == places.candidate_names(clause)
    read = (clause.folded, clause.stems, clause.concepts)
    remember_words(clause)
    fresh, kept = words(text[start:]), words_of(text[start:])
    assert (fresh.folded, fresh.stems, fresh.concepts) == read
    assert kept.tokens == fresh.tokens
    assert (kept.folded, kept.stems, kept.concepts) == read


def test_a_headline_met_again_needs_no_tokens_for_its_places():
    from riwaya.core.claims import known_places
    from riwaya.core.sources import make_source
    from riwaya.core.words import TokenPool

    source = make_source(1, "قصف على بلدة تل الريحان ومدينة عين الزيتون", "a", "a")
    first = known_places([source], {source.id: TokenPool(source.text)})
    assert set(first) == {places.skeleton("تل الريحان"), places.skeleton("عين الزيتون")}
    again = TokenPool(source.text)
    assert known_places([source], {source.id: again}) == first
    assert "tokens" not in again.__dict__
