"""Featurizing speed of the whole extractor set: the stage (every core) and one process.

    python bench/featurize_speed.py [--inquiries data/interim/inquiries.parquet]
        [--catalogue data/raw/generated/catalogue.csv] [--n 20000]

Uses the ingested history when the parquet exists, else a seeded synthetic frame of
realistic inquiries. Prints inquiries per second of the featurize stage's ``feature_table``
(target: >= 3,000 on 2 cores, worker start-up included) and of one process.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from joblib import cpu_count

from inquiry_quality.features import build_featurizer, feature_table

BODIES = (
    "Dear Ms. Chen,\n\nPlease quote {qty} pcs {model} ({watt}W, 4000K, IP65), packed in export "
    "cartons. Price FOB Ningbo and CIF {port}. Payment T/T 30% deposit. Delivery within 45 days."
    "\nCould you send the CE certificate?\n\nBest regards,\n{name}\nPurchasing Manager\n"
    "{company}\nTel: +49 40 {phone}\nwww.{domain}",
    "Hi, need {qty} units of {model} asap, what is your best price? Thanks {name}",
    "Dear Sir/Madam,\nWe are interested in your products. Kindly send your price list and "
    "catalogue with best price for all your products.\nRegards",
    "Dear Friend, I am a barrister to the late client who left USD 8.5 million dollars. Next of "
    "kin needed; pay the processing fee by Western Union to release the fund transfer.",
    "Please view the inquiry in the attached document. Login to view with your email password: "
    "http://secure-docs.example.net/view?id={phone}",
    "Estimados señores, necesitamos {qty} unidades de {model}, precio CIF {port}, pago por "
    "transferencia. Plazo de entrega 30 días. Saludos, {name}",
)


def synthetic_inquiries(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` realistic inquiries built from templates with seeded substitutions."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        fill = {
            "qty": int(rng.integers(1, 100)) * 100,
            "model": f"NB-PL{int(rng.integers(10, 99))}60-{int(rng.integers(1, 9)) * 10}W",
            "watt": int(rng.integers(5, 200)),
            "port": rng.choice(["Hamburg", "Rotterdam", "Valencia", "Jebel Ali", "Lagos"]),
            "name": rng.choice(["Hans Müller", "Anna Rossi", "John Smith", "Juan García"]),
            "company": f"Company {i % 500} GmbH",
            "domain": f"company{i % 500}.de",
            "phone": int(rng.integers(1_000_000, 9_999_999)),
        }
        body = BODIES[i % len(BODIES)].format(**fill)
        rows.append(
            {
                "inquiry_id": f"q{i}",
                "channel": rng.choice(["email", "web_form", "platform"]),
                "subject": rng.choice(["RFQ", "RE: RE: inquiry", "Price", "Cotización"]),
                "body": body,
                "sender_name": fill["name"],
                "sender_email": rng.choice([f"buyer{i}@gmail.com", f"info@{fill['domain']}"]),
                "company": fill["company"] if i % 3 else None,
                "country": rng.choice(["Germany", "UK", "USA", "UAE", "nigeria", "Spain", ""]),
                "phone": f"+49 40 {fill['phone']}" if i % 2 else None,
                "attachments": rng.choice(["", "spec.pdf", "inquiry.html", "order.zip"]),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inquiries", type=Path, default=Path("data/interim/inquiries.parquet"))
    parser.add_argument("--catalogue", type=Path, default=Path("data/raw/generated/catalogue.csv"))
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()
    if args.inquiries.exists():
        inquiries = pd.read_parquet(args.inquiries).head(args.n)
        source = str(args.inquiries)
    else:
        inquiries, source = synthetic_inquiries(args.n), "synthetic templates"
    catalogue = pd.read_csv(args.catalogue) if args.catalogue.exists() else None
    featurizer = build_featurizer(catalogue=catalogue)
    # End to end as the featurize stage runs it: worker start-up included, on every core.
    start = time.perf_counter()
    features = feature_table(inquiries, featurizer)
    seconds = time.perf_counter() - start
    n = len(inquiries)
    print(f"{n} inquiries from {source}; {features.shape[1]} columns")
    print(f"catalogue: {args.catalogue if catalogue is not None else 'none'}")
    print(f"featurize stage (feature_table, {cpu_count()} cores): {n / seconds:,.0f} inquiries/s")
    # One process, rules already built: the figure that scoring's workers each reach.
    featurizer.transform(inquiries.head(50))
    start, start_cpu = time.perf_counter(), time.process_time()
    featurizer.transform(inquiries)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    print(f"one process: {n / seconds:,.0f} inquiries/s wall clock ({seconds:.2f} s)")
    # CPU time of this process: the fair figure when other jobs share the two cores
    print(f"one process: {n / cpu:,.0f} inquiries/s of CPU time ({cpu:.2f} s)")
    # Yardstick: the bare spaCy tokenizer over the same texts (STACK-NOTES: ~20k docs/s idle),
    # first with a fresh vocabulary (as the featurizer met them), then again with it warm.
    texts = (inquiries["subject"].fillna("") + "\n" + inquiries["body"].fillna("")).tolist()
    tokenizer = spacy.blank("en").tokenizer
    for state in ("fresh", "warm"):
        start_cpu = time.process_time()
        for _ in tokenizer.pipe(texts, batch_size=256):
            pass
        tokenizer_cpu = time.process_time() - start_cpu
        print(
            f"bare spaCy tokenizer, {state} vocabulary: {n / tokenizer_cpu:,.0f} docs/s of CPU "
            f"time; all features cost {cpu / tokenizer_cpu:.1f}x this pass"
        )


if __name__ == "__main__":
    main()
