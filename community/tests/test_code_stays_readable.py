"""The renovation's yardstick (issue 14): every module of the three apps reads in one
sitting and every function fits on a screen, so each rule has an obvious home."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APPS = ("community", "forum", "articles")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50
# Configuration and data, not code to read: the settings are one flat list of
# switches, and the character table is generated from Unicode's data.
NOT_READ_AS_CODE = {
    Path("community/settings.py"),
    Path("community/invisible_characters.py"),
}


def code_modules():
    for app in APPS:
        for path in sorted((REPO / app).rglob("*.py")):
            relative = path.relative_to(REPO)
            if {"migrations", "tests"} & set(relative.parts):
                continue
            if relative not in NOT_READ_AS_CODE:
                yield relative, path.read_text()


def long_functions(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield node.name, length


def test_no_module_is_over_four_hundred_lines():
    too_long = [
        f"{path}: {source.count(chr(10))} lines"
        for path, source in code_modules()
        if source.count("\n") > MAX_MODULE_LINES
    ]
    assert too_long == []


def test_no_function_is_over_fifty_lines():
    too_long = [
        f"{path}: {name} ({length} lines)"
        for path, source in code_modules()
        for name, length in long_functions(source)
    ]
    assert too_long == []


def test_the_yardstick_catches_a_long_function():
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    assert list(long_functions(f"def sprawling():\n{body}\n")) == [
        ("sprawling", MAX_FUNCTION_LINES + 1)
    ]
