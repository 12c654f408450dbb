"""From a source's text to its claims: segment, attribute, read each clause.

Each clause becomes a claim with its speaker, polarity, quantities, times, places
and event concepts. Times stated about the telling ("said on Sunday", "في بيان
يوم الجمعة") are not times of the event and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from riwaya.core import places as place_reader
from riwaya.core import quantities as quantity_reader
from riwaya.core import times as time_reader
from riwaya.core.arabic import fold_cached
from riwaya.core.attribution import TITLES, Attribution, attribute
from riwaya.core.lexicon import COUNTRY, lexicon
from riwaya.core.model import Claim, Source, Span, Speaker
from riwaya.core.polarity import polarity, refers_to_account
from riwaya.core.segment import clauses, sentences
from riwaya.core.words import (
    TokenPool,
    Words,
    content_stems,
    remember_content,
    remember_words,
    words_of,
)

_OPINION_WORDS = frozenset(
    [
        "جبان",
        "جبانا",
        "مقبول",
        "مقبوله",
        "مرفوض",
        "unacceptable",
        "cowardly",
        "outrageous",
        "shameful",
        "heinous",
        "barbaric",
        "irresponsible",
    ]
)
_NAME_NOISE = (
    frozenset(
        [
            "باسم",
            "الرسمي",
            "المتحدث",
            "الناطق",
            "مصدر",
            "مسؤول",
            "في",
            "the",
            "a",
            "an",
            "of",
            "for",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "official",
        ]
    )
    | TITLES
)


@lru_cache(maxsize=20_000)
def speaker_keywords(name: str) -> frozenset[str]:
    """The words that identify a party: "الوزارة" and "وزارة الداخلية" share "وزاره"."""
    words = set()
    for token in name.replace("،", " ").replace(",", " ").replace(".", " ").split():
        word = fold_cached(token)
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        elif word[:1] in "وبل" and word[1:3] == "ال":
            word = word[3:]
        if word and word not in _NAME_NOISE and "ال" + word not in _NAME_NOISE:
            words.add(word)
    return frozenset(words)


NEGATION_REACH = 5
"""Tokens after لم / not within which a negated event must be named ("he was not
authorised to brief ... 400 air strikes" negates the authorisation, not the strikes)."""
_NO_QUOTES = str.maketrans("", "", '"«»“”')
# Words that many parties share: meeting on one of these alone does not make two names one party.
_GENERIC = frozenset(
    "وزاره هيئه مصدر مصادر قوات مكتب وكاله مدير رئيس حكومه جيش مرصد "
    "ministry office forces agency source sources government army director".split()
)


@dataclass
class _Parties:
    """The speakers of one source, merging a party's later short forms into it."""

    source: Source
    speakers: list[Speaker] = field(default_factory=list)
    keywords: list[frozenset[str]] = field(default_factory=list)
    own_keywords: frozenset[str] = frozenset()

    @property
    def own_id(self) -> str:
        return f"{self.source.id}:source"

    def resolve(self, name: str) -> str:
        keys = speaker_keywords(name)
        if not keys:
            return self.own_id
        voice_of = affiliation(name)
        country = _only_country(name)
        label = self.own_keywords or speaker_keywords(self.source.label)
        if label and label <= keys:
            return self._as_own(keys)  # the outlet naming itself ("ذكرت وكالة الأنباء ...")
        for index in range(len(self.speakers) - 1, -1, -1):
            known = self.keywords[index]
            if (
                keys <= known
                or known <= keys
                or (keys & known) - _GENERIC
                or voice_of in known
                or (country and country in _countries_named(self.speakers[index].name))
            ):
                self.keywords[index] = known | keys
                speaker = self.speakers[index]
                if name not in speaker.aliases and name != speaker.name:
                    self.speakers[index] = Speaker(
                        speaker.id, speaker.name, speaker.source, (*speaker.aliases, name)
                    )
                return speaker.id
        if keys <= label or voice_of in label:
            return self._as_own(keys)  # a short form of the outlet's name, its director
        speaker_id = f"{self.source.id}:p{len(self.speakers) + 1}"
        self.speakers.append(Speaker(speaker_id, name, self.source.id))
        self.keywords.append(keys)
        return speaker_id

    def _as_own(self, keys: frozenset[str]) -> str:
        """The source speaking for itself; the names it goes by ("مدير المرصد، نبيل حدّاد")
        are remembered, so that "وأضاف حدّاد" is the source too."""
        self.own_keywords = (self.own_keywords or speaker_keywords(self.source.label)) | (
            keys - _GENERIC
        )
        return self.own_id

    def name_of(self, speaker_id: str) -> str:
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker.name
        return self.source.label

    def all(self) -> list[Speaker]:
        return [Speaker(self.own_id, self.source.label, self.source.id), *self.speakers]


_VOICES = frozenset(
    "مدير رئيس المتحدث الناطق متحدث ناطق مسؤول المسؤول عضو "
    "spokesman spokeswoman spokesperson director head chief official".split()
)
_LINKS = frozenset("باسم في عن of for at from the".split())


def affiliation(name: str) -> str:
    """The party a person speaks for, as a speaker keyword: "مدير المرصد" and "المتحدث باسم
    الوزارة" speak for the observatory and the ministry, "Army spokesman X" for the army."""
    words = [fold_cached(w) for w in name.replace("،", " ").replace(",", " ").split()]
    for index, word in enumerate(words):
        if word not in _VOICES:
            continue
        after = [w for w in words[index + 1 : index + 4] if w not in _LINKS]
        if after and not words[index].isascii():
            return next(iter(speaker_keywords(after[0])), "")
        if index and words[index].isascii():  # English puts the party first
            before = words[index - 1].removesuffix("'s")
            if before not in _LINKS and before not in ("a", "an"):
                return next(iter(speaker_keywords(before)), "")
        if after:
            return next(iter(speaker_keywords(after[0])), "")
    return ""


def _countries_named(text: str) -> set[str]:
    return {m.concept for m in words_of(text).concepts if m.concept.startswith(COUNTRY)}


def _only_country(name: str) -> str:
    """The country a speaker's name is, when it is nothing else ("موسكو", "Kyiv")."""
    words = words_of(name)
    matches = [m for m in words.concepts if m.concept.startswith(COUNTRY)]
    named = sum(m.last - m.first + 1 for m in matches)
    alphabetic = sum(1 for t in words.tokens if t.text[:1].isalpha())
    return matches[0].concept if len(matches) == 1 and named == alphabetic else ""


def known_places(sources: list[Source], pools: dict[str, TokenPool]) -> dict[str, str]:
    """Every place name found by cue in any source, by skeleton: shared names then
    meet wherever they stand."""
    known: dict[str, str] = {}
    for source in sources:
        for key, name in _places_named(pools[source.id]):
            known.setdefault(key, name)
    return known


_NAMED: dict[str, list[tuple[str, str]]] = {}
_NAMED_AT_MOST = 4096
_NAMED_SHORT = 20_000
"""Characters: the place names of texts this short are remembered (4,096 texts at most),
as `riwaya.core.engine` remembers their claims: `riwaya eval` meets one headline in
many pairs, and then needs neither its tokens nor its places again."""


def _places_named(pool: TokenPool) -> list[tuple[str, str]]:
    """(skeleton, name as written) of every place name found by cue in one text."""
    found = _NAMED.get(pool.text) if len(pool.text) <= _NAMED_SHORT else None
    if found is not None:
        return found
    found = []
    for sentence in pool.sentences:
        words = pool.words(sentence.start, sentence.end)
        for first, last in words.place_names:
            key = place_reader.skeleton(words.span_text(first, last))
            if len(key) >= 3:
                found.append((key, words.span_text(first, last)))
    if len(pool.text) <= _NAMED_SHORT:
        if len(_NAMED) >= _NAMED_AT_MOST:
            _NAMED.clear()
        _NAMED[pool.text] = found
    return found


def extract_claims(
    source: Source, places: dict[str, str], pool: TokenPool | None = None
) -> tuple[list[Claim], list[Speaker]]:
    parties = _Parties(source)
    claims: list[Claim] = []
    last_speaker = parties.own_id
    body = source.text.find("\n\n", 0, 400)
    headline_end = source.text.find("\n") if body > 0 else -1
    for sentence in pool.sentences if pool is not None else sentences(source.text):
        sentence_speaker: str | None = None
        for clause in clauses(source.text, sentence):
            words = (
                pool.words(clause.start, clause.end)
                if pool is not None
                else Words(source.text, clause.start, clause.end)
            )
            found = attribute(words)
            if found.kind == "explicit":
                speaker_id = parties.resolve(found.speaker.translate(_NO_QUOTES).strip())
                how = "explicit"
            elif found.kind == "continued":
                speaker_id, how = last_speaker, "continued"
            elif sentence_speaker:
                speaker_id, how = sentence_speaker, "continued"
            else:
                speaker_id, how = parties.own_id, "source"
            if speaker_id != parties.own_id:
                last_speaker = speaker_id
            sentence_speaker = speaker_id
            claim = _read_clause(
                source,
                words,
                found,
                len(claims) + 1,
                speaker_id,
                parties.name_of(speaker_id),
                how,
                places,
            )
            if claim.end <= headline_end:
                claim = replace(claim, headline=True)
            claims.append(claim)
    _link_bare_denials(claims)
    return claims, parties.all()


_WHO_OR_WHERE = ("entity", "place")
"""Concepts a negation does not bear on: "لم يُقتل أحد في غزة" negates the killing."""
_NOT_EVENTS = (*_WHO_OR_WHERE, "topic")
"""Concepts that say who, where or about what, not what happened."""


def _read_clause(
    source: Source,
    words: Words,
    found: Attribution,
    number: int,
    speaker_id: str,
    speaker: str,
    how: str,
    places: dict[str, str],
) -> Claim:
    said_from = found.verb if found.verb >= 0 else len(words.tokens)
    said_to = max(found.content, found.last + 1, _telling_time_end(words, found.verb))
    telling = set(range(min(said_from, found.first if found.first >= 0 else said_from), said_to))
    said = _said(words, found)
    times = [t for t in time_reader.extract(words) if _token_at(words, t.span.start) not in telling]
    dates = [(t.span.start, t.span.end) for t in times if t.kind == "date"]
    lex = lexicon()
    speaker_tokens = range(found.first, found.last + 1) if found.first >= 0 else range(0)
    if speaker_tokens:  # "قال مصدران أمنيان": who speaks is not what is counted
        dates.append((words.tokens[found.first].start, words.tokens[found.last].end))
    quantities = quantity_reader.extract(words, skip=dates)
    events = []
    for match in words.concepts:
        if match.first in speaker_tokens or lex.concept_type(match.concept) in _NOT_EVENTS:
            continue
        if match.concept not in events:
            events.append(match.concept)
    remember_content(words)
    remember_words(words)
    stance = polarity(words, speaker_tokens)
    if stance.polarity == "negated" and not _negates_event(words, stance.scope, times):
        stance = stance._replace(polarity="affirmed", cues=())
    opinion = (
        not quantities
        and not times
        and (found.opinion or any(w in _OPINION_WORDS for w in words.folded))
    )
    return Claim(
        id=f"{source.id}.c{number}",
        source=source.id,
        start=words.start,
        end=words.end,
        text=source.text[words.start : words.end],
        speaker=speaker,
        speaker_id=speaker_id,
        polarity=stance.polarity,
        quantities=tuple(quantities),
        times=tuple(times),
        places=tuple(place_reader.extract(words, places)),
        events=tuple(events),
        opinion=opinion,
        attribution=how,  # type: ignore[arg-type]
        cues=stance.cues,
        said=said,
    )


_COMPLEMENTIZERS = frozenset(("ان", "انه", "انها", "انهم", "بان", "that", ":"))


def _said(words: Words, found: Attribution) -> Span | None:
    """The speaker's name and reporting verb (with a complementizer right after them)."""
    indices = [i for i in (found.first, found.last, found.verb) if i >= 0]
    if not indices:
        return None
    first, last = min(indices), max(indices)
    if last + 1 < len(words.tokens) and words.folded[last + 1] in _COMPLEMENTIZERS:
        last += 1
    start, end = words.tokens[first].start, words.tokens[last].end
    return Span(start, end, words.text[start:end])


_WHEN_SAID = frozenset(("on", "late", "early", "يوم", "في", "اليوم", "امس", "yesterday", "today"))


def _telling_time_end(words: Words, verb: int) -> int:
    """ "said on Sunday" / "أعلن يوم الجمعة": a time right after the reporting verb dates
    the telling, not the event."""
    if verb < 0:
        return 0
    end = verb + 1
    while (
        end < len(words.folded)
        and end - verb <= 3
        and (words.folded[end] in _WHEN_SAID or _bare_time(words.folded[end]))
    ):
        end += 1
    return end


def _bare_time(word: str) -> bool:
    return word in time_reader.WEEKDAYS or word in time_reader.PARTS


def _negates_event(words: Words, scope: int, times: list) -> bool:
    """Whether لم / not bears on the claim's event.

    Not when it only sets a time apart ("وقع مساء الاثنين وليس صباح الثلاثاء"), nor when
    the event is named well after it ("he was not authorised to brief ... 400 air strikes").
    """
    if any(scope <= _token_at(words, t.span.start) < scope + 2 for t in times):
        return False
    window = range(scope, scope + NEGATION_REACH)
    lex = lexicon()
    named = [m for m in words.concepts if lex.concept_type(m.concept) not in _WHO_OR_WHERE]
    if any(m.first in window for m in named):
        return True
    return not any(m.first >= scope + NEGATION_REACH for m in named)


def _token_at(words: Words, offset: int) -> int:
    for index, token in enumerate(words.tokens):
        if token.start <= offset < token.end:
            return index
    return -1


def _link_bare_denials(claims: list[Claim]) -> None:
    """A denial that names no event ("كذّب ما تروّجه الجبهة") answers the last account of
    another party in the same source, and only that account."""
    for index, claim in enumerate(claims):
        if claim.polarity != "denial" or not (
            _is_account_denial(claim) or (not claim.events and _bare_denial(claim))
        ):
            continue
        for earlier in reversed(claims[:index]):
            if (
                earlier.speaker_id != claim.speaker_id
                and earlier.events
                and earlier.polarity == "affirmed"
                and not earlier.headline
            ):
                claims[index] = replace(claim, denies=(earlier.id,))
                break


def _is_account_denial(claim: Claim) -> bool:
    return refers_to_account(words_of(claim.text))


def _bare_denial(claim: Claim) -> bool:
    """ "ونفت الوزارة ذلك": a denial with too few words of its own to name what it denies.
    One that names its object ("أي كمية من نترات الأمونيوم") is compared, not linked."""
    return len(content_stems(claim.matter)) <= 2


def link_named_denials(claims: list[Claim], speakers: list[Speaker]) -> list[Claim]:
    """ "كذّب المصدر ما تروّجه الجبهة": a bare denial that names a party answers that
    party's accounts, in every source that carries them."""
    parties = [(s, speaker_keywords(s.name) - _GENERIC) for s in speakers]
    by_speaker: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.events and claim.polarity == "affirmed" and not claim.headline:
            by_speaker.setdefault(claim.speaker_id, []).append(claim)
    linked = []
    for claim in claims:
        if claim.polarity == "denial" and (claim.denies or _is_account_denial(claim)):
            named = speaker_keywords(claim.text) - speaker_keywords(claim.speaker)
            targets = [
                c.id
                for speaker, keys in parties
                if keys & named and speaker.id != claim.speaker_id
                for c in by_speaker.get(speaker.id, ())
            ]
            if targets:
                claim = replace(claim, denies=tuple(dict.fromkeys((*claim.denies, *targets))))
        linked.append(claim)
    return linked
