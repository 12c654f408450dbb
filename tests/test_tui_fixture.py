# ruff: noqa: E501 - the sample texts and notes are data, kept on one line each
"""A hand-made Report for the app's tests: four sources of the "border-attack" sample.

The texts are copied here (not read from samples/) so that the snapshots do not move
when the samples are edited. Claims are the quotes of the sample's gold file, and the
findings its contradictions and corroborations, so the report looks like the engine's.
"""

from __future__ import annotations

from riwaya.core.model import Claim, Finding, Report, Source, Speaker

TEXTS = {
    "s1": 'الجبهة الشمالية تعلن مقتل ما يصل إلى ٤٠ جنديا في تل الريحان والجيش ينفي وقوع الهجوم\n\nأعلنت "الجبهة الشمالية" المسلحة أن مقاتليها قتلوا ما يصل إلى 40 جنديا من الجيش الورداني في هجوم شنّوه فجر الخميس على ثكنة عسكرية في بلدة تل الريحان الحدودية، فيما سارع الجيش إلى نفي هذه الرواية.\n\nوقال المتحدث باسم الجبهة، حازم القطّان، في بيان نشرته حساباتها على مواقع التواصل الاجتماعي، إن العملية "استهدفت الثكنة ومخزن الذخيرة الملحق بها"، وإن المهاجمين أوقعوا عشرات الجرحى في صفوف الجنود قبل أن ينسحبوا إلى مواقعهم.\n\nوأوضح القطّان أن الجبهة لم تفقد سوى ٤ من مقاتليها، معتبرا أن الهجوم "ردّ مشروع على القصف الذي تتعرض له قرانا منذ أيام"، ومتوعدا بعمليات مماثلة "في العمق".\n\nفي المقابل، نفى المتحدث العسكري العقيد فراس الملّاح وقوع أي هجوم على تل الريحان، وقال في تصريح مقتضب لوسائل إعلام محلية إنه "لم يُقتل أي جندي، والثكنة تعمل بشكل طبيعي".\n\nوأكد الملّاح أن الوضع في البلدة "هادئ تماما"، ووصف بيان الجبهة بأنه "محاولة يائسة للتغطية على خسائرها الفادحة" خلال الأيام الماضية، من دون أن يقدّم تفاصيل عن تلك الخسائر.\n\nولم يتسنَّ التحقق من روايتي الطرفين من مصدر مستقل، إذ تمنع السلطات دخول الصحفيين إلى المنطقة الحدودية منذ الأربعاء، كما تشهد البلدة انقطاعا متكررا في شبكات الاتصال.\n',
    "s2": 'المرصد الحدودي: 400 غارة على الصوان منذ الأربعاء ومقتل ١٢ جنديا في تل الريحان\n\nرصد "المرصد الحدودي لحقوق الإنسان" نحو 400 غارة جوية نفذتها الطائرات الحربية الوردانية على بلدات محافظة الصوان وقراها منذ يوم الأربعاء، في أعنف موجة قصف تشهدها المنطقة منذ مطلع العام.\n\nوذكر المرصد في تقرير أصدره الجمعة أن نحو ١٢ جنديا قُتلوا وأصيب ٣٥ آخرون بجروح، بعضهم في حالة خطرة، في هجوم شنّه مسلحو الجبهة الشمالية مساء الخميس على ثكنة تل الريحان.\n\nوأوضح مدير المرصد، نبيل حدّاد، أن الهجوم بدأ بتفجير سيارة مفخخة واحدة عند البوابة الشرقية للثكنة، تلته اشتباكات عنيفة استمرت قرابة ساعتين، وأن 9 من عناصر الجبهة قُتلوا في الاشتباكات.\n\nوأضاف حدّاد أن المرصد وثّق أسماء القتلى عبر مصادر طبية في المنطقة، مستبعدا أن تكون الحصيلة "قريبة بأي حال" من الرقم الذي أعلنته الجبهة. ووصف نفي الجيش وقوع الهجوم بأنه "غير مقنع ويستخف بعقول الناس".\n\nوحذّر المرصد من أن استمرار القصف الجوي يهدد بموجة نزوح جديدة نحو البلدات الواقعة جنوب المحافظة، داعيا الطرفين إلى تجنيب المدنيين تبعات المعارك.\n',
    "s3": 'الجيش يحبط هجوما بسيارات مفخخة قرب عين الزيتون ويعيد نشر وحداته في الصوان\n\nذكرت وكالة الأنباء الوردانية الرسمية أن وحدات من الجيش أحبطت صباح الجمعة هجوما إرهابيا بثلاث سيارات مفخخة حاول مسلحو ما يسمى "الجبهة الشمالية" تنفيذه ضد مواقع عسكرية في منطقة تل الريحان.\n\nوبحسب الوكالة، تصدّت القوات للمهاجمين عند مدخل بلدة عين الزيتون، على بعد نحو 6 كيلومترات غرب تل الريحان، و"دمّرت السيارات الثلاث قبل وصولها إلى أهدافها".\n\nونقلت الوكالة عن مصدر عسكري قوله إن القوات قتلت أكثر من ثلاثين مسلحا، في حين أصيب ثلاثة جنود بجروح طفيفة نُقلوا على إثرها إلى المستشفى العسكري.\n\nوكذّب المصدر ما تروّجه الجبهة وصفحاتها جملة وتفصيلا، مؤكدا أن "ما يُنشر ليس سوى حرب نفسية فاشلة لن تنال من معنويات جنودنا".\n\nوأضاف المصدر أن قيادة المنطقة الشمالية قررت إعادة انتشار عدد من الوحدات "لتعزيز خطوط الدفاع وتأمين الطرق الرئيسية" في المحافظة، بعد ورود معلومات عن تحضير المسلحين لهجمات جديدة.\n\nوأكدت الوكالة أن سلاح الجو نفّذ منذ الأربعاء عشرات الغارات الدقيقة على مواقع الجبهة ومخازن أسلحتها، ما أسفر عن تدمير عدد كبير من آلياتها.\n\nمن جهته، اعتبر محافظ الصوان، منير الخطيب، أن الهجوم "عمل جبان لن يثني الدولة عن بسط الأمن"، داعيا الأهالي إلى التزام منازلهم والإبلاغ عن أي تحركات مشبوهة.\n',
    "s4": 'Armed group claims deadly raid on Tal al-Rayhan barracks; army says it never happened\n\nThe Northern Front, an armed group fighting government forces along Wardania\'s northern border, said its fighters had killed as many as 40 soldiers in a raid on an army barracks in the border town of Tal al-Rayhan.\n\nWardania\'s military rejected the account. Army spokesman Colonel Firas al-Mallah dismissed the group\'s statement as "pure fiction" and said no soldiers had been killed in the province this week.\n\nResidents of Tal al-Rayhan reached by telephone said they were woken by explosions and heavy gunfire shortly before dawn on Thursday. One man, who asked not to be named for fear of reprisals, said he had seen at least five ambulances racing towards the barracks.\n\nA doctor at the main hospital in the provincial capital told reporters that the bodies of at least 10 soldiers had been brought in on Thursday, along with dozens of wounded.\n\nA regional security official, speaking on condition of anonymity because he was not authorised to brief the media, said warplanes had carried out close to 400 air strikes on the province since Wednesday.\n\nState television on Friday broadcast footage of army convoys that it said were being redeployed "to reinforce defensive lines" in the north. It did not mention Tal al-Rayhan.\n\nFront spokesman Hazem al-Qattan called the army\'s denial "an insult to the families of the dead".\n\nNone of the accounts could be independently verified. The authorities have barred journalists from the border area since Wednesday, and telephone lines in the region have been cut repeatedly.\n',
}

