"""Production settings refuse to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def import_production_settings(secret_key=None):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import portal.settings.production"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "short-key", "dev-" + "x" * 60, "test-" + "x" * 60],
    ids=["unset", "empty", "short", "dev-prefixed", "test-prefixed"],
)
def test_refuses_to_start_without_a_real_secret_key(secret_key):
    result = import_production_settings(secret_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_starts_with_a_long_random_secret_key():
    result = import_production_settings("k3y-" + "a7Fq9" * 11 + "z")  # 60 characters
    assert result.returncode == 0, result.stderr
