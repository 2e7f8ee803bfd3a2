"""The small project's model as a scorer, and its new batch (its pyfunc export: tests/conftest)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core.config import Params
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.batch import ANY_DATE
from inquiry_quality.scoring.pasted import inquiry_from_text


@pytest.fixture(scope="session")
def scorer(project_bundle_dir: Path, project_params: Params) -> Scorer:
    return Scorer(load_bundle(project_bundle_dir), project_params.score)


@pytest.fixture(scope="session")
def new_batch(project_params: Params) -> pd.DataFrame:
    """The generated new batch, read as the score stage reads it (platform export + mbox)."""
    chunks = [
        chunk
        for spec in project_params.score.sources
        for chunk in read_inquiries(spec, project_params.ingest, Path("/"), ANY_DATE)
    ]
    return pd.concat([c.table for c in chunks], ignore_index=True)


FREE_MAIL_NO_COMPANY = """From: Tom <tom.buyer1987@gmail.com>
To: sales@ningbo-led.cn
Subject: price
Date: Mon, 23 Nov 2026 08:15:00 +0000

hi, send me your price list and catalogue for all your products. thanks
"""

COMPLETE_RFQ = """From: Anna Berg <anna.berg@berg-licht.de>
To: sales@ningbo-led.cn
Subject: RFQ: 2,000 pcs LED panel light 600x600 40W, FOB Ningbo
Date: Mon, 23 Nov 2026 09:30:00 +0100

Dear Ms. Chen,

We are Berg Licht GmbH, a lighting distributor in Hamburg, Germany. Please quote 2,000 pcs
LED panel light 600x600 40W 4000K IP20 CRI>80 (your model NB-PL6060-40W), packed in export
cartons with our logo. Price term FOB Ningbo, payment T/T 30% deposit and 70% before
shipment, delivery to Hamburg port within 45 days. Please include CE and RoHS certificates.

Best regards,
Anna Berg
Purchasing Manager
Berg Licht GmbH
Tel: +49 40 1234567
Fax: +49 40 1234568
www.berg-licht.de
"""

SCAM = """From: "Dr. James Okoro" <jamesokoro1960@gmail.com>
Reply-To: payments.okoro@yahoo.com
Subject: URGENT BUSINESS PROPOSAL
Date: Mon, 23 Nov 2026 10:00:00 +0000

Dear Sir/Madam,

I am the director of contracts at the ministry. We have an approved contract of USD 4,500,000
for LED lights and need a foreign partner. Kindly pay the registration fee of USD 850 by
Western Union to release the order, and send your bank details.
"""


@pytest.fixture(scope="session")
def examples(project_params: Params) -> pd.DataFrame:
    """Three canonical inquiries from pasted e-mails: vague free-mail, complete RFQ, scam."""
    extra = (project_params.ingest.extra_numeric, project_params.ingest.extra_categorical)
    texts = (FREE_MAIL_NO_COMPANY, COMPLETE_RFQ, SCAM)
    return pd.concat([inquiry_from_text(t, None, *extra) for t in texts], ignore_index=True)
