PRAGMA application_id = 1919514489;
PRAGMA user_version = 1;
BEGIN TRANSACTION;
CREATE TABLE analysis (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        report TEXT NOT NULL,
        made TEXT NOT NULL
    );
INSERT INTO "analysis" VALUES(1,'{"schema": 1, "speakers": [{"id": "s1-self", "name": "موقع إخباري: بيان الجبهة ورد الجيش", "source": "s1", "aliases": []}, {"id": "s2-self", "name": "المرصد الحدودي لحقوق الإنسان", "source": "s2", "aliases": []}, {"id": "s1-army", "name": "العقيد فراس الملّاح", "source": "s1", "aliases": []}], "claims": [{"id": "c1", "source": "s1", "start": 135, "end": 154, "text": "ما يصل إلى 40 جنديا", "speaker": "موقع إخباري: بيان الجبهة ورد الجيش", "speaker_id": "s1-self", "attribution": "source", "polarity": "affirmed", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c5", "source": "s1", "start": 176, "end": 213, "text": "هجوم شنّوه فجر الخميس على ثكنة عسكرية", "speaker": "موقع إخباري: بيان الجبهة ورد الجيش", "speaker_id": "s1-self", "attribution": "source", "polarity": "affirmed", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c3", "source": "s1", "start": 529, "end": 554, "text": "لم تفقد سوى ٤ من مقاتليها", "speaker": "موقع إخباري: بيان الجبهة ورد الجيش", "speaker_id": "s1-self", "attribution": "source", "polarity": "affirmed", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c6", "source": "s1", "start": 673, "end": 725, "text": "نفى المتحدث العسكري العقيد فراس الملّاح وقوع أي هجوم", "speaker": "العقيد فراس الملّاح", "speaker_id": "s1-army", "attribution": "source", "polarity": "denial", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c7", "source": "s1", "start": 786, "end": 802, "text": "لم يُقتل أي جندي", "speaker": "العقيد فراس الملّاح", "speaker_id": "s1-army", "attribution": "source", "polarity": "denial", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c2", "source": "s2", "start": 301, "end": 313, "text": "نحو ١٢ جنديا", "speaker": "المرصد الحدودي لحقوق الإنسان", "speaker_id": "s2-self", "attribution": "source", "polarity": "affirmed", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}, {"id": "c4", "source": "s2", "start": 575, "end": 599, "text": "9 من عناصر الجبهة قُتلوا", "speaker": "المرصد الحدودي لحقوق الإنسان", "speaker_id": "s2-self", "attribution": "source", "polarity": "affirmed", "opinion": false, "headline": false, "denies": [], "events": [], "quantities": [], "times": [], "places": [], "cues": []}], "contradictions": [{"id": "x1", "type": "contradiction", "kind": "numeric", "claims": ["c1", "c2"], "explanation": "The Front claims up to 40 soldiers killed; the observatory counts about 12 and says the toll is nowhere near the Front''s figure.", "confidence": 0.88, "cue": ""}, {"id": "x4", "type": "contradiction", "kind": "numeric", "claims": ["c3", "c4"], "explanation": "The Front says it lost only 4 fighters; the observatory says 9 Front members were killed.", "confidence": 0.82, "cue": ""}, {"id": "x10", "type": "contradiction", "kind": "denial", "claims": ["c5", "c6"], "explanation": "The Front says it attacked the barracks; the army spokesman, quoted in the same article, denies any attack took place.", "confidence": 0.4, "cue": ""}, {"id": "x11", "type": "contradiction", "kind": "denial", "claims": ["c1", "c7"], "explanation": "The Front''s claim of up to 40 dead soldiers against the army spokesman''s statement that no soldier was killed.", "confidence": 0.68, "cue": ""}], "corroborations": [], "skipped": []}','2025-01-10T09:00:00+00:00');
CREATE TABLE decisions (
        key TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
        note TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL
    );
