"""The Simplified Chinese catalogue is complete, and the compiled file matches it."""

import ast
import gettext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _entries(text):
    """(flags, msgid, [msgstr, ...], msgctxt or None) for each live entry of a .po file."""
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags, fields, current = set(), {}, None
        for line in lines:
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            elif line.strip():
                current, _, literal = line.partition(" ")
                fields[current] = ast.literal_eval(literal)
        if fields.get("msgid"):
            strings = [value for key, value in fields.items() if key.startswith("msgstr")]
            yield flags, fields["msgid"], strings, fields.get("msgctxt")


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = list(_entries(PO.read_text(encoding="utf-8")))
    assert len(entries) > 100
    untranslated = [msgid for _, msgid, strings, _ in entries if not all(strings)]
    fuzzy = [msgid for flags, msgid, _, _ in entries if "fuzzy" in flags]
    assert untranslated == [] and fuzzy == []


def test_the_compiled_catalogue_matches_the_source():
    with MO.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [
        msgid
        for _, msgid, strings, context in _entries(PO.read_text(encoding="utf-8"))
        if len(strings) == 1
        and (catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid))
        != strings[0]
    ]
    assert stale == [], "run `make messages` to recompile locale/zh_Hans"
