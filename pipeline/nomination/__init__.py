"""Nomination: which award tdkt proposes for each ranked unit and officer, by the cluster's rules,
and next year's leader and deputy."""
