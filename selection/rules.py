"""Who may see and do what with applications on the staff side: named predicates, one place.

Built on applications.rules, which says who may change an application at all.
"""

from applications.rules import (
    VIEW_PERMISSION,
    can_decide,
    is_owner,
    is_staff_member,
    staff_with_permission,
)

# Who is a reviewer: whoever may write reviews (the Reviewers group of roles.py gives it, as
# may a custom group or a superuser). The picker, the assignment and the review page all ask
# this, never the group's name.
REVIEW_PERMISSION = "selection.add_review"

# Managers decide, assign reviewers and see every application; reviewers see their own.
can_see_all_applications = can_decide


def is_assigned(user, application):
    return application.review_assignments.filter(reviewer=user).exists()


def can_view_application(user, application):
    if is_owner(user, application):
        return True
    if can_see_all_applications(user):
        return True
    return (
        is_staff_member(user) and user.has_perm(VIEW_PERMISSION) and is_assigned(user, application)
    )


def is_reviewer(user):
    return is_staff_member(user) and user.has_perm(REVIEW_PERMISSION)


def reviewers():
    """Everyone `is_reviewer` says yes to, for the reviewer picker."""
    return staff_with_permission(REVIEW_PERMISSION)


def can_review(user, application):
    return is_reviewer(user) and is_assigned(user, application)


def visible_applications(user, queryset):
    """The part of `queryset` this staff member may see."""
    if can_see_all_applications(user):
        return queryset
    if is_staff_member(user) and user.has_perm(VIEW_PERMISSION):
        return queryset.filter(review_assignments__reviewer=user)
    return queryset.none()


ASSESS_PERMISSION = "selection.add_interviewassessment"


def is_interviewer(user):
    """Staff who may hold interviews: they appear as interviewers and see their schedule."""
    return is_staff_member(user) and user.has_perm(ASSESS_PERMISSION)


def can_assess_interview(user, interview):
    """The interviewer of the booked slot records the score, nobody else."""
    return (
        is_interviewer(user)
        and interview.slot is not None
        and interview.slot.interviewer_id == user.pk
    )
