"""Shared fixtures. Tests mirror src/: tests/<module>/test_*.py."""

from __future__ import annotations

import os

# Offline and quiet in every test process, before anything imports mlflow or dvc.
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DVC_NO_ANALYTICS", "1")
