"""Alembic environment: migrations run on the connection storage.database opens (never from a config file)."""

from __future__ import annotations

from alembic import context

from storage.tables import metadata

# Several app processes may start at once; on PostgreSQL they take turns, so one creates and the rest find it done.
MIGRATION_LOCK = 7_401_235


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    context.run_migrations()


run_migrations_online()
