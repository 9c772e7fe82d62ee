"""A frozen network, made for real: run as root inside a network namespace of its own (`unshare -n`).

The app reaches the PostgreSQL server through a small TCP proxy on this namespace's loopback (the proxy talks to
the server over its Unix socket, which no network rule touches). After one write has landed, a traffic-control
rule on the loopback holds every packet back, as a cable cut or a dead router would: nothing is refused, nothing
is acknowledged. (Held, not dropped: a packet the sender's own queue drops is reported back to TCP, which then gives
up within seconds by itself, and that is not what a frozen network does.) Then the app writes again. Prints, as JSON, what the app said and after how long.

    unshare -n python tests/storage/frozen_network_probe.py <database name> <server's Unix socket directory> <mode>

mode: "between" (the network freezes between two transactions) or "during" (while a transaction is open).
Not a test itself (pytest does not collect it); test_database_faults.py runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import threading
import time

import sqlalchemy as sa

from storage.database import open_database
from storage.errors import StorageError
from storage.tables import group_sessions


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        target.close()


def _proxy(listener: socket.socket, unix_path: str) -> None:
    while True:
        client, _ = listener.accept()
        server = socket.socket(socket.AF_UNIX)
        server.connect(unix_path)
        threading.Thread(target=_pipe, args=(client, server), daemon=True).start()
        threading.Thread(target=_pipe, args=(server, client), daemon=True).start()


def _row(code: str) -> dict[str, object]:
    return {"title": "Herinrichting Stationsplein", "description": "", "municipality_id": "leusden",
            "rule_set_version": "1.0", "rule_set_hash": "0" * 64, "join_code_hash": code * 64,
            "facilitator_code_hash": code.upper() * 64, "status": "open",
            "created_at": dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC),
            "join_code_expires_at": dt.datetime(2026, 12, 24, 9, 0, tzinfo=dt.UTC), "member_limit": 30}


def _freeze() -> None:
    # A token bucket that refills at 1 byte a second, with a queue of 10 MB: once the bucket is empty, every packet
    # waits in the queue (about a minute for the smallest). Three datagrams to the discard port empty the bucket.
    subprocess.run(["tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", "8bit", "burst", "1600", "limit", "10mb"],
                   check=True)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as junk:
        for _ in range(3):
            junk.sendto(b"x" * 1400, ("127.0.0.1", 9))


def main(database: str, socket_dir: str, mode: str) -> None:
    subprocess.run(["ip", "link", "set", "lo", "mtu", "1500", "up"], check=True)  # packets no bigger than the bucket
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    threading.Thread(target=_proxy, args=(listener, f"{socket_dir}/.s.PGSQL.5432"), daemon=True).start()
    db = open_database(f"postgresql://postgres@127.0.0.1:{port}/{database}")
    with db.transaction() as conn:
        conn.execute(group_sessions.delete())
        conn.execute(group_sessions.insert().values(_row("a")))
    started = time.monotonic()
    try:
        if mode == "between":
            _freeze()
            started = time.monotonic()
            with db.transaction() as conn:
                conn.execute(group_sessions.insert().values(_row("b")))
        else:
            with db.transaction() as conn:
                conn.execute(sa.select(sa.func.count()).select_from(group_sessions))
                _freeze()
                started = time.monotonic()
                conn.execute(group_sessions.insert().values(_row("b")))
        outcome = "saved"
    except StorageError as error:
        outcome = error.kind
    print(json.dumps({"outcome": outcome, "seconds": round(time.monotonic() - started, 1)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
