"""`python -m followup_sheet.sample [PATH]`: write the sample tracker (cli.sample_main)."""

from ..cli import sample_main

raise SystemExit(sample_main())
