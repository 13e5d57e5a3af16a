"""``python -m kavach``: the ``kavach`` command (``scan``, ``check``, ``censor``, ``lists``,
``list``), the same program as the Rust binary, run inside this interpreter.

    python -m kavach scan posts.jsonl > results.jsonl
    python -m kavach check "some text"
"""
import signal
import sys

from ._kavach import run_cli


def main() -> int:
    # Python would only note a Ctrl-C while the command runs (it holds no Python lock and
    # never returns to the interpreter): interrupt it as the binary is interrupted.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    return run_cli(["kavach", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
