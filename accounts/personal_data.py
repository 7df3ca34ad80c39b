"""Everything the portal holds about a student: one JSON download, and one deletion.

accounts sits below the apps that keep data about a student, so it cannot name them: each
of them registers a section here in its AppConfig.ready() (applications: the applications,
their documents and history), saying how to export its part and how to erase it. The export
and the deletion then cover every app, and a new app with personal data adds one line.
"""

from collections.abc import Callable
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import timezone

from mail.models import EmailLog

USER_FIELDS = ["email", "first_name", "last_name", "date_joined", "last_login"]
# django-axes keeps logins and failed attempts by email address (the login's username).
LOGIN_RECORD_MODELS = [AccessAttempt, AccessFailureLog, AccessLog]


def _nothing_more(user):
    return []


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable  # (user) -> JSON-ready data, under `name` in the download
    erase: Callable  # (user) -> None; runs inside the deletion's transaction
    # (user) -> sentences for the delete page: what deleting changes beyond the user's data
    consequences: Callable = _nothing_more


_sections: dict[str, Section] = {}


def register(name, *, export, erase, consequences=_nothing_more):
    _sections[name] = Section(name=name, export=export, erase=erase, consequences=consequences)


def deletion_consequences(*, user):
    """What deleting this account does besides removing the student's data, in sentences
    for the delete page (e.g. an accepted place is given up)."""
    return [sentence for section in _sections.values() for sentence in section.consequences(user)]


def _profile_data(user):
    profile = getattr(user, "profile", None)
    if profile is None:
        return None
    data = model_to_dict(profile, exclude=["id", "user"])
    data["updated_at"] = profile.updated_at
    return data


def _login_data(user):
    logins = AccessLog.objects.filter(username__iexact=user.email).order_by("attempt_time")
    return [
        {
            "at": login.attempt_time,
            "logged_out_at": login.logout_time,
            "ip_address": login.ip_address,
            "browser": login.user_agent,
        }
        for login in logins
    ]


def user_export_data(*, user):
    """Everything the portal holds about this student, ready for json.dumps."""
    account = {field: getattr(user, field) for field in USER_FIELDS}
    account["email_verified_at"] = user.email_verified_at
    return {
        "exported_at": timezone.now(),
        "account": account,
        "profile": _profile_data(user),
        **{name: section.export(user) for name, section in _sections.items()},
        "logins": _login_data(user),
    }


@transaction.atomic
def user_delete_account(*, user):
    """Delete the account; see README "Privacy" for what each section keeps.

    The user row is deleted, and so are the emails we sent them and the login records,
    which hold their address and name.
    """
    for section in _sections.values():
        section.erase(user)
    EmailLog.objects.filter(Q(recipient=user) | Q(to__iexact=user.email)).delete()
    for model in LOGIN_RECORD_MODELS:
        model.objects.filter(username__iexact=user.email).delete()
    user.delete()
