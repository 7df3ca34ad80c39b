"""The page in the site's other languages: the switcher's links and the hreflang alternates."""

from django import template

from core.languages import page_in_languages as addresses_of_page
from core.languages import page_query as query_of_page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_languages(context):
    """`{% page_in_languages as addresses %}`: see core.languages.page_in_languages."""
    request = context.get("request")
    return addresses_of_page(request) if request is not None else []


@register.simple_tag(takes_context=True)
def page_query(context):
    """`{% page_query as own_query %}`: see core.languages.page_query."""
    request = context.get("request")
    return query_of_page(request) if request is not None else ""
