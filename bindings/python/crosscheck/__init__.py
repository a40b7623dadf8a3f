"""crosscheck: check news sources against each other.

Read several articles about one story, extract their typed claims (event
states, dates, quantities, roles, memberships, quotes with speakers) and report
where the sources agree, contradict each other or were superseded, with the
exact evidence sentences::

    import crosscheck
    docs = crosscheck.read("examples/nato-amman.jsonl")
    report = crosscheck.check(docs)
    for finding in report:
        print(finding.kind, finding.summary)

Offsets come twice: ``begin``/``end`` are UTF-8 byte offsets as in the JSON
output, ``char_begin``/``char_end`` are Python str indices, so
``doc.text[claim.char_begin:claim.char_end]`` is the claim's words.

Extraction and checking release the GIL, and ``check`` runs documents on the
library's own worker threads (``threads=0``: all cores).
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._core import (
    Claim,
    Document,
    Entity,
    Extraction,
    Finding,
    InferredDate,
    Mention,
    Quantity,
    Quote,
    Report,
    Sentence,
    Time,
    __version__,
)
from ._errors import (
    EncodingError,
    Error,
    InputError,
    LexiconError,
    LimitError,
    ReadError,
    UsageError,
)

__all__ = [
    "__version__",
    "read",
    "check",
    "extract",
    "extract_all",
    "html_to_text",
    "Document",
    "Report",
    "Extraction",
    "Finding",
    "Claim",
    "Entity",
    "Mention",
    "Quote",
    "Time",
    "Quantity",
    "Sentence",
    "InferredDate",
    "Error",
    "InputError",
    "EncodingError",
    "LimitError",
    "LexiconError",
    "ReadError",
    "UsageError",
]

PathLike = Union[str, "_os.PathLike[str]"]
LexiconSource = Union[PathLike, Mapping[str, object]]
Lexicon = Union[LexiconSource, Sequence[LexiconSource], None]


def _is_path(value: object) -> bool:
    return isinstance(value, (str, _os.PathLike))


def _lexicon_texts(lexicon: Lexicon) -> Tuple[List[str], List[str]]:
    """The JSON texts of a lexicon argument (a path, a dict, or a list of them)
    and their names for errors: the path, or "" for a dict ("lexicon N")."""
    if lexicon is None:
        return [], []
    items = [lexicon] if _is_path(lexicon) or isinstance(lexicon, Mapping) else lexicon
    if not isinstance(items, Iterable) or isinstance(items, (bytes, bytearray)):
        raise TypeError(
            "lexicon must be a path, a dict or a list of them, not " + type(lexicon).__name__
        )
    texts = []
    names = []
    for item in items:
        if isinstance(item, Mapping):
            try:
                texts.append(_json.dumps(item, ensure_ascii=False))
                names.append("")
            except (TypeError, ValueError) as e:
                raise LexiconError(f"lexicon dict is not JSON: {e}", detail=str(e)) from e
        elif _is_path(item):
            path = _os.fspath(item)
            try:
                with open(path, encoding="utf-8") as f:
                    texts.append(f.read())
                names.append(path)
            except UnicodeDecodeError as e:
                raise LexiconError(
                    f"{path}: lexicon file is not UTF-8", file=path, detail="not UTF-8"
                ) from e
            except OSError as e:
                raise ReadError(
                    f"{path}: cannot read lexicon file: {e.strerror or e}",
                    file=path,
                    detail=f"cannot read lexicon file: {e.strerror or e}",
                ) from e
        else:
            raise TypeError(
                "lexicon entries must be paths or dicts, not " + type(item).__name__
            )
    return texts, names


def _threads(threads: int) -> int:
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError("threads must be an int, not " + type(threads).__name__)
    if threads < 0:
        raise UsageError(f"threads must be >= 0 (0: all cores), not {threads}")
    return threads


def _documents(docs: Iterable[Document], function: str) -> List[Document]:
    if isinstance(docs, Document):
        raise TypeError(f"{function}() takes an iterable of Documents; wrap one document in a list")
    if _is_path(docs) or isinstance(docs, (bytes, bytearray)):
        raise TypeError(
            f"{function}() takes Documents, not {type(docs).__name__}; "
            f"read files with crosscheck.read(path) first"
        )
    try:
        return list(docs)
    except TypeError:
        raise TypeError(
            f"{function}() takes an iterable of Documents, not {type(docs).__name__}"
        ) from None


def _date_text(published: Union[_datetime.date, str, None]) -> str:
    if published is None:
        return ""
    if isinstance(published, _datetime.datetime):
        return published.date().isoformat()
    if isinstance(published, _datetime.date):
        return published.isoformat()
    if isinstance(published, str):
        return published
    raise TypeError(
        "published must be a datetime.date, a 'YYYY-MM-DD' str or None, not "
        + type(published).__name__
    )


def read(
    paths: Union[PathLike, Iterable[PathLike]],
    published: Union[_datetime.date, str, None] = None,
) -> List[Document]:
    """Reads documents from JSON Lines, .txt/.md, .html/.htm files or directories.

    ``published`` dates the inputs that carry no date of their own. A bad line
    raises :class:`InputError` with ``.file`` and ``.line``; a missing file
    raises :class:`ReadError`.
    """
    items = [paths] if _is_path(paths) else paths
    if isinstance(items, (bytes, bytearray)) or not isinstance(items, Iterable):
        raise TypeError("paths must be a path or an iterable of paths, not " + type(paths).__name__)
    path_list = []
    for p in items:
        if not _is_path(p):
            raise TypeError("paths must be str or os.PathLike, not " + type(p).__name__)
        path_list.append(_os.fspath(p))
    return _core.read(path_list, _date_text(published))


def check(docs: Iterable[Document], lexicon: Lexicon = None, threads: int = 0) -> Report:
    """Extracts every document and compares their claims.

    ``lexicon`` adds entries on top of the built-in data: a path to a JSON
    lexicon file, a dict, or a list of them. Documents are analysed on
    ``threads`` worker threads (0: all cores); the result never depends on it.
    """
    texts, names = _lexicon_texts(lexicon)
    return _core.check(_documents(docs, "check"), texts, names, _threads(threads))


def extract(doc: Document, lexicon: Lexicon = None) -> Extraction:
    """Annotates one document: sentences, times, quantities, entities, quotes, claims."""
    if not isinstance(doc, Document):
        raise TypeError(
            "extract() takes a crosscheck.Document, not " + type(doc).__name__
            + " (use extract_all for several)"
        )
    texts, names = _lexicon_texts(lexicon)
    return _core.extract(doc, texts, names)


def extract_all(
    docs: Iterable[Document], lexicon: Lexicon = None, threads: int = 0
) -> List[Extraction]:
    """Annotates every document in parallel; results in input order."""
    return _core.extract_all(
        _documents(docs, "extract_all"), *_lexicon_texts(lexicon), _threads(threads)
    )


def html_to_text(html: str) -> str:
    """Converts an HTML page or fragment to the plain text offsets refer to."""
    if not isinstance(html, str):
        raise TypeError("html must be str, not " + type(html).__name__)
    return _core.html_to_text(html)


# Public names live in `crosscheck` (for reprs, tracebacks and pickling).
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        try:
            _obj.__module__ = __name__
        except (AttributeError, TypeError):
            pass
del _name, _obj
