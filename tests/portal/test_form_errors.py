"""Form errors are tied to their fields, so screen readers announce them with the field."""

import pytest

from tests.page_visits import assert_field_errors_are_described

pytestmark = pytest.mark.django_db


def test_login_field_errors_are_tied_to_their_fields(client):
    html = client.post("/en/accounts/login/", {"username": "", "password": ""}).content.decode()
    assert assert_field_errors_are_described(html) == 2
    assert 'aria-describedby="id_username_error"' in html
    assert '<div id="id_username_error" class="invalid-feedback">' in html


def test_the_check_catches_an_error_not_tied_to_its_field():
    html = '<input name="email" aria-invalid="true" aria-describedby="nowhere">'
    with pytest.raises(AssertionError, match="missing ids"):
        assert_field_errors_are_described(html)
    with pytest.raises(AssertionError, match="no aria-describedby"):
        assert_field_errors_are_described('<input name="email" aria-invalid="true">')
