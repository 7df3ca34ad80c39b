"""Which language our emails to a student are in, and how a code maps to one the site offers."""

import pytest

from accounts.models import supported_language


@pytest.mark.parametrize(
    ("code", "supported"),
    [
        ("en", "en"),
        ("zh-hans", "zh-hans"),
        ("zh-Hans", "zh-hans"),
        ("zh-cn", "zh-hans"),
        ("en-gb", "en"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_supported_language_maps_a_code_to_one_the_site_offers(code, supported):
    assert supported_language(code) == supported
