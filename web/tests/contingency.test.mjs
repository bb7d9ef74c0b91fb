// The contingency bundle's page (/contingency) in a real browser at 1280 px and at 375 px: what the
// bundle holds, the passphrase typed twice, a refused passphrase marked on its field with the error
// summary, the passphrase never shown again, and zero axe WCAG 2.1 A/AA violations in each state.
// Screenshots are saved under tests/artifacts/screenshots/contingency-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import { ADMINISTRATOR, login, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 120_000 };

describe('the contingency bundle page', () => {
  let server;
  let browser;
  let session;

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
    session = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await login(session.page, server, ADMINISTRATOR);
  }, T);

  after(async () => {
    await session?.context.close().catch(() => {});
    await browser?.close({ keepLogAs: 'logs/contingency-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/contingency-server.log', server.output());
    }
  }, T);

  test('the form is accessible, and a short passphrase is refused on its field', T, async () => {
    const { page, problems } = session;
    problems.clear();
    const response = await page.goto(server.url('/contingency'));
    assert.equal(response.status(), 200);
    await assertCleanLoad(page, problems);
    assert.match(await page.locator('h1').innerText(), /Nødplanspakke/);
    await checkAccessibility(page, 'contingency');

    await page.locator('#passphrase').fill('kort-frase1');
    await page.locator('#passphrase_repeat').fill('kort-frase1');
    problems.clear();
    await submitAndWait(page, page.locator('form[action="/contingency"] button[type=submit]'));
    await assertCleanLoad(page, problems, { allowDocumentStatus: [400] });
    assert.match(await page.locator('#passphrase-error').innerText(), /mindst 12 tegn/);
    assert.equal(await page.locator('#passphrase').inputValue(), '', 'the passphrase is shown again');
    assert.ok(!(await page.content()).includes('kort-frase1'), 'the passphrase is in the page');
    await checkAccessibility(page, 'contingency-refused');

    await page.setViewportSize({ width: 375, height: 800 });
    const widths = await page.evaluate(() => ({
      page: document.scrollingElement.scrollWidth, window: document.scrollingElement.clientWidth,
    }));
    assert.ok(widths.page <= widths.window, `the page is ${widths.page} px wide in a ${widths.window} px window`);
    await checkAccessibility(page, 'contingency-narrow');
  });
});
