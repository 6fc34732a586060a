"""The foundation every stage stands on: the document model, the exception hierarchy, settings,
Vietnamese text normalisation, validated YAML loading and atomic writes. Imports nothing of tdkt."""
