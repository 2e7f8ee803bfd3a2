"""Message family: how the inquiry arrived (channel) and what came with it."""

from __future__ import annotations

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, attachment_names, text_column

UNKNOWN_CHANNEL = "unknown"


class MessageFeatures(FeatureFamily):
    """The channel and the number of attachments."""

    feature_names = ("channel", "attachments_count")

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        return {
            "channel": [c or UNKNOWN_CHANNEL for c in text_column(X, schema.CHANNEL)],
            "attachments_count": [
                float(len(attachment_names(names))) for names in text_column(X, schema.ATTACHMENTS)
            ],
        }
