"""Who may change an application: the student it belongs to, and the staff who decide.

Staff are told apart by permission, not group name, so a superuser or a custom group with
the same permissions behaves the same way. The staff side (selection.rules) builds on these.
"""

from django.contrib.auth import get_user_model

DECIDE_PERMISSION = "applications.change_application"
VIEW_PERMISSION = "applications.view_application"
# The backend that knows group and user permissions (the other one, axes, only throttles).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def is_staff_member(user):
    return user.is_authenticated and user.is_active and user.is_staff


def can_decide(user):
    """Managers and superusers: they shortlist, offer, waitlist, reject and see everything."""
    return is_staff_member(user) and user.has_perm(DECIDE_PERMISSION)


def staff_with_permission(permission):
    """Active staff members who hold `permission`, through a group, directly or as
    superusers: the same people `user.has_perm(permission)` says yes to."""
    return (
        get_user_model()
        .objects.with_perm(permission, backend=PERMISSION_BACKEND)
        .filter(is_active=True, is_staff=True)
    )


def is_owner(user, application):
    return user.is_authenticated and application.applicant_id == user.pk
