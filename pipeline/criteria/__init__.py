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

__all__ = ["RubricImport", "RubricImportError", "import_file", "import_rubric", "is_rubric_document"]
