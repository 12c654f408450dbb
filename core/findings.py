"""Contradictions and corroborations between aligned claims, each explained.

Rules do what rules do best: numbers and hedges (intervals that cannot meet),
denials and negations of an event another party asserts, different days or
times of day for one event, different places, and opposed predicates from the
lexicon (rose / fell). Each finding names its cue in the claims' own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from riwaya.core import times as time_rules
from riwaya.core.arabic import fold
from riwaya.core.claims import speaker_keywords
from riwaya.core.cues import CueVerdict, judge_texts
from riwaya.core.lexicon import COUNTRY, lexicon
from riwaya.core.model import Claim, Finding, PlaceRef, Quantity, TimeRef
from riwaya.core.places import same_place
from riwaya.core.stem import stem
from riwaya.core.words import bridge_keys, content_stems, is_arabic_text, overlap, words_of

SAME_MATTER = 0.5
DENIED_MATTER = 0.34
"""A denial rarely repeats the account it answers: less shared wording suffices."""

_CONCEPT_WORDS = {
    "killed": "the death toll",
    "wounded": "the number of wounded",
    "missing": "the missing",
    "arrested": "the arrests",
    "displaced": "the displaced",
    "airstrike": "the air strikes",
    "shelling": "the shelling",
    "missile": "the missiles",
    "drone": "the drones",
    "count": "the count",
}


@dataclass(frozen=True)
class Judgement:
    """A finding before it gets its id."""

    type: str
    kind: str
    first: Claim
    second: Claim
    explanation: str
    confidence: float
    cue: str
    topic: str = ""


def judge(pairs: Iterable[tuple[Claim, Claim]]) -> Iterator[Judgement]:
    for first, second in pairs:
        conflicts = list(_conflicts(first, second))
        verdict = None if conflicts else _learned(first, second)
        if (
            verdict is not None
            and verdict.label == "contradiction"
            and _checkable(first, second, verdict)
        ):
            conflicts = [_lexical(first, second, verdict)]
        yield from conflicts
        if not conflicts and first.source != second.source:
            agreement = _agreement(first, second)
            if agreement is None:
                agreement = _paraphrase(first, second)
            if agreement:
                yield agreement


CUE_MATTER = 0.5
"""The learned cues judge near-paraphrases (what they were learned on): claims sharing at
least this much of their content words. A word on one side alone reverses an account only
between such claims."""
WORDING_AT_MOST = 1
"""Words on one side only that a contradiction no cue names may rest on: one word
replaced is how an account is turned around, more is another account."""
WORDING_MARGIN = 0.5
"""The cues' score a contradiction no cue names needs: near zero, the model only leans on
its bias, and a synonym (دخلت / اقتحمت) would be called a contradiction."""
OPPOSED_MATTER = 0.3
"""Opposed words say something only about one subject: "the front withdrew" and "the army
advanced" share an attack but not the claim; the two accounts must share wording too. An
opposed pair ("أعلى" here, "أدنى" there) is specific enough that less of it suffices."""


def _checkable(a: Claim, b: Claim, verdict: CueVerdict) -> bool:
    """An opposed pair is a cue a reader can check between accounts of one subject; a word
    on one side alone only between accounts that are otherwise mostly the same words."""
    if verdict.cue == "overlap":
        return False  # no word a reader could check decided it
    if verdict.cue == "wording":  # the differing words, quoted: only between near-twins
        return (
            verdict.differing <= WORDING_AT_MOST
            and verdict.score >= WORDING_MARGIN
            and is_arabic_text(a.matter)  # what the cues were learned on
            and overlap(a.matter, b.matter) >= CUE_MATTER
        )
    if _told_by_rules(a, b, verdict.cue.split(" / ")):
        return False  # "فجر" / "في ساعات الصباح الأولى": times and numbers are the rules
    return " / " in verdict.cue or overlap(a.matter, b.matter) >= CUE_MATTER


def _negated_opposite(a: Claim, b: Claim) -> bool:
    """ "رفض البرلمان" / "لم يوافق البرلمان": one account negates the opposite of what the
    other says, and so says the same."""
    negated = (a.polarity == "negated") != (b.polarity == "negated")
    return negated and bool(
        lexicon().opposition(words_of(a.matter).stems, words_of(b.matter).stems)
    )


def _told_by_rules(a: Claim, b: Claim, words: list[str]) -> bool:
    """A cue word that is part of a time, a number or a place the rules have read and
    compared, or that names what a compared number counts ("إصابة ثلاثة صحفيين")."""
    spans = [
        x.span.text for claim in (a, b) for x in (*claim.times, *claim.quantities, *claim.places)
    ]
    spans += _counted_words(a) + _counted_words(b)
    spans += [*_countries(a.matter).values(), *_countries(b.matter).values()]  # _other_country
    return any(word in span for word in words for span in spans)


def _counted_words(claim: Claim) -> list[str]:
    """The words naming what the claim's numbers count, and its topic words."""
    if not claim.quantities:
        return []
    found = words_of(claim.matter)
    counted = {q.category for q in claim.quantities}
    return [
        found.span_text(m.first, m.last)
        for m in found.concepts
        if m.concept in counted or lexicon().concept_type(m.concept) == "topic"
    ]


