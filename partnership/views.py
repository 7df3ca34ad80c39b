"""Public partnership pages: news, the partnership, its timeline and the joint institute."""

from itertools import groupby

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView, TemplateView

from core.page_cache import public_page
from partnership.models import (
    Agreement,
    CeremonyParticipant,
    Milestone,
    NewsArticle,
    Organisation,
    OrganisationKind,
    Person,
    ResearchField,
    ResearchFieldKind,
)


@method_decorator(public_page, name="dispatch")
class NewsListView(ListView):
    template_name = "partnership/news_list.html"
    context_object_name = "articles"
    paginate_by = 10
    queryset = NewsArticle.objects.published().latest_first()


@method_decorator(public_page, name="dispatch")
class NewsDetailView(DetailView):
    template_name = "partnership/news_detail.html"
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


@method_decorator(public_page, name="dispatch")
class PartnershipView(TemplateView):
    """The agreements, principles, fields, people and partner universities on one page; its
    template lists the joint programs with a tag of the programs app."""

    template_name = "partnership/partnership.html"

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
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class TimelineView(ListView):
    template_name = "partnership/timeline.html"
    context_object_name = "milestones"
    queryset = Milestone.objects.in_date_order().for_display()


@method_decorator(public_page, name="dispatch")
class InstituteView(TemplateView):
    """The Alibaba-Zhejiang University Joint Institute of Frontier Technologies."""

    template_name = "partnership/institute.html"

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
