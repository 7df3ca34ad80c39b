"""`{% kept %}`: a rendered part of a public page, kept below the page cache.

A page the page cache does not hold (an address with a new query string, a visitor's new time
zone, a logged-in visitor, who is never served kept pages) renders again; the parts of it that
show only the site's content need not. Here, beside kept_content, whose rules they follow."""

import hashlib

from django import template
from django.db.models import Model
from django.utils import translation
from django.utils.safestring import mark_safe

from core.template_parts import PartNode, parse_part
from core.timezones import visitor_time_zone
from programs.kept_content import kept_content

register = template.Library()


@register.tag("kept")
def kept(parser, token):
    """`{% kept "name" value … %}…{% endkept %}`: the part rendered once and kept, per page
    address (its path: the query string is not part of it), language, visitor's time zone and
    host, and per each `value` named: the query parameters the part shows, say. Kept as the
    page cache keeps rows (programs.kept_content): under the current generation of the site's
    content, until the next intake status change, PAGE_CACHE_SECONDS at most.

    The part must show nothing of the visitor (their account, messages, CSRF token) and read
    no query parameter that is not named."""
    return KeptNode(*parse_part(parser, token))


class KeptNode(PartNode):
    def render(self, context):
        request = context["request"]
        parts = [
            request.scheme,
            request.get_host(),
            request.path,
            translation.get_language(),
            visitor_time_zone(request).key,
            *(key_part(value) for value in self.values(context)),
        ]
        digest = hashlib.md5("\n".join(parts).encode(), usedforsecurity=False).hexdigest()
        return mark_safe(kept_content(f"part:{digest}", lambda: self.nodelist.render(context)))  # noqa: S308 (rendered by the template engine, escaped there)


def key_part(value):
    """A value the part varies on, written out whole: a row by its model and primary key (its
    str() may be the same for two rows), a dict and a list item by item."""
    if isinstance(value, Model):
        return f"{value._meta.label}:{value.pk}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {key_part(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(key_part(item) for item in value) + "]"
    return repr(value)
