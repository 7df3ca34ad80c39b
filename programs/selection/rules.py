"""Who may see and do what with applications: named predicates, one place.

Managers are told apart from reviewers by permission, not group name, so a superuser or a
custom group with the same permissions behaves the same way.
"""

MANAGER_GROUP = "Program managers"
REVIEWER_GROUP = "Reviewers"

DECIDE_PERMISSION = "programs.change_application"
VIEW_PERMISSION = "programs.view_application"


def is_staff_member(user):
    return user.is_authenticated and user.is_active and user.is_staff


def can_see_all_applications(user):
    """Managers and superusers; everyone else sees at most what they are assigned."""
    return is_staff_member(user) and user.has_perm(DECIDE_PERMISSION)


# Shortlist, offer, waitlist, reject, and assign reviewers: what managers do, who see all.
can_decide = can_see_all_applications


def is_assigned(user, application):
    return application.review_assignments.filter(reviewer=user).exists()


def can_view_application(user, application):
    if not user.is_authenticated:
        return False
    if application.applicant_id == user.pk:
        return True
    if can_see_all_applications(user):
        return True
    return (
        is_staff_member(user) and user.has_perm(VIEW_PERMISSION) and is_assigned(user, application)
    )


def can_review(user, application):
    return (
        is_staff_member(user)
        and user.has_perm("selection.add_review")
        and is_assigned(user, application)
    )


def visible_applications(user, queryset):
    """The part of `queryset` this staff member may see."""
    if can_see_all_applications(user):
        return queryset
    if is_staff_member(user) and user.has_perm(VIEW_PERMISSION):
        return queryset.filter(review_assignments__reviewer=user)
    return queryset.none()
