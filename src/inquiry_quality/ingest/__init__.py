"""Ingest: every inquiry source into one validated table (see ``pipeline.ingest``).

The readers are public so that scoring reads new batches exactly as training read history:
``read_inquiries(path_or_source)`` yields (table chunk, quarantine chunk) pairs for CSV,
Excel, JSON Lines, Parquet, a folder of message files or an mbox.
"""

from inquiry_quality.ingest.email_reader import parse_message
from inquiry_quality.ingest.frames import Chunk, IngestError
from inquiry_quality.ingest.pipeline import IngestResult, ingest, read_table
from inquiry_quality.ingest.sources import SourceReader, infer_format, read_inquiries

__all__ = [
    "Chunk",
    "IngestError",
    "IngestResult",
    "SourceReader",
    "infer_format",
    "ingest",
    "parse_message",
    "read_inquiries",
    "read_table",
]
