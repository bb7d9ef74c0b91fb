// The status page and the service banner in a real browser: the operator announces an incident on
// /operator/status, the public /status page shows it with the support contact in the footer, the
// banner shows it on a signed-in page and on the public front page, and every page passes axe
// (WCAG 2.1 A/AA) with zero violations, as does the operator controls page. Screenshots are saved under tests/artifacts/screenshots/status-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import { ADMINISTRATOR, OPERATOR, login, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 120_000 };
const TITLE = 'Langsomme sider i sagsbehandlingen';
const SUPPORT_EMAIL = 'support@rekrut.example.test';

describe('the status page and the banner', () => {
  let server;
  let browser;
  let operator;
  let administrator;
  let visitor;

  before(async () => {
    [server, browser] = await Promise.all([
      startServer({ seed: true, env: { REKRUT_SUPPORT_EMAIL: SUPPORT_EMAIL, REKRUT_SUPPORT_PHONE: '+45 70 10 20 30' } }),
      launchBrowser(),
    ]);
    [operator, administrator, visitor] = await Promise.all([openPage(browser), openPage(browser), openPage(browser)]);
    await login(operator.page, server, OPERATOR);
    await login(administrator.page, server, ADMINISTRATOR);
  }, T);

  after(async () => {
    for (const session of [operator, administrator, visitor])
      await session?.context.close().catch(() => {});
    await browser?.close({ keepLogAs: 'logs/status-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/status-server.log', server.output());
    }
  }, T);

  async function visit(session, urlPath, name) {
    session.problems.clear();
    const response = await session.page.goto(server.url(urlPath));
    assert.equal(response.status(), 200, `${urlPath}: HTTP ${response.status()}`);
    await assertCleanLoad(session.page, session.problems);
    await checkAccessibility(session.page, name);
  }

  test('the status page without notices passes axe and shows the support contact', T, async () => {
    await visit(visitor, '/status', 'status-empty');
    assert.ok(await visitor.page.locator('#all-well').isVisible(), 'no "running normally" notice');
    const footer = await visitor.page.locator('#support-contact').textContent();
    assert.ok(footer.includes(SUPPORT_EMAIL), `footer: ${footer}`);
    await visit(visitor, '/help', 'status-help');
  });

  test('the operator announces an incident from the form', T, async () => {
    await visit(operator, '/operator/status', 'status-operator-empty');
    const { page } = operator;
    await page.locator('#kind').check();
    await page.locator('#title').fill(TITLE);
    await page.locator('#affected').fill('Sagslisten og ansøgningerne');
    await page.locator('#actions').fill('Vi undersøger databasen og melder tilbage inden for en time.');
    await submitAndWait(page, page.locator('#announce button[type=submit]'));
    assert.match(page.url(), /\/operator\/status\?announced=1$/);
    await visit(operator, '/operator/status', 'status-operator-incident');
    assert.ok((await page.locator('#open-notices').textContent()).includes(TITLE));
  });

  test('the public page and the banner show the incident and pass axe', T, async () => {
    await visit(visitor, '/status', 'status-incident');
    assert.ok((await visitor.page.locator('#current-notices').textContent()).includes(TITLE));
    await visit(administrator, '/home', 'status-banner-home');
    const banner = administrator.page.locator('#service-banner');
    assert.ok(await banner.isVisible(), 'no banner on /home');
    assert.ok((await banner.textContent()).includes(TITLE));
    await visit(visitor, '/', 'status-banner-front-page');
    assert.ok((await visitor.page.locator('#service-banner').textContent()).includes(TITLE));
  });

  test('the operator controls page passes axe', T, async () => {
    await visit(operator, '/operator/controls', 'status-operator-controls');
    assert.ok(await operator.page.locator('#components').isVisible(), 'no list of libraries');
  });
});
