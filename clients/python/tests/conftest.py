"""Shared fixtures: a real aura-server for the session, a hard time bound on every test."""
from __future__ import annotations

import contextlib
import faulthandler
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parents[1]
sys.path.insert(0, str(PACKAGE))

from aurastream import Client  # noqa: E402

TEST_BOUND_SECONDS = 120
SERVER = Path(os.environ.get("AURA_SERVER", ROOT / ".build" / "debug" / "aura-server"))


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Every test ends within TEST_BOUND_SECONDS: past it, the stacks are printed and the run
    stops, so a hang is a failure, never a stuck CI."""
    faulthandler.dump_traceback_later(TEST_BOUND_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="session")
def server() -> Iterator[Tuple[str, int]]:
    """aura-server with the conformance service on an ephemeral loopback port, API keys off
    (`--auth off`, loopback only): the protocol and service tests call without a key."""
    with _running_server(["--auth", "off"]) as (address, _):
        yield address


@pytest.fixture(scope="session")
def secured_server() -> Iterator[Tuple[Tuple[str, int], str]]:
    """aura-server with API keys on, as deployed, and the admin key its first start wrote."""
    with _running_server([]) as (address, data):
        yield address, (Path(data) / "admin.key").read_text().strip()


@contextlib.contextmanager
def _running_server(arguments: List[str]) -> Iterator[Tuple[Tuple[str, int], str]]:
    if not SERVER.exists():
        pytest.fail(f"{SERVER} is missing: run `swift build` first")
    with tempfile.TemporaryDirectory(prefix="aura-py-") as data:
        process = subprocess.Popen([str(SERVER), "--conformance", "--addr", "127.0.0.1:0", "--data-dir", data, *arguments],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = _listening_port(process)
            threading.Thread(target=process.stdout.read, daemon=True).start()  # type: ignore[union-attr]
            yield ("127.0.0.1", port), data
        finally:
            process.kill()
            process.wait(timeout=30)


def _listening_port(process: "subprocess.Popen[str]") -> int:
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"aura-server listening on ([\d.]+):(\d+)", line)
        if found:
            return int(found.group(2))
    raise RuntimeError(f"aura-server exited ({process.wait()}) without listening")


@pytest.fixture
def client(server: Tuple[str, int]) -> Iterator[Client]:
    """A client of the session's server; every call has a 30 s deadline unless it sets one."""
    with Client(server[0], server[1], timeout=30) as aura:
        yield aura
