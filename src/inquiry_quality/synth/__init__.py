"""The embedded default data set: a fictional LED exporter's labelled inquiry history.

``generate(params, out_dir)`` writes the catalogue, the history (platform export, mailbox,
CRM outcomes), a new unlabelled batch and the ground truth; docs/synthetic-data.md explains
the generative model.
"""

from inquiry_quality.synth.generate import generate

__all__ = ["generate"]
