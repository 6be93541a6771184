"""Every page the URL conf can produce, for tests that must hold on all of them."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Values for the URL parameters our own patterns use. Patterns whose parameters
# we can't fill sensibly (admin object pages, allauth one-time keys) are listed
# in SKIPPED_PARAMETERS so a new kind of parameter fails loudly instead.
SKIPPED_PARAMETERS = {
    "object_id",
    "app_label",
    "content_type_id",
    "key",
    "uidb36",
    "url",
    "type",
    "id",
}
# Pages that answer with something other than an HTML page.
NOT_HTML = {"admin:jsi18n", "admin:autocomplete", "mfa_download_recovery_codes"}


def walk(patterns=None, namespace="", prefix=""):
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            yield from walk(
                entry.url_patterns,
                f"{namespace}{ns}:" if ns else namespace,
                prefix + str(entry.pattern),
            )
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", list(entry.pattern.regex.groupindex)


def page_urls(samples):
    """(name, url) for every named page.

    `samples` maps a URL name to the keyword arguments for it; a URL whose
    parameters have no sample fails the calling test, so new pages are not missed.
    """
    urls = {}
    for name, params in walk():
        if name in NOT_HTML or any(param in SKIPPED_PARAMETERS for param in params):
            continue
        kwargs = samples.get(name, {})
        missing = [param for param in params if param not in kwargs]
        assert not missing, f"No sample value for {missing} in URL {name}"
        urls[name] = reverse(name, kwargs={param: kwargs[param] for param in params})
    return sorted(urls.items())


def html_pages(client, samples):
    """(label, html) for every named page `client` is shown as an HTML page,
    following redirects (a signed-out visitor lands on the sign-in page)."""
    pages = []
    for name, url in page_urls(samples):
        response = client.get(url, follow=True)
        if response.status_code == 405:  # POST-only endpoints have no page
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        pages.append((f"{name} ({url})", response.content.decode()))
    return pages
