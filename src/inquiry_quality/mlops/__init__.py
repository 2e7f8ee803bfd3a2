"""MLflow, and the only package that imports it: store, pyfunc model, runs, gate, export.

Where runs go: ``MLFLOW_TRACKING_URI`` when set (a server, say), else the sqlite store
``<project root>/mlflow.db`` with artifacts in ``mlruns/`` beside it (``store``). One
``evaluate`` run is one MLflow run (``runs``); ``register`` registers its model as
``candidate`` and moves ``champion`` to it only when it beats the champion (``gate``);
``export`` copies the champion to a local pyfunc directory.
"""

import os

os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # before any submodule imports mlflow
