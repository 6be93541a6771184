"""Editors' Markdown to stored HTML, once, at write time."""

import markdown

from community.sanitize import clean_editorial_html


def render_markdown(text: str) -> tuple[str, list[dict]]:
    """(safe HTML, table of contents) for an article body."""
    converter = markdown.Markdown(
        extensions=["toc", "tables", "sane_lists"],
        extension_configs={"toc": {"toc_depth": "2-3"}},
    )
    html = clean_editorial_html(converter.convert(text))
    toc = [
        {"id": heading["id"], "name": heading["name"]}
        for heading in converter.toc_tokens
        if heading["level"] == 2
    ]
    return html, toc
