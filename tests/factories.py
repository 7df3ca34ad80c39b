"""factory_boy factories shared by the whole suite."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"student{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(DEFAULT_PASSWORD)


class StaffFactory(UserFactory):
    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    is_staff = True
    is_superuser = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.Organisation"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = "university"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Program"

    kind = "zierip"
    title = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    summary = factory.Faker("sentence")
    description = factory.Faker("paragraph")


class IntakeFactory(factory.django.DjangoModelFactory):
    """An intake open now, closing in 30 days, starting two months later."""

    class Meta:
        model = "programs.Intake"

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Summer {2027 + n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    starts_on = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=60)).date())
    ends_on = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=150)).date())
    capacity = 20


class SupervisorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Supervisor"

    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"supervisor-{n}")
    title = "Senior technical expert"


class StudentProfileFactory(factory.django.DjangoModelFactory):
    """A complete profile: nothing missing for an application."""

    class Meta:
        model = "accounts.StudentProfile"

    user = factory.SubFactory(UserFactory, email_verified_at=factory.LazyFunction(timezone.now))
    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    date_of_birth = date(2000, 5, 17)
    nationality = "China"
    university = "Zhejiang University"
    degree_level = "master"
    major = "Software Engineering"
    expected_graduation = date(2028, 6, 30)
    phone = "+86 571 8795 1234"