def _learned(a: Claim, b: Claim) -> CueVerdict | None:
    """The learned cues' verdict on two accounts of one matter in one language."""
    if a.headline or b.headline or a.opinion or b.opinion:
        return None
    figures = bool(a.quantities and b.quantities)
    if figures and not _same_figures(a, b):
        return None  # numbers are the rules' to judge, with their hedges
    if overlap(a.matter, b.matter) < OPPOSED_MATTER or _negated_opposite(a, b):
        return None
    return judge_texts(a.matter, b.matter, figures_agree=figures)


def _same_figures(a: Claim, b: Claim) -> bool:
    """Every figure of each account is told in the other: the numbers agree, and what the
    accounts say around them is the cues' to judge ("Israel approves / drops a plan to deport
    tens of thousands")."""
    return all(_has_match(q, b.quantities) for q in a.quantities) and all(
        _has_match(q, a.quantities) for q in b.quantities
    )


UNSURE = 0.45
"""The confidence of a contradiction that no rule and no learned cue decided, only the
way two near-identical accounts differ: below `model.UNSURE_BELOW`, so it shows as unsure."""


def _lexical(a: Claim, b: Claim, verdict: CueVerdict) -> Judgement:
    if verdict.cue == "wording":
        return Judgement(
            "contradiction",
            "lexical",
            a,
            b,
            f"{_who(a)} and {_who(b)} may tell one matter differently: {verdict.explanation}",
            UNSURE,
            "",
            "wording",
        )
    return Judgement(
        "contradiction",
        "lexical",
        a,
        b,
        f"{_who(a)} and {_who(b)} tell one matter differently: {verdict.explanation}",
        min(verdict.confidence, 0.75),
        verdict.cue,
        verdict.cue,
    )


def _conflicts(a: Claim, b: Claim) -> Iterator[Judgement]:
    numeric = _numeric(a, b)
    if numeric:
        yield numeric
    denial = _denial(a, b)
    if denial:
        yield denial
    if a.polarity == "affirmed" and b.polarity == "affirmed":
        for rule in (_temporal, _place, _antonym, _unnamed_place, _other_country):
            found = rule(a, b)
            if found:
                yield found


def _who(claim: Claim) -> str:
    return claim.speaker


def _comparable(qa: Quantity, qb: Quantity) -> bool:
    if "part" in (qa.hedge, qb.hedge) or qa.category == "capacity":
        return False
    if qa.category != qb.category or qa.category in ("count",) and qa.entity != qb.entity:
        return False
    return qa.entity == qb.entity or not qa.entity or not qb.entity


def _weak(quantity: Quantity) -> bool:
    """A number whose noun says little ("87 نائبا", "9%"): compared only between claims
    on the same matter."""
    return quantity.category in ("percent", "money") or quantity.entity.startswith("~")


def _numeric(a: Claim, b: Claim) -> Judgement | None:
    if a.polarity != "affirmed" or b.polarity != "affirmed":
        return None
    lone = _lone_numbers(a, b)
    if lone:
        return lone
    for qa in a.quantities:
        for qb in b.quantities:
            if not _comparable(qa, qb):
                continue
            if _weak(qa) and not _about_the_same(a, b):
                continue
            what = _CONCEPT_WORDS.get(qa.category, qa.category)
            cue = f"{qa.span.text} / {qb.span.text}"
            if not qa.overlaps(qb) and not _at_the_bound(qa, qb):
                if _has_match(qa, b.quantities) and _has_match(qb, a.quantities):
                    continue  # "7 arrested, among them 3 women" in both: each has its twin
                # "at least 27 dead" against "12 soldiers": the dead may not all be soldiers.
                confidence = 0.85 if qa.entity == qb.entity else 0.45
                if "vague" in (qa.hedge, qb.hedge):
                    confidence -= 0.15
                return Judgement(
                    "contradiction",
                    "numeric",
                    a,
                    b,
                    f"{_who(a)} puts {what} {_at(qa)} («{qa.span.text}»), "
                    f"{_who(b)} {_at(qb)} («{qb.span.text}»): both cannot be right.",
                    confidence,
                    cue,
                    qa.key,  # soldiers killed and fighters killed are two counts
                )
            scale = _scale_conflict(qa, qb) or _scale_conflict(qb, qa)
            if scale:
                return Judgement(
                    "contradiction",
                    "numeric",
                    a,
                    b,
                    f"{_who(a)} puts {what} {_at(qa)}, {_who(b)} {_at(qb)}: "
                    f"compatible in strict terms, but {scale}.",
                    0.45,
                    cue,
                    qa.key,
                )
    return None


def _at_the_bound(qa: Quantity, qb: Quantity) -> bool:
    """ "More than 500 killed" against "500 killed": the same toll, one told as a bound."""
    low, high = (qa, qb) if qa.high < qb.low else (qb, qa)
    return high.low - low.high <= 1 and (high.hedge == "more_than" or low.hedge == "less_than")


def _has_match(quantity: Quantity, others: Iterable[Quantity]) -> bool:
    """The other account gives a figure that this one can be: the same count is told there."""
    return any(_comparable(quantity, other) and quantity.overlaps(other) for other in others)


def _lone_numbers(a: Claim, b: Claim) -> Judgement | None:
    """Two tellings of one matter, one number each, read as different things ("120 pupils
    poisoned" / "12 cases of poisoning"): the figures cannot both be right, but the engine is
    not sure they count the same thing."""
    if len(a.quantities) != 1 or len(b.quantities) != 1:
        return None
    qa, qb = a.quantities[0], b.quantities[0]
    if _comparable(qa, qb) or qa.overlaps(qb) or "part" in (qa.hedge, qb.hedge):
        return None
    if {qa.category, qb.category} & {"percent", "money", "capacity"} and qa.category != qb.category:
        return None
    if overlap(a.matter, b.matter) < LONE_NUMBER_MATTER:
        return None
    return Judgement(
        "contradiction",
        "numeric",
        a,
        b,
        f"{_who(a)} gives {qa.describe()} («{qa.span.text}»), {_who(b)} {qb.describe()} "
        f"(«{qb.span.text}») for what reads as the same matter.",
        0.45,
        f"{qa.span.text} / {qb.span.text}",
        "number",
    )


LONE_NUMBER_MATTER = 0.6