LABELS = {
    "s1": "موقع إخباري: بيان الجبهة ورد الجيش",
    "s2": "المرصد الحدودي لحقوق الإنسان",
    "s3": "الوكالة الوردانية الرسمية",
    "s4": "English wire report",
}

CONTRADICTIONS = [
    (
        "numeric",
        ("s1", "ما يصل إلى 40 جنديا"),
        ("s2", "نحو ١٢ جنديا"),
        "The Front claims up to 40 soldiers killed; the observatory counts about 12 and says the toll is nowhere near the Front's figure.",
    ),
    (
        "numeric",
        ("s4", "as many as 40 soldiers"),
        ("s2", "نحو ١٢ جنديا"),
        "The English report carries the Front's figure of as many as 40 dead soldiers, against the observatory's count of about 12.",
    ),
    (
        "numeric",
        ("s1", "أوقعوا عشرات الجرحى في صفوف الجنود"),
        ("s3", "أصيب ثلاثة جنود بجروح طفيفة"),
        "The Front says dozens of soldiers were wounded; the military source quoted by state media says three were lightly wounded.",
    ),
    (
        "numeric",
        ("s1", "لم تفقد سوى ٤ من مقاتليها"),
        ("s2", "9 من عناصر الجبهة قُتلوا"),
        "The Front says it lost only 4 fighters; the observatory says 9 Front members were killed.",
    ),
    (
        "numeric",
        ("s1", "لم تفقد سوى ٤ من مقاتليها"),
        ("s3", "قتلت أكثر من ثلاثين مسلحا"),
        "The Front says it lost only 4 fighters; state media says the army killed more than thirty militants.",
    ),
    (
        "numeric",
        ("s2", "9 من عناصر الجبهة قُتلوا"),
        ("s3", "قتلت أكثر من ثلاثين مسلحا"),
        "The observatory counts 9 Front fighters killed; state media claims more than thirty.",
    ),
    (
        "numeric",
        ("s2", "نحو 400 غارة جوية"),
        ("s3", "عشرات الغارات الدقيقة"),
        "The observatory counts about 400 air strikes since Wednesday; state media speaks of only dozens of strikes over the same period.",
    ),
    (
        "numeric",
        ("s4", "close to 400 air strikes"),
        ("s3", "عشرات الغارات الدقيقة"),
        "A security official puts the strikes at close to 400; state media says dozens.",
    ),
    (
        "numeric",
        ("s2", "بتفجير سيارة مفخخة واحدة"),
        ("s3", "بثلاث سيارات مفخخة"),
        "The observatory says the attack used a single car bomb; state media says three car bombs.",
    ),
    (
        "denial",
        ("s1", "هجوم شنّوه فجر الخميس على ثكنة عسكرية"),
        ("s1", "نفى المتحدث العسكري العقيد فراس الملّاح وقوع أي هجوم"),
        "The Front says it attacked the barracks; the army spokesman, quoted in the same article, denies any attack took place.",
    ),
    (
        "denial",
        ("s1", "ما يصل إلى 40 جنديا"),
        ("s1", "لم يُقتل أي جندي"),
        "The Front's claim of up to 40 dead soldiers against the army spokesman's statement that no soldier was killed.",
    ),
    (
        "denial",
        ("s1", "ما يصل إلى 40 جنديا"),
        ("s3", "وكذّب المصدر ما تروّجه الجبهة"),
        "The state agency's military source flatly denies the Front's claims without restating them.",
    ),
    (
        "place",
        ("s1", "ثكنة عسكرية في بلدة تل الريحان"),
        ("s3", "عند مدخل بلدة عين الزيتون"),
        "The Front places the attack at the barracks in Tal al-Rayhan; state media says the attackers were stopped at Ein al-Zaytoun, 6 km to the west.",
    ),
    (
        "place",
        ("s2", "عند البوابة الشرقية للثكنة"),
        ("s3", "عند مدخل بلدة عين الزيتون"),
        "The observatory says the car bomb exploded at the barracks' eastern gate; state media says the car bombs were destroyed at the entrance of Ein al-Zaytoun.",
    ),
]

