"""What a speaker may be called: the words that make a mention a role, a group or no name at all.

A speaker is a person, an organisation, a group or a document. A resolved name that is one
common noun ("Reports"), a verb, a national adjective ("German") or a fragment is not a name:
the quote keeps its mention and its name stays None. Brackets and leading titles are cleaned
from names ("World Health Organization (WHO" -> "World Health Organization", "Lady <first>
<last>" -> "<first> <last>"). Role nouns come from PETRARCH2's agents (`agent_nouns.txt`) and
the title list (`titles.txt`); nothing here knows a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.readers import load_words, read_table

# Honorifics written before a name that are no office: "Mr", "Lady", "Sir", French "Mme"/"M",
# "Cde" (comrade, in southern Africa's parties).
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "lady", "lord", "sir", "dame", "madam", "prof"}
    | {"mme", "mlle", "madame", "monsieur", "cde", "comrade"}
)
# Collective nouns that stand for a group or a body whatever their number ("police said").
COLLECTIVES = frozenset(
    {"police", "government", "ministry", "administration", "military", "army", "authorities"}
)
BRACKETED = re.compile(r"\s*\([^()]*\)?\s*$|\s*\[[^\[\]]*\]?\s*$")
OPEN_WORDS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "AUX", "NUM"})


@dataclass(frozen=True)
class SpeakerWords:
    """Role nouns (lower case, singular and plural as listed), title words, national adjectives."""

    roles: frozenset[str]
    titles: frozenset[tuple[str, ...]]
    demonyms: dict[str, str]  # "Armenian" -> "AM" (ISO 3166-1 alpha-2)
    genders: dict[str, str]  # "spokeswoman" -> "f"
    documents: frozenset[str] = frozenset()  # "statement": its possessor is its author
    issuing: frozenset[str] = frozenset()  # "release": its subject made the document, its object

    @classmethod
    def load(
        cls,
        roles: str = "agent_nouns.txt",
        titles: str = "titles.txt",
        demonyms: str = "demonyms.tsv",
        genders: str = "gender_words.tsv",
        documents: str = "document_nouns.txt",
        issuing: str = "document_verbs.txt",
    ) -> SpeakerWords:
        written_nouns = load_words(documents)
        return cls(
            # a document noun is never a role, though Phoenix's agents list some ("website",
            # "blog"): "the <body> website advises" is the body's word
            roles=load_words(roles) - written_nouns,
            titles=frozenset(tuple(t.split()) for t in load_words(titles)),
            demonyms={row[0]: row[1] for row in read_table(demonyms)},
            genders={row[0]: row[1] for row in read_table(genders)},
            documents=written_nouns,
            issuing=load_words(issuing),
        )

    def is_document(self, token: Token) -> bool:
        """A noun of what someone writes or says: "statement", "reports"."""
        return token.lemma_.lower() in self.documents or token.lower_ in self.documents

    def gender_shown(self, person: Span) -> str | None:
        """ "m"/"f" when a gendered word stands right before the name or in apposition ("Ms
        <name>", "<name>, a spokeswoman"); None otherwise."""
        doc = person.doc
        words = [
            t.lower_.rstrip(".")
            for t in doc[max(person.sent.start, person.start - 3) : person.start + 1]
        ]
        for child in person.root.children:
            if child.dep_ == "appos":
                words.extend(t.lower_ for t in child.subtree)
        found = {self.genders[w] for w in words if w in self.genders}
        return found.pop() if len(found) == 1 else None

    def is_role(self, token: Token) -> bool:
        """A noun naming a role or a group of people: "attorney", "prosecutors", "police"."""
        word, lemma = token.lower_, token.lemma_.lower()
        return (
            word in self.roles
            or lemma in self.roles
            or (word,) in self.titles
            or (word + "s" in self.roles and token.tag_.startswith("NN"))  # "MP" from "MPs"
        )

    def is_group(self, mention: Span) -> bool:
        """A plural or collective agent without a name: "prosecutors", "the police", "officials"."""
        root = mention.root
        if root.ent_type_ in ("PERSON", "ORG") or root.pos_ == "PROPN":
            return False
        return root.lower_ in COLLECTIVES or (root.tag_ == "NNS" and self.is_role(root))

    def title_length(self, words: list[str]) -> int:
        """How many leading words of a name are a title or an honorific ("Lady", "Prime
        Minister"): the longest listed title, never the whole name."""
        lower = [w.lower().rstrip(".") for w in words]
        best = 0
        for size in range(1, len(lower)):
            if tuple(lower[:size]) in self.titles or (size == 1 and lower[0] in HONORIFICS):
                best = size
        return best

    def clean(self, name: str) -> str:
        """A name without a trailing bracket ("(WHO", "(WHO)") or a leading title."""
        text = BRACKETED.sub("", name).strip()
        text = re.sub(r"[()\[\]]", "", text).strip(" ,;:-")
        words = text.split()
        cut = self.title_length(words)
        return " ".join(words[cut:]) if cut else text

    def is_name(self, name: str, mention: Span, capitalised: frozenset[str] = frozenset()) -> bool:
        """Whether a resolved name names a speaker: not a single common or role word, a national
        adjective or a fragment ("’s", a lower-case word). `capitalised`: the words the doc
        writes with a capital inside a sentence, where only a name has one."""
        words = name.split()
        if not words or not any(c.isalpha() for c in name) or not name[:1].isupper():
            return False
        if name in self.demonyms or name.removesuffix("s") in self.demonyms:
            return name.isupper()  # "the AU said": an acronym, not "Germans"
        if len(words) > 1:
            return True
        if name.isupper():
            return True  # an acronym: "CNN", "WHO"
        if (name.lower(),) in self.titles:
            return False  # "Mayor": a title without its holder
        token = next((t for t in mention if t.text == name), None)
        if token is None:
            return name.lower() not in self.roles  # reached through the entities
        if token.is_sent_start or (
            token.i == mention.start and token.i > 0 and not token.nbor(-1).is_alpha
        ):  # a capital the sentence or a quotation mark gives: "Reports say ..."
            if name.lower() in self.roles:
                return False
            # a word the article writes with a capital elsewhere, or a proper noun opening a
            # sentence that the model tagged as a name ("<outlet> regarded ...")
            tagged = token.is_sent_start and token.pos_ == "PROPN" and bool(token.ent_type_)
            return name in capitalised or tagged
        return bool(token.ent_type_) or token.pos_ not in OPEN_WORDS  # "the Senate"


def capitalised_words(doc: Doc) -> frozenset[str]:
    """Words written with a capital inside a sentence (after a word, not a mark): names."""
    return frozenset(
        t.text
        for t in doc
        if t.i > 0 and t.text[:1].isupper() and not t.is_sent_start and t.nbor(-1).is_alpha
    )
