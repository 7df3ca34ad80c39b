"""Reading the partnership source document into plain data (no database access here)."""

from portal.document.chinese import Translation, parse_translation
from portal.document.parser import DocumentError, ParsedDocument, decode, parse_document

__all__ = [
    "DocumentError",
    "ParsedDocument",
    "Translation",
    "decode",
    "parse_document",
    "parse_translation",
]
