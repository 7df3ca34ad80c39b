"""Public pages of the program catalog, the supervisors directory and the deadline feeds."""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    quote_etag,
)
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from core.page_cache import public_page
from core.timezones import visitor_time_zone
from programs import selectors
from programs.calendar import deadlines_calendar, feed_fingerprint
from programs.forms import CatalogFilterForm, SupervisorFilterForm
from programs.kept_content import kept_content
from programs.models import Program, Supervisor


class LenientPaginationMixin:
    """A page number that is not a number or is out of range shows a page, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


@method_decorator(public_page, name="dispatch")
class CatalogView(LenientPaginationMixin, ListView):
    """The programs, filtered and paginated; the results are read and paginated only when
    the page's kept results part is rendered (results_page), not when it is served as kept."""

    template_name = "programs/catalog.html"
    context_object_name = "programs"
    programs_per_page = 12
    query_parameters = (*CatalogFilterForm.base_fields, "page")  # core.languages.page_query

    def get_queryset(self):
        self.form = CatalogFilterForm(
            self.request.GET, organisations=selectors.catalog_organisations()
        )
        self.filters = self.form.valid_filters()
        # Building it (its annotations) was two thirds of a page served from kept parts.
        return SimpleLazyObject(lambda: selectors.catalog_programs(filters=self.filters))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form,
            filter_values=self.form.asked_values(),
            requested_page=self.request.GET.get(self.page_kwarg, ""),
            results=SimpleLazyObject(self.results_page),
            visitor_time_zone=visitor_time_zone(self.request),
            **kwargs,
        )

    def get_template_names(self):
        return [self.template_name]  # ListView's would ask the lazy results for their model

    def results_page(self):
        paginator, page, programs, is_paginated = self.paginate_queryset(
            self.object_list, self.programs_per_page
        )
        return {
            "paginator": paginator,
            "page": page,
            "programs": programs,
            "is_paginated": is_paginated,
            "previous_url": self.page_url(page.previous_page_number())
            if page.has_previous()
            else "",
            "next_url": self.page_url(page.next_page_number()) if page.has_next() else "",
        }

    def page_url(self, page_number):
        """Another page of the same results: the filters as asked, no other parameter."""
        asked = [(name, value) for name, values in self.form.asked_values() for value in values]
        return "?" + urlencode([*asked, (self.page_kwarg, page_number)])


class KeptObjectMixin:
    """A detail page whose row is kept like the rows below the page cache (kept_content), per
    slug: a page at a new address reads no row (reading it was half of such a miss). A slug
    that names no row raises 404 before anything is kept."""

    def get_object(self, queryset=None):
        slug = hashlib.md5(self.kwargs["slug"].encode(), usedforsecurity=False).hexdigest()
        return kept_content(f"{self.context_object_name}:{slug}", super().get_object)


@method_decorator(public_page, name="dispatch")
class ProgramDetailView(KeptObjectMixin, DetailView):
    template_name = "programs/program_detail.html"
    context_object_name = "program"

    def get_queryset(self):
        return selectors.published_program(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            # Built (its queryset alone was a tenth of a miss) only when the kept part renders.
            intakes=SimpleLazyObject(lambda: selectors.program_intakes(self.object)),
            visitor_time_zone=visitor_time_zone(self.request),
            is_phd_program=self.object.is_phd,
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class SupervisorListView(ListView):
    template_name = "programs/supervisor_list.html"
    context_object_name = "supervisors"
    query_parameters = tuple(SupervisorFilterForm.base_fields)  # core.languages.page_query

    def get_queryset(self):
        self.form = SupervisorFilterForm(self.request.GET)
        self.filters = self.form.valid_filters()
        # Read, and built, only when the page's kept list is rendered.
        return SimpleLazyObject(lambda: selectors.supervisor_directory(filters=self.filters))

    def get_template_names(self):
        return [self.template_name]  # ListView's would ask the lazy list for its model

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form,
            filters=self.filters,
            filter_values=self.form.asked_values(),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class SupervisorDetailView(KeptObjectMixin, DetailView):
    template_name = "programs/supervisor_detail.html"
    context_object_name = "supervisor"

    def get_queryset(self):
        # Research areas are read by the page's kept part, only when it is rendered.
        return Supervisor.objects.active().select_related("unit")


# Calendar apps poll every few hours at most; a deadline change shows within this time.
FEED_MAX_AGE = 15 * 60


def _calendar_response(request, intakes, *, title, filename):
    """The feed, or 304 when the client's copy is current; the body is cached by content."""
    fingerprint = feed_fingerprint(intakes, title=title, base_url=request.build_absolute_uri("/"))
    etag = quote_etag(fingerprint)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        body = cache.get_or_set(
            f"deadlines-feed:{fingerprint}",
            lambda: deadlines_calendar(
                intakes,
                title=title,
                build_url=lambda program: request.build_absolute_uri(program.get_absolute_url()),
            ),
            timeout=24 * 60 * 60,
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    # Its language is its address's (/en/…, /zh-hans/…): nothing else in the request varies it.
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def all_deadlines_feed(request):
    return _calendar_response(
        request,
        selectors.deadline_intakes(),
        title=_("ZJU–Alibaba application deadlines"),
        filename="deadlines.ics",
    )


@require_safe
def program_deadlines_feed(request, slug):
    program = get_object_or_404(Program.objects.published(), slug=slug)
    return _calendar_response(
        request,
        selectors.deadline_intakes(program=program),
        title=_("%(program)s: application deadlines") % {"program": program.title},
        filename=f"{program.slug}-deadlines.ics",
    )
