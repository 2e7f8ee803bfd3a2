"""Extra groups to slice test metrics by (``evaluate.slices``), beside channel and region.

A slice is a column of the feature table, a column of the ingested inquiries (joined by
inquiry id, so provenance columns such as ``source`` work too), or ``folder``: the top
sub-folder a message file was read from (``hard-ham-1/00042.txt`` -> ``hard-ham-1``), or the
source's file name for a CSV or mbox. Slices only group rows for metrics; they never reach the
model, so a folder that gives the label away cannot leak into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

import pandas as pd

from inquiry_quality.core import schema

FOLDER = "folder"


def source_folder(inquiries: pd.DataFrame) -> pd.Series:
    """Each inquiry's top sub-folder inside its source folder, else the source's file name."""
    positions = inquiries[schema.SOURCE_POSITION].astype("string").fillna("")
    sources = inquiries[schema.SOURCE].astype("string").fillna("")
    folders = [
        position.split("/", 1)[0] if "/" in position else PurePosixPath(source).name
        for position, source in zip(positions, sources, strict=True)
    ]
    return pd.Series(folders, index=inquiries.index, dtype="string")


def slice_groups(test: pd.DataFrame, inquiries: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """One column per slice name, aligned with the rows of ``test`` (missing: ``<NA>``)."""
    by_id = inquiries.drop_duplicates(schema.INQUIRY_ID).set_index(schema.INQUIRY_ID)
    ids = test[schema.INQUIRY_ID].to_numpy()
    out = pd.DataFrame(index=test.index)
    for name in names:
        if name in test.columns:
            out[name] = test[name].astype("string")
        elif name in by_id.columns:
            out[name] = by_id[name].astype("string").reindex(ids).to_numpy()
        elif name == FOLDER:
            out[name] = source_folder(by_id).reindex(ids).to_numpy()
        else:
            raise KeyError(
                f"evaluate.slices: {name!r} is neither a column of the feature table or the "
                f"ingested inquiries nor {FOLDER!r}"
            )
    return out
