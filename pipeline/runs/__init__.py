"""The runs: the step functions (steps.py) and the two orchestrations that call them, the one-shot
`tdkt run` over an inbox (inbox_run.py) and the workspace an office keeps for a season (intake,
ledger, drafting, workspace_run). The Prefect flows in flows/ wrap these same steps."""
