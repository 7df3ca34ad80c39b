import logging
from itertools import groupby

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve

from portal.login_throttling import cooloff_minutes
from portal.models import (
    Agreement,
    CeremonyParticipant,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    OrganisationKind,
    Person,
    ResearchField,
    ResearchFieldKind,
)
from programs.models import Program

logger = logging.getLogger(__name__)

HOME_NEWS_COUNT = 3
HOME_MILESTONE_COUNT = 3


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        recent = Milestone.objects.filter(is_planned=False).order_by("-happened_on", "-pk")
        return super().get_context_data(
            key_figures=KeyFigure.objects.all(),
            latest_news=NewsArticle.objects.published().latest_first()[:HOME_NEWS_COUNT],
            recent_milestones=list(recent[:HOME_MILESTONE_COUNT])[::-1],  # oldest first
            planned_milestones=Milestone.objects.filter(is_planned=True).order_by("pk")[:1],
            **kwargs,
        )


class NewsListView(ListView):
    template_name = "portal/news_list.html"
    context_object_name = "articles"
    paginate_by = 10
    queryset = NewsArticle.objects.published().latest_first()


class NewsDetailView(DetailView):
    template_name = "portal/news_detail.html"
    context_object_name = "article"
    queryset = NewsArticle.objects.published()

    def get_context_data(self, **kwargs):
        article = self.object
        blocks = list(article.blocks.select_related("figure").order_by("position", "pk"))
        published = NewsArticle.objects.published()
        same_day = Q(published_on=article.published_on)
        older = published.filter(
            Q(published_on__lt=article.published_on) | same_day & Q(pk__lt=article.pk)
        )
        newer = published.filter(
            Q(published_on__gt=article.published_on) | same_day & Q(pk__gt=article.pk)
        )
        photo = next((b.figure for b in blocks if b.figure and b.figure.image_web), None)
        return super().get_context_data(
            blocks=blocks,
            previous_article=older.order_by("-published_on", "-pk").first(),
            next_article=newer.order_by("published_on", "pk").first(),
            canonical_url=self.request.build_absolute_uri(article.get_absolute_url()),
            share_image_url=self.request.build_absolute_uri(photo.image_web.url) if photo else "",
            **kwargs,
        )


class PartnershipView(TemplateView):
    """The agreements, principles, fields, people and partner universities on one page."""

    template_name = "portal/partnership.html"

    def get_context_data(self, **kwargs):
        participants = CeremonyParticipant.objects.select_related("person__organisation")
        agreements = Agreement.objects.prefetch_related(
            "points", Prefetch("participants", queryset=participants)
        )
        fields = ResearchField.objects.order_by("kind", "position", "name")
        fields_by_kind = {kind: list(group) for kind, group in groupby(fields, lambda f: f.kind)}
        return super().get_context_data(
            agreements=agreements,
            joint_research_fields=fields_by_kind.get(ResearchFieldKind.JOINT_RESEARCH, []),
            new_infrastructure_fields=fields_by_kind.get(ResearchFieldKind.NEW_INFRASTRUCTURE, []),
            exchange_domains=fields_by_kind.get(ResearchFieldKind.EXCHANGE_DOMAIN, []),
            partner_universities=Organisation.objects.filter(
                kind=OrganisationKind.PARTNER_UNIVERSITY
            ),
            programs=Program.objects.published().order_by("title"),
            **kwargs,
        )


class TimelineView(ListView):
    template_name = "portal/timeline.html"
    context_object_name = "milestones"
    queryset = Milestone.objects.in_date_order().for_display()


class InstituteView(TemplateView):
    """The Alibaba-Zhejiang University Joint Institute of Frontier Technologies."""

    template_name = "portal/institute.html"

    def get_context_data(self, **kwargs):
        institute = (
            Organisation.objects.filter(kind=OrganisationKind.JOINT_INSTITUTE)
            .order_by("pk")
            .first()
        )
        if institute is None:
            raise Http404("No joint institute has been imported yet.")
        return super().get_context_data(
            institute=institute,
            people=Person.objects.filter(organisation=institute),
            milestones=institute.milestones.in_date_order().for_display(),
            research_fields=ResearchField.objects.filter(kind=ResearchFieldKind.JOINT_RESEARCH),
            **kwargs,
        )


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
    return render(
        request, "portal/robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain"
    )


@never_cache
@require_safe
def healthz(request):
    """Liveness for load balancers: 200 while the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


@require_safe
def serve_media(request, path):
    """Public uploads from MEDIA_ROOT (applicants' documents live elsewhere, never here)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
