"""A throwaway PostgreSQL server for the tests (tests/test_postgres*.py): initdb into a fresh folder, started by
pg_ctl on a unix socket in that folder (no TCP port), fsync off; one database per test; stopped at the end of the
session, whatever happened. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system
user that Debian's package creates. Where none can start (no binaries, or root without that user), `start` says why
and the tests skip with that reason. Every command has a time limit, so a server that will not start or stop
cannot hang the run.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT = 120  # seconds, for any one server command
PORT = 54329  # names the socket file only: the server listens on no TCP port


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/VERSION/bin (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: _version(p.parent.parent.name))
    return versions[-1].parent if versions else None


def _version(name: str) -> int:
    return int(name) if name.isdigit() else 0


@dataclass
class Server:
    folder: Path
    bin: Path
    user: str | None  # the system user the server runs as (None: the current one)
    socket: Path = field(init=False)
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.socket = self.folder

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@/{dbname}?host={self.socket}&port={PORT}"

    def new_database(self, prefix: str = "t", *, copy_of: str | None = None) -> str:
        """A new database on the server (empty, or a copy of the database `copy_of` names); its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        template = f' TEMPLATE "{copy_of.split("?")[0].rsplit("/", 1)[-1]}"' if copy_of else ""
        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{template}'.encode())
        return self.url(name)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=self.folder)

    def stop(self) -> None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            self._run("pg_ctl", "stop", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "-t", "60")
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server | str:
    """A running server, or the reason none could start."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (run `make setup`)"
    bin_dir = binaries()
    if bin_dir is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql (run `make setup`)"
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start the server as `postgres`"
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="truceline-pg-"))
    if user:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    server = Server(folder, bin_dir, user)
    data = str(folder / "data")
    options = (
        f"-c listen_addresses='' -k {folder} -p {PORT} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    try:
        steps = [
            ("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
            ("pg_ctl", "start", "-D", data, "-o", options, "-l", str(folder / "server.log"), "-w", "-t", "60"),
        ]
        for step in steps:
            done = server._run(*step)
            if done.returncode != 0:
                log = folder / "server.log"
                detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
                if log.exists():
                    detail += log.read_text(errors="replace").strip().splitlines()[-1:]
                server.stop()
                return f"PostgreSQL could not start ({step[0]}): {' / '.join(detail)}"
    except (OSError, subprocess.SubprocessError) as exc:
        server.stop()
        return f"PostgreSQL could not start: {exc}"
    return server
