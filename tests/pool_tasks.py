"""Tasks for worker-pool tests: in an importable module, as a worker unpickles them by name
(pytest's importlib mode does not make test modules importable)."""

from __future__ import annotations

import multiprocessing

from inquiry_quality.core import parallel

STATE: list[str] = []


def start_method(_: object) -> str:
    """How this process was started."""
    return multiprocessing.get_start_method()


def remember(value: str) -> None:
    """A worker's initializer: keeps ``value``."""
    STATE.append(value)


def state(_: object) -> tuple[list[str], bool]:
    """What this process's initializer kept, and whether it is a worker."""
    return STATE, parallel.in_worker()
