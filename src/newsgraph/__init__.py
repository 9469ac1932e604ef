"""newsgraph: who said what, who met whom, and which figure comes from whom, in the news."""

__version__ = "0.1.0"
