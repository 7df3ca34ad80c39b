"""Who may change an application: the student it belongs to, and the staff who decide.

Staff are told apart by permission, not group name, so a superuser or a custom group with
the same permissions behaves the same way. The staff side (selection.rules) builds on these.
"""

DECIDE_PERMISSION = "applications.change_application"
VIEW_PERMISSION = "applications.view_application"


def is_staff_member(user):
    return user.is_authenticated and user.is_active and user.is_staff


def can_decide(user):
    """Managers and superusers: they shortlist, offer, waitlist, reject and see everything."""
    return is_staff_member(user) and user.has_perm(DECIDE_PERMISSION)


def is_owner(user, application):
    return user.is_authenticated and application.applicant_id == user.pk
