"""Where scoring runs: in this process or worker processes (``local``)."""
