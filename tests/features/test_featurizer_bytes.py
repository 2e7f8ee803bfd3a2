"""A trained model's bytes do not depend on the process: the featurizer pickles the same under
any string-hash seed (sets of CRM values or sent Message-IDs are stored sorted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

SCRIPT = """
import hashlib, pickle, sys
from inquiry_quality.core.config import FeaturizeParams
from inquiry_quality.features import featurizer_from_params
params = FeaturizeParams(known_parties=sys.argv[1], sent_messages=sys.argv[2])
print(hashlib.md5(pickle.dumps(featurizer_from_params(params))).hexdigest())
"""


def test_the_featurizer_pickles_the_same_under_any_hash_seed(
    tmp_path: Path, python_output: Callable[..., str]
) -> None:
    contacts = tmp_path / "contacts.csv"
    pd.DataFrame(
        {
            "company": [f"Firm {i}" for i in range(30)],
            "domains": [f"firm{i}.de" for i in range(30)],
            "emails": [f"anna.berg{i}@firm{i}.de; ops{i}@firm{i}.de" for i in range(30)],
            "phone": [f"+49 30 1234{i:03d}" for i in range(30)],
        }
    ).to_csv(contacts, index=False)
    sent = tmp_path / "sent.csv"
    sent.write_text("message_id\n" + "".join(f"<q{i}@ours.com>\n" for i in range(50)))
    digests = {
        python_output(SCRIPT, str(contacts), str(sent), env={"PYTHONHASHSEED": seed}).strip()
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1  # one digest for every seed
