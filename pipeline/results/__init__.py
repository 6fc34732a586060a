"""Results as data and as the officer's first reading: a file's outcome, the cluster's result, why
each unit got its points (explain), the run report."""
