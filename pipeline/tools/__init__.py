"""Reviewer tools run on demand: `tdkt finalize` (the finished set from the reviewers' list) and
reading that list back."""
