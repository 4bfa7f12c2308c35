"""The `kehoach` command: run, score, audit, show (the contract in shared/design.md).

Each subcommand lives in its own module; this file only parses arguments and dispatches, so the
flow of the whole tool can be read here at a glance.
Exit codes: 0 done (even where some files failed, each failure recorded), 2 bad usage,
1 nothing could be processed; 130 (Ctrl-C) or 143 (SIGTERM) when stopped, with one line that says
what is kept, never a traceback.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys

from pipeline.errors import RunError, for_terminal, say

# `kehoach run --bodies`: the modes of extractors.body_model.BODY_MODES, the default first (written here
# so that parsing the command line does not import the extractors; a test checks the two agree)
BODY_MODES = ("rules+model", "rules", "model")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kehoach",
        description="Read Vietnamese plans (kế hoạch): citations, targets, deadlines, bodies and tasks.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="process plans (.txt, .docx, .pdf; files or folders)")
    run.add_argument("paths", nargs="+", metavar="PATH")
    run.add_argument("--out", default="outputs", help="output folder (default: outputs/)")
    run.add_argument("--jobs", type=int, default=None, help="worker processes (default: the machine's cores)")
    run.add_argument("--format", default=None, help="comma-separated: json,jsonl,csv,xlsx,sqlite (default: all)")
    run.add_argument("--force", action="store_true", help="reprocess files whose results are up to date")
    run.add_argument(
        "--timeout", type=_positive("timeout"), default=120.0, help="seconds allowed per file (default: 120)"
    )
    run.add_argument(
        "--max-size",
        type=_positive("max-size"),
        default=None,
        metavar="MB",
        help="largest file, and largest part of a .docx once unpacked, read (default: 50 MB)",
    )
    run.add_argument(
        "--memory",
        type=_positive("memory"),
        default=None,
        metavar="MB",
        help="memory one worker may use; a file that needs more fails alone (default: 1024 MB)",
    )
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument(
        "--rules-only",
        action="store_true",
        help="rules without the NLP steps (for the ablation: write into DIR/ablation/rules-only)",
    )

    run.add_argument(
        "--bodies",
        choices=BODY_MODES,
        default=None,
        help="bodies from the rules plus the learned model (default; rules alone with --rules-only), the rules "
        "alone, or the model alone (for the ablation: write into DIR/ablation/rules and DIR/ablation/model)",
    )

    score = sub.add_parser("score", help="score predictions against the gold set")
    score.add_argument("--gold", default="gold", help="gold folder (default: gold/)")
    score.add_argument("--pred", default="outputs", help="folder a run wrote (default: outputs/)")
    score.add_argument("--format", choices=["text", "json"], default="text")
    score.add_argument("--details", action="store_true", help="list misses and false alarms with their quotes")
    score.add_argument("--ablation", action="store_true", help="rules alone beside rules + NLP, per kind")

    audit = sub.add_parser("audit", help="compare plans against the directives above them")
    audit.add_argument("paths", nargs="+", metavar="PATH")
    audit.add_argument("--against", default="auto", help="57-NQ/TW, 02-KH/BCĐTW or auto (default)")
    audit.add_argument("--out", default="outputs/audit")
    audit.add_argument("--profile", default=None, help="a directive profile file to use or build")
    audit.add_argument("--no-progress", action="store_true", help="no progress bar")

    show = sub.add_parser("show", help="one document: heading tree, tables, findings and warnings")
    show.add_argument("file")
    show.add_argument("--max-size", type=_positive("max-size"), default=None, metavar="MB", help="largest file read")
    return parser


def _positive(flag: str):
    """An argparse type: a finite number above 0 (`--timeout 0`, `-5`, `nan` or `inf` is a usage error)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise argparse.ArgumentTypeError(say("bad_number", flag=flag, value=text))
        return value

    return parse


class Stopped(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it stops as it does on Ctrl-C (workers stopped,
    the manifest saved) and ends with one line."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        return _dispatch(args)
    except BrokenPipeError:  # `kehoach show plan.pdf | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except RunError as error:
        print(for_terminal(f"kehoach {args.command}: {error}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:
        signum = stop.args[0] if isinstance(stop, Stopped) else signal.SIGINT
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(f"kehoach {args.command}: {say('interrupted', signal=name)}", file=sys.stderr)
        return 128 + signum
    finally:
        signal.signal(signal.SIGTERM, previous)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from pipeline.batch import run_command

        return run_command(args)
    if args.command == "score":
        from pipeline.scoring import score_command

        return score_command(args)
    if args.command == "show":
        from pipeline.show import show_command

        return show_command(args)
    if args.command == "audit":
        from pipeline.audit.command import audit_command

        return audit_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
