"""Training newsgraph's learned parts from gold data (`newsgraph train ...`).

Never imported at run time: the components load what it writes from `nlp/resources/`.
"""
