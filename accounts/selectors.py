"""Reads about accounts that several views share."""

from accounts.models import StudentProfile, User


def profile_for_user(user: User) -> StudentProfile:
    """The user's profile, or an unsaved empty one (accounts made in the admin have none).

    Saving the returned object creates the missing profile.
    """
    try:
        return user.profile
    except StudentProfile.DoesNotExist:
        return StudentProfile(user=user)
