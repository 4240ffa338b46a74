"""`python -m followup_sheet` runs the command line."""

from .console import run

run()
