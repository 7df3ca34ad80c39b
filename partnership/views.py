"""Public partnership pages: news, the partnership, its timeline and the joint institute."""

from itertools import groupby

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
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
    query_parameters = ("page",)  # core.languages.page_query
    queryset = NewsArticle.objects.published().latest_first()


@method_decorator(public_page, name="dispatch")
class NewsDetailView(DetailView):
    template_name = "partnership/news_detail.html"
    context_object_name = "article"
    queryset = NewsArticle.objects.published()

    def get_context_data(self, **kwargs):
        # The blocks and the neighbouring articles are read when the page's kept parts are
        # rendered, not when they are served as kept.
        return super().get_context_data(
            blocks=SimpleLazyObject(lambda: self.blocks),
            previous_article=SimpleLazyObject(self.previous_article),
            next_article=SimpleLazyObject(self.next_article),
            canonical_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            share_image_url=SimpleLazyObject(self.share_image_url),
            **kwargs,
        )

    @cached_property
    def blocks(self):
        return list(self.object.blocks.select_related("figure").order_by("position", "pk"))

    def previous_article(self):
        return self.neighbour(newer=False)

    def next_article(self):
        return self.neighbour(newer=True)

    def neighbour(self, *, newer):
        """The published article just newer or older than this one: by date, then by key."""
        article, side = self.object, "gt" if newer else "lt"
        same_day = Q(published_on=article.published_on, **{f"pk__{side}": article.pk})
        neighbours = NewsArticle.objects.published().filter(
            Q(**{f"published_on__{side}": article.published_on}) | same_day
        )
        order = ("published_on", "pk") if newer else ("-published_on", "-pk")
        return neighbours.order_by(*order).first()

    def share_image_url(self):
        photo = next((b.figure for b in self.blocks if b.figure and b.figure.image_web), None)
        return self.request.build_absolute_uri(photo.image_web.url) if photo else ""


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
        # Read when the page's kept part is rendered, not when it is served as kept.
        fields_by_kind = SimpleLazyObject(research_fields_by_kind)
        return super().get_context_data(
            agreements=agreements,
            joint_research_fields=SimpleLazyObject(
                lambda: fields_by_kind.get(ResearchFieldKind.JOINT_RESEARCH, [])
            ),
            new_infrastructure_fields=SimpleLazyObject(
                lambda: fields_by_kind.get(ResearchFieldKind.NEW_INFRASTRUCTURE, [])
            ),
            exchange_domains=SimpleLazyObject(
                lambda: fields_by_kind.get(ResearchFieldKind.EXCHANGE_DOMAIN, [])
            ),
            partner_universities=Organisation.objects.filter(
                kind=OrganisationKind.PARTNER_UNIVERSITY
            ),
            **kwargs,
        )


def research_fields_by_kind():
    fields = ResearchField.objects.order_by("kind", "position", "name")
    return {kind: list(group) for kind, group in groupby(fields, lambda f: f.kind)}


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
        # Even unread querysets cost their building: made when the kept part is rendered.
        return super().get_context_data(
            institute=institute,
            people=SimpleLazyObject(lambda: Person.objects.filter(organisation=institute)),
            milestones=SimpleLazyObject(lambda: institute.milestones.in_date_order().for_display()),
            research_fields=SimpleLazyObject(
                lambda: ResearchField.objects.filter(kind=ResearchFieldKind.JOINT_RESEARCH)
            ),
            **kwargs,
        )
