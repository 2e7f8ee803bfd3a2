"""The quality gate: move ``champion`` to a candidate only when it is strictly better."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Final

from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.loading import load_uri_bundle
from inquiry_quality.mlops.runs import LoggedRun
from inquiry_quality.mlops.store import CHAMPION, MODEL_NAME, use_store
from inquiry_quality.modeling.bundle import ModelBundle

logger = logging.getLogger(__name__)

#: metrics where lower is better; every other metric is better when higher
LOWER_IS_BETTER: Final = ("log_loss", "brier", "ece", "oracle_gap")


@dataclass(frozen=True)
class GateDecision:
    """What the quality gate decided, with the numbers."""

    metric: str
    candidate_version: str
    candidate_value: float
    champion_version: str | None
    champion_value: float | None
    compared_on: str  # "no champion", "logged metric", "re-scored on this test set" or unusable
    promoted: bool

    @property
    def champion_after(self) -> str:
        """The registry version that is champion after this decision."""
        return self.candidate_version if self.promoted else str(self.champion_version)

    def as_record(self) -> dict[str, object]:
        """The decision as a JSON-able mapping, with the champion it leaves."""
        return {**asdict(self), "champion_after": self.champion_after}


def is_better(candidate: float, champion: float, metric: str) -> bool:
    """Strictly better on ``metric``; a tie keeps the champion."""
    lower = metric.rsplit(".", 1)[-1].startswith(LOWER_IS_BETTER)
    return candidate < champion if lower else candidate > champion


def load_registered_bundle(alias: str, model_name: str = MODEL_NAME) -> ModelBundle:
    """The bundle of ``<model_name>@<alias>``, checksums verified."""
    return load_uri_bundle(f"models:/{model_name}@{alias}")


def _rescored(
    version: str, model_name: str, rescore: Callable[[ModelBundle], float]
) -> tuple[float | None, str]:
    """The champion's metric on this test set, or None when this code cannot load or score it:
    such a champion cannot score new inquiries either, so it is no model to keep."""
    try:
        return rescore(load_registered_bundle(CHAMPION, model_name)), "re-scored on this test set"
    except Exception as exc:  # any failure makes the champion unusable here
        logger.warning(
            "quality gate: champion v%s cannot be scored by this code, so it is replaced: %s: %s",
            version,
            type(exc).__name__,
            exc,
        )
        return None, f"champion unusable ({type(exc).__name__})"


def promote_if_better(
    logged: LoggedRun,
    metric: str,
    candidate_value: float,
    rescore: Callable[[ModelBundle], float],
) -> GateDecision:
    """Move ``champion`` to the candidate only if it beats the champion on ``metric``.

    The champion's logged value counts only when it was measured on the same test set (same
    data version and test ids); otherwise its bundle is re-scored with ``rescore``, and a
    champion that this code cannot load or score is replaced (with a warning). The decision and
    both numbers are logged as tags of the candidate's run.
    """
    use_store()
    client = MlflowClient()
    candidate_run = client.get_run(logged.run_id)
    try:
        champion = client.get_model_version_by_alias(logged.model_name, CHAMPION)
    except MlflowException:
        champion = None
    if champion is None:
        decision = GateDecision(
            metric, logged.model_version, candidate_value, None, None, "no champion", True
        )
    else:
        champion_run = client.get_run(champion.run_id)
        same = all(
            champion_run.data.tags.get(k) == candidate_run.data.tags.get(k)
            for k in ("data_version", "test_ids_sha256")
        )
        if same and metric in champion_run.data.metrics:
            value, how = champion_run.data.metrics[metric], "logged metric"
        else:
            value, how = _rescored(champion.version, logged.model_name, rescore)
        promoted = value is None or is_better(candidate_value, value, metric)
        decision = GateDecision(
            metric, logged.model_version, candidate_value, champion.version, value, how, promoted
        )
    if decision.promoted:
        client.set_registered_model_alias(logged.model_name, CHAMPION, logged.model_version)
    for key, value in asdict(decision).items():
        client.set_tag(logged.run_id, f"gate.{key}", str(value))
    logger.info(
        "quality gate on %s: candidate v%s %.4f vs champion v%s %s (%s): %s",
        metric,
        decision.candidate_version,
        candidate_value,
        decision.champion_version,
        decision.champion_value,
        decision.compared_on,
        "promoted to champion" if decision.promoted else "champion kept",
    )
    return decision
