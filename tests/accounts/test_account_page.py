import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, StaffFactory, StudentProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "accounts:account",
        "accounts:profile",
        "accounts:resend_verification",
        "accounts:password_change",
    ],
)
def test_account_pages_send_visitors_to_the_login_and_back(client, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


def test_logging_in_from_the_redirect_returns_to_the_page(client):
    UserFactory(email="mei@example.org")
    response = client.post(
        reverse("login"),
        {
            "username": "mei@example.org",
            "password": DEFAULT_PASSWORD,
            "next": "/en/accounts/profile/",
        },
    )
    assert response.url == "/en/accounts/profile/"


def test_a_logged_in_user_opening_the_login_page_goes_on(client):
    client.force_login(UserFactory())
    response = client.get(reverse("login"))
    assert response.status_code == 302 and response.url == reverse("home")


def test_login_and_logout_keep_their_names_and_paths():
    assert reverse("login") == "/en/accounts/login/"
    assert reverse("logout") == "/en/accounts/logout/"


def test_the_login_page_links_to_sign_up_and_password_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("accounts:signup") in html
    assert reverse("accounts:password_reset") in html
    assert 'autocomplete="username"' in html  # from Django's AuthenticationForm


def test_account_page_of_an_unverified_student(client):
    profile = StudentProfileFactory(user__email="wei@example.org", user__email_verified_at=None)
    client.force_login(profile.user)

    html = client.get(reverse("accounts:account")).content.decode()

    assert "wei@example.org" in html
    assert "Not verified" in html and "Send the link again" in html
    assert f'action="{reverse("accounts:resend_verification")}"' in html
    assert reverse("accounts:profile") in html
    assert reverse("accounts:password_change") in html
    assert "Your profile is complete." in html


def test_account_page_of_a_verified_student_with_a_part_filled_profile(client):
    profile = StudentProfileFactory(major="", phone="")
    client.force_login(profile.user)

    html = client.get(reverse("accounts:account")).content.decode()

    assert "Verified" in html and "Not verified" not in html
    assert "Send the link again" not in html
    assert "Your profile still needs" in html
    assert "<li>Major</li>" in html and "<li>Phone</li>" in html


def test_account_page_is_a_few_queries(client, django_assert_max_num_queries):
    client.force_login(StudentProfileFactory().user)
    with django_assert_max_num_queries(4):
        client.get(reverse("accounts:account"))


def test_logging_out_takes_a_post(client):
    client.force_login(UserFactory())
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


class TestAdmin:
    def test_staff_filter_users_by_verification(self, client):
        client.force_login(StaffFactory(email="boss@example.org"))
        UserFactory(email="done@example.org", email_verified_at=timezone.now())
        UserFactory(email="pending@example.org")

        verified = client.get("/admin/accounts/user/?verified=yes").content.decode()
        pending = client.get("/admin/accounts/user/?verified=no").content.decode()

        assert "done@example.org" in verified and "pending@example.org" not in verified
        assert "pending@example.org" in pending and "done@example.org" not in pending

    def test_the_user_page_shows_the_profile_inline(self, client):
        client.force_login(StaffFactory())
        profile = StudentProfileFactory(family_name="Li")
        url = f"/admin/accounts/user/{profile.user.pk}/change/"

        html = client.get(url).content.decode()
        assert "Student profile" in html and 'value="Li"' in html

    def test_staff_can_mark_an_address_as_verified(self, client):
        client.force_login(StaffFactory())
        pending = UserFactory()

        response = client.post(
            "/admin/accounts/user/",
            {"action": "mark_email_verified", "_selected_action": [pending.pk]},
            follow=True,
        )

        assert "1 address marked as verified." in response.content.decode()
        assert User.objects.get(pk=pending.pk).is_email_verified

    def test_searching_finds_a_student_by_profile_name(self, client):
        client.force_login(StaffFactory())
        StudentProfileFactory(family_name="Ouyang", user__email="oy@example.org")
        html = client.get("/admin/accounts/user/?q=Ouyang").content.decode()
        assert "oy@example.org" in html
