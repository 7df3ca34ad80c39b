"""Site-wide pages: the home page, the privacy notice, robots.txt, health and public media."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django.views.static import serve

from accounts.login_throttling import cooloff_minutes
from core.page_cache import public_page
from partnership.models import KeyFigure, Milestone, NewsArticle
from portal.health import run_checks
from programs.kept_content import kept_content

HOME_NEWS_COUNT = 3
HOME_MILESTONE_COUNT = 3


@method_decorator(public_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kept_content("home", home_content), **kwargs)


def home_content():
    """The home page's partnership content: the same for every visitor, so kept (4 queries)."""
    recent = Milestone.objects.filter(is_planned=False).order_by("-happened_on", "-pk")
    return {
        "key_figures": list(KeyFigure.objects.all()),
        "latest_news": list(NewsArticle.objects.published().latest_first()[:HOME_NEWS_COUNT]),
        "recent_milestones": list(recent[:HOME_MILESTONE_COUNT])[::-1],  # oldest first
        "planned_milestones": list(Milestone.objects.filter(is_planned=True).order_by("pk")[:1]),
    }


@method_decorator(public_page, name="dispatch")
class PrivacyView(TemplateView):
    """What the portal keeps about applicants, who sees it, and how they take it away.

    The figures come from the settings that enforce them, so the notice cannot drift.
    """

    template_name = "portal/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact_email=settings.CONTACT_EMAIL,
            failure_limit=settings.AXES_FAILURE_LIMIT,
            cooloff_minutes=cooloff_minutes(),
            **kwargs,
        )


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; the sitemap lists them."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    account_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            account_paths.append(reverse("accounts:account"))
    return render(
        request,
        "portal/robots.txt",
        {"sitemap_url": sitemap_url, "account_paths": account_paths},
        content_type="text/plain",
    )


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: each dependency's status; 503 when one is down."""
    statuses, healthy = run_checks()
    return JsonResponse(statuses, status=200 if healthy else 503)


@require_safe
def serve_media(request, path):
    """Public uploads from MEDIA_ROOT (applicants' documents live elsewhere, never here)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
