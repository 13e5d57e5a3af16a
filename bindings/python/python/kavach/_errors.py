"""kavach's exceptions. Every error carries the core's stable ``code`` and, for list errors,
the ``file`` and 1-based ``line`` it is about, so a script can point at the bad line."""

from typing import Optional


class KavachError(Exception):
    """Base class of every kavach error."""

    def __init__(self, message: str, code: str, reason: str,
                 file: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(message)
        #: Stable error code shared by every binding (``unknown-category``, ``invalid-utf8``, ...).
        self.code = code
        #: What is wrong, without the location.
        self.reason = reason
        #: The file (or list name) the error is about, if any.
        self.file = file
        #: The 1-based line, if the error belongs to one line.
        self.line = line


class WordlistError(KavachError, ValueError):
    """A list could not be read or parsed: bad line, unknown category, invalid UTF-8, I/O."""


class MatcherError(KavachError, ValueError):
    """The matcher could not be built: unknown or duplicate list, no lists, bad options, or
    lists past a build limit (``term-too-long`` with file and line, ``list-too-nested``,
    ``list-too-large`` for ``max_build_bytes``); nothing large was allocated."""


class LimitError(KavachError, ValueError):
    """A text is over the matcher's ``max_input_bytes`` or has more than ``max_matches``
    matches (code ``input-too-long`` or ``too-many-matches``). ``find``, ``is_match`` and
    ``censor`` raise it rather than answer for part of the text; ``report`` and ``verdict``
    never raise it (their verdict is then at least ``review``)."""


class TextError(KavachError, TypeError, ValueError):
    """An item of a batch is not a text that can be scanned: None or not a ``str`` (code
    ``not-text``), or a ``str`` with lone surrogates (code ``invalid-utf8``). Both a
    ``TypeError`` and a ``ValueError``, as Python raises for a single such text."""
