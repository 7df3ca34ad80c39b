"""Security headers Django and django-csp do not send, and the client address behind proxies."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turns off browser features (camera, geolocation, payment, ...) that no page uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def client_ip_address(request):
    """The visitor's address for login throttling.

    Only the last TRUSTED_PROXY_COUNT entries of X-Forwarded-For were written by our own proxies;
    anything further left came from the client and could be forged.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
