"""`truceline serve`: the web app and HTTP API over a database, read-only; registered on the main group by cli.py."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    from truceline.cli import _errors, _settings, db_option

    @cli.command()
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only).")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
    def serve(db: str, host: str, port: int) -> None:
        """Serve the web app (stories, events, map, articles, agreements) and the JSON API over a database,
        read-only, at http://HOST:PORT/ (schema at /openapi.json)."""
        with _errors():
            import uvicorn

            from truceline.store.pg import is_url, redact
            from truceline.web import create_app

            app = create_app(db, tile_url=_settings().tile_url)
            shown = redact(db) if is_url(db) else db  # a server's password is never printed
            click.echo(f"serving {shown} read-only at http://{host}:{port}/ (Ctrl+C stops)", err=True)
            uvicorn.run(app, host=host, port=port, log_level="warning")
