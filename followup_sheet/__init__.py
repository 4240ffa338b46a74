"""followup-sheet: a follow-up plan written into your own job-application workbook.

read -> plan -> render -> write; `refresh()` chains them and is what the CLI and the watcher call.
"""

__version__ = "0.1.0"
