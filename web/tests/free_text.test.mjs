// The free-text guard in a real browser: an Administrator writes a mandatory text that names a
// sensitive subject, gets the warning page (which names the field and the kind found), goes back,
// and then saves it anyway, with and without JavaScript. The warning page has zero axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { ADMINISTRATOR, login, sqlite, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 180_000 };

describe('the free-text warning', () => {
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
    await browser?.close({ keepLogAs: 'logs/free-text-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/free-text-server.log', server.output());
    }
  }, T);

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    test(`warn, go back, save anyway, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, T, async () => {
      const opened = await openPage(browser, { javaScriptEnabled });
      contexts.push(opened.context);
      const { page, problems } = opened;
      await login(page, server, ADMINISTRATOR);
      const name = `Tekst om helbred ${mode}`;
      const body = `Den tidligere medarbejder var sygemeldt (${mode}).`;

      await page.goto(server.url('/setup/mandatory-texts'));
      await page.locator('#name').fill(name);
      await page.locator('#kind').selectOption('other');
      await page.locator('#body').fill(body);
      problems.clear();
      await submitAndWait(page, page.locator('form[action="/setup/mandatory-texts"] button[type=submit]').first());
      await assertCleanLoad(page, problems, { allowDocumentStatus: [400] });
      // axe runs in the page, so only where scripts run; without them the page is photographed.
      if (javaScriptEnabled) await checkAccessibility(page, `free-text-warning-${mode}`);
      else await screenshot(page, `free-text-warning-${mode}`);
      const warning = await page.locator('main').innerText();
      assert.match(warning, /Kontrollér teksten/);
      assert.match(warning, /Tekst: helbred/);
      assert.ok(!warning.includes('sygemeldt'), 'the warning does not repeat what was found');
      let saved = await sqlite(server, `SELECT COUNT(*) FROM mandatory_texts WHERE name = '${name}'`);
      assert.equal(Number(saved[0][0]), 0, 'nothing is saved before the confirmation');

      // Going back leads to a page of ours, and nothing is saved.
      problems.clear();
      await submitAndWait(page, page.locator('main a.button-primary'));
      await assertCleanLoad(page, problems);
      saved = await sqlite(server, `SELECT COUNT(*) FROM mandatory_texts WHERE name = '${name}'`);
      assert.equal(Number(saved[0][0]), 0, 'going back saves nothing');

      // Sent again, and saved anyway from the warning.
      await page.goto(server.url('/setup/mandatory-texts'));
      await page.locator('#name').fill(name);
      await page.locator('#kind').selectOption('other');
      await page.locator('#body').fill(body);
      await submitAndWait(page, page.locator('form[action="/setup/mandatory-texts"] button[type=submit]').first());
      problems.clear();
      await submitAndWait(page, page.locator('main form button[type=submit]'));
      await assertCleanLoad(page, problems);
      saved = await sqlite(server, `SELECT COUNT(*) FROM mandatory_texts WHERE name = '${name}'`);
      assert.equal(Number(saved[0][0]), 1, 'saved after the confirmation');
      const events = await sqlite(server, "SELECT after_json FROM audit_events WHERE action = 'free_text.sensitive_confirmed'");
      assert.ok(events.length >= 1);
      assert.ok(events.every(([after]) => !after.includes('sygemeldt')), 'the audit event holds no text');
    });
  }
});
