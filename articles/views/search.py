"""Site search across articles and members' posts."""

from django.contrib import messages
from django.shortcuts import render

from articles import site_search as site_search_rules
from community.limits import RateLimited, visitor_key
from community.read_replica import replica_for_visitors


@replica_for_visitors
def site_search(request):
    """Articles for everyone; members' published posts for members only."""
    query = site_search_rules.normalised_query(request.GET.get("q", ""))
    results, status = site_search_rules.SearchResults(), 200
    if query:
        try:
            results = site_search_rules.search_site(
                query,
                viewer=request.user,
                visitor_key=None
                if request.user.is_authenticated
                else visitor_key(request),
            )
        except RateLimited as limited:
            messages.error(request, limited.message)
            status = 429
    response = render(
        request,
        "articles/search.html",
        {"query": query, "articles": results.articles, "posts": results.posts},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
