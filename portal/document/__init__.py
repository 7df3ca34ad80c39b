"""Reading the partnership source document into plain data (no database access here)."""

from portal.document.parser import DocumentError, ParsedDocument, decode, parse_document

__all__ = ["DocumentError", "ParsedDocument", "decode", "parse_document"]