CORROBORATIONS = [
    (
        "temporal",
        ("s1", "هجوم شنّوه فجر الخميس"),
        ("s4", "shortly before dawn on Thursday"),
        "Residents independently confirm the Front's timing: fighting around dawn on Thursday.",
    ),
    (
        "numeric",
        ("s2", "نحو 400 غارة جوية"),
        ("s4", "close to 400 air strikes"),
        "The observatory and an anonymous security official independently give about 400 air strikes.",
    ),
    (
        "temporal",
        ("s2", "وقراها منذ يوم الأربعاء"),
        ("s3", "سلاح الجو نفّذ منذ الأربعاء"),
        "The observatory and state media agree the air campaign began on Wednesday.",
    ),
    (
        "temporal",
        ("s2", "وقراها منذ يوم الأربعاء"),
        ("s4", "on the province since Wednesday"),
        "The observatory and the security official agree the strikes have run since Wednesday.",
    ),
]

SPOKESMAN_CUES = ("نفى", "لم يُقتل", "وكذّب", "said no soldiers", "dismissed")
DOCTOR_CUES = ("bodies",)


def _speaker(source_id: str, quote: str) -> tuple[str, str]:
    if any(cue in quote for cue in SPOKESMAN_CUES):
        name = "Colonel Firas al-Mallah" if source_id == "s4" else "العقيد فراس الملّاح"
        return f"{source_id}-army", name
    if any(cue in quote for cue in DOCTOR_CUES):
        return f"{source_id}-doctor", "a hospital doctor"
    return f"{source_id}-self", LABELS[source_id]


