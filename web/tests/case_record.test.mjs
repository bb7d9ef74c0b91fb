// The record-page pattern on the case page, and the confirmations of consequential steps, in a real
// browser with and without JavaScript: the lifecycle as a step indicator, "Ikke angivet" for empty
// facts, a step that cannot succeed explained instead of offered, forms opened on demand, read-only
// edit and ad pages for a published case, and cancelling a case, removing a committee member,
// removing a role and deactivating a user: a confirmation page without JavaScript, a DKFDS modal
// with it. Every page (and every open modal) has zero axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { ADMINISTRATOR, DELTAGER, STYRELSEN, SUPERBRUGER, login, sqlite, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 120_000 };

describe('record page and confirmations', () => {
  let server;
  let browser;
  const contexts = [];

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/case-record-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/case-record-server.log', server.output());
    }
  }, T);

  const one = async (sql) => (await sqlite(server, sql))[0]?.[0];
  const styrelsenCases = (state) => sqlite(server, `SELECT c.id FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id
    WHERE i.name = '${STYRELSEN}' AND c.state = '${state}' ORDER BY c.id`).then((rows) => rows.map((r) => r[0]));

  async function session(email, { javaScriptEnabled = true } = {}) {
    const opened = await openPage(browser, { javaScriptEnabled });
    contexts.push(opened.context);
    await login(opened.page, server, email);
    return { ...opened, noScript: !javaScriptEnabled };
  }

  async function check({ page, problems, noScript }, name, status = 200) {
    await assertCleanLoad(page, problems, { allowDocumentStatus: status === 200 ? [] : [status] });
    if (noScript) await screenshot(page, `record-${name}`);
    else await checkAccessibility(page, `record-${name}`);
  }

  async function visit(s, urlPath, name) {
    s.problems.clear();
    const response = await s.page.goto(server.url(urlPath));
    assert.equal(response.status(), 200, `${urlPath}: HTTP ${response.status()}`);
    await check(s, name);
  }

  async function click(s, locator, name, { status = 200 } = {}) {
    s.problems.clear();
    const documents = [];
    const onResponse = (r) => { if (r.request().isNavigationRequest() && r.frame() === s.page.mainFrame()) documents.push(r); };
    s.page.on('response', onResponse);
    try {
      await submitAndWait(s.page, locator);
    } finally {
      s.page.off('response', onResponse);
    }
    const response = documents.filter((r) => r.status() < 300 || r.status() >= 400).at(-1);
    assert.equal(response?.status(), status, `${name}: HTTP ${response?.status()} at ${s.page.url()}`);
    await check(s, name, status);
  }

  test('the case page: lifecycle, "Ikke angivet", only steps that can succeed, forms on demand', T, async () => {
    const s = await session(ADMINISTRATOR);
    const main = s.page.locator('main');
    const [published] = await styrelsenCases('published');
    await visit(s, `/cases/${published}`, 'published-case');
    const current = main.locator('.step-indicator li.current');
    assert.equal(await current.count(), 1);
    assert.match(await current.innerText(), /Offentliggjort/);
    assert.equal(await current.locator('[aria-current="step"]').count(), 1);
    assert.equal(await main.locator('.step-indicator li').count(), 7, 'draft to filled');
    assert.match(await main.locator('.step-indicator li').first().innerText(), /Gennemført/);
    // "Luk for ansøgninger" before the deadline: explained, not a button.
    assert.equal(await main.getByRole('button', { name: 'Luk for ansøgninger' }).count(), 0);
    assert.match(await main.locator('.next-steps').innerText(), /Luk for ansøgninger: ikke endnu/);
    // Published: no change links but the correction of the published ad, no forms to add questions,
    // no empty question section.
    assert.deepEqual(await main.getByRole('link', { name: /^Ret/ }).allInnerTexts(), ['Ret den offentliggjorte annonce']);
    assert.equal(await main.getByRole('link', { name: 'Flyt fristen eller skift kontaktpersoner' }).count(), 1);
    assert.equal(await main.locator('#questions').count(), 0);
    // The committee forms are closed until asked for.
    const add = main.locator('details', { hasText: 'Tilføj et medlem' });
    assert.equal(await add.getAttribute('open'), null);
    assert.equal(await main.locator('#user_id').isVisible(), false);
    await add.locator('summary').click();
    assert.equal(await main.locator('#user_id').isVisible(), true);
    await checkAccessibility(s.page, 'record-published-case-add-member-open');

    const [draft] = await styrelsenCases('draft');
    await visit(s, `/cases/${draft}`, 'draft-case');
    assert.ok(await main.getByText('Ikke angivet').first().isVisible(), 'empty facts read "Ikke angivet"');
    assert.match(await main.locator('.step-indicator li.current').innerText(), /Kladde/);
    assert.ok(await main.getByRole('link', { name: /^Ret/ }).count() >= 5, 'a change link per group');
  });

  test('a published case shows its facts read-only and corrects its ad only with a reason, with a way back', T, async () => {
    const s = await session(ADMINISTRATOR);
    const main = s.page.locator('main');
    const [published] = await styrelsenCases('published');
    await visit(s, `/cases/${published}/edit`, 'published-edit');
    assert.equal(await main.locator('form').count(), 0, 'the facts show no form');
    assert.match(await main.locator('.alert').innerText(), /ikke længere ændres/);
    await main.getByRole('link', { name: 'Tilbage til sagen' }).first().waitFor();
    await visit(s, `/cases/${published}/ad?language=da`, 'published-ad');
    assert.ok(await main.locator('#correction_reason').isVisible(), 'a correction asks for its reason');
    assert.match(await main.locator('.alert').innerText(), /Annoncen er offentliggjort/);
    await main.getByRole('link', { name: 'Tilbage til sagen' }).first().waitFor();
  });

  test('without JavaScript: cancelling asks for a reason on a confirmation page', T, async () => {
    const s = await session(ADMINISTRATOR, { javaScriptEnabled: false });
    const main = s.page.locator('main');
    const [, second] = await styrelsenCases('published');
    await visit(s, `/cases/${second}`, 'nojs-case');
    await click(s, main.getByRole('link', { name: 'Annullér sagen' }), 'nojs-cancel-confirm');
    assert.equal(new URL(s.page.url()).pathname, `/cases/${second}/cancel`);
    assert.equal(await main.locator('h1').innerText(), 'Annullér sagen?');
    // Without a reason: refused, nothing changed.
    await click(s, main.getByRole('button', { name: 'Ja, annullér sagen' }), 'nojs-cancel-no-reason', { status: 400 });
    assert.match(await s.page.locator('#error-summary').innerText(), /Skriv, hvorfor sagen annulleres/);
    assert.equal(await one(`SELECT state FROM recruitment_cases WHERE id = ${second}`), 'published');
    await main.locator('#reason').fill('Stillingen er nedlagt.');
    await click(s, main.getByRole('button', { name: 'Ja, annullér sagen' }), 'nojs-cancelled');
    assert.match(await main.locator('.alert-success').innerText(), /Sagen er annulleret\./);
    assert.equal(await main.locator('#case-state').innerText(), 'Annulleret');
    assert.equal(await one(`SELECT state FROM recruitment_cases WHERE id = ${second}`), 'cancelled');
  });

  test('with JavaScript: removing a member and cancelling open a DKFDS modal', T, async () => {
    const s = await session(ADMINISTRATOR);
    const { page } = s;
    const main = page.locator('main');
    const [published] = await styrelsenCases('published');
    const members = await one(`SELECT COUNT(*) FROM case_roles WHERE case_id = ${published}`);
    await visit(s, `/cases/${published}`, 'js-case');
    const remove = main.locator('ul.committee-list a', { hasText: 'Fjern' }).first();
    const target = await remove.getAttribute('data-target');
    await remove.click();
    const modal = page.locator(`#${target}`);
    await modal.waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, `/cases/${published}`, 'the modal, not the confirmation page');
    assert.match(await modal.innerText(), /Fjern medlemmet fra ansættelsesudvalget\?/);
    await checkAccessibility(page, 'record-js-remove-member-modal');
    // "Nej, gå tilbage" closes it and changes nothing.
    await modal.getByRole('button', { name: 'Nej, gå tilbage' }).click();
    await modal.waitFor({ state: 'hidden' });
    await remove.click();
    await modal.waitFor({ state: 'visible' });
    await click(s, modal.getByRole('button', { name: 'Ja, fjern medlemmet' }), 'js-member-removed');
    assert.match(await main.locator('.alert-success').innerText(), /Medlemmet er fjernet fra ansættelsesudvalget\./);
    assert.equal(Number(await one(`SELECT COUNT(*) FROM case_roles WHERE case_id = ${published}`)), Number(members) - 1);

    // A case with applications is cancelled only by two people, through the decision page.
    assert.equal(await main.getByRole('link', { name: 'Annullér sagen' }).count(), 0);
    assert.equal(await main.getByRole('link', { name: 'Anmod om at annullere sagen' }).getAttribute('href'),
      `/cases/${published}/decision#cancel`);
    const [empty] = (await sqlite(server, `SELECT c.id FROM recruitment_cases c JOIN institutions i
      ON i.id = c.institution_id WHERE i.name = '${STYRELSEN}' AND c.state = 'published'
      AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.case_id = c.id) ORDER BY c.id`)).map((r) => r[0]);
    await visit(s, `/cases/${empty}`, 'js-case-without-applications');
    await main.getByRole('link', { name: 'Annullér sagen' }).click();
    const cancel = page.locator('#confirm-cancel');
    await cancel.waitFor({ state: 'visible' });
    await checkAccessibility(page, 'record-js-cancel-modal');
    await cancel.locator('textarea[name="reason"]').fill('Opgaven er flyttet til en anden styrelse.');
    await click(s, cancel.getByRole('button', { name: 'Ja, annullér sagen' }), 'js-cancelled');
    assert.match(await main.locator('.alert-success').innerText(), /Sagen er annulleret\./);
    assert.equal(await one(`SELECT state FROM recruitment_cases WHERE id = ${empty}`), 'cancelled');
    const reason = await one(`SELECT after_json FROM audit_events WHERE object_type = 'recruitment_case'
      AND object_id = '${empty}' AND action = 'case.state_changed' ORDER BY id DESC LIMIT 1`);
    assert.match(reason, /Opgaven er flyttet til en anden styrelse\./);
  });

  test('users: deactivating asks in a modal with JavaScript, removing a role on a page without', T, async () => {
    const admin = await session(ADMINISTRATOR);
    const main = admin.page.locator('main');
    const dennis = await one(`SELECT id FROM users WHERE email = '${DELTAGER}'`);
    await visit(admin, `/users/${dennis}`, 'js-user');
    await main.locator('input[name="status"][value="deactivated"]').check();
    await main.getByRole('button', { name: 'Gem ændringer' }).click();
    const modal = admin.page.locator('#confirm-deactivate');
    await modal.waitFor({ state: 'visible' });
    assert.equal(await one(`SELECT status FROM users WHERE id = ${dennis}`), 'active', 'nothing saved yet');
    await checkAccessibility(admin.page, 'record-js-deactivate-modal');
    await click(admin, modal.getByRole('button', { name: 'Ja, deaktivér brugeren' }), 'js-user-deactivated');
    assert.equal(await one(`SELECT status FROM users WHERE id = ${dennis}`), 'deactivated');

    const sofie = await session(SUPERBRUGER, { javaScriptEnabled: false });
    const anders = await one(`SELECT id FROM users WHERE email = '${ADMINISTRATOR}'`);
    await visit(sofie, `/users/${anders}`, 'nojs-user');
    await click(sofie, sofie.page.locator('main').getByRole('link', { name: /^Fjern rolle/ }), 'nojs-revoke-confirm');
    assert.equal(await sofie.page.locator('main h1').innerText(), 'Fjern rollen?');
    assert.equal(await one(`SELECT COUNT(*) FROM institution_roles WHERE user_id = ${anders}`), '1');
    await click(sofie, sofie.page.locator('main').getByRole('button', { name: 'Ja, fjern rollen' }), 'nojs-role-removed');
    assert.match(await sofie.page.locator('main .alert-success').innerText(), /Rollen er fjernet\./);
    assert.equal(await one(`SELECT COUNT(*) FROM institution_roles WHERE user_id = ${anders}`), '0');
  });
});
