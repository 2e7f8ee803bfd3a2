"""``StableTfidf``: a TfidfVectorizer whose pickle is the same in every process.

scikit-learn caches ``id(self.stop_words)`` on the vectorizer (``_stop_words_id``, to warn once
about inconsistent stop words). That is a memory address, different in every process, so a model
trained twice on the same data pickled to different bytes and ``dvc.lock`` changed on every run.
The cache is dropped from the pickled state; the vectorizer rebuilds it on its next use.
"""

from __future__ import annotations

from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer


class StableTfidf(TfidfVectorizer):
    """TfidfVectorizer without the process-specific stop-word cache in its pickled state."""

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        state.pop("_stop_words_id", None)
        return state
