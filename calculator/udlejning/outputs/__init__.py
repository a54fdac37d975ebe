"""What each endpoint answers, declared once (``shape``: the vocabulary and the generator of the
output JSON Schemas; ``common``: the shared pieces; one module per family of endpoints). The
endpoint registry (``udlejning.endpoints``) names each endpoint's ``output``."""
