"""Reactions to a post, and the Post column that counts each kind."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from forum.models.posts import Post


class Reaction(models.Model):
    class Kind(models.TextChoices):
        HUG = "hug", pgettext_lazy("reaction", "Hug")
        LIKE = "like", pgettext_lazy("reaction", "Like")
        ME_TOO = "me_too", pgettext_lazy("reaction", "Me too")

        @property
        def counter_field(self):
            """The Post column that counts reactions of this kind."""
            return REACTION_COUNTERS[self]

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "member", "kind"],
                name="reaction_one_of_each_kind_per_member",
                violation_error_message=_("You already reacted this way."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on post {self.post_id}"


REACTION_COUNTERS = {
    Reaction.Kind.HUG: "hug_count",
    Reaction.Kind.LIKE: "like_count",
    Reaction.Kind.ME_TOO: "me_too_count",
}
