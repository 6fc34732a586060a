"""Draft templates (.docx, docxtpl) and the default rubric and award rules, shipped as package data."""

from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parent
DEFAULT_RUBRIC = TEMPLATES_DIR / "rubric.yaml"
DEFAULT_RULES = TEMPLATES_DIR / "award-rules.yaml"
