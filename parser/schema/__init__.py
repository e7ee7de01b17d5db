"""Stage 5, schema validation: the JSON is checked against ``schemas/scoreline.schema.json``
(or a schema given with ``--schema``), which is vetted when it is loaded (``vetting``);
violations become SC001 findings with bounded messages, at most ``MAX_ERRORS`` per
document, each at the source of the object it concerns (``validation``).
"""

from .validation import MAX_ERRORS, MAX_MESSAGE_CHARS, fast_validator, load_validator, validate
from .vetting import MAX_SCHEMA_BYTES, load_schema, read_schema, vet_schema

__all__ = ["MAX_ERRORS", "MAX_MESSAGE_CHARS", "MAX_SCHEMA_BYTES", "fast_validator",
           "load_schema", "load_validator", "read_schema", "validate", "vet_schema"]
