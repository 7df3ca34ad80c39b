"""Language of parts (WCAG 2.1, success criterion 3.1.2): which parts of a page need a `lang`.

`<html lang>` is the visitor's language. Texts visitors read have a column per language
(django-modeltranslation, `<app>/translation.py`); one missing in the page's language shows in
the other, so `text_language` says which language a shown text is in. Content with a single
column (and the staff's own text) is written in settings.CONTENT_LANGUAGE. A screen reader reads
each part with the voice of its nearest `lang`, so a part in another language than the page's
carries its own — and a part in the page's language carries none, since a redundant `lang` is
only noise.
"""

from django import forms
from django.conf import settings
from django.core import checks
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname, resolution_order


@checks.register(checks.Tags.translation)
def check_content_language(app_configs=None, **kwargs):
    """CONTENT_LANGUAGE ends up in lang attributes: it must be a language code Django knows."""
    try:
        get_language_info(settings.CONTENT_LANGUAGE)
    except KeyError:
        return [
            checks.Error(
                f"CONTENT_LANGUAGE {settings.CONTENT_LANGUAGE!r} is not a language code.",
                hint='The language content is written in, e.g. "en" or "zh-hans".',
                id="core.E001",
            )
        ]
    return []


def page_language():
    """The language of the page being rendered: what base.html puts in `<html lang>`."""
    return (get_language() or settings.LANGUAGE_CODE).lower()


def is_page_language(language):
    """Whether a part written in `language` reads right with the page's voice: the same tag, or
    one a range of the other ("en" text on an "en-gb" page)."""
    language, page = language.lower(), page_language()
    return language == page or page.startswith(f"{language}-") or language.startswith(f"{page}-")


def text_language(obj, field):
    """The language of the text `getattr(obj, field)` shows on this page: the page's when the
    text is written in it, else the first language of the fallback order that has it;
    settings.CONTENT_LANGUAGE for a field with a single column."""
    for language in resolution_order(page_language()):
        if getattr(obj, build_localized_fieldname(field, language), None) not in (None, ""):
            return language
    return settings.CONTENT_LANGUAGE


def lang_attribute(language):
    """` lang="…"` for an element holding a part written in `language`; "" on a page in it."""
    if is_page_language(language):
        return ""
    return format_html(' lang="{}"', language)


def in_language(text, language):
    """`text` for a sentence of UI text: in a `<span lang>` when not in the page's language."""
    if not text or is_page_language(language):
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


class ContentSelect(forms.Select):
    """A select whose choices are content (organisations, research areas, supervisors): each
    option but the empty one carries CONTENT_LANGUAGE's lang on pages in another language."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        language = settings.CONTENT_LANGUAGE
        if str(value) != "" and not is_page_language(language):
            option["attrs"]["lang"] = language
        return option