def _scale_conflict(upper: Quantity, other: Quantity) -> str:
    """ "Up to 40" announces a toll near 40; "about 12" is a different order of event."""
    if upper.hedge == "up_to" and other.hedge != "up_to" and other.high < upper.high / 2:
        return f"«{upper.span.text}» suggests a figure near {upper.describe()[6:]}"
    return ""


def _about_the_same(a: Claim, b: Claim) -> bool:
    return bool(_shared_events(a, b)) or overlap(a.matter, b.matter) >= SAME_MATTER


def _shared_events(a: Claim, b: Claim) -> list[str]:
    return [e for e in a.events if e in b.events]


def _denial(a: Claim, b: Claim) -> Judgement | None:
    pairs = ((a, b), (b, a))
    for asserting, denying in pairs:
        if (
            asserting.polarity != "affirmed"
            or denying.polarity == "affirmed"
            or denying.headline
            or asserting.headline
        ):
            continue
        if asserting.id in denying.denies:
            shared = list(asserting.events[:1])
        elif denying.denies and not denying.events:
            continue
        else:
            shared = _shared_events(asserting, denying)
            if (
                not shared
                and overlap(asserting.matter, denying.matter) >= DENIED_MATTER
                and _shares_more_than_names(asserting, denying)
            ):
                shared = ["matter"]
        if not shared or _other_victims(asserting, denying, shared[0]):
            continue
        if _negated_opposite(asserting, denying):
            continue
        cue = ", ".join(s.text for s in denying.cues) or denying.polarity
        what = _topic(shared[0])
        said = (
            f"{_who(denying)} denies {_possessive(_who(asserting))} account of {what}"
            if denying.polarity == "denial"
            else f"{_who(denying)} says {what} did not happen as {_who(asserting)} reports"
        )
        return Judgement(
            "contradiction",
            "denial",
            asserting,
            denying,
            f"{said}: «{cue}» against «{_excerpt(asserting.text)}».",
            0.8 if denying.polarity == "denial" else 0.7,
            cue,
            shared[0],
        )
    return None


def _shares_more_than_names(a: Claim, b: Claim) -> bool:
    """Across Arabic and English, two accounts that share only names («Tal al-Rayhan»)
    are not yet about one matter: they must share a word of the lexicon too."""
    if is_arabic_text(a.matter) == is_arabic_text(b.matter):
        return True
    shared = bridge_keys(a.matter) & bridge_keys(b.matter)
    return any(key.startswith("c:") and not key.startswith("c:" + COUNTRY) for key in shared)


def _other_victims(asserting: Claim, denying: Claim, concept: str) -> bool:
    """ "No soldier was killed" does not deny "the forces killed 30 militants": the denial
    names who, and the account counts others."""
    counted = {q.entity for q in asserting.quantities if q.category == concept and q.entity}
    if not counted:
        return False
    lex = lexicon()
    named = {
        m.concept
        for m in words_of(denying.matter).concepts
        if lex.concept_type(m.concept) == "entity" and not m.concept.startswith(COUNTRY)
    }
    return bool(named) and not named & counted


_MEASURE_TOPICS = {
    "killed": "the killings",
    "wounded": "the injuries",
    "missing": "the disappearances",
    "arrested": "the arrests",
    "displaced": "the displacement",
    "airstrike": "the air strikes",
    "shelling": "the shelling",
    "missile": "the missile fire",
    "drone": "the drone strikes",
}


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _topic(concept: str) -> str:
    """A concept id as words in a sentence: "the attack", "the killings", "it"."""
    if concept == "matter":
        return "it"
    return _MEASURE_TOPICS.get(concept) or "the " + concept.replace("_", " ")


_PARTS = {"dawn": "at dawn", "night": "at night", "midnight": "at midnight", "noon": "at noon"}
_RELATIVE = {
    "early-week": "early in the week",
    "this-week": "this week",
    "last-week": "last week",
    "next-week": "next week",
    "early-hours": "in the early hours",
}


