"""Analysis helpers for the notebooks: find the pipeline's outputs, tables, diagnostics.

The notebooks in ``notebooks/`` only call these functions and draw their results, so the
logic is tested here once and no notebook holds a private copy of it.
"""

from inquiry_quality.analysis.diagnostics import (
    capacity_curve,
    follow_up_counts,
    metric_slices,
    threshold_for_capacity,
    worst_errors,
)
from inquiry_quality.analysis.project import (
    ROOT_ENV,
    MissingOutputError,
    Project,
    find_root,
    stage_outputs,
)
from inquiry_quality.analysis.tables import (
    OUTCOME_GROUPS,
    completeness_by_outcome,
    completeness_flags,
    days_to_close,
    detail_lift,
    junk_mix,
    label_correlations,
    monthly_counts,
    numeric_features,
    outcome_group,
    rate_table,
    regional_traits,
    registry_table,
)

__all__ = [
    "OUTCOME_GROUPS",
    "ROOT_ENV",
    "MissingOutputError",
    "Project",
    "capacity_curve",
    "completeness_by_outcome",
    "completeness_flags",
    "days_to_close",
    "detail_lift",
    "find_root",
    "follow_up_counts",
    "junk_mix",
    "label_correlations",
    "metric_slices",
    "monthly_counts",
    "numeric_features",
    "outcome_group",
    "rate_table",
    "regional_traits",
    "registry_table",
    "stage_outputs",
    "threshold_for_capacity",
    "worst_errors",
]
