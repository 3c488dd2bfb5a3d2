"""The lock (requirements/*.txt) must pin what pyproject.toml pins.

`make run` and `make test` install from the lock alone, so a pin changed in pyproject.toml
without `make lock` would silently not be installed. This catches it without a network.
"""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)$")
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements):
    found = {}
    for requirement in requirements:
        match = PIN.match(requirement.replace(" ", ""))
        assert match, f"{requirement!r} in pyproject.toml is not pinned with =="
        found[normalise(match[1])] = match[2]
    return found


def locked(filename):
    text = (ROOT / "requirements" / filename).read_text()
    return {normalise(name): version for name, version in LOCKED.findall(text)}


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
MAIN = pins(PROJECT["dependencies"])
TEST = pins(PROJECT["optional-dependencies"]["test"])


@pytest.mark.parametrize(
    ("filename", "expected"),
    [("main.txt", MAIN), ("test.txt", MAIN | TEST)],
)
def test_lock_pins_what_pyproject_pins(filename, expected):
    lock = locked(filename)
    stale = {
        name: (version, lock.get(name))
        for name, version in expected.items()
        if lock.get(name) != version
    }
    assert not stale, f"run `make lock`: pyproject.toml pin vs requirements/{filename}: {stale}"


def test_test_lock_agrees_with_main_lock():
    main, test = locked("main.txt"), locked("test.txt")
    assert {name: test.get(name) for name in main} == main
