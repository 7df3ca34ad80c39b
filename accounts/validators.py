"""Checks on what students type into their profile, with errors that say how to fix it."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Latin letters with the accents of European and Vietnamese names (Basic Latin, Latin-1,
# Latin Extended-A/B, Latin Extended Additional); words joined by a space, hyphen,
# apostrophe or period, e.g. "Nguyễn Thị", "O'Brien", "Jean-Luc", "Jr.".
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
LATIN_NAME_RE = re.compile(rf"^[{_LATIN_LETTER}]+(?:(?:[ \-'’]|\. ?)[{_LATIN_LETTER}]+)*\.?$")

# CJK ideographs (unified, extension A and B–F, compatibility) and the middle dot that
# separates the parts of transliterated names such as "阿依古丽·买买提".
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
CHINESE_NAME_RE = re.compile(rf"^[{_CJK}]+(?:[·・•][{_CJK}]+)*$")

# An international number: optional "+", then 6 to 15 digits (E.164 allows 15) separated
# by single spaces, hyphens, dots or a bracketed area code.
PHONE_ALLOWED_RE = re.compile(r"^\+?[0-9 ()\-.]+$")


def normalise_name(value):
    """NFC-normalise and collapse runs of whitespace, so "Li  Wei " is stored as "Li Wei"."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def validate_latin_name(value):
    if value and not LATIN_NAME_RE.match(value):
        raise ValidationError(
            _(
                "Write the name in Latin letters as in your passport, for example “Li” or "
                "“Nguyễn”. Chinese characters go into “Name in Chinese characters”."
            ),
            code="not_latin",
        )


def validate_chinese_name(value):
    if value and not CHINESE_NAME_RE.match(value):
        raise ValidationError(
            _(
                "Use Chinese characters only, for example “李伟”; leave the field empty "
                "if you have no Chinese name."
            ),
            code="not_chinese",
        )


def normalise_phone(value):
    return " ".join(value.split())


def validate_phone(value):
    digits = re.sub(r"\D", "", value)
    if not PHONE_ALLOWED_RE.match(value) or not 6 <= len(digits) <= 15:
        raise ValidationError(
            _(
                "Enter a phone number with its country code, for example "
                "“+86 571 8795 1234”: digits, spaces, hyphens and a leading “+” only."
            ),
            code="invalid_phone",
        )
