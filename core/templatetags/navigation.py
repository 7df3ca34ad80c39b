"""The site's navigation links, made in Python: the header draws eight on every page, and
`{% url %}` in an included template cost a tenth of a rendered page's time (the profile in
bench/public_pages.py)."""

from django import template
from django.utils.html import format_html

from core.addresses import reverse_kept

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """`<li>` with a link to the page `url_name`, marked as the current page (aria-current)
    on that page itself."""
    url = reverse_kept(url_name)
    if context["request"].path == url:
        return format_html(
            '<li class="nav-item"><a class="nav-link active" href="{}" aria-current="page">{}</a>'
            "</li>",
            url,
            label,
        )
    return format_html('<li class="nav-item"><a class="nav-link" href="{}">{}</a></li>', url, label)
