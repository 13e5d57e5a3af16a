"""kavach: find offensive terms in English, Hindi and Hinglish text, hard to evade.

>>> import kavach
>>> m = kavach.Matcher()                      # every bundled list
>>> [(x.text, x.term, x.list) for x in m.find("what the f.u.c.k, tu chootiya hai")]
[('f.u.c.k', 'fuck', 'en'), ('chootiya', 'chootiya', 'hi-Latn')]
>>> m.verdict("tu chootiya hai").decision
'block'
>>> r = m.report("tu chootiya hai")           # never raises: over a limit, it fails closed
>>> r.status, r.verdict.decision, [x.term for x in r.reasons]
('scanned', 'block', ['chootiya'])
>>> text = "😀 तू चूतिया है"
>>> x = m.find(text)[0]
>>> text[x.start:x.end] == x.text            # code-point offsets
True

``Matcher`` is immutable, thread-safe and picklable. ``find``, ``is_match`` and ``censor`` at
module level use a default matcher over every bundled list, built on first use.
"""

import threading
from typing import Optional

from ._errors import KavachError, LimitError, MatcherError, TextError, WordlistError
from ._kavach import (
    UNICODE_VERSION,
    Match,
    Matcher,
    Report,
    Verdict,
    __version__,
    bundled_lists,
    diff_lists,
    review_sheet,
)

__all__ = [
    "Matcher",
    "Match",
    "Verdict",
    "Report",
    "KavachError",
    "WordlistError",
    "MatcherError",
    "LimitError",
    "TextError",
    "bundled_lists",
    "diff_lists",
    "review_sheet",
    "default_matcher",
    "find",
    "is_match",
    "censor",
    "UNICODE_VERSION",
    "__version__",
]

_default: Optional[Matcher] = None
_lock = threading.Lock()


def default_matcher() -> Matcher:
    """The matcher over every bundled list, built once on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Matcher()
    return _default


def find(text: str) -> "list[Match]":
    """``default_matcher().find(text)``."""
    return default_matcher().find(text)


def is_match(text: str) -> bool:
    """``default_matcher().is_match(text)``."""
    return default_matcher().is_match(text)


def censor(text: str, mask: str = "*", keep_first: bool = False) -> str:
    """``default_matcher().censor(text, mask, keep_first)``."""
    return default_matcher().censor(text, mask=mask, keep_first=keep_first)
