"""`{% frame_part %}`: a part of the frame every page is drawn in (its language alternates, a
visitor's header) rendered once per process and address, then reused.

Such a part shows the page's address in each language and the site's own links and labels,
never the site's content: it changes only with the code (the templates, the URLconf, the
translations), which a deploy restarts the processes for. So it is kept in the process's own
memory, without the cache's round trip or the content's generation (programs' `{% kept %}`),
and a page rendered anew (a new address, a logged-in visitor) does not render it again. The
profile of a rendered page (bench/public_pages.py) put this frame at a third of its time."""

import threading
from collections import OrderedDict

from django import template
from django.core.signals import setting_changed
from django.utils import translation

from core.template_parts import PartNode, parse_part

register = template.Library()

KEPT_PARTS = 1024  # per process, the most recently used; a part is a few kilobytes


class FrameParts:
    """The most recently used rendered parts, by key; safe across a process's threads."""

    def __init__(self, size):
        self.size = size
        self.parts = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, render):
        with self.lock:
            if (part := self.parts.get(key)) is not None:
                self.parts.move_to_end(key)
                return part
        part = render()
        with self.lock:
            self.parts[key] = part
            while len(self.parts) > self.size:
                self.parts.popitem(last=False)
        return part

    def clear(self, **kwargs):
        with self.lock:
            self.parts.clear()


frame_parts = FrameParts(KEPT_PARTS)
# Tests change templates, URLconf and languages at run time (override_settings).
setting_changed.connect(frame_parts.clear, dispatch_uid="core.templatetags.frame.clear")


@register.tag("frame_part")
def frame_part(parser, token):
    """`{% frame_part "name" value … %}…{% endframe_part %}`: the part kept per name, host,
    path, language and each `value` named (the page's own query parameters, say).

    The part must show nothing of the visitor (their account, messages, CSRF token), nothing
    of the site's content (rows staff edit) and read no query parameter that is not named."""
    return FramePartNode(*parse_part(parser, token))


class FramePartNode(PartNode):
    def render(self, context):
        request = context["request"]
        key = (
            request.scheme,
            request.get_host(),
            request.path,
            translation.get_language(),
            *(str(value) for value in self.values(context)),
        )
        return frame_parts.get(key, lambda: self.nodelist.render(context))
