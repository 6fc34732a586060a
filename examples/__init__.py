"""Built-in sample data: a fictional cluster's 2023 year-end reports (see cluster18-2023/)."""

from pathlib import Path

SAMPLE_CLUSTER_DIR = Path(__file__).resolve().parent / "cluster18-2023"
