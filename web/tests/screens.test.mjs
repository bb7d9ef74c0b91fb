// Every page (support/page-list.mjs) at 1280 px and at 375 px, with JavaScript: a full-page
// screenshot of each in web/test-results/screens/<width>/<name>.png, zero axe violations (WCAG 2.0
// and 2.1, A and AA), and at 375 px no sideways scrolling outside a marked scroll region (which must
// show a cue when it scrolls). Then the signed-in menu at 375 px, with and without JavaScript, and
// the other things of the HR officer's workspace a browser can show: the public list's stacked rows,
// the public ad's contact links, the ad editor's placeholders and its readable diff.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { repoRoot, startServer } from './support/server.mjs';
import { assertCleanLoad, axeTags, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import { ADMINISTRATOR, PROJEKTLEDER, login, submitAndWait } from './support/accounts.mjs';
import { DRAFT_CASE, PAGES, PUBLISHED_CASE, lookups, sidewaysOverflow } from './support/page-list.mjs';

const T = { timeout: 600_000 };
const WIDTHS = [1280, 375];
const resultsDir = path.join(repoRoot, 'web/test-results/screens');

describe('every page at 1280 px and 375 px', () => {
  let server;
  let browser;
  let ids;
  const contexts = [];
  const sessions = new Map();

  before(async () => {
    [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
    ids = lookups(server);
  }, { timeout: 90_000 });

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/screens-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/screens-server.log', server.output());
    }
  }, { timeout: 60_000 });

  async function newPage(options = {}) {
    const opened = await openPage(browser, options);
    contexts.push(opened.context);
    return opened;
  }

  /** One browser context per account and JavaScript setting, logged in once. */
  async function session(email, { javaScriptEnabled = true } = {}) {
    const key = `${email ?? 'visitor'}:${javaScriptEnabled}`;
    if (!sessions.has(key)) {
      const opened = await newPage({ javaScriptEnabled });
      if (email) await login(opened.page, server, email);
      sessions.set(key, opened);
    }
    return sessions.get(key);
  }

  async function setLanguage(opened, language) {
    await opened.context.addCookies([{ name: 'rekrut_lang', value: language, url: server.baseURL }]);
  }

  async function shoot(page, width, name) {
    const dir = path.join(resultsDir, String(width));
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  async function axe(page, label) {
    const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    const lines = results.violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n.target.join(' ')}`).join('\n')}`);
    assert.equal(results.violations.length, 0, `axe violations on ${label}:\n${lines.join('\n')}`);
  }

  async function assertNoSidewaysScroll(page, label) {
    const found = await page.evaluate(sidewaysOverflow);
    assert.ok(found.scrollWidth <= found.width && found.offenders.length === 0,
      `${label} scrolls sideways (page ${found.scrollWidth} px wide in a ${found.width} px window); past the edge: ${found.offenders.join(', ')}`);
    assert.deepEqual(found.uncued, [], `${label}: scroll regions without a visible cue`);
  }

  for (const entry of PAGES) {
    test(`${entry.name} (${entry.path instanceof Function ? 'by id' : entry.path})`, T, async () => {
      const opened = await session(entry.as);
      const { page, problems } = opened;
      await setLanguage(opened, entry.language ?? 'da');
      const urlPath = entry.path instanceof Function ? await entry.path(ids) : entry.path;
      try {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          problems.clear();
          const response = await page.goto(server.url(urlPath));
          assert.equal(response.status(), 200, `${urlPath}: HTTP ${response.status()}`);
          await assertCleanLoad(page, problems);
          const label = `"${entry.name}" at ${width} px (${urlPath})`;
          await shoot(page, width, entry.name);
          await axe(page, label);
          if (width < 992) await assertNoSidewaysScroll(page, label);
        }
      } finally {
        await setLanguage(opened, 'da');
      }
    });
  }

  // ---- The menu at 375 px ---------------------------------------------------

  async function fromProfileToCases(javaScriptEnabled) {
    const { page } = await session(PROJEKTLEDER, { javaScriptEnabled });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url('/profile'));
    const casesLink = page.locator('header a[href="/cases"]:visible');
    assert.equal(await casesLink.count(), 0, 'the menu is closed at first');
    // The header does not collide: its parts sit side by side within the window. (Bounding boxes,
    // not page.evaluate: without JavaScript the page's own world runs no scripts.)
    const parts = page.locator('.portal-info-inner > .rekrut-logo, .rekrut-portal-links > :visible');
    const boxes = [];
    for (let i = 0; i < await parts.count(); i++) boxes.push(await parts.nth(i).boundingBox());
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.x >= 0 && a.x + a.width <= 375, `header part ${i} reaches past the window`);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
        assert.ok(!overlap, 'parts of the header overlap');
      }
    }
    if (javaScriptEnabled) {
      const button = page.locator('header button.js-menu-open');
      assert.ok(await button.isVisible(), 'with JavaScript the header has a menu button');
      assert.equal(await page.locator('header a.rekrut-menu-link').isVisible(), false);
      await button.click();
      assert.ok(await page.locator('#mobile-menu').isVisible(), 'the menu opens');
      await shoot(page, 375, 'menu-open-js');
      await axe(page, 'the open menu');
      // A full-page screenshot resizes the window for a moment, and DKFDS closes its menu when a
      // resize leaves its close button without width; a user who only taps does not resize.
      if (!(await page.locator('#mobile-menu').isVisible())) await button.click();
    } else {
      const link = page.locator('header a.rekrut-menu-link');
      assert.ok(await link.isVisible(), 'without JavaScript the header has a "Menu" link');
      await link.click();
      assert.ok(await page.locator('#site-menu').isVisible(), 'the menu opens without JavaScript');
      await shoot(page, 375, 'menu-open-no-js');
      // axe needs scripts (its timers do not run in a page without them), so the open menu without
      // JavaScript is checked in the other session, in the same state: no "js" class, #site-menu targeted.
      const other = (await session(PROJEKTLEDER)).page;
      await other.setViewportSize({ width: 375, height: 800 });
      await other.goto(server.url('/profile'));
      await other.evaluate(() => { document.documentElement.classList.remove('js'); window.location.hash = 'site-menu'; });
      assert.ok(await other.locator('#site-menu').isVisible());
      await axe(other, 'the open menu without JavaScript');
    }
    await Promise.all([page.waitForURL((url) => url.pathname === '/cases'), casesLink.first().click()]);
    assert.equal(await page.locator('main h1').textContent(), 'Mine sager');
  }

  test('at 375 px a signed-in user gets from /profile to the cases by the menu, with JavaScript', T,
    () => fromProfileToCases(true));

  test('at 375 px a signed-in user gets from /profile to the cases by the menu, without JavaScript', T,
    () => fromProfileToCases(false));

  test('at 1280 px the menu is the header\'s row of links, and "Menu" is not shown', T, async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page } = await session(PROJEKTLEDER, { javaScriptEnabled });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.url('/profile'));
      assert.ok(await page.locator('header nav.navigation-menu a[href="/cases"]').isVisible());
      assert.equal(await page.locator('header .rekrut-menu-link').isVisible(), false);
      assert.equal(await page.locator('header .js-menu-open').isVisible(), false);
    }
  });

  // ---- Lists, the public ad and the ad editor -------------------------------

  test('at 375 px the public list shows place and deadline in stacked rows, caption whole', T, async () => {
    const { page } = await session(undefined);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url('/'));
    const table = page.locator('main table');
    assert.equal(await page.locator('main .table--responsive-scroll').count(), 0, 'no sideways-scrolling box');
    const cells = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => {
      const box = td.getBoundingClientRect();
      return { title: td.dataset.title, left: box.left, right: box.right };
    }));
    assert.deepEqual(cells.map((c) => c.title), ['Stilling', 'Institution', 'Arbejdssted', 'Ansøgningsfrist']);
    for (const cell of cells) assert.ok(cell.right <= 375, `"${cell.title}" is outside the window`);
    const caption = await table.locator('caption').evaluate((c) => ({ scroll: c.scrollWidth, client: c.clientWidth }));
    assert.ok(caption.scroll <= caption.client + 1, 'the caption is cut off');
  });

  test('the public ad: contact blocks with tel: and mailto: links, salary and agreement apart', T, async () => {
    const { page } = await session(undefined);
    await page.goto(server.url(`/positions/${await ids.caseId(PUBLISHED_CASE)}`));
    const contacts = page.locator('main .contact-list > li');
    assert.ok(await contacts.count() >= 2, 'each contact person in a block of its own');
    assert.match(await contacts.first().locator('a[href^="tel:"]').getAttribute('href'), /^tel:\+?\d+$/);
    assert.match(await contacts.first().locator('a[href^="mailto:"]').getAttribute('href'), /^mailto:[^@\s]+(@|%40)styrelsen\.example\.test$/);
    const facts = await page.locator('main .case-facts').innerText();
    assert.match(facts, /Løn\s+Løn efter overenskomst for akademikere i staten[^\n]*\.\s*\n/);
    assert.match(facts, /Overenskomst\s+AC-overenskomsten/);
  });

  test('the ad editor lists the placeholders in the interface language and inserts one at the cursor', T, async () => {
    const { page } = await session(ADMINISTRATOR);
    await page.setViewportSize({ width: 1280, height: 800 });
    const id = await ids.caseId(DRAFT_CASE);
    await page.goto(server.url(`/cases/${id}/ad?language=da`));
    const names = await page.locator('main .placeholder-list dt code').allTextContents();
    assert.deepEqual(names, ['{{titel}}', '{{arbejdssted}}', '{{løn}}', '{{ansøgningsfrist}}', '{{kontaktperson}}', '{{obligatoriske_tekster}}']);
    assert.match(await page.locator('main .placeholder-list').innerText(), /Ansøgningsfristen med dato og klokkeslæt/);
    const body = page.locator('#body');
    await body.fill('Vi søger en ');
    await body.evaluate((t) => { t.selectionStart = t.selectionEnd = t.value.length; });
    await page.locator('main button[data-insert-placeholder="{{titel}}"]').click();
    assert.equal(await body.inputValue(), 'Vi søger en {{titel}}');
    await shoot(page, 1280, 'ad-editor-inserted');

    // In English: English names, the ad language named in English.
    const opened = await session(ADMINISTRATOR);
    await setLanguage(opened, 'en');
    try {
      await page.goto(server.url(`/cases/${id}/ad?language=da`));
      assert.equal(await page.locator('main h1').textContent(), 'Write the ad (Danish)');
      assert.equal(await page.locator('main .placeholder-list dt code').first().textContent(), '{{title}}');
    } finally {
      await setLanguage(opened, 'da');
    }

    // Without JavaScript the list still documents them, with no buttons that cannot work.
    const plain = await session(ADMINISTRATOR, { javaScriptEnabled: false });
    await plain.page.goto(server.url(`/cases/${id}/ad?language=da`));
    assert.equal(await plain.page.locator('main .placeholder-list dt code').count(), 6);
    assert.equal(await plain.page.locator('main button[data-insert-placeholder]:visible').count(), 0);
  });

  test('the diff between two versions of an ad is readable text with insertions and deletions marked', T, async () => {
    const { page } = await session(ADMINISTRATOR);
    await page.setViewportSize({ width: 375, height: 800 });
    const id = await ids.caseId(DRAFT_CASE);
    await page.goto(server.url(`/cases/${id}/ad?language=da`));
    await page.locator('#body').fill('## Om stillingen\nVi søger en {{titel}}.\n\nDu bliver en del af sekretariatet.');
    await submitAndWait(page, page.locator('main form button[type=submit]').last());
    await page.goto(server.url(`/cases/${id}/ad?language=da`));
    await page.locator('#body').fill('## Om stillingen\nVi søger en {{titel}} på fuld tid.\n\nDu bliver en del af sekretariatet.');
    await submitAndWait(page, page.locator('main form button[type=submit]').last());
    await page.goto(server.url(`/cases/${id}/ad/versions/${await ids.adVersionId(DRAFT_CASE)}`));
    assert.equal(await page.locator('main pre').count(), 0, 'no raw monospace source');
    assert.equal(await page.locator('main .ad-changes del').first().textContent(), 'Vi søger en {{titel}}.');
    assert.equal(await page.locator('main .ad-changes ins').first().textContent(), 'Vi søger en {{titel}} på fuld tid.');
    assert.match(await page.locator('main .ad-changes').innerText(), /Fjernet:[\s\S]*Tilføjet:/);
    assert.equal(await page.locator('main .ad-changes strong').first().textContent(), 'Om stillingen', 'headings as headings, not "## "');
    await shoot(page, 375, 'ad-diff-two-versions');
    await axe(page, 'the ad diff');
    await assertNoSidewaysScroll(page, 'the ad diff');
  });
});
