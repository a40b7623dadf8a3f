"""crosscheck: check news sources against each other."""
from ._core import __version__

__all__ = ["__version__"]
