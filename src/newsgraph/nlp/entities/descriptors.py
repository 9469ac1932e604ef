"""Descriptors: "the premier", "the French premier", "<seat>'s top diplomat", "the ministry".

A descriptor joins the entity whose role it fits, or names a ministry of a country."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.nlp.entities.drafts import (
    PLACE_LABELS,
    Draft,
    DraftState,
)
from newsgraph.nlp.entities.modifiers import POSSESSIVE_TOKENS
from newsgraph.nlp.entities.titles import SOFT_MODIFIERS, Title, title_matches


class Descriptors(DraftState):
    """Descriptors: "the premier", "the French premier", "<seat>'s top diplomat", "the ministry"."""

    def find_descriptors(self) -> None:
        """ "the premier", "the French premier", "<seat>'s top diplomat", "the ministry"."""
        doc = self.doc
        i = 0
        while i < len(doc):
            end = None if i in self.taken else self.lexicon.phrase_starting(doc, i)
            if end is None or any(j in self.taken for j in range(i, end)):
                i += 1
                continue
            if end < len(doc) and doc[end].ent_type_ == "PERSON":
                i = end  # a title before a name the model split off
                continue
            self.descriptor(i, end)
            i = end

    def descriptor(self, head: int, end: int) -> None:
        doc = self.doc
        start, country, seat = head, None, None
        while start > 0 and doc[start - 1].lower_ in SOFT_MODIFIERS:
            start -= 1
        if start > 0 and doc[start - 1].text in self.gazetteer.demonyms:
            start -= 1
            country = self.gazetteer.demonyms[doc[start].text]
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        elif start > 1 and doc[start - 1].text in POSSESSIVE_TOKENS and country is None:
            owner = doc[start - 2]
            owner_ent = next(
                (e for e in doc.ents if e.end == start - 1), doc[start - 2 : start - 1]
            )
            country = self.gazetteer.seat_of(owner_ent.text) or self.gazetteer.country_of(
                owner_ent.text
            )
            if country is None or (owner.i in self.taken and not self.is_place(owner.i)):
                return
            seat = owner_ent
            start = owner_ent.start
        else:
            return
        words = tuple(t.lower_ for t in doc[head:end])
        label, targets = self.lexicon.targets(words)
        draft = self.referent(label, targets, country, start, self.body_after(end))
        if draft is None:
            return
        if seat is not None:
            self.remove_mention(seat)
            self.claim(self.country_draft(country), seat, "metonym")
        self.claim(draft, doc[start:end], "descriptor")

    def is_place(self, token: int) -> bool:
        return any(
            d.label in PLACE_LABELS and any(m.span.start <= token < m.span.end for m in d.mentions)
            for d in self.others.values()
        )

    def remove_mention(self, span: Span) -> None:
        for draft in self.others.values():
            draft.mentions = [
                m for m in draft.mentions if (m.span.start, m.span.end) != (span.start, span.end)
            ]

    def body_after(self, end: int) -> str | None:
        """The body a descriptor names after "of" ("the director of <body>"), lower case."""
        doc = self.doc
        at = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if end >= len(doc) or doc[end].lower_ != "of" or at >= len(doc):
            return None
        ent = next((e for e in doc.ents if e.start == at), None)
        return ent.text.lower() if ent is not None and ent.label_ in ("ORG", "GPE") else None

    def referent(
        self,
        label: str,
        targets: frozenset[str],
        country: str | None,
        token: int,
        body: str | None = None,
    ) -> Draft | None:
        """The holder of a matching role (or the body of a matching name): the last mentioned
        before `token`, else the first after it. A descriptor naming its body ("the director
        of <body>") is only a holder whose title names that body."""
        if label == "PERSON":  # "the Egyptian president" needs a president known to be Egyptian
            found = [
                p
                for p in self.persons
                for t in p.titles
                if title_matches(targets, t.title)
                and country in (None, t.country)
                and (body is None or body in _named_in(t))
            ]
        else:
            found = [
                d
                for d in self.others.values()
                if d.label == label
                and any(set(t.split()) <= set(d.name.lower().split()) for t in targets)
            ]
        if not found:
            return None
        before = [d for d in found if d.last_before(token) >= 0]
        if before:
            return max(before, key=lambda d: d.last_before(token))
        return min(found, key=lambda d: d.first())

    def name_ministries(self) -> None:
        """A ministry known only as "the foreign ministry" belongs to the country of the article's
        foreign minister: it becomes "<adjective> Foreign Ministry" with that country."""
        for draft in self.others.values():
            words = draft.name.lower().split()
            if draft.label != "ORG" or words[-1:] != ["ministry"] or draft.country:
                continue
            if any(m.kind != "descriptor" for m in draft.mentions):
                continue
            office = " ".join([*words[:-1], "minister"])
            holders = [
                (p.last_before(draft.first()), t.country)
                for p in self.persons
                for t in p.titles
                if t.country and t.title.lower() == office
            ]
            if holders:
                code = max(holders, key=lambda h: h[0])[1]
                adjective = self.gazetteer.adjectives.get(code) if code else None
                if code and adjective:
                    draft.name, draft.country = f"{adjective} {draft.name}", code


def _named_in(title: Title) -> str:
    """What a title says of its office, lower case: its words, complements and body."""
    return " ".join([title.span.text, *title.complements, title.body or ""]).lower()
