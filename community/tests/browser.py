"""Helpers for the browser tests: accessibility and third-party request checks."""

from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}
_axe = Axe()


def serious_accessibility_violations(page):
    """axe-core's serious and critical findings on the current page, readably."""
    violations = _axe.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in violations
        if v["impact"] in SERIOUS
    ]


def record_foreign_requests(page, live_server_url):
    """Start noting every request the page makes to a host other than ours."""
    own = urlsplit(live_server_url).netloc
    foreign = []

    def note(request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https"} and parts.netloc != own:
            foreign.append(request.url)

    page.on("request", note)
    return foreign
