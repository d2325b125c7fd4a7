import socket

import pytest

from cms.webhooks import addresses

from .receivers import Receiver

# What the tests' names resolve to. No test resolves a real name or connects anywhere but
# 127.0.0.1 / ::1: public addresses below are only ever checked, never connected to.
DNS = {
    "localhost": ["127.0.0.1", "::1"],
    "example.org": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    "hooks.example.org": ["93.184.215.14"],
}


class FakeDNS:
    """Stands in for the system resolver (addresses._getaddrinfo); counts the lookups."""

    def __init__(self):
        self.names = {name: list(found) for name, found in DNS.items()}
        self.lookups = []

    def __call__(self, host, port):
        self.lookups.append(host)
        found = self.names.get(host)
        if found is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if callable(found):
            found = found()
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (address, port, 0, 0) if ":" in address else (address, port),
            )
            for address in found
        ]


@pytest.fixture(autouse=True)
def dns(monkeypatch):
    fake = FakeDNS()
    monkeypatch.setattr(addresses, "_getaddrinfo", fake)
    return fake


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()
