"""What the tags that keep a rendered part of a page share (`{% frame_part %}` here in core,
`{% kept %}` in programs): a block named by a string, then the values it is kept per."""

from django import template


def parse_part(parser, token):
    """(nodelist, filter expressions of the name and values) of
    `{% tag "name" value … %}…{% endtag %}`."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes the part's name, then what it varies on"
        )
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return nodelist, [parser.compile_filter(bit) for bit in bits[1:]]


class PartNode(template.Node):
    """The block of such a tag and the expressions it is kept per (its name first)."""

    def __init__(self, nodelist, names):
        self.nodelist = nodelist
        self.names = names

    def values(self, context):
        return [name.resolve(context) for name in self.names]
