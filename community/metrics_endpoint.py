"""/metrics for Prometheus: operators only, and invisible to everyone else.

An operator is a request with the bearer token METRICS_TOKEN, or one straight from
an address in METRICS_ALLOWED_IPS (not through a proxy: a forwarded request never
counts, whatever address it comes from). Anyone else gets the site's 404.
"""

import hmac
import ipaddress

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST

from community.metrics import exposition


def is_operator(request) -> bool:
    token = settings.METRICS_TOKEN
    offered = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return True
    if "X-Forwarded-For" in request.headers:
        return False
    return _address_allowed(request.META.get("REMOTE_ADDR", ""))


def _address_allowed(address) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(allowed, strict=False)
        for allowed in settings.METRICS_ALLOWED_IPS
    )


@never_cache
def metrics(request):
    if not is_operator(request):
        raise Http404
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
