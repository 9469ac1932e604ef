"""newsgraph_figures, by idea: numbers that count something, with hedge, unit and source.

numbers.py    runs of number tokens, their value, whether they count; hedge and unit
counted.py    what a figure counts and its quantity family
sources.py    who gives the figure
contests.py   FigureSpan; figures of different sources for the same quantity
component.py  the component (FiguresFinder) and its factory, make_figures
"""

from __future__ import annotations

from newsgraph.nlp.figures.component import FiguresFinder, make_figures

__all__ = ["FiguresFinder", "make_figures"]
