"""newsgraph_entities, by idea: named mentions merged into one entity per referent.

drafts.py       Draft (an entity in the making), the drafting state, span helpers
people.py       persons: names, surnames, titles and the countries they name
others.py       organisations, places and groups; a capital acting for its country
descriptors.py  "the premier", "<seat>'s top diplomat", "the ministry"
clusters.py     the drafts as EntityClusters; doc.ents relabelled
titles.py       titles and descriptors beside a name (resources/titles.txt, descriptors.tsv)
places.py       the exact-name gazetteer: places to countries and coordinates
component.py    the component (EntitiesFinder) and its factory, make_entities
"""

from __future__ import annotations

from newsgraph.nlp.entities.component import EntitiesFinder, make_entities

__all__ = ["EntitiesFinder", "make_entities"]
