"""Render the README pictures of the HTML call sheet (at phone width) and of the stats page.

Usage: python docs/make_export_pictures.py  (needs headless Chromium). Writes docs/call_sheet.png
and docs/stats.png from the sample tracker, for its reference day, through the same commands a
user runs, and docs/call_sheet_de.png from the sample made in German (`demo --language de`).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from followup_sheet.sample import REFERENCE_DATE, build_sample

PICTURES = {   # name: (command, window width, height, the sample's language)
    "call_sheet.png": ("today", 390, 780, "en"),
    "stats.png": ("stats", 640, 900, "en"),
    "call_sheet_de.png": ("today", 390, 780, "de"),
}


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("needs headless Chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, (command, width, height, language) in PICTURES.items():
            tracker = build_sample(tmp / f"sample_tracker_{language}.xlsx", today=REFERENCE_DATE, language=language)
            page = tmp / f"{command}_{language}.html"
            subprocess.run([sys.executable, "-m", "followup_sheet", "-q", command, str(tracker),
                            "--today", REFERENCE_DATE.isoformat(), "--output", str(page)], check=True)
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={tmp / 'profile'}", f"--window-size={width},{height}",
                            f"--screenshot={here / name}", page.as_uri()],
                           check=True, capture_output=True, timeout=120)
            print(f"wrote {here / name} ({(here / name).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
