"""Mark database content with its language where it differs from the page's (WCAG 3.1.2).

On an element that holds one translated text: `<h2{% text_lang program "title" %}>{{ program.title
}}</h2>`; inside a sentence of UI text: `{{ program|text:"title" }}`. Content with a single
column: `<dd{% content_lang %}>…</dd>`, `{{ value|content_text }}`. The rule lives in
core.content_language; <title>, meta tags and emails cannot mark parts.
"""

import re

from django import template
from django.conf import settings
from django.utils.text import Truncator

from core.content_language import in_language, lang_attribute, text_language

register = template.Library()


@register.simple_tag
def content_lang():
    """` lang="en"` on a page in another language than the one content is written in
    (settings.CONTENT_LANGUAGE), so screen readers switch voice; else nothing."""
    return lang_attribute(settings.CONTENT_LANGUAGE)


@register.simple_tag
def text_lang(obj, field):
    """` lang="…"` for the text `obj.<field>` shows when it is not in the page's language (the
    English text a Chinese page shows where the Chinese one is missing); else nothing."""
    return lang_attribute(text_language(obj, field))


@register.filter
def content_text(value):
    """Content inside a sentence of UI text, in a `<span lang>` when the languages differ."""
    return in_language(value, settings.CONTENT_LANGUAGE)


@register.filter
def text(obj, field):
    """`obj.<field>` inside a sentence of UI text, in a `<span lang>` when it is not in the
    page's language."""
    return in_language(getattr(obj, field), text_language(obj, field))


# Han characters: Chinese text has no spaces, so a word count would never cut it.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@register.filter
def excerpt(text, words):
    """The first `words` words of `text`, or for Chinese text twice as many characters."""
    if HAN.search(str(text)):
        return Truncator(text).chars(int(words) * 2)
    return Truncator(text).words(int(words), truncate="…")
