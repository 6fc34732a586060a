"""The cluster's criteria document (bảng tiêu chí chấm điểm thi đua) in and out.

importer   the criteria table of a .docx/.pdf/.doc (any layout) read into a Rubric, with every
           row placed or reported
phrases    evidence phrases and deduction rules suggested from a criterion's title
export     a rubric written back as YAML (with what the import noticed) or as the Word table
"""

from pipeline.criteria.importer import (
    RubricImport,
    RubricImportError,
    import_file,
    import_rubric,
    is_rubric_document,
)

# What a criteria document imports as depends on the importer. A workspace keeps each import; one
# made by an earlier importer version is done again from the archived original. Raise this with
# every change that can change an import's result.
IMPORTER_VERSION = 3  # 3: a header PDF broke ("ST T") read; a unit's report is never criteria

__all__ = [
    "IMPORTER_VERSION", "RubricImport", "RubricImportError", "import_file", "import_rubric", "is_rubric_document",
]