def _when(time: TimeRef) -> str:
    """A time as a reader says it: "on Thursday", "at dawn", "at 23:00", "on 01-16"."""
    value = time.value
    if time.kind == "clock":
        return f"at {value}:00"
    if time.kind == "since":
        return f"since {value.capitalize()}"
    if time.kind == "weekday":
        return f"on {value.capitalize()}"
    if time.kind == "date":
        return f"on {value}"
    if time.kind == "part":
        return _PARTS.get(value, f"in the {value}")
    if time.kind == "month":
        return f"in month {value}"
    if time.kind == "year":
        return f"in {value}"
    return _RELATIVE.get(value, value.replace("-", " "))


def _at(quantity: Quantity) -> str:
    """A figure after "puts it": "at 40", "at up to 40", and "at least 27" (not "at at")."""
    described = quantity.describe()
    return described if described.startswith("at least") else f"at {described}"


def _excerpt(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"


INCIDENT = frozenset(("attack", "clash", "explosion", "car_bomb", "shelling"))
"""Words for one violent incident: an attack heard as explosions and gunfire."""


def _same_matter(a: Claim, b: Claim, share: float = SAME_MATTER) -> list[str]:
    """What two claims are both about: shared event concepts, one incident told with
    different words at one place, or enough of their words."""
    shared = [e for e in _shared_events(a, b) if lexicon().concept_type(e) == "event"]
    if not shared and _same_incident_place(a, b):
        shared = [next(e for e in a.events if e in INCIDENT)]
    if not shared and overlap(a.matter, b.matter) >= share:
        shared = ["matter"]
    return shared


def _same_incident_place(a: Claim, b: Claim) -> bool:
    return (
        bool(INCIDENT.intersection(a.events))
        and bool(INCIDENT.intersection(b.events))
        and bool({p.key for p in a.places} & {p.key for p in b.places})
    )


def _temporal(a: Claim, b: Claim) -> Judgement | None:
    if not a.times or not b.times:
        return None  # most claims: no two times to set apart, no matter to compare
    # Two different times are specific enough that less shared wording suffices.
    shared = _same_matter(a, b, DENIED_MATTER)
    if not shared:
        return None
    for ta in a.times:
        for tb in b.times:
            if time_rules.conflict(ta, tb):
                return Judgement(
                    "contradiction",
                    "temporal",
                    a,
                    b,
                    f"{_who(a)} places {_topic(shared[0])} {_when(ta)} («{ta.span.text}»), "
                    f"{_who(b)} {_when(tb)} («{tb.span.text}»).",
                    0.7,
                    f"{ta.span.text} / {tb.span.text}",
                    shared[0],
                )
    return None


_WHERE = frozenset(
    "في داخل قرب عند الي علي بالقرب من in at inside near into on outside from".split()
)


@cache
def _where(text: str) -> frozenset[str]:
    """Stems of the words that say where: the two content words after في / داخل / in / at,
    when one of them is a word for a place ("في عرض البحر", "on the tenth floor")."""
    words = words_of(text)
    found: set[str] = set()
    for index, word in enumerate(words.folded):
        bare = word[1:] if word[:1] == "ب" and len(word) > 3 else word
        if word not in _WHERE and not (bare != word and bare in _PLACE_NOUNS):
            continue
        taken: list[int] = []
        for position in range(index + 1, min(index + 5, len(words.folded))):
            token, folded = words.tokens[position].text, words.folded[position]
            if not token[0].isalpha() or folded in _WHERE:
                break
            if folded in ("the", "a", "an", "of"):
                continue
            taken.append(position)
            if len(taken) == 2:
                break
        if bare in _PLACE_NOUNS or any(_is_place_noun(words.folded[at]) for at in taken):
            found.update(words.stems[at] for at in taken)
    return frozenset(found)


def _is_place_noun(folded: str) -> bool:
    bare = folded[2:] if folded.startswith("ال") else folded
    return folded in _PLACE_NOUNS or bare in _PLACE_NOUNS


_PLACE_NOUNS = frozenset(
    (
        "حي منزل منزله بيت بيته مدينه قريه بلده بحر ميناء مطار طابق مبني مدرسه مستشفي "
        "عاصمه طريق غابه قاعده قصر سوق منطقه محافظه ريف حقل شارع ساحه مسجد كنيسه جامعه "
        "سجن معبر حدود ساحل جبل جبال وادي نهر مخيم مقر فندق مصنع مستودع محطه مزرعه ملعب "
        "برج جسر نفق حاجز مكتب "
        "sea port harbour harbor airport home house district floor building school hospital "
        "capital road highway forest woods base palace market city town village province "
        "region field farmland street square mosque church university prison crossing border "
        "coast mountains mountain valley river camp station hotel factory depot warehouse "
        "stadium tower bridge tunnel checkpoint office offshore resort"
    ).split()
)


def _unnamed_place(a: Claim, b: Claim) -> Judgement | None:
    """ "في عرض البحر" / "داخل الميناء": one event told in places no name gives. Only
    between accounts that are otherwise the same words."""
    where_a, where_b = _where(a.matter), _where(b.matter)
    if not where_a or not where_b or where_a & where_b:
        return None
    stems_a, stems_b = content_stems(a.matter), content_stems(b.matter)
    if where_a & stems_b or where_b & stems_a:
        return None  # the other account names that place too
    rest_a, rest_b = stems_a - where_a, stems_b - where_b
    if not rest_a or not rest_b:
        return None
    if len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) < UNNAMED_PLACE_MATTER:
        return None
    return Judgement(
        "contradiction",
        "place",
        a,
        b,
        f"{_who(a)} and {_who(b)} tell the same event in different places.",
        0.4,
        "",
        "where",
    )


