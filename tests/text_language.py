"""The language a screen reader reads a page's texts in: the `lang` of the nearest element that
has one (WCAG 2.1, 3.1.2 "Language of Parts")."""

from html.parser import HTMLParser

from core.languages import address_in_language

CHINESE = "zh-hans"
ENGLISH = "en"


def page(client, url, language):
    """The HTML of the page at `url` in `language` (e.g. CHINESE): at its address in it."""
    response = client.get(address_in_language(url, language))
    assert response.status_code == 200
    return response.content.decode()


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
VOID_ELEMENTS |= {"source", "track"}


class _PageLanguages(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, language) of the elements around the current position
        self.texts = []  # (text, language)
        self.marks = []  # (tag, lang, attributes) of elements below <html> that set a lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang", self.open[-1][1] if self.open else None)
        # The switcher's links name each language in that language.
        in_switcher = "language-switcher" in attrs.get("class", "").split()
        if "lang" in attrs and tag != "html" and not in_switcher:
            self.marks.append((tag, attrs["lang"], attrs))
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, language))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        # The <title> cannot mark parts of itself (a lang on it is the whole title's): body only.
        if text and any(tag == "body" for tag, _ in self.open):
            self.texts.append((text, self.open[-1][1] if self.open else None))


def _parse(html):
    parser = _PageLanguages()
    parser.feed(html)
    parser.close()
    return parser


def languages_of(html, text):
    """The languages the texts of the page's body that contain `text` are read in (one text
    node each: `text` must not span elements)."""
    found = {language for node, language in _parse(html).texts if text in node}
    assert found, f"{text!r} is not on the page"
    return found


def lang_marks(html):
    """(tag, lang) of every element below <html> that sets a language, except the language
    switcher's links."""
    return [(tag, lang) for tag, lang, _ in _parse(html).marks]
