"""The settings module under production-like environments, run in fresh processes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"ENV_FILE": "/nonexistent/.env", **env_overrides})
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 10 + "9f8a7s6d5f4g3h2j1kLzXcVbNmQwErTyUiOpAsDfGhJk-_x",
        ALLOWED_HOSTS="example.org",
        HTTPS="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_is_a_clear_error():
    result = _manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


SHOW_ERROR_REPORTING = """
import sentry_sdk
from django.conf import settings
client = sentry_sdk.get_client()
print(settings.ADMINS)
print(client.is_active(), client.options["send_default_pii"])
print(client.options["release"], client.options["environment"])
print([name for name in client.integrations if name == "django"])
"""


def test_admins_and_sentry_come_from_the_environment():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        SHOW_ERROR_REPORTING,
        SECRET_KEY="s" * 50,
        ADMINS="ops@example.org,dean@example.org",
        SENTRY_DSN="http://public@127.0.0.1:8405/1",
        SENTRY_RELEASE="portal@1.2.3",
        SENTRY_ENVIRONMENT="staging",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "[('', 'ops@example.org'), ('', 'dean@example.org')]",
        "True False",
        "portal@1.2.3 staging",
        "['django']",
    ]


def test_error_reporting_is_off_by_default():
    result = _manage("shell", "--no-imports", "-c", SHOW_ERROR_REPORTING, SECRET_KEY="s" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "[]"
    assert result.stdout.splitlines()[1].startswith("False ")


SHOW_STORAGES = """
from django.core.files.storage import storages
for alias in ("default", "private"):
    storage = storages[alias]
    print(alias, type(storage).__name__, storage.bucket_name, storage.default_acl)
"""


def test_storage_backend_s3_puts_both_storages_in_buckets():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        SHOW_STORAGES,
        SECRET_KEY="s" * 50,
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_PRIVATE_BUCKET_NAME="portal-private",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:8404",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "default S3Storage portal-media None",
        "private PrivateS3Storage portal-private private",
    ]


def test_an_unknown_storage_backend_is_a_clear_error():
    result = _manage("check", SECRET_KEY="s" * 50, STORAGE_BACKEND="ftp")
    assert result.returncode != 0
    assert "STORAGE_BACKEND must be 'filesystem' or 's3'" in result.stderr