def make_report(sources: int = 4) -> Report:
    """The report on the first `sources` sources (findings between them only)."""
    keep = [f"s{i}" for i in range(1, sources + 1)]
    claims: dict[tuple[str, str], Claim] = {}
    speakers: dict[str, Speaker] = {}

    def claim(source_id: str, quote: str) -> str:
        key = (source_id, quote)
        if key not in claims:
            start = TEXTS[source_id].index(quote)
            speaker_id, name = _speaker(source_id, quote)
            speakers.setdefault(speaker_id, Speaker(speaker_id, name, source_id))
            negated = any(cue in quote for cue in SPOKESMAN_CUES)
            claims[key] = Claim(
                id=f"c{len(claims) + 1}",
                source=source_id,
                start=start,
                end=start + len(quote),
                text=quote,
                speaker=name,
                speaker_id=speaker_id,
                polarity="denial" if negated else "affirmed",
            )
        return claims[key].id

    def findings(rows: list, kind: str, prefix: str) -> tuple[Finding, ...]:
        out = []
        for number, (sort, a, b, note) in enumerate(rows, 1):
            if a[0] not in keep or b[0] not in keep:
                continue
            confidence = 0.4 if number % 5 == 0 else 0.9 - 0.02 * number
            out.append(
                Finding(f"{prefix}{number}", kind, sort, (claim(*a), claim(*b)), note, confidence)
            )
        return tuple(out)

    contradictions = findings(CONTRADICTIONS, "contradiction", "x")
    corroborations = findings(CORROBORATIONS, "corroboration", "k")
    sources_ = tuple(
        Source(
            id=source_id,
            label=LABELS[source_id],
            origin=f"samples/border-attack/{source_id}",
            language="en" if source_id == "s4" else "ar",
            direction="ltr" if source_id == "s4" else "rtl",
            text=TEXTS[source_id],
        )
        for source_id in keep
    )
    return Report(
        sources=sources_,
        speakers=tuple(speakers.values()),
        claims=tuple(sorted(claims.values(), key=lambda c: (c.source, c.start))),
        contradictions=contradictions,
        corroborations=corroborations,
    )


def test_fixture_offsets_hold() -> None:
    report = make_report()
    for claim in report.claims:
        assert report.source(claim.source).text[claim.start : claim.end] == claim.text
    assert len(report.sources) == 4
    assert report.contradictions and report.corroborations
    assert any(f.unsure for f in report.contradictions)
