"""Countries of the offices people hold, from evidence only; never a guess.

The text says it ("Israeli Prime Minister <name>", "<name>, the foreign minister of X"); a list
shares it ("<country>'s Foreign Minister A, Defense Minister B and lawmaker C"); the dated office
holders (`holders.py`) say it for the publication date; a speaker says it of a leader of their
own country inside their quote ("“President <name> asked me ...,” said <an official of X>").
A title whose written country the office holders contradict is dropped, not stored.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime

from newsgraph.nlp.entities.drafts import Draft, DraftState, prev_draft_end
from newsgraph.nlp.entities.holders import OfficeHolders
from newsgraph.nlp.entities.titles import Title
from newsgraph.nlp.quotes.marks import find_stretches


class Offices(DraftState):
    """Countries of the offices people hold, from evidence only; never a guess."""

    holders: OfficeHolders

    def place_offices(self) -> None:
        self.share_countries()
        self.check_holders()
        self.speakers_own_leaders()
        self.same_office()

    def titled(self) -> list[tuple[Title, Draft]]:
        return sorted(
            ((t, d) for d in self.persons for t in d.titles if t.attached),
            key=lambda pair: pair[0].span.start,
        )

    def share_countries(self) -> None:
        """A title in a list takes the country of the list's first title: "<country>'s Foreign
        Minister A, Defense Minister B and lawmaker C" makes B and C office holders of <country>."""
        for (prev, prev_draft), (title, _) in itertools.pairwise(self.titled()):
            gap = self.doc[prev_draft_end(prev_draft, prev) : title.span.start]
            if title.country is None and title.body is None and gap.text in (",", "and"):
                title.country = prev.country
                title.body = prev.body

    def check_holders(self) -> None:
        """Unplaced titles of a known office holder take the country held on the publication
        date; a title naming another country than the one held is dropped."""
        on = published_day(self.doc._.published)
        for draft in self.persons:
            held = self.holders.countries(draft.name, on)
            if not held:
                continue
            kept = []
            for title in draft.titles:
                if title.country is None and unplaced(title) and len(held) == 1:
                    title.country = next(iter(held))
                if title.country is None or title.country in held:
                    kept.append(title)
            draft.titles = kept

    def speakers_own_leaders(self) -> None:
        """ "“... led by President <name> ...,” <speaker> said": an office without a country,
        written inside quotation marks, is of the country of the one office holder named outside
        the marks in that sentence (the speaker), when the text gives that holder a country."""
        text = self.doc.text
        stretches = [(s.start, s.end) for s in find_stretches(text)]
        for title, _draft in self.titled():
            if title.country is not None or not unplaced(title) or not title.title[:1].isupper():
                continue
            at = title.span.start_char
            if not any(a <= at < b for a, b in stretches):
                continue
            sent = title.span.sent
            outside = {
                id(d): d
                for d in self.persons
                for m in d.mentions
                if sent.start <= m.span.start < sent.end
                and not any(a <= m.span.start_char < b for a, b in stretches)
            }
            if len(outside) != 1:
                continue
            speaker = next(iter(outside.values()))
            countries = {t.country for t in speaker.titles if t.country}
            if len(countries) == 1:
                title.country = countries.pop()

    def same_office(self) -> None:
        """A person's office written twice ("President <first> <last>", "President <last>") is
        one office: the country one mention gives is the other's."""
        for draft in self.persons:
            placed: dict[str, set[str]] = {}
            for title in draft.titles:
                if title.country and unplaced(title):
                    placed.setdefault(title.title.lower(), set()).add(title.country)
            for title in draft.titles:
                found = placed.get(title.title.lower(), set())
                if title.country is None and unplaced(title) and len(found) == 1:
                    title.country = next(iter(found))


def unplaced(title: Title) -> bool:
    return title.body is None and title.place is None


def published_day(published: object) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published if isinstance(published, date) else None
