"""The crosscheck error hierarchy.

Every error the library reports is a :class:`Error`; the subclasses say what
went wrong so callers can act on it, and also derive from the matching built-in
exception (``ValueError`` for bad input, ``OSError`` for unreadable files).
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "Error",
    "InputError",
    "EncodingError",
    "LimitError",
    "LexiconError",
    "ReadError",
    "UsageError",
]


class Error(Exception):
    """Base class of every crosscheck error.

    Attributes:
        code: the category ("input", "encoding", "limit", "lexicon", "io", "usage").
        file: the input file, or None when not from a file.
        line: the 1-based line in ``file``, or None.
        document: the id of the document concerned, or None.
        detail: what is wrong, without location.
    """

    code: str = "error"

    def __init__(
        self,
        message: str = "",
        *,
        file: Optional[str] = None,
        line: Optional[int] = None,
        document: Optional[str] = None,
        detail: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.document = document
        self.detail = message if detail is None else detail

    def __reduce__(self):  # keeps the attributes through pickle (multiprocessing)
        return (
            _rebuild,
            (type(self), str(self), self.file, self.line, self.document, self.detail),
        )


def _rebuild(cls, message, file, line, document, detail):
    return cls(message, file=file, line=line, document=document, detail=detail)


class InputError(Error, ValueError):
    """A document or input line is malformed (``.document``, ``.file``, ``.line`` say which)."""

    code = "input"


class EncodingError(InputError):
    """Text is not valid UTF-8 (or a str holds a lone surrogate)."""

    code = "encoding"


class LimitError(InputError):
    """An input exceeds a configured limit (document size, document count, nesting)."""

    code = "limit"


class LexiconError(Error, ValueError):
    """A lexicon is malformed."""

    code = "lexicon"


class ReadError(Error, OSError):
    """A file or directory could not be read."""

    code = "io"


class UsageError(Error, ValueError):
    """Bad arguments to the API (for example a malformed ``published`` date for ``read``)."""

    code = "usage"


_BY_CODE = {
    cls.code: cls
    for cls in (InputError, EncodingError, LimitError, LexiconError, ReadError, UsageError)
}


def _from_core(code, message, file, line, document, detail):
    """Called by crosscheck._core to build the exception for a C++ error."""
    cls = _BY_CODE.get(code, Error)
    return cls(message, file=file, line=line, document=document, detail=detail)