UNNAMED_PLACE_MATTER = 0.6


@lru_cache(maxsize=50_000)
def _countries(text: str) -> dict[str, str]:
    """The countries a text names (their people and capitals included): id → words."""
    words = words_of(text)
    return {
        m.concept: words.span_text(m.first, m.last)
        for m in words.concepts
        if m.concept.startswith(COUNTRY)
    }


def _other_country(a: Claim, b: Claim) -> Judgement | None:
    """ "غارة على اليمن" / "غارة على سوريا": one account told of another country (or by
    another government). Only between accounts that are otherwise the same words."""
    countries_a, countries_b = _countries(a.matter), _countries(b.matter)
    only_a = [c for c in countries_a if c not in countries_b]
    only_b = [c for c in countries_b if c not in countries_a]
    if not only_a or not only_b:
        return None
    if is_arabic_text(a.matter) == is_arabic_text(b.matter):
        named = {
            stem(w)
            for c in (*only_a, *only_b)
            for w in (countries_a | countries_b).get(c, "").split()
        }
        rest_a, rest_b = content_stems(a.matter) - named, content_stems(b.matter) - named
        if not rest_a or not rest_b:
            return None
        share = len(rest_a & rest_b) / min(len(rest_a), len(rest_b))
    else:
        share = overlap(a.matter, b.matter)
    if share < OTHER_COUNTRY_MATTER:
        return None
    first, second = countries_a[only_a[0]], countries_b[only_b[0]]
    return Judgement(
        "contradiction",
        "country",
        a,
        b,
        f"{_who(a)} names «{first}» where {_who(b)} names «{second}» in an otherwise "
        "similar account.",
        0.5,
        f"{first} / {second}",
        "country",
    )


OTHER_COUNTRY_MATTER = 0.5


_BEARINGS = frozenset(
    "غرب شرق شمال جنوب غربي شرقي شمالي جنوبي قرب بالقرب west east north south near of from".split()
)