INSERT INTO "decisions" VALUES('d7ba44092b7cc4dd791254df','confirmed','تحقق من المرصد
checked with the observatory','2025-01-10T09:05:00+00:00');
INSERT INTO "decisions" VALUES('fdc72a638de784b4b2038c39','dismissed','','2025-01-10T09:06:00+00:00');
CREATE TABLE sources (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        origin TEXT NOT NULL,
        path TEXT,
        language TEXT NOT NULL,
        direction TEXT NOT NULL,
        warnings TEXT NOT NULL,
        text TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    );
INSERT INTO "sources" VALUES(1,'s1','موقع إخباري: بيان الجبهة ورد الجيش','samples/border-attack/s1',NULL,'ar','rtl','[]','الجبهة الشمالية تعلن مقتل ما يصل إلى ٤٠ جنديا في تل الريحان والجيش ينفي وقوع الهجوم

أعلنت "الجبهة الشمالية" المسلحة أن مقاتليها قتلوا ما يصل إلى 40 جنديا من الجيش الورداني في هجوم شنّوه فجر الخميس على ثكنة عسكرية في بلدة تل الريحان الحدودية، فيما سارع الجيش إلى نفي هذه الرواية.

وقال المتحدث باسم الجبهة، حازم القطّان، في بيان نشرته حساباتها على مواقع التواصل الاجتماعي، إن العملية "استهدفت الثكنة ومخزن الذخيرة الملحق بها"، وإن المهاجمين أوقعوا عشرات الجرحى في صفوف الجنود قبل أن ينسحبوا إلى مواقعهم.

وأوضح القطّان أن الجبهة لم تفقد سوى ٤ من مقاتليها، معتبرا أن الهجوم "ردّ مشروع على القصف الذي تتعرض له قرانا منذ أيام"، ومتوعدا بعمليات مماثلة "في العمق".

في المقابل، نفى المتحدث العسكري العقيد فراس الملّاح وقوع أي هجوم على تل الريحان، وقال في تصريح مقتضب لوسائل إعلام محلية إنه "لم يُقتل أي جندي، والثكنة تعمل بشكل طبيعي".

وأكد الملّاح أن الوضع في البلدة "هادئ تماما"، ووصف بيان الجبهة بأنه "محاولة يائسة للتغطية على خسائرها الفادحة" خلال الأيام الماضية، من دون أن يقدّم تفاصيل عن تلك الخسائر.

ولم يتسنَّ التحقق من روايتي الطرفين من مصدر مستقل، إذ تمنع السلطات دخول الصحفيين إلى المنطقة الحدودية منذ الأربعاء، كما تشهد البلدة انقطاعا متكررا في شبكات الاتصال.
','sha256:aafd28948f636ddf05288193b499045997a45135b674801757615e8ccfd525e6');
INSERT INTO "sources" VALUES(2,'s2','المرصد الحدودي لحقوق الإنسان','samples/border-attack/s2',NULL,'ar','rtl','[]','المرصد الحدودي: 400 غارة على الصوان منذ الأربعاء ومقتل ١٢ جنديا في تل الريحان

رصد "المرصد الحدودي لحقوق الإنسان" نحو 400 غارة جوية نفذتها الطائرات الحربية الوردانية على بلدات محافظة الصوان وقراها منذ يوم الأربعاء، في أعنف موجة قصف تشهدها المنطقة منذ مطلع العام.

وذكر المرصد في تقرير أصدره الجمعة أن نحو ١٢ جنديا قُتلوا وأصيب ٣٥ آخرون بجروح، بعضهم في حالة خطرة، في هجوم شنّه مسلحو الجبهة الشمالية مساء الخميس على ثكنة تل الريحان.

وأوضح مدير المرصد، نبيل حدّاد، أن الهجوم بدأ بتفجير سيارة مفخخة واحدة عند البوابة الشرقية للثكنة، تلته اشتباكات عنيفة استمرت قرابة ساعتين، وأن 9 من عناصر الجبهة قُتلوا في الاشتباكات.

وأضاف حدّاد أن المرصد وثّق أسماء القتلى عبر مصادر طبية في المنطقة، مستبعدا أن تكون الحصيلة "قريبة بأي حال" من الرقم الذي أعلنته الجبهة. ووصف نفي الجيش وقوع الهجوم بأنه "غير مقنع ويستخف بعقول الناس".

وحذّر المرصد من أن استمرار القصف الجوي يهدد بموجة نزوح جديدة نحو البلدات الواقعة جنوب المحافظة، داعيا الطرفين إلى تجنيب المدنيين تبعات المعارك.
','sha256:124a1e1c6b01f79ef9237c20c019aa047f563b614cd15b67e5aa37501db573d3');
CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO "state" VALUES('view.selected','d7ba44092b7cc4dd791254df');
INSERT INTO "state" VALUES('view.first_pane','0');
INSERT INTO "state" VALUES('view.focus','1');
COMMIT;
