import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from community.tests.urlwalk import page_urls

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
# Any attribute that makes a browser fetch something: src, href on <link>, srcset,
# poster, and url() in inline styles.
FETCHING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object)[^>]*\s(?:src|data|poster)"
    r"=[\"']([^\"']+)|<link[^>]*\shref=[\"']([^\"']+)|srcset=[\"']([^\"']+)"
    r"|url\(([^)]+)\)",
    re.IGNORECASE,
)


def external_resources(html, own_host="testserver"):
    found = []
    for match in FETCHING.finditer(html):
        url = next(group for group in match.groups() if group).strip("'\" ")
        host = re.match(r"^(?:https?:)?//([^/]+)", url)
        if host and host.group(1) != own_host:
            found.append(url)
    return found


def test_detector_sees_third_party_resources():
    html = (
        '<script src="https://cdn.example.net/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/css">'
        '<img src="/static/ok.png">'
        '<link rel="canonical" href="http://testserver/articles/x/">'
    )
    assert external_resources(html) == [
        "https://cdn.example.net/x.js",
        "//fonts.example.com/css",
    ]


def test_no_page_loads_anything_from_another_host(client, member, url_samples):
    client.force_login(member)
    for name, url in page_urls(url_samples):
        response = client.get(url, follow=True)
        if response.get("Content-Type", "").startswith("text/html"):
            assert external_resources(response.content.decode()) == [], name


def test_every_response_carries_the_security_headers(client):
    for path in ["/", "/help/", "/accounts/login/", "/no-such-page/"]:
        response = client.get(path)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        # WSGI servers may refuse anything but a plain str (wsgiref does).
        assert all(type(name) is str for name in response.headers)


def production_environment(tmp_path, **extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="community.settings",
        DEBUG="0",
        SECRET_KEY="x7!" * 20 + "a-production-like-secret-key-for-the-check",
        ALLOWED_HOSTS="community.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    )
    return environment


def run_manage(*args, environment):
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_is_clean_with_production_variables(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        environment=production_environment(tmp_path),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    environment = production_environment(tmp_path)
    del environment["SECRET_KEY"]
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_the_policy_header_is_the_one_django_builds_with_or_without_a_nonce(rf):
    from django.http import HttpResponse
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.test import override_settings
    from django.utils.csp import CSP

    from community.middleware import ContentSecurityPolicyBuiltOnce

    def page(request):
        return HttpResponse("plain")

    def page_with_script(request):
        return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")

    ours = ContentSecurityPolicyBuiltOnce(page)
    with_nonce = ContentSecurityPolicyBuiltOnce(page_with_script)
    djangos = ContentSecurityPolicyMiddleware(page)
    stricter = {"default-src": ["'none'"], "script-src": [CSP.SELF, CSP.NONCE]}
    for policy in [None, stricter]:
        with override_settings(**({"SECURE_CSP": policy} if policy else {})):
            for _ in range(2):  # the second is built once, not again
                header = ours(rf.get("/"))["Content-Security-Policy"]
                assert header == djangos(rf.get("/"))["Content-Security-Policy"]
            response = with_nonce(rf.get("/"))
            nonce = re.search(r"nonce='([^']+)'", response.content.decode())[1]
            assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
