"""The Celery app: emails, bulk decisions and exports run in its worker, reminders on its beat.

Configured from Django's settings (the CELERY_ ones); `celery -A portal worker --beat` runs it
(README "Background work").
"""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def queue_folders():
    """The folders of the filesystem transport (the default broker); none on another broker."""
    options = app.conf.broker_transport_options
    names = ("data_folder_in", "data_folder_out", "control_folder")
    return [Path(options[name]) for name in names if options.get(name)]


@app.on_after_configure.connect
def _make_queue_folders(sender, **kwargs):
    """The filesystem transport writes into folders it does not create."""
    for folder in queue_folders():
        folder.mkdir(parents=True, exist_ok=True)
