"""Dependencies point one way (community <- forum <- articles); one sanitizer."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LAYERS = {"community": 0, "forum": 1, "articles": 2}
SANITIZERS = {"nh3", "bleach"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


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


def test_only_the_sanitize_module_imports_nh3_or_bleach():
    offenders = [
        str(path.relative_to(REPO))
        for app in LAYERS
        for path in python_files(app)
        if any(m.split(".")[0] in SANITIZERS for m in imported_modules(path))
        and path != REPO / "community" / "sanitize.py"
    ]
    assert offenders == []
