"""Where to send someone after a form: the `next` they came with, if it is ours."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default: str) -> str:
    """The request's `next` (form field, else query string) when it points at this
    site over an allowed scheme; otherwise `default`.

    Refuses other hosts, `javascript:` and other schemes, protocol-relative
    `//host` paths, bare words, NUL, and plain http from an https page.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path or a full URL: anything else ("abc") would be taken for a view name.
    shaped_like_a_url = target.startswith("/") or "://" in target
    if (
        shaped_like_a_url
        and "\x00" not in target
        and url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        )
    ):
        return target
    return default
