// The public career site in a real browser: the list of open positions (with search, filters and
// paging), one institution's list and an ad page, each with zero axe violations (WCAG 2.0 and 2.1, A
// and AA), usable without JavaScript (the search form is a plain GET form, the pages are links) and
// at 320 px without sideways scrolling. Screenshots under tests/artifacts/screenshots/career-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import { sqlite } from './support/accounts.mjs';
import { sidewaysOverflow } from './support/page-list.mjs';

const T = { timeout: 180_000 };

describe('the career site', () => {
  let server;
  let browser;
  const contexts = [];

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
    // 30 generated positions at Demoakademiet, so that the list has a second page.
    const now = Math.floor(Date.now() / 1000);
    const rows = [];
    for (let number = 1; number <= 30; number += 1) {
      rows.push(`(2, 'Browserstilling ${number}', 'published', 'Testvej ${number}, 8000 Aarhus C', `
        + `'${number % 2 ? 'permanent' : 'fixed_term'}', ${now + 86400 * (20 + number)}, ${now}, ${now}, ${now})`);
    }
    await sqlite(server, 'INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, employment_form,'
      + ` application_deadline, published_at, created_at, updated_at) VALUES ${rows.join(', ')}`);
    // The list in memory is read again every second.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const response = await fetch(server.url('/?q=Browserstilling+30'));
      if ((await response.text()).includes('Browserstilling 30')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/career-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/career-server.log', server.output());
    }
  }, T);

  async function newPage(options) {
    const opened = await openPage(browser, options);
    contexts.push(opened.context);
    return opened;
  }

  /** Zero axe violations and, at narrow widths, no sideways scrolling (needs JavaScript in the page). */
  async function checkPage(opened, name) {
    await assertCleanLoad(opened.page, opened.problems);
    await checkAccessibility(opened.page, `career-${name}`);
    const overflow = await opened.page.evaluate(sidewaysOverflow);
    assert.ok(overflow.scrollWidth <= overflow.width,
      `${name}: the page scrolls sideways (${overflow.scrollWidth} > ${overflow.width}): ${overflow.offenders.join(', ')}`);
    assert.deepEqual(overflow.uncued, [], `${name}: a scroll region without a cue`);
  }

  const pagesToCheck = [
    ['list', '/'],
    ['search', '/?q=Browserstilling&employment_form=fixed_term&sort=newest'],
    ['page-2', '/?q=Browserstilling&page=2'],
    ['institution', '/institutions/2'],
    ['ad', '/positions/1'],
  ];

  for (const width of [1280, 320]) {
    test(`the career site's pages pass axe and fit ${width} px`, T, async () => {
      const opened = await newPage({ viewport: { width, height: 900 } });
      for (const [name, target] of pagesToCheck) {
        await opened.page.goto(server.url(target));
        await checkPage(opened, `${name}-${width}`);
      }
    });
  }

  test('without JavaScript at 320 px: search, filter, page, open an ad and reach the form', T, async () => {
    const opened = await newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const { page, problems } = opened;
    await page.goto(server.url('/'));
    await page.getByLabel('Søgetekst').fill('Browserstilling');
    await page.getByLabel('Ansættelse').selectOption('fixed_term');
    await Promise.all([page.waitForURL(/employment_form=fixed_term/), page.getByRole('button', { name: 'Vis' }).click()]);
    assert.match(await page.locator('caption').textContent(), /\(15\)/);
    await page.goto(server.url('/?q=Browserstilling'));
    await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: 'Næste' }).click()]);
    assert.match(await page.locator('.pagination').textContent(), /Side 2 \/ 2/);
    // Bounding boxes, not page.evaluate: without JavaScript the page's own world runs no scripts.
    const table = await page.locator('table').boundingBox();
    assert.ok(table.x >= 0 && table.x + table.width <= 320, `the list reaches past 320 px (${JSON.stringify(table)})`);
    await Promise.all([page.waitForURL(/\/positions\/\d+$/),
      page.getByRole('link', { name: /Browserstilling/ }).first().click()]);
    await page.goto(server.url('/positions/1'));
    const apply = page.getByRole('link', { name: 'Søg stillingen' });
    const box = await apply.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 320, 'the Apply button is within the window');
    await Promise.all([page.waitForURL(/\/positions\/1\/apply$/), apply.click()]);
    await assertCleanLoad(page, problems);
  });
});
