"""Scoring: the points tdkt accepts for each unit and criterion (the unit's self-score checked
against the evidence rules and caps), totals and the ranking."""
