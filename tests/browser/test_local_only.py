"""Started as the README says, the app answers only on the own computer: no one else on the network reaches it.

Without login anyone who reaches the app can read and change the register (SECURITY.md); a shared installation
puts a proxy with TLS in front on purpose (scripts/run-shared.sh)."""

from __future__ import annotations

import socket
from urllib.parse import urlparse

import pytest

from browser.harness import AppServer


def _own_network_address() -> str | None:
    """This machine's address on its network (not 127.0.0.1), found without sending anything."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # UDP connect only picks the outgoing interface
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_app_is_not_reachable_from_the_network(app_server: AppServer) -> None:
    address = _own_network_address()
    if address is None:
        pytest.skip("this machine has no network address besides 127.0.0.1")
    port = urlparse(app_server.url).port
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass  # the own computer reaches it
    with pytest.raises(OSError), socket.create_connection((address, port), timeout=5):
        pass
