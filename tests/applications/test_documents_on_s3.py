"""STORAGE_BACKEND=s3: applicants' documents go to a private bucket of a local S3-compatible
server (moto's, on loopback) and come back only through the views that check who asks."""

import socket
import time

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.applications.factories import STATEMENT, ApplicationFactory
from tests.factories import StaffFactory, UserFactory
from tests.files import minimal_pdf
from tests.loopback import free_port
from tests.selection.factories import staff_document_url

pytestmark = pytest.mark.django_db

S3_PORT = free_port()  # moto's S3 server
ENDPOINT = f"http://127.0.0.1:{S3_PORT}"
PUBLIC_BUCKET = "portal-media"
PRIVATE_BUCKET = "portal-private"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}
EVERYONE = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=S3_PORT, verbose=False)
    server.start()
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", S3_PORT), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """Both buckets, empty, and the settings STORAGE_BACKEND=s3 makes for them."""
    client = boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket)
    connection = {**CREDENTIALS, "endpoint_url": ENDPOINT, "file_overwrite": False}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**connection, "bucket_name": PUBLIC_BUCKET, "querystring_auth": False},
        },
        "private": {
            "BACKEND": "applications.s3_storage.PrivateS3Storage",
            "OPTIONS": {**connection, "bucket_name": PRIVATE_BUCKET, "default_acl": "private"},
        },
    }
    yield client
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


@pytest.fixture
def uploaded(client, s3):
    """A CV uploaded by its student through the documents step."""
    application = ApplicationFactory(statement=STATEMENT)
    client.force_login(application.applicant)
    response = client.post(
        reverse("applications:step_documents", kwargs={"pk": application.pk}),
        {"cv": SimpleUploadedFile("My CV.pdf", minimal_pdf(), "application/pdf")},
    )
    assert response.status_code == 302
    return application.documents.get(kind="cv")


def test_an_upload_lands_in_the_private_bucket_with_the_private_acl(uploaded, s3, private_media):
    stored = s3.get_object(Bucket=PRIVATE_BUCKET, Key=uploaded.file.name)
    assert stored["Body"].read() == minimal_pdf()
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=uploaded.file.name)["Grants"]
    assert not [grant for grant in grants if grant["Grantee"].get("URI") == EVERYONE]
    assert s3.list_objects_v2(Bucket=PUBLIC_BUCKET)["KeyCount"] == 0
    assert not any(private_media.rglob("*"))  # nothing on this server's disk


def test_the_private_storage_never_makes_a_link(uploaded):
    with pytest.raises(ValueError, match="no URL"):
        uploaded.file.storage.url(uploaded.file.name)


def test_the_owner_downloads_the_file_from_the_bucket(client, uploaded):
    response = client.get(uploaded.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_staff_download_it_from_the_admin(client, uploaded):
    client.force_login(StaffFactory())
    response = client.get(staff_document_url(uploaded))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()


def test_another_student_is_refused(client, uploaded):
    client.force_login(UserFactory())
    assert client.get(uploaded.get_absolute_url()).status_code == 403


def test_a_file_gone_from_the_bucket_is_a_404(client, uploaded, s3):
    s3.delete_object(Bucket=PRIVATE_BUCKET, Key=uploaded.file.name)
    assert client.get(uploaded.get_absolute_url()).status_code == 404


def test_healthz_probes_both_buckets_and_leaves_nothing(client, s3):
    body = client.get("/healthz").json()
    assert body["default storage"] == body["private storage"] == "ok"
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 0


def test_healthz_names_a_missing_bucket(client, s3):
    s3.delete_bucket(Bucket=PUBLIC_BUCKET)
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["default storage"] == "unavailable"
        assert response.json()["private storage"] == "ok"
    finally:
        s3.create_bucket(Bucket=PUBLIC_BUCKET)
