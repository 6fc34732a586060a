"""Vocabulary the readers use as data (a package so that it is installed with them)."""
