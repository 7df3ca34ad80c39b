import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from tests.factories import DEFAULT_PASSWORD, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_the_login_identifier_and_is_normalised():
    user = get_user_model().objects.create_user(
        email="  Li.Wei@Example.ORG ", password="x-long-pass"
    )
    assert user.email == "li.wei@example.org"
    assert get_user_model().USERNAME_FIELD == "email"
    assert not user.is_staff


def test_two_accounts_cannot_share_an_email_in_different_case():
    UserFactory(email="ana@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create(email="ANA@example.org")


def test_superuser_is_staff():
    admin = get_user_model().objects.create_superuser(
        email="boss@example.org", password="pw-long-1"
    )
    assert admin.is_staff and admin.is_superuser


def test_login_page_accepts_email_in_any_case(client):
    UserFactory(email="mei@example.org")
    response = client.post(
        "/en/accounts/login/", {"username": "MEI@example.org", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_login_page_rejects_wrong_password_with_a_message(client):
    UserFactory(email="mei@example.org")
    response = client.post(
        "/en/accounts/login/", {"username": "mei@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.content.decode()
    assert not client.session.get("_auth_user_id")


def test_staff_adds_a_user_in_admin_by_email(client):
    client.force_login(StaffFactory())
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new.student@example.org",
            "password1": "a-Sound-passphrase-42",
            "password2": "a-Sound-passphrase-42",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_user_model().objects.filter(email="new.student@example.org").exists()


def test_admin_user_list_and_change_page_render(client):
    staff = StaffFactory()
    client.force_login(staff)
    assert client.get("/admin/accounts/user/?q=staff").status_code == 200
    assert client.get(f"/admin/accounts/user/{staff.pk}/change/").status_code == 200
