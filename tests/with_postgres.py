"""Runs a command with a throwaway PostgreSQL 15 database, named to it in REKRUT_TEST_POSTGRES_URL.

    python3 tests/with_postgres.py ctest --preset dev -R postgresql

`make test` runs the unit tests this way, so that the store's tests that need PostgreSQL (the binary
values, the file store, the search index) run on it too instead of skipping. The cluster is the HTTP
harness's: on loopback, stopped and removed when the command ends."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "http"))

from harness import Postgres  # noqa: E402


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    url = Postgres().create_database()
    environment = dict(os.environ, REKRUT_TEST_POSTGRES_URL=url)
    return subprocess.run(sys.argv[1:], env=environment).returncode


if __name__ == "__main__":
    sys.exit(main())
