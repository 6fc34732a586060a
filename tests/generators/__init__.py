"""Seeded generators of documents with ground truth, for property tests and benches."""
