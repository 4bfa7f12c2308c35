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

from pipeline import cli_parser
from pipeline.browse import add_browse_parser, browse_command
from pipeline.cli_parser import Parser
from pipeline.errors import RunError, for_terminal
from pipeline.i18n import LANGUAGES, say, set_language
from pipeline.outputs import FORMATS

# `kehoach run --bodies`: the modes of extractors.body_model.BODY_MODES, the default first (written here
# so that parsing the command line does not import the extractors; a test checks the two agree)
BODY_MODES = ("rules", "rules+model", "model")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (so `set_language` comes first: see `main`)."""
    cli_parser.install()
    common = Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=say("cli.lang"))
    parser = Parser(prog="kehoach", description=say("cli.description"), epilog=say("cli.epilog"), parents=[common])
    parser.add_argument("--version", action=_Version, help=say("cli.version"))
    sub = parser.add_subparsers(dest="command", required=True, metavar=say("cli.metavar.command"))
    path, folder, file = say("cli.metavar.path"), say("cli.metavar.folder"), say("cli.metavar.file")

    run = sub.add_parser("run", help=say("cli.run"), description=say("cli.run"), parents=[common])
    run.add_argument("paths", nargs="+", metavar=path, help=say("cli.run.paths"))
    run.add_argument("--out", default="outputs", metavar=folder, help=say("cli.run.out"))
    run.add_argument(
        "--jobs", type=_at_least_one, default=None, metavar=say("cli.metavar.count"), help=say("cli.run.jobs")
    )
    run.add_argument(
        "--format",
        type=_formats,
        default=None,
        metavar=say("cli.metavar.formats"),
        help=say("cli.run.format", formats=",".join(FORMATS)),
    )
    run.add_argument("--force", action="store_true", help=say("cli.run.force"))
    run.add_argument(
        "--timeout",
        type=_positive("timeout"),
        default=120.0,
        metavar=say("cli.metavar.seconds"),
        help=say("cli.run.timeout"),
    )
    run.add_argument("--max-size", type=_positive("max-size"), default=None, metavar="MB", help=say("cli.run.max_size"))
    run.add_argument("--memory", type=_positive("memory"), default=None, metavar="MB", help=say("cli.run.memory"))
    run.add_argument("--no-progress", action="store_true", help=say("cli.no_progress"))
    run.add_argument("--rules-only", action="store_true", help=say("cli.run.rules_only"))
    run.add_argument("--bodies", choices=BODY_MODES, default=None, help=say("model.bodies_help"))

    score = sub.add_parser("score", help=say("cli.score"), description=say("cli.score"), parents=[common])
    score.add_argument("--gold", default="gold", metavar=folder, help=say("cli.score.gold"))
    score.add_argument("--pred", default="outputs", metavar=folder, help=say("cli.score.pred"))
    score.add_argument("--format", choices=["text", "json"], default="text", help=say("cli.score.format"))
    score.add_argument("--details", action="store_true", help=say("cli.score.details"))
    score.add_argument("--ablation", action="store_true", help=say("cli.score.ablation"))

    audit = sub.add_parser("audit", help=say("cli.audit"), description=say("cli.audit"), parents=[common])
    audit.add_argument("paths", nargs="*", metavar=path, help=say("cli.audit.paths"))
    audit.add_argument("--from", dest="from_run", default=None, metavar=folder, help=say("audit.from_help"))
    audit.add_argument("--against", default="auto", metavar=say("cli.metavar.directive"), help=say("cli.audit.against"))
    audit.add_argument("--out", default="outputs/audit", metavar=folder, help=say("cli.audit.out"))
    audit.add_argument("--profile", default=None, metavar=file, help=say("cli.audit.profile"))
    audit.add_argument("--no-progress", action="store_true", help=say("cli.no_progress"))

    show = sub.add_parser("show", help=say("cli.show"), description=say("cli.show"), parents=[common])
    show.add_argument("file", metavar=file, help=say("cli.show.file"))
    show.add_argument(
        "--max-size", type=_positive("max-size"), default=None, metavar="MB", help=say("cli.show.max_size")
    )
    show.add_argument("--html", default=None, metavar="OUT.html", help=say("html.option_help"))
    add_browse_parser(sub)
    return parser


class _Version(argparse.Action):
    """`--version`: the package's metadata read only when asked for (importlib.metadata costs every
    other command ~12 ms of startup)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None):
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from pipeline.version import package_version

        print(f"kehoach {package_version()}")
        parser.exit()


def _at_least_one(text: str) -> int:
    """An argparse type for --jobs: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(say("cli.jobs_at_least_one", value=text))
    return value


def _formats(text: str) -> str:
    """An argparse type for `run --format`: every name one of the output formats."""
    unknown = [part.strip() for part in text.split(",") if part.strip().lower() not in FORMATS]
    if unknown or not text.strip(","):
        raise argparse.ArgumentTypeError(
            say("cli.unknown_format", names=", ".join(unknown) or text, known=", ".join(FORMATS))
        )
    return text


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
    argv = sys.argv[1:] if argv is None else argv
    chosen = cli_parser.language_in(argv)
    if chosen in LANGUAGES:
        set_language(chosen)  # before the parser is built: its help is made in this language
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
    if args.command == "browse":
        return browse_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
