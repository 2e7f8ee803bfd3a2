"""The rep's page (``inquiry-quality serve``): triage a scored batch, mark outcomes.

Modules: ``batch`` (scored rows + their text), ``inbox`` (sorting, filters, paging),
``marks`` (the SQLite event log and its export as labels), ``words`` (numbers in words),
``security`` (token, CSRF, CSP), ``app`` (routes), ``server`` (start-up). Kept light to import:
the CLI reads ``TOKEN_ENV`` from here.
"""

from typing import Final

#: the environment variable holding the access token (never a command-line argument)
TOKEN_ENV: Final = "INQUIRY_QUALITY_TOKEN"
