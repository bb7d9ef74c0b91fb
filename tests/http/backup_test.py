"""Backups that prove themselves, against the real binary: `rekrut backup` writes one file with a
manifest and never the key, `rekrut backup verify` restores it into a scratch database and reports each
check, `rekrut restore` brings it back into an empty database only; damaged, altered, foreign-key and
missing backups are reported and change nothing; the scheduled backup keeps `backup.keep` files. The
same tests run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import hashlib
import io
import json
import os
import stat
import struct
import tarfile
import time
import unittest
import uuid

from harness import (Postgres, Server, ServerTestCase, apply_online, database_kind, database_url, execute_sql,
                     make_temp_dir, secret_key_file)

PUBLISHED_CASE = "Fuldmægtig til økonomienheden"
CHECKS = ("archive", "key", "signature", "checksum", "schema version", "key", "restore", "migrations", "manifest", "audit chain",
          "attachments")


def backup_signing_key(key_file=None):
    """The subkey that signs manifests, derived from the key file as the server derives it (libsodium's
    crypto_kdf with subkey id 7), so that a test can make an altered manifest that is signed."""
    with open(key_file or secret_key_file(), encoding="ascii") as file:
        master = bytes.fromhex(file.read().strip())
    return hashlib.blake2b(b"", key=master, salt=struct.pack("<Q", 7) + bytes(8), person=b"rekrut01" + bytes(8),
                           digest_size=32).digest()


def table_is_missing_or_empty(url):
    """True when the database at `url` has no tables (or, for SQLite, does not exist)."""
    if url.startswith("sqlite:"):
        path = url[len("sqlite:"):]
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            return True
        return execute_sql(url, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")[0][0] == "0"
    rows = execute_sql(url, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
    return rows[0][0].strip() == "0"


def rewrite_backup(source, target, change_manifest=None, change_database=None, sign=False):
    """A copy of the backup at `source` with its manifest and/or database bytes changed; `sign` signs
    the changed manifest with the installation key, as only someone holding the key could."""
    with tarfile.open(source) as archive:
        manifest_bytes = archive.extractfile("manifest.json").read()
        signature = archive.extractfile("manifest.mac").read()
        manifest = json.loads(manifest_bytes)
        database_name = manifest["database_file"]
        database = archive.extractfile(database_name).read()
    if change_manifest:
        change_manifest(manifest)
        manifest_bytes = json.dumps(manifest).encode()
    if change_database:
        database = change_database(database)
    if sign:
        signature = hashlib.blake2b(manifest_bytes, key=backup_signing_key(), digest_size=32).hexdigest().encode()
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in (("manifest.json", manifest_bytes), ("manifest.mac", signature), (database_name, database)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


class BackupTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = make_temp_dir("rekrut-backups-")
        case_id = int(execute_sql(cls.server.database_url,
                                  f"SELECT id FROM recruitment_cases WHERE title = '{PUBLISHED_CASE}'")[0][0])
        for number in (1, 2):
            response = apply_online(cls.server.client(), case_id, f"Backup Ansøger {number}",
                                    f"backup{number}@example.test", f"sikkerhedskopier nummer {number}")
            if response.status != 303:
                raise AssertionError(f"the application answered {response.status}")
        cls.backup_path = os.path.join(cls.folder, "rekrut.tar")
        result = cls.server.cli("backup", "--output", cls.backup_path)
        if result.returncode != 0:
            raise AssertionError(f"`rekrut backup` failed:\n{result.stdout}\n{result.stderr}")
        cls.backup_output = result.stdout
        cls.applications = int(execute_sql(cls.server.database_url, "SELECT COUNT(*) FROM applications")[0][0])

    def scalar(self, url, query):
        return execute_sql(url, query)[0][0].strip()

    def path(self, name):
        return os.path.join(self.folder, f"{uuid.uuid4().hex[:8]}-{name}")

    def verify(self, path, env=None):
        return self.server.cli("backup", "verify", path, env=env)

    def restore(self, path, url, env=None):
        return self.server.cli("restore", path, env={"REKRUT_DATABASE_URL": url, **(env or {})})

    def check_lines(self, output):
        """{check name: (passed, detail)} from verify's report."""
        checks = {}
        for line in output.splitlines():
            stripped = line.strip()
            for mark, passed in (("ok", True), ("FAILED", False)):
                if stripped.startswith(mark + " "):
                    name, _, detail = stripped[len(mark):].strip().partition(": ")
                    checks[name] = (passed, detail)
        return checks

    def other_key_file(self):
        path = os.path.join(make_temp_dir("rekrut-other-key-"), "other.key")
        with open(path, "w", encoding="ascii") as file:
            file.write(os.urandom(32).hex() + "\n")
        return path

    # -- the round trip

    def test_backup_holds_a_manifest_and_never_the_key(self):
        self.assertIn("the key is not in it", self.backup_output)
        self.assertEqual(stat.S_IMODE(os.stat(self.backup_path).st_mode), 0o600)
        with tarfile.open(self.backup_path) as archive:
            names = archive.getnames()
            manifest = json.loads(archive.extractfile("manifest.json").read())
        expected_file = "database.sqlite3" if database_kind() == "sqlite" else "database.pgdump"
        self.assertEqual(names, ["manifest.json", "manifest.mac", expected_file])
        self.assertEqual(manifest["dialect"], database_kind())
        self.assertGreaterEqual(manifest["schema_version"], 22)
        self.assertEqual(len(manifest["key_fingerprint"]), 16)
        self.assertEqual(manifest["row_counts"]["applications"], self.applications)
        self.assertGreaterEqual(self.applications, 2)
        self.assertGreaterEqual(manifest["row_counts"]["application_attachments"], 2)
        self.assertGreater(manifest["audit"]["head_id"], 0)
        self.assertEqual(len(manifest["audit"]["head_hash"]), 64)
        with open(secret_key_file(), encoding="ascii") as file:
            key_hex = file.read().strip()
        with open(self.backup_path, "rb") as file:
            content = file.read()
        self.assertNotIn(key_hex.encode(), content)
        self.assertNotIn(bytes.fromhex(key_hex), content)
        self.assertNotIn(key_hex.upper().encode(), content)

    def test_backup_verify_restore_round_trip(self):
        verified = self.verify(self.backup_path)
        self.assertEqual(verified.returncode, 0, verified.stdout + verified.stderr)
        checks = self.check_lines(verified.stdout)
        self.assertEqual(set(CHECKS), set(checks), verified.stdout)
        self.assertTrue(all(passed for passed, _ in checks.values()), verified.stdout)
        self.assertIn("backup verified", verified.stdout)
        self.assertRegex(checks["attachments"][1], r"^[2-9]\d* sampled attachments decrypted")
        if database_kind() == "postgresql":
            scratch = Postgres().psql("SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'rekrut_verify_%'")
            self.assertEqual(scratch.strip(), "0")

        target = database_url()
        restored = self.restore(self.backup_path, target)
        self.assertEqual(restored.returncode, 0, restored.stdout + restored.stderr)
        for table in ("applications", "application_attachments", "attachment_chunks", "users"):
            self.assertEqual(self.scalar(target, f"SELECT COUNT(*) FROM {table}"),
                             self.scalar(self.server.database_url, f"SELECT COUNT(*) FROM {table}"), table)
        with tarfile.open(self.backup_path) as archive:
            manifest = json.loads(archive.extractfile("manifest.json").read())
        # The backup's events, then the restore's own: which backup, from when; nothing personal.
        self.assertEqual(self.scalar(target, "SELECT COUNT(*) FROM audit_events"),
                         str(manifest["audit"]["events"] + 1))
        audit = self.server.cli("audit", "verify", env={"REKRUT_DATABASE_URL": target, "REKRUT_AUDIT_ANCHOR": ""})
        self.assertEqual(audit.returncode, 0, audit.stdout + audit.stderr)
        exported = self.server.cli("audit", "export", "--action", "backup.restored",
                                   env={"REKRUT_DATABASE_URL": target, "REKRUT_AUDIT_ANCHOR": ""})
        self.assertEqual(exported.returncode, 0, exported.stderr)
        events = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
        self.assertEqual(len(events), 1, exported.stdout)
        event = events[0]
        self.assertEqual(event["object_type"], "backup")
        self.assertEqual(event["object_id"], manifest["database_blake2b"])
        self.assertGreater(int(event["id"]), manifest["audit"]["head_id"])
        self.assertEqual(event["after"], {"created_at": manifest["created_at"], "dialect": database_kind(),
                                          "schema_version": manifest["schema_version"],
                                          "audit_head_id": manifest["audit"]["head_id"]})
        self.assertIsNone(event.get("institution_id"))

        # The restored database serves, and a backup of it verifies with its attachments.
        with Server(database_url=target, name="restored") as server:
            self.assertEqual(server.client().get("/readyz").status, 200)
        again = self.path("again.tar")
        self.assertEqual(self.server.cli("backup", "-o", again, env={"REKRUT_DATABASE_URL": target}).returncode, 0)
        second = self.verify(again)
        self.assertEqual(second.returncode, 0, second.stdout)

    # -- hostile cases

    def test_truncated_backup_fails_verify_and_restore_changes_nothing(self):
        truncated = self.path("truncated.tar")
        with open(self.backup_path, "rb") as source, open(truncated, "wb") as target:
            target.write(source.read()[: os.path.getsize(self.backup_path) // 2])
        verified = self.verify(truncated)
        self.assertEqual(verified.returncode, 1)
        self.assertFalse(self.check_lines(verified.stdout)["archive"][0], verified.stdout)
        self.assertIn("damaged or truncated", verified.stdout)
        self.assertIn("backup NOT verified", verified.stdout)
        target = database_url()
        restored = self.restore(truncated, target)
        self.assertEqual(restored.returncode, 1)
        self.assertIn("damaged or truncated", restored.stderr)
        self.assertTrue(table_is_missing_or_empty(target))

    def test_altered_database_bytes_fail_the_checksum(self):
        altered = self.path("altered.tar")

        def flip(data):
            middle = len(data) // 2
            return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]

        rewrite_backup(self.backup_path, altered, change_database=flip)
        verified = self.verify(altered)
        self.assertEqual(verified.returncode, 1)
        checks = self.check_lines(verified.stdout)
        self.assertTrue(checks["archive"][0])
        self.assertFalse(checks["checksum"][0], verified.stdout)
        target = database_url()
        self.assertEqual(self.restore(altered, target).returncode, 1)
        self.assertTrue(table_is_missing_or_empty(target))

    def test_manifest_whose_counts_do_not_match_is_reported(self):
        altered = self.path("counts.tar")

        def more_applications(manifest):
            manifest["row_counts"]["applications"] += 1

        rewrite_backup(self.backup_path, altered, change_manifest=more_applications, sign=True)
        verified = self.verify(altered)
        self.assertEqual(verified.returncode, 1)
        checks = self.check_lines(verified.stdout)
        self.assertTrue(checks["checksum"][0])
        self.assertFalse(checks["manifest"][0], verified.stdout)
        self.assertIn(f"table applications has {self.applications} rows, manifest {self.applications + 1}",
                      checks["manifest"][1])
        self.assertTrue(checks["audit chain"][0])

    def test_altered_manifest_without_the_key_is_refused_before_restoring(self):
        altered = self.path("unsigned.tar")

        def fewer_applications(manifest):
            manifest["row_counts"]["applications"] -= 1

        rewrite_backup(self.backup_path, altered, change_manifest=fewer_applications)
        verified = self.verify(altered)
        self.assertEqual(verified.returncode, 1)
        checks = self.check_lines(verified.stdout)
        self.assertTrue(checks["key"][0])
        self.assertFalse(checks["signature"][0], verified.stdout)
        self.assertNotIn("restore", checks)
        target = database_url()
        restored = self.restore(altered, target)
        self.assertEqual(restored.returncode, 1)
        self.assertIn("not signed with the installation key", restored.stderr)
        self.assertTrue(table_is_missing_or_empty(target))

    def test_newer_schema_is_refused(self):
        altered = self.path("newer.tar")

        def newer(manifest):
            manifest["schema_version"] = 9999

        rewrite_backup(self.backup_path, altered, change_manifest=newer, sign=True)
        verified = self.verify(altered)
        self.assertEqual(verified.returncode, 1)
        self.assertFalse(self.check_lines(verified.stdout)["schema version"][0], verified.stdout)
        target = database_url()
        restored = self.restore(altered, target)
        self.assertEqual(restored.returncode, 1)
        self.assertIn("newer than this binary knows", restored.stderr)
        self.assertTrue(table_is_missing_or_empty(target))

    def test_wrong_key_file_is_named_and_refused(self):
        other = self.other_key_file()
        verified = self.verify(self.backup_path, env={"REKRUT_SECURITY_KEY_FILE": other})
        self.assertEqual(verified.returncode, 1)
        checks = self.check_lines(verified.stdout)
        self.assertFalse(checks["key"][0])
        self.assertIn("belongs to the installation key with fingerprint", checks["key"][1])
        with open(secret_key_file(), encoding="ascii") as file:
            self.assertNotIn(file.read().strip(), verified.stdout + verified.stderr)
        self.assertFalse(checks["signature"][0])
        self.assertNotIn("restore", checks, verified.stdout)
        target = database_url()
        restored = self.restore(self.backup_path, target, env={"REKRUT_SECURITY_KEY_FILE": other})
        self.assertEqual(restored.returncode, 1)
        self.assertIn("belongs to the installation key with fingerprint", restored.stderr)
        self.assertTrue(table_is_missing_or_empty(target))

    def test_missing_key_file_is_not_made_anew(self):
        missing = os.path.join(make_temp_dir("rekrut-no-key-"), "absent.key")
        verified = self.verify(self.backup_path, env={"REKRUT_SECURITY_KEY_FILE": missing})
        self.assertEqual(verified.returncode, 1)
        self.assertIn("is missing", verified.stderr)
        self.assertFalse(os.path.exists(missing))

    def test_restore_refuses_a_database_that_is_not_empty(self):
        before = self.scalar(self.server.database_url, "SELECT COUNT(*) FROM applications")
        restored = self.restore(self.backup_path, self.server.database_url)
        self.assertEqual(restored.returncode, 1)
        self.assertIn("is not empty", restored.stderr)
        self.assertEqual(self.scalar(self.server.database_url, "SELECT COUNT(*) FROM applications"), before)
        self.assertEqual(self.client().get("/readyz").status, 200)

    def test_missing_backup_file(self):
        missing = os.path.join(self.folder, "no-such-backup.tar")
        verified = self.verify(missing)
        self.assertEqual(verified.returncode, 1)
        self.assertIn("does not exist", verified.stdout)
        target = database_url()
        restored = self.restore(missing, target)
        self.assertEqual(restored.returncode, 1)
        self.assertIn("does not exist", restored.stderr)

    def test_backup_never_overwrites_a_file(self):
        existing = self.path("existing.tar")
        with open(existing, "wb") as file:
            file.write(b"keep me")
        result = self.server.cli("backup", "--output", existing)
        self.assertEqual(result.returncode, 1)
        self.assertIn("already exists", result.stderr)
        with open(existing, "rb") as file:
            self.assertEqual(file.read(), b"keep me")

    def test_a_file_that_is_not_a_backup(self):
        other = self.path("other.tar")
        with open(other, "wb") as file:
            file.write(b"not a tar file at all\n" * 100)
        verified = self.verify(other)
        self.assertEqual(verified.returncode, 1)
        self.assertFalse(self.check_lines(verified.stdout)["archive"][0], verified.stdout)


class ScheduledBackupTest(unittest.TestCase):
    """The scheduled backup: made by the server itself, by one node of several, older files beyond
    backup.keep deleted. The slots are 31 days long, so that no test runs across the start of a new one."""

    def test_scheduled_backup_keeps_the_newest(self):
        folder = make_temp_dir("rekrut-scheduled-")
        old = [f"rekrut-backup-2020010{day}T000000Z.tar" for day in (1, 2, 3)]
        for name in old:
            with open(os.path.join(folder, name), "wb") as file:
                file.write(b"an old backup")
        unrelated = os.path.join(folder, "notes.txt")
        with open(unrelated, "w", encoding="utf-8") as file:
            file.write("not a backup")
        env = {"REKRUT_BACKUP_DIRECTORY": folder, "REKRUT_BACKUP_INTERVAL_HOURS": "744", "REKRUT_BACKUP_KEEP": "2"}
        with Server(env=env, name="scheduled") as server:
            deadline = time.monotonic() + 60
            made = []
            while time.monotonic() < deadline:
                made = [name for name in os.listdir(folder) if name.startswith("rekrut-backup-2") and
                        not name.startswith("rekrut-backup-2020")]
                if made and len([n for n in os.listdir(folder) if n.startswith("rekrut-backup-")]) == 2:
                    break
                time.sleep(0.2)
            self.assertEqual(len(made), 1, os.listdir(folder))
            self.assertEqual(sorted(n for n in os.listdir(folder) if n.startswith("rekrut-backup-")),
                             sorted([old[-1], made[0]]))
            self.assertTrue(os.path.exists(unrelated))
            self.assertEqual(execute_sql(server.database_url, "SELECT COUNT(*) FROM backup_runs")[0][0].strip(), "1")
            verified = server.cli("backup", "verify", os.path.join(folder, made[0]))
            self.assertEqual(verified.returncode, 0, verified.stdout + verified.stderr)

    def test_of_two_nodes_one_makes_the_backup(self):
        shared = database_url()
        first_folder, second_folder = make_temp_dir("rekrut-node-a-"), make_temp_dir("rekrut-node-b-")
        base = {"REKRUT_BACKUP_INTERVAL_HOURS": "744", "REKRUT_BACKUP_KEEP": "2"}
        with Server(env={**base, "REKRUT_BACKUP_DIRECTORY": first_folder}, database_url=shared, name="node-a"):
            self.wait_for(lambda: [n for n in os.listdir(first_folder) if n.endswith(".tar")], "node a's backup")
            second = Server(env={**base, "REKRUT_BACKUP_DIRECTORY": second_folder, "REKRUT_LOG_LEVEL": "info"},
                            database_url=shared, name="node-b")
            with second:
                self.wait_for(lambda: "backup_slot_taken" in second.log(), "node b to find the slot taken")
        self.assertEqual([n for n in os.listdir(second_folder) if n.endswith(".tar")], [])
        self.assertEqual(execute_sql(shared, "SELECT COUNT(*) FROM backup_runs")[0][0].strip(), "1")

    def wait_for(self, condition, what, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        self.fail(f"waited {timeout} s for {what}")


if __name__ == "__main__":
    unittest.main()
