from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest import IngestError, IngestResult, ingest
from inquiry_quality.ingest.outcomes import join_labels, load_outcomes

CRM = SourceParams(
    path="crm.csv",
    mapping={
        "Ref": "key",
        "Lead Status": "is_genuine",
        "Junk Category": "junk_type",
        "Deal Stage": "converted",
        "Order Value (USD)": "order_value",
    },
    values={
        "Lead Status": {"Genuine": 1, "Junk": 0},
        "Deal Stage": {"Won": 1, "Lost": 0, "Open": None},
    },
)


def test_crm_rows_are_checked_and_keys_normalised(tmp_path: Path) -> None:
    pd.DataFrame(
        {
            "Ref": ["<a@x> ", "RFQ-1", "RFQ-2", "RFQ-3", "", "RFQ-1", "RFQ-5"],
            "Lead Status": ["Genuine", "Junk", "Maybe", "Genuine", "Junk", "Genuine", "Genuine"],
            "Junk Category": ["", "Price fishing", "", "", "", "", ""],
            "Deal Stage": ["Won", "Lost", "Open", "Open", "Lost", "Won", "Won"],
            "Order Value (USD)": ["10.5", "", "", "", "", "", "-3"],
        }
    ).to_csv(tmp_path / "crm.csv", index=False)
    outcomes = load_outcomes(CRM, IngestParams(), tmp_path)
    labels = outcomes.labels
    assert list(labels.index) == ["a@x", "RFQ-1", "RFQ-3"]  # first of a repeated key wins
    assert labels.loc["RFQ-1", schema.JUNK_TYPE] == "price_fishing"
    assert labels.loc["a@x", schema.ORDER_VALUE] == 10.5
    assert pd.isna(labels.loc["RFQ-3", schema.CONVERTED])
    reasons = dict(
        zip(outcomes.quarantine[schema.SOURCE_POSITION], outcomes.quarantine["reason"], strict=True)
    )
    assert reasons == {
        "4": "is_genuine is not 0, 1 or empty",
        "6": "outcome without a key",
        "8": "order_value is not a non-negative number",
    }
    report = outcomes.report()
    assert report["rows_read"] == 7 and report["rows_duplicate_key"] == 1


def test_missing_key_mapping_is_an_error(tmp_path: Path) -> None:
    pd.DataFrame({"Ref": ["a"], "Lead Status": ["Genuine"]}).to_csv(tmp_path / "crm.csv")
    spec = SourceParams(path="crm.csv", mapping={"Lead Status": "is_genuine"})
    with pytest.raises(IngestError, match=r"crm\.csv: the mapping names no column as 'key'"):
        load_outcomes(spec, IngestParams(), tmp_path)


def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for folder, n in (("easy-ham-1", 2), ("spam-2", 3)):
        (root / folder).mkdir(parents=True)
        for i in range(n):
            (root / folder / f"{i}.txt").write_text(
                f"Message-ID: <{folder}.{i}@x>\nFrom: a{i}@x.com\n"
                f"Date: Mon, 3 Mar 2025 10:00:00 +0000\nSubject: s\n\n{folder} body {i}\n"
            )
    return root


def ingest_corpus(tmp_path: Path, labels: str, fmt: str, column: str) -> IngestResult:
    """Ingest the corpus folder with ham/spam labels from ``labels`` (a file or the folder)."""
    outcome = SourceParams(
        path=labels,
        format=fmt,
        join_on="path",
        mapping={"path": "key", column: "is_genuine"},
        values={column: {"ham": 1, "spam": 0}},
    )
    params = IngestParams(sources=[SourceParams(path="corpus")], outcomes=[outcome])
    return ingest(params, tmp_path, tmp_path / "t.parquet")


