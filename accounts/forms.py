from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from accounts.models import User


class AdminEmailUserCreationForm(AdminUserCreationForm):
    """Django's admin add-user form, keyed on email instead of a username."""

    class Meta:
        model = User
        fields = ["email"]


class AdminEmailUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