def _located(claim: Claim) -> list[PlaceRef]:
    """The places a claim puts its event in: "6 كيلومترات غرب تل الريحان" only measures from
    Tal al-Rayhan, when the claim names another place."""
    if len(claim.places) < 2:
        return list(claim.places)
    located = [p for p in claim.places if not _bearing_before(claim, p)]
    return located or list(claim.places)


def _word_before(claim: Claim, place: PlaceRef) -> str:
    before = claim.text[: place.span.start - claim.start].split()[-1:]
    return fold(before[0]) if before else ""


def _bearing_before(claim: Claim, place: PlaceRef) -> bool:
    return _word_before(claim, place) in _BEARINGS


def _near(claim: Claim, place: PlaceRef) -> bool:
    """ "off Port Elara", "near Gull Rock", "قبالة": a place told only approximately."""
    return _word_before(claim, place) in _APPROXIMATE


_APPROXIMATE = frozenset("near off around outside قرب قباله بالقرب محيط".split())


def _place(a: Claim, b: Claim) -> Judgement | None:
    at_a, at_b = _located(a), _located(b)
    only_a = [p for p in at_a if not any(same_place(p, q) for q in at_b)]
    only_b = [p for p in at_b if not any(same_place(p, q) for q in at_a)]
    if not only_a or not only_b:
        return None  # one names a place the other does not contradict
    shared = _same_matter(a, b)
    if not shared:
        return None
    # "in Khalidiya, in the Shuhada district" against "in Khalidiya, in the Zuhur district":
    # the places each names alone are where the accounts part.
    pa, pb = only_a[-1], only_b[-1]
    near = _near(a, pa) or _near(b, pb)
    return Judgement(
        "contradiction",
        "place",
        a,
        b,
        f"{_who(a)} places {_topic(shared[0])} in «{pa.span.text}», {_who(b)} in «{pb.span.text}»"
        + (" (one of them only near or off it)." if near else "."),
        0.35 if near else 0.5,
        f"{pa.span.text} / {pb.span.text}",
        shared[0],
    )


def _antonym(a: Claim, b: Claim) -> Judgement | None:
    words_a, words_b = words_of(a.matter), words_of(b.matter)
    found = lexicon().opposition(words_a.stems, words_b.stems)
    if found is None or overlap(a.matter, b.matter) < OPPOSED_MATTER:
        return None
    said_a, said_b = words_a.span_text(*found.first), words_b.span_text(*found.second)
    return Judgement(
        "contradiction",
        found.antonym.kind,
        a,
        b,
        f"«{said_a}» in one account, «{said_b}» in the other, about the same matter "
        f"({found.antonym.name}).",
        0.6,
        f"{said_a} / {said_b}",
        found.antonym.name,
    )


def _independent(a: Claim, b: Claim) -> bool:
    return not (speaker_keywords(a.speaker) & speaker_keywords(b.speaker))


def _agreement(a: Claim, b: Claim) -> Judgement | None:
    if a.polarity != b.polarity:
        return None
    confidence = 0.75 if _independent(a, b) else 0.5
    for qa in a.quantities:
        for qb in b.quantities:
            if (
                _comparable(qa, qb)
                and qa.overlaps(qb)
                and qa.hedge != "up_to" != qb.hedge
                and (not _weak(qa) or _about_the_same(a, b))
            ):
                return Judgement(
                    "corroboration",
                    "numeric",
                    a,
                    b,
                    f"{_who(a)} ({qa.describe()}) and {_who(b)} ({qb.describe()}) agree on "
                    f"{_CONCEPT_WORDS.get(qa.category, qa.category)}.",
                    confidence,
                    f"{qa.span.text} / {qb.span.text}",
                )
    shared = [e for e in _shared_events(a, b) if lexicon().concept_type(e) == "event"]
    if not shared:
        return None
    topic = _topic(shared[0])
    for ta in a.times:
        for tb in b.times:
            if ta.kind == tb.kind and ta.kind in ("weekday", "date") and ta.value == tb.value:
                return Judgement(
                    "corroboration",
                    "temporal",
                    a,
                    b,
                    f"{_who(a)} and {_who(b)} both place {topic} {_when(ta)}.",
                    confidence,
                    f"{ta.span.text} / {tb.span.text}",
                )
    common = {p.key for p in a.places} & {p.key for p in b.places}
    if common:
        pa = next(p for p in a.places if p.key in common)
        pb = next(p for p in b.places if p.key in common)
        return Judgement(
            "corroboration",
            "place",
            a,
            b,
            f"{_who(a)} and {_who(b)} both place {topic} in «{pa.span.text}».",
            confidence,
            f"{pa.span.text} / {pb.span.text}",
        )
    return None


