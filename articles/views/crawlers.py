"""What crawlers are told: robots.txt names the sitemap and the paths to leave."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from community.http_caching import public_for_visitors

# Member pages, staff pages, accounts, search results and visitors' private
# question links (under /questions/): nothing there is for an index. Members'
# pages also answer noindex; this keeps crawlers from spending time on them.
DISALLOWED_PATHS = (
    "/accounts/",
    "/account/",
    "/admin/",
    "/editorial/",
    "/moderation/",
    "/notifications/",
    "/community/",
    "/conversations/",
    "/posts/",
    "/members/",
    "/welcome/",
    "/questions/",
    "/search/",
)
# Longest match wins: the form visitors ask from may be found.
ALLOWED_PATHS = ("/questions/ask/",)


@require_GET
@public_for_visitors
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Allow: {path}" for path in ALLOWED_PATHS]
    lines += [f"Disallow: {path}" for path in DISALLOWED_PATHS]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('articles:sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
