from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import AdminEmailUserChangeForm, AdminEmailUserCreationForm, StudentProfileForm
from accounts.models import StudentProfile, User
from accounts.services import user_mark_email_verified


class EmailVerifiedFilter(admin.SimpleListFilter):
    title = _("email verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(email_verified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(email_verified_at__isnull=True)
        return queryset


class StudentProfileInline(admin.StackedInline):
    model = StudentProfile
    form = StudentProfileForm
    can_delete = False
    extra = 0
    max_num = 1


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = AdminEmailUserChangeForm
    add_form = AdminEmailUserCreationForm
    inlines = [StudentProfileInline]
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "email_verified",
        "language",
        "is_staff",
        "is_active",
        "date_joined",
    ]
    list_filter = [
        EmailVerifiedFilter,
        "language",
        "is_staff",
        "is_superuser",
        "is_active",
        "groups",
    ]
    search_fields = [
        "email",
        "first_name",
        "last_name",
        "profile__given_name",
        "profile__family_name",
        "profile__name_chinese",
    ]
    actions = ["mark_email_verified"]
    fieldsets = [
        (None, {"fields": ["email", "password", "email_verified_at", "language"]}),
        (_("Name"), {"fields": ["first_name", "last_name"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["email_verified_at"]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]

    def get_inline_instances(self, request, obj=None):
        # The add form has only email and password; the profile comes on the change page.
        return super().get_inline_instances(request, obj) if obj else []

    @admin.display(boolean=True, description=_("email verified"), ordering="email_verified_at")
    def email_verified(self, user):
        return user.is_email_verified

    @admin.action(description=_("Mark the email address as verified"))
    def mark_email_verified(self, request, queryset):
        marked = sum(user_mark_email_verified(user=user) for user in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d address marked as verified.",
                "%(count)d addresses marked as verified.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )
