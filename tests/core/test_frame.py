"""The frame of every page (`{% frame_part %}`, core/templatetags/frame.py): its language
alternates and a visitor's header, rendered once per process and address, show what a fresh
render would, per address, language, own query parameters and kind of visitor."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.templatetags.frame import FrameParts, frame_parts

COUNTED = Template(
    '{% load frame %}{% frame_part "counted" value %}{{ counter.next }}{% endframe_part %}'
)


class Counter:
    def __init__(self):
        self.calls = 0

    def next(self):
        self.calls += 1
        return self.calls


def render(path, value="", counter=None, language="en"):
    request = RequestFactory().get(path)
    with translation.override(language):
        return COUNTED.render(Context({"request": request, "value": value, "counter": counter}))


@pytest.fixture(autouse=True)
def empty_frame():
    frame_parts.clear()
    yield
    frame_parts.clear()


def test_a_part_is_rendered_once_per_address_language_and_value():
    counter = Counter()
    assert render("/en/news/", counter=counter) == "1"
    assert render("/en/news/", counter=counter) == "1"  # kept
    assert render("/en/programs/", counter=counter) == "2"
    assert render("/en/news/", counter=counter, language="zh-hans") == "3"
    assert render("/en/news/", "?page=2", counter=counter) == "4"
    assert counter.calls == 4


def test_the_least_recently_used_part_is_dropped_first():
    parts = FrameParts(2)
    parts.get("a", lambda: "A")
    parts.get("b", lambda: "B")
    parts.get("a", lambda: "not rendered again")
    parts.get("c", lambda: "C")  # drops b, used longest ago
    assert list(parts.parts) == ["a", "c"]
    assert parts.get("b", lambda: "B again") == "B again"


def test_a_changed_setting_forgets_every_part():
    counter = Counter()
    render("/en/news/", counter=counter)
    with override_settings(LANGUAGES=[("en", "English")]):
        assert render("/en/news/", counter=counter) == "2"


def test_frame_part_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="'frame_part' takes"):
        Template("{% load frame %}{% frame_part %}x{% endframe_part %}")
