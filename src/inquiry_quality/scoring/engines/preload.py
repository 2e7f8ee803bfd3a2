"""What the local engine's worker processes need, imported once by the forkserver they fork
from (``local.WORKER_MODULE``): the scoring stack, and spaCy's language packages for the
lexicons' languages (French's takes ~2 s to import), so that no worker imports them again."""

from __future__ import annotations

from importlib import import_module

from inquiry_quality.features.lexicon import tokenizer_modules
from inquiry_quality.scoring.engines import partitions as partitions  # the scoring stack

for _module in tokenizer_modules():
    import_module(_module)
