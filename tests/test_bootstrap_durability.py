# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The durable, locked-down configuration `make run` generates, read back
by scripts/check_bootstrap.sh (PostgreSQL's own `postgres -C`, the
generated pg_hba.conf and Odoo configuration, file modes), setting by
setting; and the check itself fails on a tampered configuration."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_bootstrap.sh"
LINE = re.compile(r"^bootstrap-check: (ok|FAIL)\s+(.*)$")


def run_check(tamper=""):
    env = dict(os.environ, VENV=sys.prefix, BOOTSTRAP_CHECK_TAMPER=tamper)
    done = subprocess.run(
        ["bash", str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    results = {}
    for line in (done.stdout + done.stderr).splitlines():
        match = LINE.match(line)
        if match:
            results[match.group(2)] = match.group(1)
    return done.returncode, results


@pytest.fixture(scope="module")
def checked():
    returncode, results = run_check()
    assert returncode == 0, [what for what, status in results.items() if status != "ok"]
    assert results and set(results.values()) == {"ok"}
    return results


@pytest.mark.parametrize("setting", ["fsync", "synchronous_commit", "full_page_writes"])
def test_durability_settings_on(checked, setting):
    assert checked.get(f"run cluster {setting} = on") == "ok"


def test_unix_socket_only_owner_only(checked):
    assert checked.get("run cluster listen_addresses = ") == "ok"
    assert checked.get("run cluster unix_socket_permissions = 0700") == "ok"
    assert checked.get("run cluster password_encryption = scram-sha-256") == "ok"
    socket_dirs = [w for w in checked if re.search(r"/pgsock(-test)? mode = 700$", w)]
    assert socket_dirs, "no cluster socket directory checked"


def test_older_durability_off_lines_removed(checked):
    assert (
        checked.get(
            "older checkouts' durability-off lines removed from postgresql.conf"
        )
        == "ok"
    )


def test_pg_hba_peer_and_scram_only(checked):
    assert checked.get("pg_hba methods = peer scram-sha-256 ") == "ok"
    assert checked.get("pg_hba: no trust rule") == "ok"
    assert checked.get("pg_hba: no replication rule") == "ok"
    assert checked.get("pg_hba superuser rule = local all postgres peer map=owner") == (
        "ok"
    )
    for name in ("freight_crm.conf", "pg_hba.conf", "pg_ident.conf"):
        assert checked.get(f"{name} mode = 600") == "ok"


def test_odoo_configuration_locked_down(checked):
    assert checked.get("odoo configuration mode = 600") == "ok"
    assert checked.get("master password file mode = 600") == "ok"
    assert checked.get("list_db = False") == "ok"
    assert (
        checked.get(
            "admin_passwd is a pbkdf2-sha512 hash of the master password = True"
        )
        == "ok"
    )
    assert (
        checked.get("the configuration does not hold the master password in clear")
        == "ok"
    )


def test_filestore_owner_only(checked):
    assert checked.get("filestore directory mode = 700") == "ok"


@pytest.mark.parametrize(
    "tamper, failing",
    [
        ("fsync", "run cluster fsync = 'off', expected 'on'"),
        ("trust", "pg_hba has a trust rule"),
    ],
)
def test_check_fails_on_tampered_configuration(tamper, failing):
    returncode, results = run_check(tamper)
    assert returncode != 0
    assert results.get(failing) == "FAIL"
