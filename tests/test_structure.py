"""The apps depend on each other one way only: each may use the apps listed before it in
INSTALLED_APPS, never one after it, by an import (at module level or inside a function) or by
a model relation. A cycle between apps fails here, naming the file and line that closes it.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def our_apps():
    """Our apps in INSTALLED_APPS order, bottom first: the packages at the top of the tree."""
    return [name for name in settings.INSTALLED_APPS if (BASE_DIR / name).is_dir()]


def imports_of(source, package_names):
    """(line, imported package) for every import of one of `package_names` in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name.partition(".")[0]) for name in names]
    return [(line, package) for line, package in found if package in package_names]


def upward_imports(layers, read_sources):
    """Imports of an app by an app below it in `layers` (bottom first), as readable lines.

    `read_sources(app)` yields (path, source) of the app's Python files.
    """
    rank = {app: position for position, app in enumerate(layers)}
    problems = []
    for app in layers:
        for path, source in read_sources(app):
            for line, imported in imports_of(source, rank):
                if rank[imported] > rank[app]:
                    problems.append(f"{path}:{line}: {app} imports {imported}, which is above it")
    return problems


def read_app_sources(app):
    for path in sorted((BASE_DIR / app).rglob("*.py")):
        yield path.relative_to(BASE_DIR), path.read_text(encoding="utf-8")


def test_our_apps_are_listed_bottom_first_and_the_project_package_last():
    assert our_apps()[-1] == "portal"
    assert {"core", "mail", "accounts", "partnership", "programs", "applications"} < set(our_apps())


def test_no_app_imports_an_app_listed_after_it():
    problems = upward_imports(our_apps(), read_app_sources)
    assert not problems, "Imports against the layering:\n" + "\n".join(problems)


def test_each_model_has_one_admin_registered_once():
    """Registering a model's admin again over another (admin.site.unregister) hides where its
    admin is defined; an app that extends another's admin registers the complete one."""
    unregistering = [
        f"{path}:{line}"
        for app in our_apps()
        for path, source in read_app_sources(app)
        for line, text in enumerate(source.splitlines(), start=1)
        if "site.unregister(" in text
    ]
    assert unregistering == []


def test_no_model_relates_to_a_model_of_an_app_listed_after_it():
    """The user model is the exception: apps refer to it through settings.AUTH_USER_MODEL,
    whichever app provides it, as Django's own apps do."""
    rank = {app: position for position, app in enumerate(our_apps())}
    problems = []
    for app in rank:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields(include_hidden=True):
                if field.auto_created or not field.is_relation or field.related_model is None:
                    continue
                if field.related_model._meta.label == settings.AUTH_USER_MODEL:
                    continue
                target = field.related_model._meta.app_label
                if rank.get(target, -1) > rank[app]:
                    problems.append(f"{model._meta.label}.{field.name} → {target}")
    assert not problems, "Relations against the layering: " + ", ".join(problems)


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({"low": "import os\n", "high": "from low.models import Thing\n"}, []),
        (
            {"low": "def later():\n    from high import services\n", "high": "import low\n"},
            ["low/x.py:2: low imports high, which is above it"],
        ),
        ({"low": "from .models import Thing\n", "high": "import low.models\n"}, []),
    ],
    ids=["downward", "lazy import closing a cycle", "relative import"],
)
def test_the_check_finds_an_upward_import_even_inside_a_function(sources, expected):
    def read(app):
        yield f"{app}/x.py", sources[app]

    assert upward_imports(["low", "high"], read) == expected
