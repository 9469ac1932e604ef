"""Events over the 200-article Wikinews sample (../shared/samples): what a reader is shown
(confidence >= TRUSTED) never has a pronoun, a bare common noun or a number as an actor, and no
date past the article's publication year + 10 ("resolution 2259" is no year)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import to_json
from newsgraph.nlp.events.checks import TRUSTED
from newsgraph.nlp.readers import load_words

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("samples")]


@pytest.fixture(scope="module")
def shown(sample_extracted) -> list[tuple[dict[str, Any], dict[str, Any]]]:  # type: ignore[no-untyped-def]
    out = []
    for record in map(to_json, sample_extracted):
        for event in record["events"]:
            if event["confidence"] is not None and event["confidence"] >= TRUSTED:
                out.append((record["article"], event))
    return out


def bare(name: str, agents: frozenset[str]) -> bool:
    """A common noun that is no agent: lower case throughout ("Russian advisers" names a
    nation's people), and its head word not in the agent lists."""
    head = name.split()[-1].lower()
    forms = {head, head.removesuffix("s"), head.removesuffix("ies") + "y"}
    return not any(c.isupper() for c in name) and not forms & agents


def test_no_shown_actor_is_a_pronoun_a_bare_noun_or_a_number(shown) -> None:  # type: ignore[no-untyped-def]
    pronouns = load_words("pronouns.txt")
    agents = load_words("agent_nouns.txt") | load_words("actor_nouns.txt")
    refs = [ref for _, e in shown for ref in (*e["source"], *e["target"])]
    actors = [ref["name"] for ref in refs]
    assert actors
    assert [a for a in actors if a.lower() in pronouns] == []
    assert [a for a in actors if a.replace(",", "").replace(".", "").isdigit()] == []
    assert [r["name"] for r in refs if r["entity"] is None and bare(r["name"], agents)] == []


def test_no_shown_date_is_past_the_publication_year_plus_ten(shown) -> None:  # type: ignore[no-untyped-def]
    late = [
        (e["date"], e["when"])
        for article, e in shown
        if e["date"] and article.get("published")
        and int(e["date"][:4]) > int(article["published"][:4]) + 10
    ]  # fmt: skip
    assert late == []
