"""Output: the drafts as EntityClusters in order of first mention, and doc.ents relabelled."""

from __future__ import annotations

from spacy.util import filter_spans

from newsgraph.nlp import EntityCluster
from newsgraph.nlp.entities.drafts import (
    DraftState,
    clean_name,
    overlaps,
    person_span,
)
from newsgraph.nlp.entities.titles import (
    role_text,
)

# Words a role cannot end with: a fragment cut before its complement ("mayor of the").
DANGLING = frozenset({"of", "the", "to", "for", "and", "a", "an", "in", "at", "on"})


def is_role(role: str, others: set[str]) -> bool:
    """Whether a role read from the text is one: not a fragment, not holding another person's
    name ("... Speaker of the House <name>", a title read across two people)."""
    words = role.split()
    return bool(words) and words[-1].lower() not in DANGLING and not any(n in role for n in others)


class Clusters(DraftState):
    """Output: the drafts as EntityClusters in order of first mention, and doc.ents relabelled."""

    def clusters(self) -> list[EntityCluster]:
        drafts = [d for d in [*self.persons, *self.others.values()] if d.mentions]
        drafts.sort(key=lambda d: d.first())
        out = []
        people = {d.name for d in self.persons if len(d.words) > 1}
        for n, draft in enumerate(drafts):
            draft.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
            roles: list[str] = []
            for title in draft.titles:
                for role in role_text(title, self.gazetteer):
                    if role not in roles and is_role(role, people - {draft.name}):
                        roles.append(role)
                if draft.country is None and title.country:
                    draft.country = title.country
            seen = [clean_name(m.span) for m in draft.mentions if m.kind in ("name", "surname")]
            aliases = [a for i, a in enumerate(seen) if a != draft.name and a not in seen[:i]]
            out.append(
                EntityCluster(
                    key=f"e{n}",
                    name=draft.name,
                    label=draft.label,
                    mentions=draft.mentions,
                    roles=roles,
                    aliases=aliases,
                    country=draft.country,
                    latitude=draft.latitude,
                    longitude=draft.longitude,
                )
            )
        return out

    def relabel(self) -> None:
        """Make doc.ents agree with the entities: a surname tagged ORG or GPE becomes PERSON, a
        city tagged PERSON becomes GPE; junk PERSON spans and ents read as part of a title go."""
        named = {
            (m.span.start, m.span.end): m.span
            for cluster in self.doc._.entities
            for m in cluster.mentions
            if m.kind in ("name", "surname", "metonym")
        }
        kept = [
            ent
            for ent in self.doc.ents
            if (ent.start, ent.end) not in self.dropped
            and not (ent.label_ == "PERSON" and person_span(ent) is None)
        ]
        ours = filter_spans(list(named.values()))
        spans = ours + [e for e in kept if not any(overlaps(e, p) for p in ours)]
        self.doc.ents = sorted(spans, key=lambda s: s.start)
