// Demo accounts and logging in through the real forms, for the browser tests
// (the Node twin of tests/http/accounts.py).
//
//   import { login, ADMINISTRATOR, PROJEKTLEDER } from './support/accounts.mjs';
//   await login(page, server, ADMINISTRATOR);                 // password, then the TOTP code
//   await login(page, server, PROJEKTLEDER);                  // password only (no second factor)
//   await login(page, server, SUPERBRUGER, { totp: false });  // stop on /login/second-factor
//
// `rekrut seed-demo` gives every demo account the password DEMO_PASSWORD; the
// operator, the Superbrugere and the Administrators have the fixed TOTP key
// DEMO_TOTP_SECRET_HEX. A TOTP time step is accepted only once per user, and
// the server allows one step of drift either way, so login() remembers the
// steps it used per server and user, takes the current step or the next one,
// and waits for the clock only when both are used.
//
// Also here: sqlite() to read the test server's database, and
// passwordLinkFor() to read the newest password link mailed to someone.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';

export const DEMO_PASSWORD = 'Demo-adgangskode-2026';
export const DEMO_TOTP_SECRET_HEX = '3132333435363738393031323334353637383930';
export const TOTP_STEP_SECONDS = 30;

// Styrelsen for Demoforvaltning
export const SUPERBRUGER = 'superbruger@styrelsen.example.test';      // Sofie Superbruger
export const SUPERBRUGER2 = 'superbruger2@styrelsen.example.test';    // Simon Andersbruger
export const ADMINISTRATOR = 'administrator@styrelsen.example.test';  // Anders Administrator
export const PROJEKTLEDER = 'projektleder@styrelsen.example.test';    // Pia Projektleder (case user)
export const DELTAGER = 'deltager@styrelsen.example.test';            // Dennis Deltager (case user)
export const LEDER = 'leder@styrelsen.example.test';                  // Lene Leder (case user)
// Demoakademiet
export const AKADEMIET_SUPERBRUGER = 'superbruger@akademiet.example.test';
export const AKADEMIET_ADMINISTRATOR = 'administrator@akademiet.example.test';
export const AKADEMIET_PROJEKTLEDER = 'projektleder@akademiet.example.test';
// The platform
export const OPERATOR = 'drift@example.test';                         // Dorte Driftsen
export const OPERATOR2 = 'drift2@example.test';                       // Ole Opsyn (approves Dorte's requests)

export const STYRELSEN = 'Styrelsen for Demoforvaltning';
export const AKADEMIET = 'Demoakademiet';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for `step` (default: now). */
export function totpCode(secretHex = DEMO_TOTP_SECRET_HEX, step = Math.floor(Date.now() / 1000 / TOTP_STEP_SECONDS)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', Buffer.from(secretHex, 'hex')).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const number = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 1_000_000).padStart(6, '0');
}

// Last step used, per "<server>|<email>".
const usedSteps = new Map();

/**
 * A TOTP step the server accepts now and that was not used for this user on
 * this server yet (remembered as used). Never an older step: it could fall out
 * of the server's window before the server checks it.
 */
export async function unusedStep(server, email) {
  const key = `${server.baseURL}|${email.toLowerCase()}`;
  for (;;) {
    const now = Date.now() / 1000;
    const current = Math.floor(now / TOTP_STEP_SECONDS);
    const last = usedSteps.get(key) ?? -1;
    for (const candidate of [current, current + 1]) {
      if (candidate > last) {
        usedSteps.set(key, candidate);
        return candidate;
      }
    }
    await sleep((TOTP_STEP_SECONDS - (now % TOTP_STEP_SECONDS)) * 1000 + 50);
  }
}

/** An unused code for `email` on `server` (for the demo key unless `secretHex` is given). */
export async function secondFactorCode(server, email, secretHex = DEMO_TOTP_SECRET_HEX) {
  return totpCode(secretHex, await unusedStep(server, email));
}

/** Marks the step of `code` (computed from the current time) as used, for codes entered by hand. */
export function rememberStep(server, email, step) {
  const key = `${server.baseURL}|${email.toLowerCase()}`;
  usedSteps.set(key, Math.max(usedSteps.get(key) ?? -1, step));
}

/**
 * Clicks a submit button (or link) and waits until the next document has
 * loaded: the answer itself, or where its redirect leads. Works with and
 * without JavaScript.
 */
