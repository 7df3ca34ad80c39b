"""The supervisors directory and profiles."""

import pytest
from django.urls import reverse

from programs.models import ResearchArea
from tests.factories import OrganisationFactory, SupervisorFactory

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("programs:supervisors")


@pytest.fixture
def supervisors():
    vision = ResearchArea.objects.create(name="Computer vision", slug="computer-vision")
    databases = ResearchArea.objects.create(name="Databases", slug="databases")
    damo = OrganisationFactory(name="Alibaba DAMO Academy", short_name="DAMO Academy")
    chen = SupervisorFactory(name="Chen Example", unit=damo, is_example=True)
    chen.research_areas.add(vision)
    real = SupervisorFactory(name="Real Person", profile="Works on storage engines.")
    real.research_areas.add(databases)
    SupervisorFactory(name="Retired Expert", is_active=False)
    return {"chen": chen, "real": real}


def test_directory_lists_active_supervisors_with_unit_and_areas(client, supervisors):
    html = client.get(DIRECTORY).content.decode()
    assert "Chen Example" in html and "Real Person" in html
    assert "Retired Expert" not in html
    assert "DAMO Academy" in html and "Computer vision" in html


def test_examples_are_visibly_marked(client, supervisors):
    html = client.get(DIRECTORY).content.decode()
    assert html.count("Example profile</span>") == 1
    profile = client.get(supervisors["chen"].get_absolute_url()).content.decode()
    assert "Example profile" in profile
    assert "does not describe a real person" in profile
    real = client.get(supervisors["real"].get_absolute_url()).content.decode()
    assert "Example profile" not in real
    assert "Works on storage engines." in real


def test_research_area_filter(client, supervisors):
    html = client.get(DIRECTORY, {"area": "databases"}).content.decode()
    assert "Real Person" in html and "Chen Example" not in html
    assert '<option value="databases" selected>' in html


@pytest.mark.parametrize("area", ["no-such-area", "", "<script>"])
def test_an_unknown_area_shows_everyone(client, supervisors, area):
    response = client.get(DIRECTORY, {"area": area})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Real Person" in html and "Chen Example" in html


def test_profile_links_its_areas_to_the_filtered_directory(client, supervisors):
    html = client.get(supervisors["chen"].get_absolute_url()).content.decode()
    assert f'href="{DIRECTORY}?area=computer-vision">Computer vision</a>' in html


def test_inactive_or_unknown_supervisors_are_not_found(client):
    retired = SupervisorFactory(is_active=False)
    assert client.get(retired.get_absolute_url()).status_code == 404
    url = reverse("programs:supervisor_detail", args=["nobody"])
    assert client.get(url).status_code == 404


def test_directory_query_count_is_fixed(client, django_assert_max_num_queries):
    area = ResearchArea.objects.create(name="Databases", slug="databases")
    for supervisor in SupervisorFactory.create_batch(30, unit=OrganisationFactory()):
        supervisor.research_areas.add(area)
    # session + supervisors with units + their areas + the filter's area options
    with django_assert_max_num_queries(4):
        response = client.get(DIRECTORY)
    assert response.content.decode().count('class="stretched-link"') == 30
