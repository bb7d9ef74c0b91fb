// The audit trail for people, in a real browser at 1280 px: actions by name (Danish and English),
// objects by name with a link, a case's change as a field-by-field table with dates and hours
// written out, the case page's link to its history, nothing wider than the window (with every
// event's details open, too), and zero axe WCAG 2.1 A/AA violations. Screenshots are saved under
// tests/artifacts/screenshots/audit-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import { ADMINISTRATOR, STYRELSEN, login, sqlite, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 120_000 };
const WIDE = { width: 1280, height: 900 };

describe('the audit trail at 1280 px', () => {
  let server;
  let browser;
  let session;
  let caseId;

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
    session = await openPage(browser, { viewport: WIDE });
    await login(session.page, server, ADMINISTRATOR);
    const rows = await sqlite(server, `SELECT c.id FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id
      WHERE i.name = '${STYRELSEN}' AND c.state = 'draft' ORDER BY c.id LIMIT 1`);
    caseId = rows[0][0];
    // A change to the case, so that the trail holds a case.changed event with its fields.
    const { page } = session;
    await page.goto(server.url(`/cases/${caseId}/edit`));
    await page.locator('#place_of_work').fill('Revisionsvej 12, 1000 København K');
    await page.locator('#deadline_date').fill('2030-01-15');
    await page.locator('#deadline_time').fill('12:00');
    await submitAndWait(page, page.locator(`form[action="/cases/${caseId}/edit"] button[type=submit]`).last());
  }, T);

  after(async () => {
    await session?.context.close().catch(() => {});
    await browser?.close({ keepLogAs: 'logs/audit-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/audit-server.log', server.output());
    }
  }, T);

  async function visit(urlPath, name) {
    session.problems.clear();
    const response = await session.page.goto(server.url(urlPath));
    assert.equal(response.status(), 200, `${urlPath}: HTTP ${response.status()}`);
    await assertCleanLoad(session.page, session.problems);
    await assertFits(name);
    await checkAccessibility(session.page, name);
  }

  /** Nothing runs off the right edge: the page does not scroll sideways, nor does the events table. */
  async function assertFits(name) {
    const widths = await session.page.evaluate(() => {
      const table = document.querySelector('#audit-events');
      return {
        page: document.scrollingElement.scrollWidth,
        window: document.scrollingElement.clientWidth,
        table: table ? table.getBoundingClientRect().right : 0,
      };
    });
    assert.ok(widths.page <= widths.window, `${name}: the page is ${widths.page} px wide in a ${widths.window} px window`);
    assert.ok(widths.table <= widths.window, `${name}: the events table ends at ${widths.table} px`);
  }

  async function actionNames() {
    return session.page.locator('#audit-events td.audit-action').allTextContents();
  }

  test('the events fit at 1280 px, with actions by name, and pass axe', T, async () => {
    await visit('/audit', 'audit-1280');
    const actions = await actionNames();
    assert.ok(actions.length > 0, 'no events shown');
    for (const action of actions)
      assert.doesNotMatch(action.trim(), /^[a-z_]+(\.[a-z_]+)?$/, `an action is shown as its code: ${action}`);
    assert.ok(actions.includes('Ændrede sagen'), `no "Ændrede sagen" among ${actions.join(', ')}`);
    assert.ok(actions.includes('Loggede ind'), `no "Loggede ind" among ${actions.join(', ')}`);

    // Every event's details open: the change tables still fit.
    await session.page.evaluate(() => document.querySelectorAll('#audit-events details').forEach((d) => { d.open = true; }));
    await assertFits('audit-1280-open');
    await checkAccessibility(session.page, 'audit-1280-details-open');
  });

  test('a case change reads field by field, and the case page links to its history', T, async () => {
    const { page } = session;
    await page.goto(server.url(`/cases/${caseId}`));
    const history = page.locator(`main a[href="/audit?object_type=recruitment_case&object_id=${caseId}"]`);
    assert.equal(await history.textContent(), 'Historik');
    await submitAndWait(page, history);
    await assertCleanLoad(page, session.problems);
    await assertFits('audit-case-history');
    await checkAccessibility(page, 'audit-case-history');

    const changed = page.locator('#audit-events tr[data-event-id]', { has: page.locator('td[data-action="case.changed"]') }).first();
    assert.equal((await changed.locator('td.audit-object a').getAttribute('href')), `/cases/${caseId}`);
    await changed.locator('summary').click();
    const place = changed.locator('tr[data-field="place_of_work"]');
    assert.equal(await place.locator('th').textContent(), 'Arbejdssted');
    assert.equal(await place.locator('td.audit-after').textContent(), 'Revisionsvej 12, 1000 København K');
    const deadline = changed.locator('tr[data-field="application_deadline"] td.audit-after');
    assert.equal(await deadline.textContent(), '15. januar 2030 kl. 12.00');
    await assertFits('audit-case-history-open');
    await checkAccessibility(page, 'audit-case-history-open');
  });

  test('in English, actions and dates are English', T, async () => {
    await session.context.addCookies([{ name: 'rekrut_lang', value: 'en', url: server.baseURL }]);
    try {
      await visit(`/audit?object_type=recruitment_case&object_id=${caseId}`, 'audit-1280-en');
      const actions = await actionNames();
      assert.ok(actions.includes('Changed the case'), `no "Changed the case" among ${actions.join(', ')}`);
      const deadline = session.page.locator('#audit-events tr[data-field="application_deadline"] td.audit-after').first();
      assert.equal(await deadline.textContent(), '15 January 2030, 12:00');
    } finally {
      await session.context.addCookies([{ name: 'rekrut_lang', value: 'da', url: server.baseURL }]);
    }
  });
});
