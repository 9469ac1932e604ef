"""Other entities: organisations, places and groups, merged by resolved place or by clean name.

A seat of government acting ("<capital> said") is a metonym mention of its country."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from newsgraph.nlp.entities.drafts import (
    AGENT_DEPS,
    PLACE_LABELS,
    Draft,
    DraftState,
    clean_name,
    trim_possessive,
)
from newsgraph.nlp.entities.modifiers import POSSESSIVE_TOKENS
from newsgraph.nlp.spans import headed_by

DETERMINERS = frozenset({"the", "this", "that"})
# heads of government bodies written both ways: "Ministry of Defence" / "Defence Ministry"
BODY_HEADS = frozenset({"department", "ministry", "office", "agency", "bureau", "commission"})
FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&", "to"})


def is_abbreviation(text: str) -> bool:
    """One word of two to eight capitals ("WHO", "NHC"), no lower-case letter but a plural s."""
    word = text.removesuffix("s")
    return " " not in text and 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


def initials(name: str) -> str:
    """The capitals of a name's words, its function words left out: "World Health
    Organization" -> "WHO", "Movement for Democratic Change" -> "MDC"."""
    words = [w for w in name.split() if w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


class Others(DraftState):
    """Organisations, places and groups, merged by resolved place or by clean name."""

    def add_other(self, ent: Span) -> Draft | None:
        """An ORG, place or group: merged by resolved place or by clean name; the draft that
        claims it (None for an ent with no name left)."""
        ent = self.after_owner(trim_possessive(ent))
        text = clean_name(ent)
        if not text:
            return None
        label = ent.label_
        country = self.gazetteer.resolve(text) if label == "ORG" and self.whole(ent) else None
        if country and country.kind == "country" and country.country and country.name == text:
            draft = self.country_draft(country.country)
            self.claim(draft, ent, "name")
            return draft
        if label in PLACE_LABELS:
            seat = self.gazetteer.seat_of(text)
            if seat is not None and self.acts(ent):
                draft = self.country_draft(seat)
                self.claim(draft, ent, "metonym")
                return draft
            place = self.gazetteer.resolve(text)
            if place is not None and place.kind == "country" and place.country:
                draft = self.country_draft(place.country)
                self.claim(draft, ent, "name")
                return draft
            if place is not None:
                draft = self.other(("place", place.name), label, place.name)
                draft.country, draft.latitude, draft.longitude = (
                    place.country,
                    place.latitude,
                    place.longitude,
                )
                self.claim(draft, ent, "name")
                return draft
        named = (
            self.named_before(ent, text)
            or self.abbreviated(ent, text)
            or self.inverted(ent, text)
            or self.first_word(ent, text)
            or self.country_variant(ent, text)
        )
        if named is not None:
            self.claim(named, ent, "name")  # a short name of it
            return named
        if self.is_descriptor(ent):
            text = text.title()  # "the foreign ministry" -> "Foreign Ministry"
        draft = self.other((label, text.lower()), label, text)
        if label == "NORP":
            draft.country = self.gazetteer.country_of(text) or self.gazetteer.country_of(
                text.removesuffix("s")
            )
        kind = "descriptor" if self.is_descriptor(ent) else "name"
        self.claim(draft, ent, kind)
        return draft

    def named_before(self, ent: Span, text: str) -> Draft | None:
        """The organisation "the <Head>"/"this <Head>" stands for: the one named before in full
        with that head ("the Senate" after "the U.S. Senate", "the Court" after "the Court of
        Session"), when only one was. A head written last counts after a place only ("the
        House" is not "the White House")."""
        before = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        determined = ent[0].lower_ in DETERMINERS or before in DETERMINERS
        if ent.label_ != "ORG" or " " in text or not determined:
            return None
        head = text.lower()
        return self.only_org(
            lambda d: self.headed_here(d.name, head) and d.last_before(ent.start) >= 0
        )

    def first_word(self, ent: Span, text: str) -> Draft | None:
        """The organisation a one-word name is the first word of, named before in full: "Ford"
        after "Ford Motor Company", "Harvard" after "Harvard University"; when only one is, not
        a list ("<island> and <island2>"), not after a determiner and not for a place's name
        ("the Amazon" after "the Amazon <...> Institute" is the river)."""
        before = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ != "ORG" or " " in text or not text.istitle():
            return None
        if before in DETERMINERS or ent[0].lower_ in DETERMINERS:
            return None  # "the Amazon burned" after "the Amazon <...> Institute": its modifier
        if self.gazetteer.resolve(text) is not None:
            return None
        return self.only_org(
            lambda d: (
                " " in d.name
                and d.name.split()[0] == text
                and not {"and", "&"} & set(d.name.lower().split())
                and d.last_before(ent.start) >= 0
            )
        )

    def add_bracketed(self, ent: Span) -> None:
        """An organisation with its abbreviation in brackets, read as one ent ("the World Health
        Organization (WHO"): the body, and the abbreviation a mention of it; a bracket left
        open at the end ("the Associated Press (") is cut."""
        cut = next((t.i for t in ent if t.text == "("), None)
        if cut is None or cut == ent.start:
            self.add_other(ent)
            return
        draft = self.add_other(Span(self.doc, ent.start, cut, ent.label_))
        short = Span(self.doc, cut + 1, ent.end, ent.label_)
        short_text = short.text.rstrip(")").strip()
        if draft is not None and short_text and " " not in short_text:
            self.claim(draft, short, "name")

    def whole(self, ent: Span) -> bool:
        """Not the first words of a longer name the model cut ("the <country> House of
        Representatives", "<country> Observer editor <name>"); a title after it is no name
        ("<country> Senator <name>")."""
        head = ent.root.head
        cut = ent.root.dep_ == "compound" and head.pos_ == "PROPN" and head.ent_type_ != "PERSON"
        return not cut or (head.lower_,) in self.lexicon.titles

    def find_abbreviations(self) -> None:
        """Abbreviations the model tagged nothing ("The <A> <B> Commission (ABC) ... ABC
        records"): a word that is the initials of the one organisation named before it."""
        bodies: dict[str, list[Draft]] = {}
        for (label, _), draft in self.others.items():
            short = initials(draft.name) if label == "ORG" else ""
            if len(short) >= 2 and draft not in bodies.get(short, []):
                bodies.setdefault(short, []).append(draft)
        for token in self.doc:
            found = bodies.get(token.text)
            if found is None or token.ent_type_ or token.i in self.taken or len(found) > 1:
                continue
            if found[0].last_before(token.i) >= 0:
                self.claim(found[0], self.doc[token.i : token.i + 1], "name")

    def abbreviated(self, ent: Span, text: str) -> Draft | None:
        """The organisation an abbreviation stands for: "WHO" after "the World Health
        Organization" (its initials) or after "... (WHO)" (given in brackets), when only one
        organisation named before has it."""
        if ent.label_ != "ORG" or not is_abbreviation(text):
            return None
        return self.only_org(
            lambda d: (
                d.last_before(ent.start) >= 0
                and (initials(d.name) == text or any(m.span.text == text for m in d.mentions))
            )
        )

    def inverted(self, ent: Span, text: str) -> Draft | None:
        """The body "<Field> <Head>" stands for when it was named before as "<Head> of
        <Field>", a country's name or none before it: "the Defence Ministry" after "the
        Ministry of Defence", "the State Department" after "the United States Department of
        State"; when only one organisation named before fits."""
        words = text.split()
        if ent.label_ != "ORG" or len(words) != 2 or words[1].lower() not in BODY_HEADS:
            return None
        tail = f"{words[1]} of {words[0]}".lower()

        def fits(draft: Draft) -> bool:
            name = draft.name.lower()
            if not name.endswith(tail) or draft.last_before(ent.start) < 0:
                return False
            before = draft.name[: len(draft.name) - len(tail)].strip()
            return not before or self.gazetteer.country_of(before) is not None

        return self.only_org(fits)

    def country_variant(self, ent: Span, text: str) -> Draft | None:
        """The organisation named before with its country, as the same name without it or
        with the country written otherwise: "the Supreme Court" after "the US Supreme Court",
        "the United States Navy" after "the U.S. Navy"; when only one organisation named
        before fits. Not the other way: "the state's Supreme Court" before "the <country>
        Supreme Court" is another."""
        if ent.label_ != "ORG" or (ent.start > 0 and self.doc[ent.start - 1].tag_ == "POS"):
            return None  # "the state's Supreme Court": an owner's, whatever was named before
        code, rest = self.country_split(text)

        def fits(draft: Draft) -> bool:
            other_code, other_rest = self.country_split(draft.name)
            if other_rest != rest or other_code is None or draft.last_before(ent.start) < 0:
                return False
            return code in (None, other_code)

        return self.only_org(fits) if rest else None

    def country_split(self, name: str) -> tuple[str | None, str]:
        """A name's leading country ("U.S.", "United States"; a state or city is no country:
        "<state> Supreme Court") as its code, and the rest, lower case; (None, the name) when
        it begins with none or is nothing but one."""
        words = name.split()
        for size in (3, 2, 1):
            if len(words) > size:
                place = self.gazetteer.resolve(" ".join(words[:size]))
                if place is not None and place.kind == "country" and place.country:
                    return place.country, " ".join(words[size:]).lower()
        return None, name.lower()

    def only_org(self, fits: Callable[[Draft], bool]) -> Draft | None:
        """The one organisation drafted so far that `fits`; None when none or several do."""
        found = {id(d): d for (label, _), d in self.others.items() if label == "ORG" and fits(d)}
        return next(iter(found.values())) if len(found) == 1 else None

    def headed_here(self, name: str, head: str) -> bool:
        """`headed_by`, a last-word head only after a place or demonym ("U.S. Senate")."""
        words = name.lower().split()
        if not headed_by(words, head):
            return False
        if words[0] == head:
            return True
        before = " ".join(name.split()[:-1])
        return (
            self.gazetteer.country_of(before) is not None
            or self.gazetteer.resolve(before) is not None
        )

    def after_owner(self, ent: Span) -> Span:
        """An organisation without the person owning it: "<person>'s State Department" is the
        State Department, when <person> is a person of the article (a full name or surname);
        "<founder>'s" stays in a name whose owner is nobody named ("McDonald's Corporation")."""
        people = {" ".join(p.words) for p in self.persons} | {p.words[-1] for p in self.persons}
        for token in ent[:-1]:
            owner = self.doc[ent.start : token.i]
            possessive = token.tag_ == "POS" or token.text in POSSESSIVE_TOKENS
            if possessive and token.i > ent.start and clean_name(owner) in people:
                return Span(self.doc, token.i + 1, ent.end, ent.label_)
        return ent

    @staticmethod
    def is_descriptor(ent: Span) -> bool:
        """An ent of common nouns: "the foreign ministry", not "the Democratic party"."""
        return len(ent) > 1 and ent[0].lower_ == "the" and all(t.is_lower for t in ent[1:])

    def other(self, key: tuple[str, str], label: str, name: str) -> Draft:
        if key not in self.others:
            self.others[key] = Draft(label=label, name=name)
        return self.others[key]

    def country_draft(self, code: str) -> Draft:
        name = self.gazetteer.country_name(code).removeprefix("the ")
        place = self.gazetteer.resolve(name)
        draft = self.other(("country", code), "GPE", name)
        draft.country = code
        if place is not None:
            draft.latitude, draft.longitude = place.latitude, place.longitude
        return draft

    def acts(self, ent: Span) -> bool:
        """A seat of government standing for its state: "<capital>'s envoy", "<capital> said",
        "a halt by <capital>"."""
        doc = self.doc
        if ent.end < len(doc) and doc[ent.end].text in POSSESSIVE_TOKENS:
            return True
        if ent.start > 0 and doc[ent.start - 1].lower_ == "by":
            return True
        return ent.root.dep_ in AGENT_DEPS