def _distinct(judgements: Iterable[Judgement]) -> list[Judgement]:
    """One finding per kind, per pair of parties, per topic: the same two parties
    disagreeing about the toll in five sentences is one disagreement."""
    best: dict[tuple, Judgement] = {}
    for item in judgements:
        parties = frozenset((item.first.speaker_id, item.second.speaker_id))
        key = (item.type, item.kind, parties, item.topic)
        kept = best.get(key)
        if kept is None or (item.confidence, _position(kept)) > (kept.confidence, _position(item)):
            best[key] = item  # the most confident, and of equals the earliest in the text
    return list(best.values())


def _position(item: Judgement) -> tuple:
    return (item.first.source, item.first.start, item.second.source, item.second.start)


def _names(claim: Claim) -> frozenset[str]:
    """Stems of the names in a claim: its places and its capitalized words."""
    words = words_of(claim.text)
    offset = claim.start
    inside = [(p.span.start - offset, p.span.end - offset) for p in claim.places]
    return frozenset(
        stem_
        for index, (token, stem_) in enumerate(zip(words.tokens, words.stems, strict=True))
        if any(a <= token.start < b for a, b in inside) or (index and token.text[:1].isupper())
    )


def _same_predicate(a: Claim, b: Claim) -> bool:
    """Two accounts agree on something beyond the names they share: "cholera in Nour camp"
    and "Nour camp takes in new families" share only the camp."""
    if is_arabic_text(a.matter) != is_arabic_text(b.matter):
        return True  # across languages the shared keys are mostly names: trust the overlap
    names = _names(a) | _names(b)
    rest_a, rest_b = content_stems(a.matter) - names, content_stems(b.matter) - names
    if not rest_a or not rest_b:
        return True
    return len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) >= PREDICATE_SHARE


PREDICATE_SHARE = 0.34


def _paraphrase(a: Claim, b: Claim) -> Judgement | None:
    """Two accounts that say the same thing in other words (and conflict in nothing)."""
    if (a.polarity == "affirmed") != (b.polarity == "affirmed"):
        return None
    share = overlap(a.matter, b.matter)
    if share < SAME_MATTER or not _same_predicate(a, b):
        return None
    return Judgement(
        "corroboration",
        "paraphrase",
        a,
        b,
        f"{_who(a)} and {_who(b)} say the same thing in other words "
        f"({share:.0%} of the content words are shared).",
        0.4 + 0.3 * share,
        "",
        "paraphrase",
    )


def number(judgements: Iterable[Judgement]) -> tuple[list[Finding], list[Finding]]:
    """Give findings stable ids, in the order of the sources' text."""
    contradictions: list[Finding] = []
    corroborations: list[Finding] = []
    for item in sorted(_distinct(judgements), key=_position):
        target = contradictions if item.type == "contradiction" else corroborations
        prefix = "x" if item.type == "contradiction" else "k"
        target.append(
            Finding(
                id=f"{prefix}{len(target) + 1}",
                type=item.type,  # type: ignore[arg-type]
                kind=item.kind,
                claims=(item.first.id, item.second.id),
                explanation=item.explanation,
                confidence=round(item.confidence, 2),
                cue=item.cue,
            )
        )
    return contradictions, corroborations
