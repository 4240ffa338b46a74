"""`python -m followup_sheet` runs the command line."""

from .cli import run

run()
