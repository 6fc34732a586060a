"""Pictures of the drafts for the README, made from a real run on the sample cluster.

    ./scripts/readme-images            (or .venv/bin/python scripts/readme_images.py)

Each document of the conference set is rendered from the sample cluster, converted to PDF by
LibreOffice headless and its pages rasterised by pdftoppm (poppler-utils) into docs/images/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.drafts.render import DOCUMENTS
from pipeline.runs.inbox_run import process_inbox

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "cluster18-2023"
IMAGES = ROOT / "docs" / "images"
# (document kind, pages to show, image name)
PAGES = [
    ("summary", [1], "bao-cao-tong-ket"),
    ("nominations", [1], "danh-sach-de-nghi-khen-thuong"),
    ("proposal", [1], "to-trinh"),
    ("minutes", [1, 2], "bien-ban"),
    ("pledge", [1, 3], "giao-uoc"),
]


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("Cần LibreOffice (soffice) và poppler-utils (pdftoppm): chạy ./scripts/system-tools", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tdkt-images-") as tmp:
        work = Path(tmp)
        run = process_inbox(SAMPLE / "inbox", work / "run", rubric=SAMPLE / "rubric.yaml", rules=SAMPLE / "rules.yaml",
                            cluster=SAMPLE / "cluster.yaml")
        drafts = {kind: work / "run" / d.name_for(run.year) for kind, d in DOCUMENTS.items()}
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, drafts.values())],
                       check=True, capture_output=True, timeout=300)
        for kind, pages, name in PAGES:
            pdf = work / "pdf" / f"{drafts[kind].stem}.pdf"
            for page in pages:
                target = IMAGES / f"{name}-{page}"
                subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                                str(pdf), str(target)], check=True, timeout=60)
                print(f"wrote {target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