export async function submitAndWait(page, locator) {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

async function visibleText(page) {
  try { return (await page.locator('main').innerText()).slice(0, 600); } catch { return '(no main)'; }
}

/**
 * Logs `page` in as `email` through the real login form and, when the server
 * sends the browser to /login/second-factor, the second-factor form.
 *
 * options:
 *   password  (DEMO_PASSWORD)
 *   totp      hex TOTP key for the second factor (the demo key by default);
 *             false: stop on /login/second-factor (it must be reached)
 *   next      a local path given to /login?next=... (followed after login)
 *   expect    the path expected at the end (default: `next` or /home)
 * Returns the final path. Fails, with the page text, when a step does not
 * answer as a successful login does.
 */
export async function login(page, server, email, { password = DEMO_PASSWORD, totp = DEMO_TOTP_SECRET_HEX, next, expect } = {}) {
  const start = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  await page.goto(server.url(start));
  const form = page.locator('main form[action="/login"]');
  await form.locator('#email').fill(email);
  await form.locator('#password').fill(password);
  await submitAndWait(page, form.locator('button[type=submit]'));

  if (pathOf(page) === '/login/second-factor') {
    if (totp === false) return pathOf(page);
    const code = await secondFactorCode(server, email, totp);
    const factorForm = page.locator('main form[action="/login/second-factor"]');
    await factorForm.locator('#code').fill(code);
    await submitAndWait(page, factorForm.locator('button[type=submit]'));
  } else if (totp === false) {
    assert.fail(`login of ${email}: expected the second-factor page, got ${page.url()}\n${await visibleText(page)}`);
  }

  const wanted = expect ?? next ?? '/home';
  const landed = pathOf(page) + (wanted.includes('?') ? new URL(page.url()).search : '');
  assert.equal(landed, wanted, `login of ${email}: expected to land on ${wanted}, got ${page.url()}\n${await visibleText(page)}`);
  return pathOf(page);
}

/** Logs out through the header's button. */
export async function logout(page) {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/', { waitUntil: 'load' }),
    page.locator('header form[action="/logout"] button[type=submit]:visible').first().click(),
  ]);
}

/**
 * Runs `sql` against the test server's SQLite database with the sqlite3 tool
 * and returns the rows as arrays of strings (NULL as null), in column order.
 * Writes are fine too (the server uses the same file; SQLite locks it).
 */
export function sqlite(server, sql) {
  const database = server.databasePath
    ?? String(server.env?.REKRUT_DATABASE_URL ?? '').replace(/^sqlite:/, '');
  assert.ok(database, 'the server has no SQLite database path');
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-batch', '-json', '-cmd', '.timeout 5000', database, sql], { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`sqlite3 failed: ${error.message}\n${stderr}`));
          return;
        }
        const rows = stdout.trim() === '' ? [] : JSON.parse(stdout);
        resolve(rows.map((row) => Object.values(row).map((v) => (v === null ? null : String(v)))));
      });
  });
}

/**
 * The path /password/reset/<token> of the newest mail to `email` that holds such a link. The outbox
 * keeps mail bodies sealed, so the link is read where the demo configuration (mail.log_links, set
 * by the test server) writes it: the server log.
 */
/**
 * Records that the committee member `email` has no conflict of interest with any application of the
 * case, as a member must declare before seeing its applications (the declaration pages themselves are
 * tested in assessment.test.mjs). Returns the case's id.
 */
export async function declareNoConflicts(server, email, caseId) {
  await sqlite(server, `INSERT INTO conflict_declarations (application_id, user_id, institution_id, case_id, conflict, declared_at)
    SELECT a.id, u.id, a.institution_id, a.case_id, 0, 0 FROM applications a, users u
    WHERE a.case_id = ${Number(caseId)} AND u.email = '${email.replace(/'/g, "''")}'
    AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.application_id = a.id AND d.user_id = u.id)`);
  return caseId;
}

/** The newest link matching `pattern` (with the token as its group) mailed to `email`, from the server log. */
function mailedLinkFor(server, email, pattern, what) {
  const links = [];
  for (const line of server.output().split('\n')) {
    if (!line.includes('"event":"demo_mail_link"')) continue;
    const recipient = line.match(/"recipient":"([^"]*)"/)?.[1];
    const token = line.match(pattern)?.[1];
    if (recipient?.toLowerCase() === email.toLowerCase() && token) links.push(token);
  }
  if (links.length) return links[links.length - 1];
  assert.fail(`no ${what} mailed to ${email} in the server log`);
}

export async function passwordLinkFor(server, email) {
  return `/password/reset/${mailedLinkFor(server, email, /\/password\/reset\/([0-9A-Za-z_-]+)/, 'password link')}`;
}

/** The applicant's newest personal link to their application, as mailed to `email`. */
export async function applicationLinkFor(server, email) {
  return `/application/${mailedLinkFor(server, email, /\/application\/([0-9A-Za-z_-]+)/, 'personal link')}`;
}
