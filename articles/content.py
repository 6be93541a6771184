"""What a medical sign-off vouches for: an article's content as one JSON value.

A revision stores this snapshot; its checksum is what a reviewer signs. Readers'
pages are rendered from a revision's snapshot (`ShownContent`), never from the
article's draft fields, so an unreviewed edit can't reach them.
"""

import hashlib
import json
from dataclasses import dataclass

# Fields of Article copied into a snapshot; references and the poll are added.
ARTICLE_FIELDS = ["title", "summary", "key_takeaways", "body", "disclosure", "sponsor"]


def snapshot(article) -> dict:
    """The article's working copy (draft fields, references, poll) as a snapshot."""
    content = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    content["references"] = [
        {"text": r.text, "url": r.url, "doi": r.doi}
        for r in article.references.order_by("position", "id")
    ]
    poll = article.poll_or_none()
    content["poll"] = (
        None
        if poll is None
        else {
            "question": poll.question,
            "options": [
                {"id": option.pk, "text": option.text}
                for option in poll.options.order_by("position", "id")
            ],
        }
    )
    return content


def checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ShownReference:
    text: str
    url: str
    doi: str

    @property
    def link(self):
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return ""


@dataclass(frozen=True)
class ShownContent:
    """A revision's content as a page shows it."""

    title: str
    summary: str
    key_takeaways: list
    body_html: str
    table_of_contents: list
    disclosure: str
    sponsor: str
    references: list[ShownReference]
    poll_question: str
    poll_options: list[dict]  # {"id", "text"}: the options readers may choose

    @classmethod
    def of(cls, revision):
        content = revision.content
        poll = content.get("poll") or {}
        return cls(
            title=content["title"],
            summary=content["summary"],
            key_takeaways=content["key_takeaways"],
            body_html=revision.body_html,
            table_of_contents=revision.table_of_contents,
            disclosure=content["disclosure"],
            sponsor=content["sponsor"],
            references=[ShownReference(**r) for r in content["references"]],
            poll_question=poll.get("question", ""),
            poll_options=poll.get("options", []),
        )

    @property
    def poll_option_ids(self):
        return {option["id"] for option in self.poll_options}
