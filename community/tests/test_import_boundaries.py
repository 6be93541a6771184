"""Dependencies point one way (community <- forum <- articles <- benchmarks), in
imports and in the strings that name another app; one sanitizer."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LAYERS = {"community": 0, "forum": 1, "articles": 2, "benchmarks": 3}
SANITIZERS = {"nh3", "bleach"}
# Settings name every app by design (INSTALLED_APPS, context processors), as does
# this test's own sample; the root URLconf's include()s are skipped below.
EXEMPT = {REPO / "community" / "settings.py", Path(__file__).resolve()}
# "forum:post_hide" (a URL name, also the start of f"forum:{name}"), "forum.Post"
# (a model reference) or "forum.views.thread" (a dotted path).
APP_REFERENCE = re.compile(r"(?P<app>[a-z]+)[.:](\w[\w.:]*)?")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def called_name(call):
    return getattr(call.func, "attr", None) or getattr(call.func, "id", None)


def named_apps(path):
    """Apps a module names in strings: URL names, dotted paths, model references
    and labels given to get_model(); include("app.urls") is wiring, not a use."""
    tree = ast.parse(path.read_text(), filename=str(path))
    wiring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if called_name(node) == "include":
                wiring.update(id(arg) for arg in node.args)
            elif called_name(node) == "get_model" and node.args:
                label = node.args[0]
                if isinstance(label, ast.Constant) and label.value in LAYERS:
                    yield label.value, label.value
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in wiring
            and (match := APP_REFERENCE.fullmatch(node.value))
            and match["app"] in LAYERS
        ):
            yield match["app"], node.value


def python_files(app):
    return [p for p in (REPO / app).rglob("*.py") if "migrations" not in p.parts]


def test_apps_import_only_downward():
    upward = []
    for app, layer in LAYERS.items():
        for path in python_files(app):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if LAYERS.get(top, -1) > layer:
                    upward.append(f"{path.relative_to(REPO)} imports {module}")
    assert upward == []


def test_apps_name_only_apps_below_them():
    upward = []
    for app, layer in LAYERS.items():
        for path in python_files(app):
            if path in EXEMPT:
                continue
            for named, text in named_apps(path):
                if LAYERS[named] > layer:
                    upward.append(f"{path.relative_to(REPO)} names {text!r}")
    assert upward == []


def test_the_string_check_sees_each_kind_of_reference(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        'reverse("articles:article_detail")\n'
        'f"forum:{name}"\n'
        'models.ForeignKey("forum.Post", on_delete=models.PROTECT)\n'
        'apps.get_model("articles", "Article")\n'
        'import_string("benchmarks.seed.seed")\n'
        'path("", include("forum.urls"))\n'
        '"""Prose that mentions forum.models is not a reference."""\n'
    )
    assert sorted(named_apps(module)) == [
        ("articles", "articles"),
        ("articles", "articles:article_detail"),
        ("benchmarks", "benchmarks.seed.seed"),
        ("forum", "forum.Post"),
        ("forum", "forum:"),
    ]


def test_only_the_sanitize_module_imports_nh3_or_bleach():
    offenders = [
        str(path.relative_to(REPO))
        for app in LAYERS
        for path in python_files(app)
        if any(m.split(".")[0] in SANITIZERS for m in imported_modules(path))
        and path != REPO / "community" / "sanitize.py"
    ]
    assert offenders == []
