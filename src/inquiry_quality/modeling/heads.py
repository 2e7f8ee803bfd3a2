"""The model's heads and which labelled rows each one learns from.

- ``genuine``: real buyer vs junk, on every row whose ``is_genuine`` is known;
- ``order``: an order follows, given genuine: genuine rows whose ``converted`` has matured;
  combined with ``genuine`` as ``p_convert = p_genuine * p_order``;
- ``junk_type``: which kind of junk (advertising, price fishing, scam, phishing, spam), on junk
  rows that carry a ``junk_type``.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from inquiry_quality.core import schema

GENUINE: Final = "genuine"
ORDER: Final = "order"
JUNK_TYPE: Final = "junk_type"
HEADS: Final = (GENUINE, ORDER, JUNK_TYPE)
BINARY_HEADS: Final = (GENUINE, ORDER)

P_ORDER: Final = "p_order"


def head_target(table: pd.DataFrame, head: str) -> pd.Series:
    """The labels of ``head`` on the rows that have one (index = those rows of ``table``).

    A table without the label's columns gives an empty series: the head has nothing to learn.
    """
    needed = {
        GENUINE: [schema.IS_GENUINE],
        ORDER: [schema.IS_GENUINE, schema.CONVERTED],
        JUNK_TYPE: [schema.IS_GENUINE, schema.JUNK_TYPE],
    }[head]
    if any(c not in table.columns for c in needed):
        return pd.Series(dtype="int64" if head != JUNK_TYPE else object)
    genuine = table[schema.IS_GENUINE]
    if head == GENUINE:
        return genuine.dropna().astype("int64")
    if head == ORDER:
        rows = genuine.eq(1).fillna(False) & table[schema.CONVERTED].notna()
        return table.loc[rows, schema.CONVERTED].astype("int64")
    rows = genuine.eq(0).fillna(False) & table[schema.JUNK_TYPE].notna()
    return table.loc[rows, schema.JUNK_TYPE].astype(str)
