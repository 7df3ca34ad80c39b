import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_login(settings):
    settings.DEMO_STAFF_EMAIL = "staff@example.org"
    settings.DEMO_STAFF_PASSWORD = "demo-pass-123"
    return settings


def test_creates_a_staff_login_and_prints_it(demo_login, capsys):
    call_command("ensure_demo_staff")
    out = capsys.readouterr().out
    assert "staff@example.org / demo-pass-123" in out
    user = get_user_model().objects.get(email="staff@example.org")
    assert user.is_staff and user.is_superuser and user.check_password("demo-pass-123")


def test_running_twice_keeps_one_account(demo_login, capsys):
    call_command("ensure_demo_staff")
    call_command("ensure_demo_staff")
    assert get_user_model().objects.filter(email="staff@example.org").count() == 1
    assert "Kept demo staff login" in capsys.readouterr().out


def test_repairs_a_changed_password_and_lost_staff_flag(demo_login):
    call_command("ensure_demo_staff")
    user = get_user_model().objects.get(email="staff@example.org")
    user.set_password("something-else")
    user.is_staff = False
    user.save()
    call_command("ensure_demo_staff")
    user.refresh_from_db()
    assert user.is_staff and user.check_password("demo-pass-123")


def test_refuses_without_a_password(settings):
    settings.DEMO_STAFF_PASSWORD = ""
    with pytest.raises(CommandError, match="DEMO_STAFF_PASSWORD is not set"):
        call_command("ensure_demo_staff")
    assert not get_user_model().objects.exists()
