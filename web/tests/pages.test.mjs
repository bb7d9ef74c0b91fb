// Every page a user can reach, in a real browser: each is loaded (or reached
// through its form), must load cleanly (no console errors, CSP violations or
// unexpected error responses) and must have zero axe WCAG 2.1 A/AA
// violations. A screenshot of each is saved under
// tests/artifacts/screenshots/page-<name>.png. One seeded server and one
// browser for the whole file; each signed-in user keeps one browser context,
// so every account with two-step login logs in only once.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import {
  ADMINISTRATOR, AKADEMIET, DELTAGER, DEMO_PASSWORD, LEDER, OPERATOR, OPERATOR2, PROJEKTLEDER, STYRELSEN, SUPERBRUGER,
  SUPERBRUGER2,
  login, passwordLinkFor, rememberStep, sqlite, submitAndWait, totpCode, unusedStep,
} from './support/accounts.mjs';

const T = { timeout: 180_000 };

// GET routes of routes.cpp, to learn whether the /setup pages exist yet.
const routes = [...readFileSync(path.join(repoRoot, 'src/web/routes.cpp'), 'utf8')
  .matchAll(/router\.add\(\s*"GET",\s*"([^"]+)"/g)].map((m) => m[1]);
const setupRoutes = routes.filter((r) => r.startsWith('/setup'));

describe('every page passes axe (WCAG 2.1 A/AA)', () => {
  let server;
  let browser;
  const contexts = [];
  const sessions = new Map();

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/pages-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/pages-server.log', server.output());
    }
  }, T);

  async function newPage(options) {
    const opened = await openPage(browser, options);
    contexts.push(opened.context);
    return opened;
  }

  /** A page logged in as `email`, kept for the whole file. */
  async function as(email) {
    if (!sessions.has(email)) {
      const opened = await newPage();
      await login(opened.page, server, email);
      sessions.set(email, opened);
    }
    return sessions.get(email);
  }

  async function id(sql) {
    const rows = await sqlite(server, sql);
    assert.ok(rows.length > 0 && rows[0][0], `no row for: ${sql}`);
    return rows[0][0];
  }
  const userId = (email) => id(`SELECT id FROM users WHERE email = '${email}'`);
  const caseId = (title) => id(`SELECT id FROM recruitment_cases WHERE title = '${title}' ORDER BY id LIMIT 1`);

  /** Checks the page as it is now (after a goto or a form submission). */
  async function check({ page, problems }, name, { allowDocumentStatus = [] } = {}) {
    await assertCleanLoad(page, problems, { allowDocumentStatus });
    await checkAccessibility(page, `page-${name}`);
    await assertErrorSummaryLinks(page, name);
  }

  /** Each link of the error summary leads to a field (an element with that id) on the page. */
  async function assertErrorSummaryLinks(page, name) {
    const broken = await page.evaluate(() => [...document.querySelectorAll('#error-summary a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1))
      .filter((id) => !document.getElementById(decodeURIComponent(id))));
    assert.deepEqual(broken, [], `"${name}": error summary links to missing fields: ${broken.map((id) => `#${id}`).join(', ')}`);
  }

  /** Loads `urlPath`, expects `status`, then checks the page. */
  async function visit(session, urlPath, name, { status = 200 } = {}) {
    session.problems.clear();
    const response = await session.page.goto(server.url(urlPath));
    assert.equal(response.status(), status, `${urlPath}: HTTP ${response.status()}`);
    await check(session, name, { allowDocumentStatus: status === 200 ? [] : [status] });
    return response;
  }

  /** Submits with `button`, expects the answer's status (after redirects), then checks the page. */
  async function submit(session, button, name, { status = 200 } = {}) {
    session.problems.clear();
    const { page } = session;
    const documents = [];
    const onResponse = (r) => { if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) documents.push(r); };
    page.on('response', onResponse);
    try {
      await submitAndWait(page, button);
    } finally {
      page.off('response', onResponse);
    }
    const response = documents.filter((r) => r.status() < 300 || r.status() >= 400).at(-1);
    assert.ok(response, `no document answered the submission (${page.url()})`);
    assert.equal(response.status(), status, `after submitting: HTTP ${response.status()} at ${page.url()}`);
    await check(session, name, { allowDocumentStatus: status === 200 ? [] : [status] });
  }

  async function setLanguage(session, language) {
    await session.context.addCookies([{ name: 'rekrut_lang', value: language, url: server.baseURL }]);
  }

  const main = (session) => session.page.locator('main');

  // ---- Signed out ---------------------------------------------------------

  test('/login: empty, with the error summary, and in English', T, async () => {
    const session = await newPage();
    await visit(session, '/login', 'login');
    assert.equal(await main(session).locator('h1').textContent(), 'Log ind');

    await session.page.locator('#email').fill(PROJEKTLEDER);
    await session.page.locator('#password').fill('not-the-password');
    await submit(session, main(session).locator('form[action="/login"] button[type=submit]'), 'login-error', { status: 400 });
    const summary = session.page.locator('#error-summary');
    assert.match(await summary.innerText(), /E-mailadressen eller adgangskoden er forkert/);
    assert.equal(await session.page.locator('#email').getAttribute('aria-describedby'), 'email-error');
    assert.equal(await session.page.locator('#email').inputValue(), PROJEKTLEDER, 'the e-mail address is kept');

    await setLanguage(session, 'en');
    await visit(session, '/login', 'login-en');
    assert.equal(await session.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await main(session).locator('h1').textContent(), 'Log in');
  });

  test('/login/second-factor: the form, a wrong code, then a good one', T, async () => {
    const session = await newPage();
    await login(session.page, server, SUPERBRUGER2, { totp: false });
    await check(session, 'second-factor');
    assert.equal(await main(session).locator('h1').textContent(), 'Indtast din kode');

    // A code that is not the current one (nor a neighbour) is refused.
    const step = Math.floor(Date.now() / 30_000);
    const near = new Set([-1, 0, 1].map((d) => totpCode(undefined, step + d)));
    const wrong = ['000000', '111111', '222222'].find((c) => !near.has(c));
    await session.page.locator('#code').fill(wrong);
    await submit(session, main(session).locator('button[type=submit]'), 'second-factor-error', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());

    await session.page.locator('#code').fill(totpCode(undefined, await unusedStep(server, SUPERBRUGER2)));
    await submitAndWait(session.page, main(session).locator('button[type=submit]'));
    assert.equal(new URL(session.page.url()).pathname, '/home');
    sessions.set(SUPERBRUGER2, session);
  });

  test('/password/forgot before and after submitting', T, async () => {
    const session = await newPage();
    await visit(session, '/password/forgot', 'password-forgot');
    await session.page.locator('#email').fill(PROJEKTLEDER);
    await submit(session, main(session).locator('button[type=submit]'), 'password-forgot-sent');
    assert.ok(await main(session).locator('.alert-success').isVisible(), 'the confirmation is shown');
  });

  test('/password/reset/<token>: the form, a form error, and an unknown link', T, async () => {
    // The request above put a link in the outbox (sent through the mail outbox table).
    let link;
    for (let i = 0; i < 50 && !link; i++) {
      try { link = await passwordLinkFor(server, PROJEKTLEDER); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    if (!link) {
      // Ask for one if the previous test did not run.
      const session = await newPage();
      await session.page.goto(server.url('/password/forgot'));
      await session.page.locator('#email').fill(PROJEKTLEDER);
      await submitAndWait(session.page, main(session).locator('button[type=submit]'));
      link = await passwordLinkFor(server, PROJEKTLEDER);
    }
    const session = await newPage();
    await visit(session, link, 'password-reset');
    assert.equal(await main(session).locator('h1').textContent(), 'Vælg en ny adgangskode');
    await session.page.locator('#password').fill('En-helt-ny-adgangskode-1');
    await session.page.locator('#repeat_password').fill('En-anden-adgangskode-2');
    await submit(session, main(session).locator('button[type=submit]'), 'password-reset-error', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());

    await visit(session, `/password/reset/${'0'.repeat(64)}`, 'password-reset-unknown-link', { status: 410 });
  });

  test('/positions/<id>: a published demo position (Danish and English)', T, async () => {
    const session = await newPage();
    const id = await caseId('Fuldmægtig til økonomienheden');
    await visit(session, `/positions/${id}`, 'position');
    assert.equal(await main(session).locator('h1').textContent(), 'Fuldmægtig til økonomienheden');
    await setLanguage(session, 'en');
    await visit(session, `/positions/${id}`, 'position-en');
  });

  // ---- Case user ----------------------------------------------------------

  test('/home, /cases and /profile for a case user', T, async () => {
    const session = await as(PROJEKTLEDER);
    await visit(session, '/home', 'home-case-user');
    assert.match(await main(session).innerText(), /Pia Projektleder/);
    await visit(session, '/cases', 'cases-case-user');
    await visit(session, '/profile', 'profile');
  });

  test('/profile with a form error', T, async () => {
    const session = await as(PROJEKTLEDER);
    await session.page.goto(server.url('/profile'));
    await session.page.locator('#name').fill('');
    await submit(session, main(session).locator('form[action="/profile/name"] button[type=submit]'), 'profile-error', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());
    assert.match(await session.page.locator('#error-summary').innerText(), /Indtast dit navn/);
  });

  test('/profile/second-factor: enrolment, then the recovery codes', T, async () => {
    const session = await as(DELTAGER);
    await visit(session, '/profile/second-factor', 'enrolment');
    // A wrong code first: the form comes back with the error summary.
    await session.page.locator('#code').fill('12345');
    await submit(session, main(session).locator('form[action="/profile/second-factor"] button[type=submit]'), 'enrolment-error', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());

    const secret = await session.page.locator('input[name=secret]').inputValue();
    assert.match(secret, /^[0-9a-f]{40}$/i);
    const step = await unusedStep(server, DELTAGER);
    rememberStep(server, DELTAGER, step);
    await session.page.locator('#code').fill(totpCode(secret, step));
    // Set up from the profile, the second factor needs the current password too.
    await session.page.locator('#current_password').fill(DEMO_PASSWORD);
    await submit(session, main(session).locator('form[action="/profile/second-factor"] button[type=submit]'), 'recovery-codes');
    assert.equal(await main(session).locator('h1').textContent(), 'Dine gendannelseskoder');
    assert.ok(await main(session).locator('.recovery-codes li').count() >= 5, 'recovery codes are listed');
  });

  test('/profile/email: the form, a wrong password, then the link is sent', T, async () => {
    const session = await as(LEDER);
    await visit(session, '/profile/email', 'change-email');
    await session.page.locator('#email').fill('lene.ny@styrelsen.example.test');
    await session.page.locator('#current_password').fill('Forkert-adgangskode-1');
    await submit(session, main(session).locator('form[action="/profile/email"] button[type=submit]'), 'change-email-error', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());
    await session.page.locator('#current_password').fill(DEMO_PASSWORD);
    await submit(session, main(session).locator('form[action="/profile/email"] button[type=submit]'), 'change-email-sent');
    assert.match(await main(session).innerText(), /Vi har sendt et link til den nye adresse/);
  });

  test('/profile/second-factor: replacing the second factor asks for the password and the current code', T, async () => {
    const session = await as(SUPERBRUGER2);
    await visit(session, '/profile/second-factor', 'enrolment-replace');
    assert.ok(await session.page.locator('#current_password').isVisible());
    assert.ok(await session.page.locator('#current_code').isVisible());
  });

  // ---- Superbruger and Administrator -------------------------------------

  test('/home for a Superbruger (Danish and English)', T, async () => {
    const session = await as(SUPERBRUGER);
    await visit(session, '/home', 'home-superbruger');
    assert.match(await main(session).innerText(), /Superbruger/);
    await setLanguage(session, 'en');
    await visit(session, '/home', 'home-superbruger-en');
    assert.equal(await main(session).locator('h1').textContent(), 'Overview');
    await setLanguage(session, 'da');
  });

  test('/users, /users/new (empty and with errors) and /users/<id>', T, async () => {
    const session = await as(SUPERBRUGER);
    await visit(session, '/users', 'users');
    await visit(session, '/users/new', 'users-new');
    await session.page.locator('#email').fill('ikke-en-adresse');
    await submit(session, main(session).locator('form[action="/users"] button[type=submit]'), 'users-new-errors', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());
    await visit(session, `/users/${await userId(PROJEKTLEDER)}`, 'user-case-user');
    await visit(session, `/users/${await userId(ADMINISTRATOR)}`, 'user-administrator');
    await visit(session, `/users/${await userId(SUPERBRUGER)}`, 'user-own-account');
  });

  test('/role-requests: empty, with the own request, and for the second Superbruger', T, async () => {
    const session = await as(SUPERBRUGER);
    await visit(session, '/role-requests', 'role-requests-empty');
    // Ask for the role Administrator for a case user: with two Superbrugere it waits for approval.
    await session.page.goto(server.url(`/users/${await userId(PROJEKTLEDER)}`));
    const grant = main(session).locator('form[action$="/roles"]:has(input[name=role][value=administrator]) button');
    await submitAndWait(session.page, grant);
    await visit(session, '/role-requests', 'role-requests-own');
    assert.equal(await main(session).locator('table tbody tr').count(), 1);

    const second = await as(SUPERBRUGER2);
    await visit(second, '/role-requests', 'role-requests-decide');
    await main(second).getByRole('button', { name: /Godkend/ }).waitFor();
  });

  test('/administrator-rights', T, async () => {
    await visit(await as(SUPERBRUGER), '/administrator-rights', 'administrator-rights');
  });

  test('/audit: all events, filtered, and a filter error', T, async () => {
    const session = await as(SUPERBRUGER);
    await visit(session, '/audit', 'audit');
    await visit(session, '/audit?action=login.succeeded', 'audit-filtered');
    assert.ok(await main(session).locator('#audit-events tbody tr').count() > 0, 'the filter finds logins');
    // A period that ends before it starts (dates a date field can hold).
    await visit(session, '/audit?from=2026-11-26&to=2026-11-01', 'audit-filter-error', { status: 400 });
    assert.match(await session.page.locator('#error-summary').innerText(), /./);
  });

  test('/retention, /retention/person (with a search), /retention/requests and an erasure to confirm', T, async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/retention', 'retention');
    await visit(session, '/retention/person', 'retention-person');
    await session.page.locator('#email').fill('ingen.ansoeger@example.test');
    await submit(session, main(session).locator('form[action="/retention/person"] button'), 'retention-person-none');
    await visit(session, '/retention/requests', 'retention-requests');
    const application = await id(`SELECT a.id FROM applications a JOIN users u ON u.institution_id = a.institution_id
      WHERE u.email = '${ADMINISTRATOR}' ORDER BY a.id LIMIT 1`);
    await visit(session, `/retention/person/applications/${application}/erase`, 'retention-erase');
  });

  // ---- Cases --------------------------------------------------------------

  test('/cases, /cases/new (empty and with errors), in Danish and English', T, async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/cases', 'cases');
    assert.ok(await main(session).locator('table tbody tr').count() >= 5);
    await visit(session, '/cases?state=published&sort=title&direction=desc', 'cases-filtered');
    await visit(session, '/cases/new', 'cases-new');
    await session.page.locator('#title').fill('');
    await submit(session, main(session).locator('form[action="/cases"] button[type=submit]'), 'cases-new-errors', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());

    await setLanguage(session, 'en');
    await visit(session, '/cases', 'cases-en');
    assert.equal(await main(session).locator('h1').textContent(), 'All cases');
    await setLanguage(session, 'da');
  });

  test('/cases/<id>, /edit (and with errors), the ad editor, preview, versions and a diff', T, async () => {
    const session = await as(ADMINISTRATOR);
    const id = await caseId('Kontorfuldmægtig til sekretariatet');
    await visit(session, `/cases/${id}`, 'case');
    await visit(session, `/cases/${id}/edit`, 'case-edit');
    await session.page.locator('#title').fill('');
    await submit(session, main(session).locator(`form[action="/cases/${id}/edit"] button[type=submit]`), 'case-edit-errors', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());

    await visit(session, `/cases/${id}/ad?language=da`, 'case-ad-editor');
    await session.page.locator('#body').fill('## Om stillingen\n\nVi søger en kontorfuldmægtig til {{title}}.');
    await submit(session, main(session).locator('form button[type=submit]'), 'case-ad-preview-after-save');
    await session.page.goto(server.url(`/cases/${id}/ad?language=da`));
    await session.page.locator('#body').fill('## Om stillingen\n\nVi søger en kontorfuldmægtig.\n\n- Gode kolleger\n- Fleksibel arbejdstid');
    await submitAndWait(session.page, main(session).locator('form button[type=submit]'));

    await visit(session, `/cases/${id}/ad/preview?language=da`, 'case-ad-preview');
    await visit(session, `/cases/${id}/ad/versions?language=da`, 'case-ad-versions');
    const links = main(session).getByRole('link', { name: 'Se ændringer' });
    assert.ok(await links.count() >= 2, 'both saved versions are listed');
    session.problems.clear();
    await submitAndWait(session.page, links.first());
    assert.match(new URL(session.page.url()).pathname, new RegExp(`^/cases/${id}/ad/versions/\\d+$`));
    await check(session, 'case-ad-diff');
    assert.ok(await main(session).locator('.ad-changes ins').count() > 0, 'the diff shows added lines');

    // A screening question from the institution's templates, adapted for this case.
    await session.page.goto(server.url(`/cases/${id}`));
    await main(session).locator('summary', { hasText: 'Tilføj et spørgsmål' }).click(); // opens on demand
    await submitAndWait(session.page, saveButton(session, `/cases/${id}/questions`));
    const [[question]] = await sqlite(server, `SELECT id FROM case_questions WHERE case_id = ${id} ORDER BY id DESC LIMIT 1`);
    await visit(session, `/cases/${id}/questions/${question}`, 'case-question');
    await fill(session.page, { text: '' });
    await submit(session, saveButton(session, `/cases/${id}/questions/${question}`), 'case-question-error', { status: 400 });
    await fill(session.page, { text: 'Har du erfaring med sekretariatsbetjening?', kind: 'yes_no', options: 'Ja\n!Nej' });
    await submit(session, saveButton(session, `/cases/${id}/questions/${question}`), 'case-after-question');
    assert.match(await main(session).locator('#questions + ul').innerText(), /sekretariatsbetjening/);
  });

  test('/cases/<id> of a published case and of a case in assessment', T, async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, `/cases/${await caseId('Fuldmægtig til økonomienheden')}`, 'case-published');
    await visit(session, `/cases/${await caseId('Jurist til tilsynsenheden')}`, 'case-assessment');
  });

  // ---- Platform operator --------------------------------------------------

  test('operator pages: /home, institutions, one institution, outbox, access', T, async () => {
    const session = await as(OPERATOR);
    await visit(session, '/home', 'home-operator');
    await visit(session, '/operator/institutions', 'operator-institutions');
    const institution = await id(`SELECT id FROM institutions WHERE name = '${STYRELSEN}'`);
    await visit(session, `/operator/institutions/${institution}`, 'operator-institution');
    await visit(session, `/operator/institutions/${institution}/superbrugere/${await userId(SUPERBRUGER2)}`, 'operator-superbruger');
    await session.page.locator('main #name').fill('');
    await submit(session, main(session).locator('form[action$="/superbrugere/' + await userId(SUPERBRUGER2) + '"] button[type=submit]'), 'operator-superbruger-errors', { status: 400 });
    assert.ok(await session.page.locator('#error-summary').isVisible());
    await visit(session, '/operator/outbox', 'operator-outbox');
    assert.ok(await main(session).locator('#outbox tbody tr').count() > 0, 'the password mail is listed');
    await visit(session, '/operator/access', 'operator-access');
    await submit(session, main(session).locator('form[action="/operator/access"] button[type=submit]'), 'operator-access-errors', { status: 400 });
    await visit(session, `/audit?institution=${institution}`, 'audit-operator');
  });

  test('Superbruger requests: asked for on the user page, decided by the operator', T, async () => {
    const superbruger = await as(SUPERBRUGER);
    await visit(superbruger, `/users/${await userId(DELTAGER)}`, 'user-superbruger-request-offered');
    const request = main(superbruger).locator('form[action$="/roles"]:has(input[name=role][value=superbruger]) button');
    await submit(superbruger, request, 'user-superbruger-requested');
    assert.match(await main(superbruger).innerText(), /driftsleverandøren/);

    const operator = await as(OPERATOR);
    await visit(operator, '/operator/role-requests', 'operator-role-requests');
    // Rejected, so that Dennis keeps the rights the later tests expect.
    await submit(operator, main(operator).getByRole('button', { name: /Afvis/ }), 'operator-role-requests-rejected');
    assert.match(await main(operator).innerText(), /Ingen anmodninger venter/);
  });

  test('off-boarding: the list, asking, the second operator\'s decision, the export and the deletion form', T, async () => {
    const operator = await as(OPERATOR);
    await visit(operator, '/operator/offboarding', 'operator-offboardings');
    const ask = main(operator).locator('form[action="/operator/offboarding"] button[type=submit]');
    await submit(operator, ask, 'operator-offboardings-errors', { status: 400 });
    const akademiet = await id(`SELECT id FROM institutions WHERE name = '${AKADEMIET}'`);
    await operator.page.locator('main #institution_id').selectOption(String(akademiet));
    await operator.page.locator('main #reason').fill('Kontrakten er ophørt');
    await submit(operator, ask, 'operator-offboarding-requested');
    assert.match(await main(operator).innerText(), /venter på en anden medarbejder/);
    const offboarding = await id(`SELECT id FROM institution_offboardings WHERE institution_id = ${akademiet}`);
    // Exported but never deleted, so that the later tests find Demoakademiet's data as it was.
    const second = await as(OPERATOR2);
    await visit(second, `/operator/offboarding/${offboarding}`, 'operator-offboarding-decision');
    await submit(second, main(second).getByRole('button', { name: /^Godkend$/ }), 'operator-offboarding-approved');
    const exportButton = main(second).locator('form[action$="/export"] button[type=submit]');
    await submit(second, exportButton, 'operator-offboarding-export-errors', { status: 400 });
    await second.page.locator('main #passphrase').fill('Udfasning-af-akademiet-2026');
    await second.page.locator('main #passphrase_repeat').fill('Udfasning-af-akademiet-2026');
    const [download] = await Promise.all([second.page.waitForEvent('download'), exportButton.click()]);
    assert.ok(download.suggestedFilename().length > 0, 'the export is offered as a file');
    // The deletion form, with the choice to leave ads at Jobnet; without the CVR number it comes back
    // with the error summary, and nothing is deleted.
    await visit(second, `/operator/offboarding/${offboarding}`, 'operator-offboarding-exported');
    assert.ok(await main(second).locator('#leave_at_jobnet').isVisible());
    await submit(second, main(second).locator('form[action$="/deletion"] button[type=submit]'),
      'operator-offboarding-deletion-errors', { status: 400 });
    assert.ok(await second.page.locator('#error-summary').isVisible());
    assert.ok(await main(second).locator('#confirmation-error').isVisible());
    assert.ok(Number(await id(`SELECT COUNT(*) FROM recruitment_cases WHERE institution_id = ${akademiet}`)) > 0);
  });

  // ---- Institution set-up ------------------------------------------------

  const setupTest = (name, fn) => (setupRoutes.length === 0
    ? test(name, { skip: 'routes.cpp has no /setup routes yet' }, () => {})
    : test(name, T, fn));

  /** Fills a form's fields ({ id: value }; selects by value, checkboxes by boolean). */
  async function fill(page, fields) {
    for (const [field, value] of Object.entries(fields)) {
      const input = page.locator(`main #${field}`);
      const tag = await input.evaluate((el) => `${el.tagName}:${el.type}`);
      if (tag.startsWith('SELECT')) await input.selectOption(value);
      else if (tag.endsWith(':checkbox')) await input.setChecked(value);
      else await input.fill(value);
    }
  }

  const saveButton = (session, action) => main(session).locator(`form[action="${action}"] button[type=submit]`);

  setupTest('/setup and /setup/units (as seeded, with a new unit, with an error)', async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/setup', 'setup');
    await visit(session, '/setup/units', 'setup-units');
    await fill(session.page, { name: 'Økonomienheden' });
    await submit(session, saveButton(session, '/setup/units'), 'setup-units-added');
    await fill(session.page, { name: 'Lønkontoret', parent_id: await id("SELECT id FROM organisation_units WHERE name = 'Økonomienheden'") });
    await submitAndWait(session.page, saveButton(session, '/setup/units'));
    await fill(session.page, { name: '' });
    await submit(session, saveButton(session, '/setup/units'), 'setup-units-error', { status: 400 });
  });

  setupTest('/setup/mandatory-texts and one text (with errors)', async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/setup/mandatory-texts', 'setup-mandatory-texts');
    await fill(session.page, {
      name: 'Tavshedspligt', kind: 'other', language: 'da',
      body: 'Stillingen indebærer **tavshedspligt** efter forvaltningsloven.', required: false,
    });
    await submit(session, saveButton(session, '/setup/mandatory-texts'), 'setup-mandatory-texts-added');
    await fill(session.page, { name: '', body: '' });
    await submit(session, saveButton(session, '/setup/mandatory-texts'), 'setup-mandatory-texts-error', { status: 400 });
    const text = await id("SELECT id FROM mandatory_texts WHERE name = 'Tavshedspligt'");
    await visit(session, `/setup/mandatory-texts/${text}`, 'setup-mandatory-text');
    await fill(session.page, { name: '' });
    await submit(session, saveButton(session, `/setup/mandatory-texts/${text}`), 'setup-mandatory-text-error', { status: 400 });
    // A CPR number (020385-1235 passes the modulus 11 check) is warned about before anything is saved;
    // saving it anyway sends the form again as it was.
    await visit(session, '/setup/mandatory-texts', 'setup-mandatory-texts-again');
    await fill(session.page, { name: 'Med CPR', kind: 'other', language: 'da', body: 'Ref. 020385-1235.', required: false });
    await submit(session, saveButton(session, '/setup/mandatory-texts'), 'cpr-warning', { status: 400 });
    await submit(session, main(session).getByRole('button', { name: 'Gem alligevel' }), 'cpr-warning-saved');
    assert.ok(await id("SELECT id FROM mandatory_texts WHERE name = 'Med CPR'"));
  });

  setupTest('/setup/ad-templates and one template (with errors)', async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/setup/ad-templates', 'setup-ad-templates');
    await fill(session.page, {
      name: 'Fuldmægtig (AC)', language: 'da', title: 'Fuldmægtig',
      salary_text: 'Løn efter overenskomst for akademikere i staten', collective_agreement: 'AC-overenskomsten',
      body: '## Om stillingen\n\nVi søger en {{title}} til {{place_of_work}}.',
    });
    await submit(session, saveButton(session, '/setup/ad-templates'), 'setup-ad-templates-added');
    await fill(session.page, { name: '' });
    await submit(session, saveButton(session, '/setup/ad-templates'), 'setup-ad-templates-error', { status: 400 });
    const template = await id("SELECT id FROM ad_templates WHERE name = 'Fuldmægtig (AC)'");
    await visit(session, `/setup/ad-templates/${template}`, 'setup-ad-template');
    await fill(session.page, { name: '' });
    await submit(session, saveButton(session, `/setup/ad-templates/${template}`), 'setup-ad-template-error', { status: 400 });
  });

  setupTest('/setup/questions and one question (with errors)', async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/setup/questions', 'setup-questions');
    await fill(session.page, { text: 'Har du en kandidatuddannelse?', kind: 'yes_no' });
    await submit(session, saveButton(session, '/setup/questions'), 'setup-questions-added');
    await fill(session.page, { text: '' });
    await submit(session, saveButton(session, '/setup/questions'), 'setup-questions-error', { status: 400 });
    const question = await id("SELECT id FROM question_templates WHERE text = 'Har du en kandidatuddannelse?'");
    await visit(session, `/setup/questions/${question}`, 'setup-question');
    await fill(session.page, { text: '' });
    await submit(session, saveButton(session, `/setup/questions/${question}`), 'setup-question-error', { status: 400 });
  });

  setupTest('/setup/lists (as seeded, with new items, with an error)', async () => {
    const session = await as(ADMINISTRATOR);
    await visit(session, '/setup/lists', 'setup-lists');
    await fill(session.page, { agreement_name: 'AC-overenskomsten' });
    await submitAndWait(session.page, saveButton(session, '/setup/lists/agreements'));
    await fill(session.page, { category_name: 'Fuldmægtig' });
    await submit(session, saveButton(session, '/setup/lists/categories'), 'setup-lists-added');
    await fill(session.page, { agreement_name: '' });
    await submit(session, saveButton(session, '/setup/lists/agreements'), 'setup-lists-error', { status: 400 });
  });
});
