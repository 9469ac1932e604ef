"""People: persons by name and surname, their titles and the countries those titles name.

A surname or "President <surname>" joins the full name met before; a title beside a name
("French Prime Minister <name>", "<name>, the foreign minister of X") becomes its role, placed
in a country by `offices.py` from evidence only."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.nlp.entities.drafts import (
    LABELS,
    Draft,
    clean_name,
    overlaps,
    person_span,
    trim_possessive,
)
from newsgraph.nlp.entities.holders import fold
from newsgraph.nlp.entities.offices import Offices
from newsgraph.nlp.entities.titles import (
    Title,
    sentence_start,
    title_after,
    title_before,
    title_in_apposition,
)
from newsgraph.nlp.quotes.names import HONORIFICS

# Relatives, who may share a first and a last name: "her mother, <first> <middle> <last>".
KIN = frozenset({"mother", "father", "son", "daughter", "wife", "husband", "sister", "brother"})
KIN |= {"aunt", "uncle", "niece", "nephew", "cousin", "widow", "widower", "grandmother"}
KIN |= {"grandfather", "grandson", "granddaughter", "mom", "dad", "parents", "sibling"}
# Lower-case words that begin a surname ("de Blasio", "van Gogh", "al-<name>" aside).
PARTICLES = frozenset({"de", "da", "di", "del", "della", "du", "la", "le", "van", "von", "der"})


class People(Offices):
    """People: persons by name and surname, their titles and the countries those titles name."""

    def claimed(self, span: Span) -> bool:
        return any(i in self.taken for i in range(span.start, span.end))

    def claim(self, draft: Draft, span: Span, kind: str) -> None:
        draft.add(span, kind)
        self.taken.update(range(span.start, span.end))

    def find_persons(self, ents: list[Span]) -> None:
        """Full names first, then every single word that is one of their surnames."""
        names = [
            self.untitled(s)
            for e in ents
            if self.is_person(e) and (s := person_span(e)) is not None
        ]
        names += [s for e in ents if (s := self.person_after_place(e, names)) is not None]
        names += [s for n in list(names) for s in self.people_beside(n, names)]
        names += [s for e in ents if (s := self.person_after_role(e)) is not None]
        names.sort(key=lambda s: s.start)
        titled = [s for s in names if self.role_before_surname(s, names)]
        names = [s for s in names if s not in titled]
        for span in names:
            if len(clean_name(span).split()) > 1:
                self.claim(self.person_named(clean_name(span), span), span, "name")
        for span in titled:  # "Sheriff <surname>" after "county sheriff <first> <surname>"
            draft = self.surname_owner(span[-1].text, span.start)
            if draft is not None:
                self.claim(draft, span, "title")
            else:
                names.append(span)  # nobody of that surname after all: a name as written
        full = {" ".join(p.words): p for p in self.persons}
        for ent in ents:  # a full name the model labelled ORG or GPE
            if ent.label_ != "PERSON" and clean_name(ent) in full and not self.claimed(ent):
                self.claim(full[clean_name(ent)], ent, "name")
        for span in names:
            titled_owner = self.titled_before(clean_name(span))
            if titled_owner is not None and not self.claimed(span):
                self.claim(titled_owner, span, "descriptor")  # "the Queen" after "Queen <name>"
                continue
            if not self.claimed(span):
                draft = self.surname_owner(clean_name(span), span.start)
                kind = "surname"
                if draft is None:  # a first name of one person only: "Louise"
                    kind = "name"
                    owners = [p for p in self.persons if p.words[0] == clean_name(span)]
                    draft = owners[0] if len(owners) == 1 and len(owners[0].words) > 1 else None
                if draft is None:
                    draft = self.person_named(clean_name(span))
                self.claim(draft, span, kind)
        self.find_surnames(ents)

    def titled_before(self, word: str) -> Draft | None:
        """The one person named right after the title `word` ("Queen" of "Queen <name>")."""
        if (word.lower(),) not in self.lexicon.titles:
            return None
        doc = self.doc
        owners = [
            p
            for p in self.persons
            if any(m.span.start > 0 and doc[m.span.start - 1].text == word for m in p.mentions)
        ]
        return owners[0] if len(owners) == 1 else None

    def untitled(self, span: Span) -> Span:
        """A name without the title the model read into it, two words or more left:
        "President <first> <last>", "Lady <first> <last>" after "First" ("First Lady"); and
        without an honorific ("Mme <surname>", "Cde <surname>": the surname of the person)."""
        doc = self.doc
        for cut in range(span.end - 2, span.start, -1):
            title = self.lexicon.title_ending(doc, cut, max(0, cut - self.lexicon.longest))
            if title is not None and title <= span.start:
                return doc[cut : span.end]
        if len(span) > 1 and span[0].lower_.rstrip(".") in HONORIFICS and span[1].is_title:
            return doc[span.start + 1 : span.end]
        return span

    def role_before_surname(self, span: Span, names: list[Span]) -> bool:
        """A PERSON ent that is a title written before the surname of another person the
        article names in full ("President <surname>" after "<first> <surname>"), or a role noun
        that the text gives that person ("Sheriff <surname>" after "county sheriff <first>
        <surname>"; not "Hunter <surname>" after "<first> <surname>": a role noun may be a
        given name)."""
        if len(span) != 2 or not span[0].is_title:
            return False
        titled = self.titled_ent(span)
        if not titled and span[0].lower_ not in self.roles:
            return False
        word, doc = span[0].lower_, self.doc
        for n in names:
            if n.start == span.start or len(n) < 2 or n[-1].text != span[1].text:
                continue
            if len(n) == 2 and (self.titled_ent(n) or n[0].lower_ in self.roles):
                continue  # another "<title> <surname>": no full name
            around = doc[max(0, n.start - 3) : n.start].text + " " + doc[n.end : n.end + 4].text
            if titled or word in around.lower().split():
                return True
        return False

    def titled_ent(self, span: Span) -> bool:
        """Whether the ent's first word ends a title ("President", "Lady" of "First Lady")."""
        title = self.lexicon.title_ending(self.doc, span.start + 1, max(0, span.start - 3))
        return title is not None and title <= span.start

    def person_after_place(self, ent: Span, names: list[Span]) -> Span | None:
        """The person in an ent the model read as one name with the place before it ("Senator
        from <state> <first> <last>" tagged ORG as "<state> <first> <last>"): a known place,
        then words in title case ending in a surname the article writes alone as a person, or
        standing where a title's place goes ("First Minister of <place> <first> <last>")."""
        if ent.label_ == "PERSON" or len(ent) < 3 or not all(t.is_title for t in ent):
            return None
        if self.gazetteer.resolve(ent[0].text) is None:
            return None
        if self.gazetteer.resolve(ent[1:].text) is not None:
            return None
        alone = {n.text for n in names if len(n) == 1}
        if ent[-1].text not in alone and not (
            self.name_shaped(ent[1:]) and self.after_title_of(ent)
        ):
            return None
        return person_span(Span(self.doc, ent.start + 1, ent.end, "PERSON"))

    def person_after_role(self, ent: Span) -> Span | None:
        """The person in an ORG ent that is role nouns before a name ("Detective Constable
        <first> <last>"): the name, from a given name on, two or three words, no place or
        nationality among them ("Native <nationality> Rights Fund")."""
        if ent.label_ != "ORG" or len(ent) < 3:
            return None
        for cut in range(1, len(ent) - 1):
            head, name = ent[:cut], ent[cut:]
            if all(t.lower_ in self.roles for t in head) and self.given_name_first(name):
                return person_span(Span(self.doc, name.start, name.end, "PERSON"))
        return None

    def people_beside(self, name: Span, names: list[Span]) -> list[Span]:
        """Full names the model missed in a pair or list with a person's name ("officers
        <first> <last> and <first2> <last2>", one of them tagged PERSON): two or three
        title-case proper nouns joined to the name's head, tagged nothing or as one
        organisation, beginning with a given name (an office holder's first name: not "<bank>
        <founder>"), no place, title nor body head among them ("<city> and <city2>", "<street>
        Avenue and <street2> Avenue")."""
        doc, root = self.doc, name.root
        partners = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            partners.append(root.head)
        found = []
        for head in partners:
            start = head.i
            while (
                start > 0
                and doc[start - 1].dep_ in ("compound", "flat")
                and doc[start - 1].head == head
                and doc[start - 1].pos_ == "PROPN"  # not "officers" of "officers <name>"
            ):
                start -= 1
            span = Span(doc, start, head.i + 1, "PERSON")
            if (
                self.given_name_first(span)
                and (self.untagged(span) or self.tagged_org(span))
                and (span[0].lower_,) not in self.lexicon.titles
                and not any(overlaps(span, n) for n in names)
                and (clean := person_span(span)) is not None
            ):
                found.append(clean)
        return found

    def given_name_first(self, span: Span) -> bool:
        """Two or three title-case proper nouns from a given name (an office holder's first
        name) on, no place or nationality among them: the shape of a person's full name."""
        return (
            self.name_shaped(span)
            and all(t.pos_ == "PROPN" and t.is_title for t in span)
            and fold(span[0].text) in self.holders.given_names
            and not self.placed(span)
        )

    def placed(self, span: Span) -> bool:
        """Whether a place or a nationality is in a span or is the span: no person's name."""
        return any(
            self.gazetteer.resolve(p.text) is not None or p.text in self.gazetteer.demonyms
            for p in (span, *span)
        )

    def untagged(self, span: Span) -> bool:
        return all(t.ent_type_ == "" for t in span)

    def tagged_org(self, span: Span) -> bool:
        """One ORG entity over exactly `span` (the label the model most often gives a name)."""
        doc = self.doc
        after = span.end == len(doc) or doc[span.end].ent_iob_ != "I"
        whole = span[0].ent_iob_ == "B" and after and all(t.ent_iob_ == "I" for t in span[1:])
        return whole and span[0].ent_type_ == "ORG"

    def name_shaped(self, span: Span) -> bool:
        """Two or three words that do not end in a body's head noun ("<first> <last>", not
        "State University" of "president of <state> State University")."""
        return 2 <= len(span) <= 3 and span[-1].lower_ not in self.roles

    def after_title_of(self, ent: Span, words: tuple[str, ...] = ("of", "from")) -> bool:
        """Whether `ent` comes right after "<title> of"/"<title> from" ("Governor of")."""
        doc, start = self.doc, ent.start
        if start < 2 or doc[start - 1].lower_ not in words:
            return False
        title = self.lexicon.title_ending(doc, start - 1, max(0, start - 1 - self.lexicon.longest))
        return title is not None or doc[start - 2].lower_ in self.roles

    def is_person(self, ent: Span) -> bool:
        """A PERSON ent, or a name right after a title whatever its label ("Chancellor <name>"
        tagged ORG); not a lone place name after a preposition ("visited <city>" tagged PERSON)."""
        doc = self.doc
        text = clean_name(ent)
        if ent.label_ == "PERSON":
            lone = len(text.split()) == 1
            if lone and text.casefold() in self.platforms:
                return False
            place = self.gazetteer.resolve(text) if lone else None
            if place is None:
                return True
            cued = ent.start > 0 and doc[ent.start - 1].lower_ in self.place_cues
            if place.kind != "country":  # a city is a name as often ("Jackson", "Mary")
                return not cued
            # a country's name is a person's only as part of a name the article gives in full
            # ("<first> Jordan" ... "Jordan said"), never after a place cue ("visited Jordan")
            return not cued and self.in_a_full_name(text)
        if ent.label_ not in LABELS or self.gazetteer.resolve(text) is not None:
            return False
        start = ent.start - (ent.start > 0 and doc[ent.start - 1].text == "[")
        if not all(t.is_title for t in ent):
            return False
        title = self.lexicon.title_ending(doc, start, max(0, start - self.lexicon.longest))
        if title is not None and (doc[title].is_title or self.name_shaped(ent)):
            return True  # "Chancellor <name>"; "<body> spokesperson <first> <last>"
        if self.name_shaped(ent) and self.titled_after(ent):
            return True
        # the name after a title's body: "Ambassador to the United Nations <first> <last>"
        if len(ent) < 2 or start == 0 or doc[start - 1].ent_type_ not in ("ORG", "GPE", "LOC"):
            return False
        body = start - 1
        while body > 0 and doc[body].ent_iob_ == "I":
            body -= 1
        return self.name_shaped(ent) and self.after_title_of(
            doc[body:start], ("of", "to", "for", "at")
        )

    def in_a_full_name(self, word: str) -> bool:
        """`word` is one of the words of a name of several words in the doc (whatever the model
        labelled it: "Senator from <state> <first> <last>" may be one ORG)."""
        return any(len(ent) > 1 and word in clean_name(ent).split() for ent in self.doc.ents)

    def titled_after(self, ent: Span) -> bool:
        """A title in apposition after the name: "<first> <last>, chief executive of <body>",
        "<first> <last>, <name>'s former spokeswoman"."""
        doc = self.doc
        for token in ent:
            for appos in token.children:
                if appos.dep_ == "appos" and appos.i >= ent.end:
                    left = appos.left_edge.i
                    if self.lexicon.title_ending(doc, appos.i + 1, left) is not None:
                        return True
        return False

    def person_named(self, name: str, span: Span | None = None) -> Draft:
        for draft in self.persons:
            if draft.name == name:
                return draft
        words = name.split()
        same = [
            d
            for d in self.persons
            if one_name(d.words, words) and not (self.kin(span) or self.kin(d.mentions[0].span))
        ]
        if len(same) == 1:  # "<first> <middle> <last>" after "<first> <last>": one person
            if len(name) > len(same[0].name):
                same[0].name = name  # the fullest name is the entity's
            return same[0]
        draft = Draft(label="PERSON", name=name)
        self.persons.append(draft)
        return draft

    def kin(self, span: Span | None) -> bool:
        """A name introduced as someone's relative ("her mother, <first> <middle> <last>"):
        the same first and last name may be another of the family."""
        if span is None:
            return False
        before = self.doc[max(sentence_start(self.doc, span.start), span.start - 3) : span.start]
        return any(t.lower_ in KIN for t in before)

    def surname_owner(self, word: str, token: int) -> Draft | None:
        """The person whose surname `word` is (one word, or the last words of a longer name: "La
        Riva" of "<first> La Riva"): if several, the one introduced first before `token`
        ("Biden" after "Joe Biden" and "Hunter Biden": relatives are written in full)."""
        last = word.split()
        # a particle's capital differs at a sentence's start ("De La Riva" of "<first> de La Riva")
        folded = [w.lower() for w in last] if len(last) > 1 else last
        owners = [
            p
            for p in self.persons
            if len(p.words) > len(last)
            and (
                p.words[-len(last) :] == last
                or [w.lower() for w in p.words[-len(last) :]] == folded
            )
        ]
        before = [p for p in owners if p.last_before(token) >= 0]
        return min(before or owners, key=lambda p: p.first(), default=None)

    def find_surnames(self, ents: list[Span]) -> None:
        """Surnames the model tagged as something else, or did not tag at all."""
        for ent in ents:
            if ent.label_ == "PERSON" or self.claimed(ent):
                continue
            text = clean_name(ent)
            draft = self.surname_owner(text, ent.start)
            if draft is not None and not self.is_place_here(ent, text):
                self.claim(draft, trim_possessive(ent), "surname")
        surnames = {p.words[-1] for p in self.persons if len(p.words) > 1}
        for token in self.doc:
            if token.text in surnames and token.i not in self.taken and token.ent_type_ == "":
                draft = self.surname_owner(token.text, token.i)
                if draft is not None:
                    self.claim(draft, self.doc[token.i : token.i + 1], "surname")

    def find_titles(self) -> None:
        """Titles beside every name mention; title + name becomes a mention of its own."""
        for draft in self.persons:
            for mention in list(draft.mentions):
                found = self.titles_of(mention.span)
                for title in found:
                    draft.titles.append(title)
                    self.drop_ents_in(title)
                    if title.attached:
                        whole = self.doc[title.span.start : mention.span.end]
                        draft.add(whole, "title")
                    self.taken.update(range(title.head_start, title.head_end))
        self.place_offices()

    def is_place_here(self, ent: Span, text: str) -> bool:
        """Whether a word that is a person's surname stands for the place of that name here:
        only a place name after a place cue ("in <city>"), not "<surname>, who was ..."."""
        if self.gazetteer.resolve(text) is None:
            return False
        return ent.start > 0 and self.doc[ent.start - 1].lower_ in self.place_cues

    def titles_of(self, name: Span) -> list[Title]:
        doc, lexicon, gazetteer = self.doc, self.lexicon, self.gazetteer
        before = title_before(doc, name, lexicon, gazetteer)
        # "<capital>'s top diplomat, Foreign Minister <name>": an apposition before the title
        appos = title_in_apposition(doc, before.span if before else name, lexicon, gazetteer)
        if before is not None and appos is not None and before.country is None:
            before.country, before.body = appos.country, appos.body
        found = [before, appos, title_after(doc, name, lexicon, gazetteer)]
        return [t for t in found if t is not None and not self.claimed(t.span)]

    def drop_ents_in(self, title: Title) -> None:
        """Ents inside a title are read as part of it ("State" in "Secretary of State",
        an adjective "French"), except the countries and bodies it names ("United States")."""
        for ent in title.span.ents:
            in_head = title.head_start <= ent.start < title.head_end
            if in_head or ent.label_ not in ("GPE", "ORG", "LOC"):
                self.dropped.add((ent.start, ent.end))


def one_name(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: the same first and last word, one with middle names the
    other leaves out ("<first> <middle> <last>", "<first> <last>"; a shorter name of three
    words is not extended: "<first> <initial>. <last>" is another than "<first> <initial>.
    <initial>. <last>"), or a surname with its particle capitalised at a sentence's start
    ("De <last>" of "<first> de <last>")."""
    short, long = sorted((a, b), key=len)
    if len(long) <= len(short):
        return False
    if len(short) == 2 and short[0] == long[0] and short[-1] == long[-1]:
        return True
    folded = [w.lower() for w in short]
    return folded[0] in PARTICLES and folded == [w.lower() for w in long[-len(short) :]]
