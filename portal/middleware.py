"""The security header that neither Django nor django-csp sends."""

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
