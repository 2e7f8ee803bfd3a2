"""The model: sklearn pipeline, heads, split, estimators, training, the bundle and per-inquiry
contributions."""
