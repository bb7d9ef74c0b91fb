"""Demo accounts and logging in for HTTP tests (a neighbour of harness.py; standard library only).

`rekrut seed-demo` creates the accounts below, all with the password DEMO_PASSWORD. The operator,
the Superbrugere and the Administrators must pass two-step login with the fixed demo TOTP key; the
case users (Projektleder, ...) log in with the password alone.

    from accounts import login, SUPERBRUGER, PROJEKTLEDER

    client = self.client()
    login(client, SUPERBRUGER)                 # password, then the TOTP code
    login(other_client, PROJEKTLEDER, totp=False)

A TOTP time step works only once per user, so logging the same user in twice within 30 s needs the
next step's code; login() remembers the steps it used per server and user, takes the next unused
one the server accepts (it allows one step of drift either way) and waits for the clock only when
both are used.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import threading
import time
from typing import Optional

DEMO_PASSWORD = "Demo-adgangskode-2026"
DEMO_TOTP_SECRET_HEX = "3132333435363738393031323334353637383930"
DEMO_TOTP_SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
TOTP_STEP_SECONDS = 30

# Styrelsen for Demoforvaltning (institution A in the isolation tests)
SUPERBRUGER = "superbruger@styrelsen.example.test"        # Sofie Superbruger
SUPERBRUGER2 = "superbruger2@styrelsen.example.test"      # Simon Andersbruger
ADMINISTRATOR = "administrator@styrelsen.example.test"    # Anders Administrator
PROJEKTLEDER = "projektleder@styrelsen.example.test"      # Pia Projektleder (case user)
DELTAGER = "deltager@styrelsen.example.test"              # Dennis Deltager (case user)
LEDER = "leder@styrelsen.example.test"                    # Lene Leder (case user)
# Demoakademiet (institution B)
AKADEMIET_SUPERBRUGER = "superbruger@akademiet.example.test"      # Karen Kvist
AKADEMIET_ADMINISTRATOR = "administrator@akademiet.example.test"  # Bo Bertelsen
AKADEMIET_PROJEKTLEDER = "projektleder@akademiet.example.test"    # Jens Juhl
# The platform
OPERATOR = "drift@example.test"                                   # Dorte Driftsen
OPERATOR2 = "drift2@example.test"                                 # Ole Opsyn (approves Dorte's requests)

STYRELSEN = "Styrelsen for Demoforvaltning"
AKADEMIET = "Demoakademiet"

_used_steps: dict = {}
_used_steps_lock = threading.Lock()


def totp_code(secret_hex: str = DEMO_TOTP_SECRET_HEX, step: Optional[int] = None) -> str:
    """The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for time step `step` (default: now)."""
    if step is None:
        step = int(time.time()) // TOTP_STEP_SECONDS
    digest = hmac.new(bytes.fromhex(secret_hex), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _unused_step(key: tuple) -> int:
    """A step the server accepts now and that was not used for `key` yet (waits if needed)."""
    while True:
        with _used_steps_lock:
            current = int(time.time()) // TOTP_STEP_SECONDS
            last = _used_steps.get(key, -1)
            # The current step, else the next one (the server accepts it as clock drift). An older
            # step is never chosen: it could fall out of the server's window before it checks.
            for candidate in (current, current + 1):
                if candidate > last:
                    _used_steps[key] = candidate
                    return candidate
        time.sleep(TOTP_STEP_SECONDS - time.time() % TOTP_STEP_SECONDS + 0.05)


def second_factor_code(client, email: str, secret_hex: str = DEMO_TOTP_SECRET_HEX) -> str:
    """An unused TOTP code for `email` on the client's server, remembered as used."""
    return totp_code(secret_hex, _unused_step((client.host, client.port, email.lower())))


def login(client, email: str, totp: bool = True, password: str = DEMO_PASSWORD):
    """Logs `client` in as `email`: POST /login, then (totp=True) the second factor with the demo key.
    Returns the last response (a 303 to /home). Raises AssertionError, with the page text, when a
    step does not answer as a successful login does."""
    response = client.post("/login", {"email": email, "password": password})
    expected = "/login/second-factor" if totp else "/home"
    if response.status != 303 or response.location != expected:
        raise AssertionError(f"login of {email}: expected 303 to {expected}, got {response.status} "
                             f"{response.location!r}\n{response.visible_text[:600]}")
    if not totp:
        return response
    response = client.post("/login/second-factor", {"code": second_factor_code(client, email)})
    if response.status != 303 or response.location != "/home":
        raise AssertionError(f"second factor of {email}: expected 303 to /home, got {response.status} "
                             f"{response.location!r}\n{response.visible_text[:600]}")
    return response


def signed_in(server, email: str, totp: bool = True):
    """A new client of `server`, logged in as `email`."""
    client = server.client()
    login(client, email, totp=totp)
    return client


class SignedInClients:
    """Mixin for a ServerTestCase whose tests share one signed-in client per account: as_user(email)
    logs in on first use (with the second factor unless the account is a case user, who has none)
    and keeps the client for the rest of the class. The class's setUpClass calls
    forget_signed_in_clients() after starting its server."""

    _signed_in: dict = {}

    @classmethod
    def forget_signed_in_clients(cls):
        cls._signed_in = {}

    def as_user(self, email):
        """A client signed in as `email`, shared by the tests of the class."""
        client = self._signed_in.get(email)
        if client is None:
            client = self.client()
            login(client, email, totp=email not in (PROJEKTLEDER, DELTAGER, LEDER))
            self._signed_in[email] = client
        return client
