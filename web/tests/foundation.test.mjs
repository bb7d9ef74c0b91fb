// Foundation pages in a real browser: front page (empty and with demo data,
// Danish and English), the 404 page, skip link, no-JavaScript use, clean page
// loads (console, CSP) and the DKFDS styles. One server and one browser for
// the whole file; every test gets its own browser context.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';

// No test here should take long; a hung browser must not hang the run.
const T = { timeout: 60_000 };

describe('foundation', () => {
  let server;
  let browser;
  let seeded = false;
  const contexts = [];

  before(async () => {
    // The server starts on an empty database (serve migrates at start);
    // demo data is added later by seedDemo() while it runs.
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/foundation-chromium.log' });
    if (server) {
      const result = await server.stop();
      await saveArtifact('logs/foundation-server.log', server.output());
      assert.equal(result.killed, undefined, `server ignored SIGTERM:\n${server.output()}`);
      assert.equal(result.code, 0, `server did not exit cleanly on SIGTERM (${JSON.stringify(result)}):\n${server.output()}`);
    }
  }, T);

  async function seedDemo() {
    if (!seeded) {
      await server.command('seed-demo');
      // The public list of open positions is read from the database once a second.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      seeded = true;
    }
  }

  async function newPage(options) {
    const opened = await openPage(browser, options);
    contexts.push(opened.context);
    return opened;
  }

  async function positionRows(page) {
    return page.locator('main table tbody tr').count();
  }

  test('front page on an empty database (Danish, then English)', T, async () => {
    assert.equal(seeded, false, 'this test needs the database before seeding');
    const { page, problems } = await newPage();
    const response = await page.goto(server.url('/'));
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    assert.equal(await page.locator('main h1').textContent(), 'Ledige stillinger');
    await page.getByText('Der er ingen ledige stillinger lige nu.').waitFor();
    assert.equal(await page.locator('main table').count(), 0);
    await assertCleanLoad(page, problems);
    await checkAccessibility(page, 'front-page-empty-da');

    problems.clear();
    await Promise.all([page.waitForURL(server.url('/')), page.getByRole('link', { name: 'English' }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('main h1').textContent(), 'Open positions');
    await page.getByText('There are no open positions right now.').waitFor();
    assert.equal(await page.locator('main table').count(), 0);
    await assertCleanLoad(page, problems);
    await checkAccessibility(page, 'front-page-empty-en');
  });

  test('front page with demo data (Danish)', T, async () => {
    await seedDemo();
    const { page, problems } = await newPage();
    await page.goto(server.url('/'));
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    assert.equal(await page.title(), 'Ledige stillinger · Rekrut');
    const rows = await positionRows(page);
    assert.ok(rows > 0, 'the positions table has rows');
    assert.match(await page.locator('main table caption').textContent(), new RegExp(`^Ledige stillinger \\(${rows}\\)$`));
    assert.deepEqual(
      await page.locator('main table thead th').allTextContents(),
      ['Stilling', 'Institution', 'Arbejdssted', 'Ansøgningsfrist'],
    );
    await page.locator('main table').getByRole('cell', { name: 'Fuldmægtig til økonomienheden' }).waitFor();
    // Only published positions are listed (the demo data has a draft too).
    assert.equal(await page.getByText('Kontorfuldmægtig til sekretariatet').count(), 0);
    assert.match(await page.locator('main table time').first().getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}/);
    assert.equal(await page.getByText('Der er ingen ledige stillinger lige nu.').count(), 0);
    await assertCleanLoad(page, problems);
    await checkAccessibility(page, 'front-page-da');
  });

  test('front page in English after clicking the language link', T, async () => {
    await seedDemo();
    const { page, context, problems } = await newPage();
    await page.goto(server.url('/'));
    const english = page.getByRole('link', { name: 'English' });
    assert.equal(await english.getAttribute('lang'), 'en');
    problems.clear();
    await Promise.all([page.waitForURL(server.url('/')), english.click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('main h1').textContent(), 'Open positions');
    assert.deepEqual(
      await page.locator('main table thead th').allTextContents(),
      ['Position', 'Institution', 'Place of work', 'Application deadline'],
    );
    assert.ok(await positionRows(page) > 0);
    await page.getByRole('link', { name: 'Dansk' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'English' }).count(), 0);
    const cookies = await context.cookies(server.baseURL);
    assert.equal(cookies.find((c) => c.name === 'rekrut_lang')?.value, 'en');
    await assertCleanLoad(page, problems);
    await checkAccessibility(page, 'front-page-en');

    // The choice sticks, and the link back to Danish works.
    await page.reload();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await Promise.all([page.waitForURL(server.url('/')), page.getByRole('link', { name: 'Dansk' }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    assert.equal(await page.locator('main h1').textContent(), 'Ledige stillinger');
  });

  test('404 page (Danish and English)', T, async () => {
    const { page, context, problems } = await newPage();
    let response = await page.goto(server.url('/does-not-exist'));
    assert.equal(response.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    assert.equal(await page.locator('main h1').textContent(), 'Siden findes ikke');
    assert.match(await page.locator('main').textContent(), /Fejlreference:\s*\S+\s*\(404\)/);
    await page.getByRole('link', { name: 'Gå til forsiden' }).waitFor();
    await assertCleanLoad(page, problems, { allowDocumentStatus: [404] });
    await checkAccessibility(page, 'not-found-da');

    await context.addCookies([{ name: 'rekrut_lang', value: 'en', url: server.baseURL }]);
    problems.clear();
    response = await page.goto(server.url('/does-not-exist'));
    assert.equal(response.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    await assertCleanLoad(page, problems, { allowDocumentStatus: [404] });
    await checkAccessibility(page, 'not-found-en');
    await Promise.all([page.waitForURL(server.url('/')), page.getByRole('link', { name: 'Go to the front page' }).click()]);
    assert.equal(await page.locator('main h1').textContent(), 'Open positions');
  });

  test('skip link is the first tab stop and moves focus to main', T, async () => {
    await seedDemo();
    const { page } = await newPage();
    await page.goto(server.url('/'));
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skipnav');
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'skip link focused after one Tab');
    assert.equal(await skip.textContent(), 'Gå til indhold');
    assert.ok(await skip.isVisible(), 'skip link is visible when focused');
    // DKFDS slides it in (a 0.2 s transition); it must end up fully on screen.
    await page.waitForFunction(() => {
      const r = document.querySelector('a.skipnav').getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.width > 1 && r.height > 1 && r.bottom <= innerHeight;
    }, null, { timeout: 2000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    assert.equal(new URL(page.url()).hash, '#main-content');
    // Sequential navigation now starts at main: Shift+Tab reaches the last
    // focusable element of the header (the one right before main).
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => {
      const focusable = [...document.querySelectorAll('header a[href], header button, header input:not([type=hidden]), header select')];
      return focusable.length > 0 && document.activeElement === focusable.at(-1);
    }), true, 'Shift+Tab from main lands on the last header control');
  });

  test('works with JavaScript disabled', T, async () => {
    await seedDemo();
    const { page, problems } = await newPage({ javaScriptEnabled: false });
    await page.goto(server.url('/'));
    assert.equal(await page.evaluate(() => 1 + 1), 2); // Playwright still can inspect
    assert.ok(await page.locator('main table').isVisible(), 'positions table visible without JavaScript');
    assert.ok(await positionRows(page) > 0);
    await Promise.all([page.waitForURL(server.url('/')), page.getByRole('link', { name: 'English' }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('main h1').textContent(), 'Open positions');
    assert.ok(await positionRows(page) > 0);
    await assertCleanLoad(page, problems);
  });

  test('no console errors or CSP violations on page load', T, async () => {
    await seedDemo();
    for (const [path, allowDocumentStatus] of [['/', []], ['/does-not-exist', [404]]]) {
      const { page, problems } = await newPage();
      await page.goto(server.url(path), { waitUntil: 'load' });
      // Let late work (DKFDS init, font loading) finish before judging.
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 100))));
      // The DKFDS script ran (it is the only script that defines DKFDS).
      assert.equal(await page.evaluate(() => typeof window.DKFDS), 'object', `DKFDS script loaded on ${path}`);
      await assertCleanLoad(page, problems, { allowDocumentStatus });
    }
  });

  test('DKFDS styles and fonts load', T, async () => {
    await seedDemo();
    const { page, problems } = await newPage();
    const stylesheets = [];
    page.on('response', (r) => { if (r.request().resourceType() === 'stylesheet') stylesheets.push([r.url(), r.status()]); });
    await page.goto(server.url('/'));
    assert.deepEqual(stylesheets.map(([u, s]) => [new URL(u).pathname, s]).sort(), [
      ['/static/app/rekrut.css', 200],
      ['/static/dkfds/css/dkfds.min.css', 200],
    ]);
    const style = await page.evaluate(async () => {
      await document.fonts.ready;
      const body = getComputedStyle(document.body);
      const header = getComputedStyle(document.querySelector('.portal-info-inner'));
      return {
        fontFamily: body.fontFamily,
        headerDisplay: header.display,
        plexLoaded: document.fonts.check('16px "IBM Plex Sans"'),
        loadedFaces: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      };
    });
    assert.match(style.fontFamily, /IBM Plex Sans/, 'body uses the DKFDS font');
    assert.equal(style.headerDisplay, 'flex', 'rekrut.css applies');
    assert.ok(style.loadedFaces.some((f) => /IBM Plex Sans/.test(f)), `IBM Plex Sans font file loaded (${style.loadedFaces.join(', ')})`);
    // The table is styled by DKFDS (browser defaults have no table border).
    const table = await page.locator('main table').evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.borderTopStyle, s.borderTopWidth, s.borderSpacing];
    });
    assert.deepEqual(table, ['solid', '1px', '0px']);
    await assertCleanLoad(page, problems);
  });
});
