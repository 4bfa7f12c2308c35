"""`kehoach browse DIR`: a run's database in Datasette, on this computer only (127.0.0.1).

Datasette is an optional extra (`pip install -e '.[browse]'`): the tool reads plans without it, so
its absence is a message saying how to install it, never a traceback. Before serving, the
database's search indexes and task–body table are brought up to date (a database written before
they existed gets them) and the metadata file is rewritten in the current language, so what
Datasette shows always matches the catalogue and the rows.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import socket
import sys
from pathlib import Path

from pipeline.i18n import say

HOST = "127.0.0.1"


def add_browse_parser(subcommands: argparse._SubParsersAction) -> None:
    """The `browse` subcommand's arguments (kept here so that cli.py gains one line)."""
    browse = subcommands.add_parser("browse", help=say("browse_help"), description=say("browse_help"))
    browse.add_argument("dir", nargs="?", default="outputs", metavar="DIR", help=say("browse_dir_help"))
    browse.add_argument("--port", type=int, default=None, help=say("browse_port_help"))


def reserve_port(port: int | None) -> int | None:
    """`port` (or a free one when None) if it can be listened on now; None when it is taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port or 0))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                return None
            raise
        return probe.getsockname()[1]


def prepare_database(database: Path) -> str | None:
    """Bring the browse tables of `database` up to date; why it cannot be used, or None."""
    from pipeline.outputs.browse_tables import refresh_browse_tables
    from pipeline.outputs.database import connect, unusable

    reason = unusable(database)
    if reason:
        return reason
    connection = connect(database)
    try:
        with connection:
            refresh_browse_tables(connection)
    finally:
        connection.close()
    return None


def browse_command(args: argparse.Namespace) -> int:
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        print(say("browse_needs_datasette"), file=sys.stderr)
        return 2
    from pipeline.outputs import DATABASE
    from pipeline.outputs.datasette_metadata import write_datasette_metadata

    folder = Path(args.dir)
    database = folder / DATABASE
    if not database.is_file():
        print(say("browse_no_database", database=database, folder=folder), file=sys.stderr)
        return 2
    reason = prepare_database(database)
    if reason:
        print(say("browse_unusable", database=database, reason=reason, folder=folder), file=sys.stderr)
        return 1
    port = reserve_port(args.port)
    if port is None:
        print(say("browse_port_busy", port=args.port), file=sys.stderr)
        return 2
    app = Datasette([str(database)], metadata=write_datasette_metadata(database)).app()
    print(say("browse_address", folder=folder, url=f"http://{HOST}:{port}/"), flush=True)
    # Ctrl-C or SIGTERM: uvicorn shuts down, then passes the signal on as KeyboardInterrupt.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)
    print(say("browse_stopped"))
    return 0
