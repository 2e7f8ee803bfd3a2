"""The Dask client the engines use, on a real local cluster."""

from __future__ import annotations

import contextlib
import socket
import warnings
from collections.abc import Iterator

import pytest

from inquiry_quality.core.dask_cluster import dask_client

DASHBOARD_PORT = 8787


@pytest.fixture
def dashboard_port_taken() -> Iterator[None]:
    """Port 8787 held, as by another Dask cluster or a notebook's dashboard."""
    with socket.socket() as held:
        with contextlib.suppress(OSError):  # already held by someone else: the same case
            held.bind(("127.0.0.1", DASHBOARD_PORT))
            held.listen()
        yield


@pytest.mark.usefixtures("dashboard_port_taken")
def test_a_local_cluster_does_not_ask_for_the_dashboard_port() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with dask_client(workers=1) as client:
            assert client.submit(sum, [1, 2], pure=False).result() == 3
            http = client.cluster.scheduler.http_server
            assert http.port != DASHBOARD_PORT
            assert http.address == "127.0.0.1"
    assert not [w for w in caught if "already in use" in str(w.message)]
