"""Type stubs of the compiled module ``kavach._kavach``."""

from os import PathLike
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, Union

from ._errors import KavachError

UNICODE_VERSION: str
__version__: str

def bundled_lists() -> list[str]:
    """The ids of the lists bundled with kavach."""

def review_sheet(candidates: Iterable[Mapping[str, Any]]) -> str:
    """The review sheet (TSV, header first) for ``Matcher.mine``'s candidates; mark rows
    ``yes`` in ``accept`` and read it with ``kavach list import sheet.tsv``."""

def run_cli(args: Sequence[str]) -> int:
    """Runs the ``kavach`` command with ``args`` (the program name first) on the process's
    standard streams and returns its exit code (``python -m kavach``)."""

def diff_lists(old: str, new: str) -> dict[str, object]:
    """What changed between two versions of a list (paths or bundled ids), like `kavach list diff`."""

class Match:
    """One match; ``text[m.start:m.end] == m.text`` (code-point offsets)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def term(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def list(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def transforms(self) -> list[str]: ...
    def __init__(
        self,
        start: int,
        end: int,
        byte_start: int,
        byte_end: int,
        text: str,
        term: str,
        category: str,
        severity: str,
        list: str,
        version: str,
        transforms: Sequence[str],
    ) -> None: ...
    def __getnewargs__(
        self,
    ) -> tuple[int, int, int, int, str, str, str, str, str, str, list[str]]: ...
    def to_dict(self) -> dict[str, Union[int, str, list[str]]]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Verdict:
    """The policy's decision: ``decision`` is "allow", "review" or "block"; ``reason`` is None
    for a complete scan, else why the text was not fully scanned ("too-many-matches",
    "input-too-long", "not-text", "invalid-utf8")."""

    def __init__(
        self,
        decision: str,
        report: bool,
        max_severity: Optional[str] = None,
        reason: Optional[str] = None,
    ) -> None: ...
    @property
    def decision(self) -> str: ...
    @property
    def report(self) -> bool: ...
    @property
    def max_severity(self) -> Optional[str]: ...
    @property
    def reason(self) -> Optional[str]: ...
    def __getnewargs__(self) -> tuple[str, bool, Optional[str], Optional[str]]: ...
    def to_dict(self) -> dict[str, Union[bool, str, None]]: ...
    def __eq__(self, other: object) -> bool: ...

class Report:
    """The fail-closed outcome of scanning one text: matches (at most ``max_matches``),
    verdict (never "allow" for a text that was cut or not scanned), and why it was not scanned."""

    @property
    def status(self) -> Literal["scanned", "error"]: ...
    @property
    def flagged(self) -> bool: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def truncated(self) -> bool: ...
    @property
    def error_code(self) -> Optional[str]: ...
    @property
    def error_message(self) -> Optional[str]: ...
    @property
    def matches(self) -> list[Match]: ...
    @property
    def reasons(self) -> list[Match]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, other: object) -> bool: ...

OptionValue = Union[str, int, bool, None]

class Matcher:
    """A compiled matcher; immutable, thread-safe, picklable.

    Options (``**options``) are set by name in the core: ``bundled`` (False: only the given
    lists), ``review_at`` / ``block_at`` (a severity), ``max_input_bytes`` / ``max_matches``,
    and the build limits ``max_term_chars`` (default 100), ``max_build_bytes`` (default 1 GiB,
    estimated before anything large is allocated) and ``max_nesting`` (default 8) (0 or None:
    no limit). An unknown name or a bad value raises ``MatcherError`` (code
    ``bad-option``)."""

    def __init__(
        self,
        lists: Optional[Sequence[str]] = None,
        list_files: Optional[Sequence[Union[str, PathLike[str]]]] = None,
        list_texts: Optional[Sequence[str]] = None,
        **options: OptionValue,
    ) -> None: ...
    def find(self, text: str) -> list[Match]: ...
    def is_match(self, text: str) -> bool: ...
    def censor(self, text: str, mask: str = "*", keep_first: bool = False) -> str: ...
    def report(self, text: object) -> Report: ...
    def verdict(self, text: object) -> Verdict: ...
    def mine(
        self,
        texts: Iterable[str],
        labels: Iterable[Union[int, bool]],
        *,
        top: int = 200,
        min_posts: int = 3,
        prior: float = 0.1,
        phrases: bool = True,
        examples: int = 3,
    ) -> list[dict[str, Any]]:
        """The words and two-word phrases most associated with the items labelled true that
        this matcher does not match whole, best first: ``term``, ``words``, ``score`` (a
        z-score), ``abusive_posts``, ``clean_posts``, ``already_matches`` (``(term, list)`` it
        contains, or None) and ``examples``. Weighted log-odds with an informative Dirichlet
        prior (Monroe et al. 2008); nothing is added to any list."""
    def find_many(
        self,
        texts: Iterable[object],
        threads: Optional[int] = None,
        errors: Literal["return", "raise"] = "return",
    ) -> list[Union[list[Match], KavachError]]: ...
    def report_many(self, texts: Iterable[object], threads: Optional[int] = None) -> list[Report]: ...
    def verdict_many(self, texts: Iterable[object], threads: Optional[int] = None) -> list[Verdict]: ...
    @property
    def precompiled(self) -> bool: ...
    @property
    def lists(self) -> list[dict[str, Union[str, int]]]: ...
