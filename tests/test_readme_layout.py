"""The README's layout table names every top-level file and folder of the repository."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Files every repository has, which a reader does not look up in a layout table.
UNLISTED = {"README.md", ".gitignore", ".dockerignore", ".npmrc", ".pre-commit-config.yaml"}


def layout_section():
    readme = (ROOT / "README.md").read_text()
    return readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]


def listed_paths(section):
    """The backquoted names in the first column of the table's rows."""
    names = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            first_column = row.split("|")[1]
            names |= {name.split("/")[0] for name in re.findall(r"`([^`]+)`", first_column)}
    return names


def tracked_top_level():
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("Not a git checkout: the tracked files are unknown.")
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {name.split("/")[0] for name in files}


def test_every_top_level_entry_is_in_the_layout_table():
    missing = tracked_top_level() - UNLISTED - listed_paths(layout_section())
    assert not missing, f"Add these to README.md's layout table: {sorted(missing)}"


def test_the_layout_table_names_nothing_that_is_gone():
    gone = {name for name in listed_paths(layout_section()) if not (ROOT / name).exists()}
    assert not gone, f"README.md's layout table names what is not in the tree: {sorted(gone)}"


def test_the_check_reads_names_from_the_first_column_only():
    section = "| path | what |\n| --- | --- |\n| `core/`, `x.py` | uses `other/` |\n"
    assert listed_paths(section) == {"core", "x.py"}
