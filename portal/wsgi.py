import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

django_application = get_wsgi_application()

# Kept public pages are answered in front of Django's handler (portal.page_cache).
from portal.page_cache import PageCacheApplication  # noqa: E402 (needs the settings above)

application = PageCacheApplication(django_application)
