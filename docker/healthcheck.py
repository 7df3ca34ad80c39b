"""The image's HEALTHCHECK: gunicorn in this container answers /healthz with 200.

It asks as the first host of ALLOWED_HOSTS, since Django refuses hosts it does not serve, and
says the request came over HTTPS, so that with HTTPS=1 it gets the page, not the redirect.
"""

import os
import sys
import urllib.request

host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
# ".example.org" also names example.org itself; "*" names any host.
host = host.lstrip(".") if host not in ("", "*") else "localhost"
request = urllib.request.Request(
    "http://127.0.0.1:8000/healthz", headers={"Host": host, "X-Forwarded-Proto": "https"}
)
try:
    # S310: the address is the fixed http URL above, never one from outside.
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        sys.exit(0 if response.status == 200 else 1)
except OSError as error:
    print(f"healthcheck: {error}", file=sys.stderr)
    sys.exit(1)
