"""The model's heads and which labelled rows each one learns from.

- ``genuine``: a real counterpart (new buyer or existing customer) vs junk, on every row whose
  ``is_genuine`` is known;
- ``order``: an order follows, given a genuine NEW inquiry: genuine rows whose ``converted``
  has matured, existing customers left out (their replies are about deals already running and
  would distort what a new inquiry's chance looks like); ``p_convert = p_genuine * p_order``;
- ``existing_customer``: an existing customer, given genuine: genuine rows whose
  ``existing_customer`` is known; ``p_existing_customer = p_genuine * p(existing | genuine)``
  (scoring routes these to the account owner);
- ``junk_type``: which kind of junk (offer, price fishing, scam, payment fraud, phishing,
  spam), on junk rows that carry a ``junk_type``.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from inquiry_quality.core import schema

GENUINE: Final = "genuine"
ORDER: Final = "order"
EXISTING: Final = "existing_customer"
JUNK_TYPE: Final = "junk_type"
HEADS: Final = (GENUINE, ORDER, EXISTING, JUNK_TYPE)
BINARY_HEADS: Final = (GENUINE, ORDER, EXISTING)

P_ORDER: Final = "p_order"
P_EXISTING: Final = (
    "p_existing_customer"  # P(existing customer) = p_genuine * p(existing | genuine)
)


def _is_customer(table: pd.DataFrame) -> pd.Series:
    if schema.EXISTING_CUSTOMER not in table.columns:
        return pd.Series(False, index=table.index)
    return table[schema.EXISTING_CUSTOMER].eq(1).fillna(False).astype(bool)


def head_target(table: pd.DataFrame, head: str) -> pd.Series:
    """The labels of ``head`` on the rows that have one (index = those rows of ``table``).

    A table without the label's columns gives an empty series: the head has nothing to learn.
    """
    needed = {
        GENUINE: [schema.IS_GENUINE],
        ORDER: [schema.IS_GENUINE, schema.CONVERTED],
        EXISTING: [schema.IS_GENUINE, schema.EXISTING_CUSTOMER],
        JUNK_TYPE: [schema.IS_GENUINE, schema.JUNK_TYPE],
    }[head]
    if any(c not in table.columns for c in needed):
        return pd.Series(dtype="int64" if head != JUNK_TYPE else object)
    genuine = table[schema.IS_GENUINE].eq(1).fillna(False).astype(bool)
    if head == GENUINE:
        return table[schema.IS_GENUINE].dropna().astype("int64")
    if head == ORDER:
        rows = genuine & ~_is_customer(table) & table[schema.CONVERTED].notna()
        return table.loc[rows, schema.CONVERTED].astype("int64")
    if head == EXISTING:
        rows = genuine & table[schema.EXISTING_CUSTOMER].notna()
        return table.loc[rows, schema.EXISTING_CUSTOMER].astype("int64")
    rows = table[schema.IS_GENUINE].eq(0).fillna(False) & table[schema.JUNK_TYPE].notna()
    return table.loc[rows, schema.JUNK_TYPE].astype(str)