def test_labels_from_a_labels_file(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    pd.DataFrame(
        {
            "path": ["easy-ham-1/0.txt", "easy-ham-1/1.txt", "spam-2/0.txt", "spam-2/9.txt"],
            "label": ["ham", "ham", "spam", "spam"],
        }
    ).to_csv(root / "labels.csv", index=False)
    result = ingest_corpus(tmp_path, "corpus/labels.csv", "csv", "label")
    table = result.read_table().set_index(schema.SOURCE_POSITION)
    assert table[schema.IS_GENUINE].astype("float").fillna(-1).to_dict() == {
        "easy-ham-1/0.txt": 1,
        "easy-ham-1/1.txt": 1,
        "spam-2/0.txt": 0,
        "spam-2/1.txt": -1,
        "spam-2/2.txt": -1,
    }
    assert result.report["outcomes"][0]["labels_joined"] == 3
    assert result.report["outcomes"][0]["labels_unmatched"] == 1
    assert result.report["inquiries_labelled"] == 3


def test_labels_from_folder_names(tmp_path: Path) -> None:
    corpus(tmp_path)
    table = ingest_corpus(tmp_path, "corpus", "folders", "folder").read_table()
    expected = [1, 1, 0, 0, 0]
    assert table.sort_values(schema.SOURCE_POSITION)[schema.IS_GENUINE].tolist() == expected


def test_labels_from_an_index_without_a_header(tmp_path: Path) -> None:
    """TREC's layout: ``full/index`` lines ``spam ../data/inmail.1``, paths from its folder."""
    root = corpus(tmp_path)
    (root / "full").mkdir()
    (root / "full" / "index").write_text(
        "ham ../easy-ham-1/0.txt\nspam ../spam-2/0.txt\nspam\nspam ../spam-2/1.txt\n"
    )
    outcome = SourceParams(
        path="corpus/full/index",
        format="csv",
        delimiter=" ",
        columns=["label", "path"],
        join_on="path",
        mapping={"path": "key", "label": "is_genuine"},
        values={"label": {"ham": 1, "spam": 0}},
    )
    sources = [SourceParams(path="corpus", exclude=["full"])]
    result = ingest(IngestParams(sources=sources, outcomes=[outcome]), tmp_path, tmp_path / "t")
    table = result.read_table().set_index(schema.SOURCE_POSITION)
    assert len(table) == 5  # the index itself is not read as a message
    labelled = table[schema.IS_GENUINE].dropna().astype(int).to_dict()
    assert labelled == {"easy-ham-1/0.txt": 1, "spam-2/0.txt": 0, "spam-2/1.txt": 0}
    quarantined = result.quarantine.set_index(schema.SOURCE_POSITION)
    assert quarantined.loc["3", "reason"] == "truncated row"  # line 3: "spam" and no path


def test_the_first_source_wins_and_disagreements_are_counted(tmp_path: Path) -> None:
    """The reps' marks (first) override the CRM per column; the CRM fills the rest."""
    pd.DataFrame(
        {
            "Ref": ["RFQ-1", "RFQ-2", "RFQ-3"],
            "Lead Status": ["Genuine", "Junk", "Genuine"],
            "Junk Category": ["", "Spam", ""],
            "Deal Stage": ["Won", "Open", "Lost"],
            "Order Value (USD)": ["", "", ""],
        }
    ).to_csv(tmp_path / "crm.csv", index=False)
    pd.DataFrame(
        {
            "inquiry_id": ["RFQ-1", "RFQ-2"],
            "is_genuine": [0, 0],
            "junk_type": ["scam", "spam"],
        }
    ).to_csv(tmp_path / "marks.csv", index=False)
    marks = load_outcomes(
        SourceParams(path="marks.csv", mapping={"inquiry_id": "key"}), IngestParams(), tmp_path
    )
    crm = load_outcomes(CRM, IngestParams(), tmp_path)
    table = pd.DataFrame({schema.INQUIRY_ID: ["RFQ-1", "RFQ-2", "RFQ-3"]})
    for column in schema.LABEL_COLUMNS:
        table[column] = pd.Series(pd.NA, index=table.index, dtype="object")
    joined = join_labels(table, [marks, crm], tmp_path)
    assert joined[schema.IS_GENUINE].tolist() == [0, 0, 1]
    assert joined[schema.JUNK_TYPE].fillna("").tolist() == ["scam", "spam", ""]
    assert joined[schema.CONVERTED].fillna(-1).tolist() == [1, -1, 0]  # no mark says: the CRM's
    assert crm.report()["disagreements"] == {"converted": 0, "is_genuine": 1, "junk_type": 0}
    assert marks.report()["disagreements"] == {"converted": 0, "is_genuine": 0, "junk_type": 0}
