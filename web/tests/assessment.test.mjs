// A committee member's day in a real browser, with and without JavaScript: they are sent to declare on
// conflicts of interest before seeing any application, declare one conflict and none for the rest,
// find the list without that applicant, mark an applicant and then see the committee's marks, and
// filter the list on their own marks. Every page has zero axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { DELTAGER, LEDER, PROJEKTLEDER, login, sqlite, submitAndWait } from './support/accounts.mjs';
import { PUBLISHED_CASE } from './support/page-list.mjs';

const T = { timeout: 180_000 };

describe("a committee member's day", () => {
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
    await browser?.close({ keepLogAs: 'logs/assessment-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/assessment-server.log', server.output());
    }
  }, T);

  async function check({ page, problems }, name, noScript) {
    await assertCleanLoad(page, problems);
    if (noScript) await screenshot(page, `assessment-${name}`);
    else await checkAccessibility(page, `assessment-${name}`);
  }

  for (const [javaScriptEnabled, member] of [[true, DELTAGER], [false, LEDER]]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    test(`declare, screen and filter, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, T, async () => {
      const opened = await openPage(browser, { javaScriptEnabled });
      contexts.push(opened.context);
      const { page, problems } = opened;
      const [[caseId]] = await sqlite(server, `SELECT id FROM recruitment_cases WHERE title = '${PUBLISHED_CASE}'`);
      const applicants = await sqlite(server, `SELECT id, full_name FROM applications WHERE case_id = ${caseId}
        AND status <> 'withdrawn' ORDER BY id`);
      assert.ok(applicants.length >= 2, 'the demo case has applications');
      const [conflicted, judged] = applicants;
      await login(page, server, member);

      // The list sends the member to the declarations first.
      problems.clear();
      await page.goto(server.url(`/cases/${caseId}/applications`));
      assert.match(page.url(), /\/declarations$/);
      await check(opened, `declarations-${mode}`, !javaScriptEnabled);
      await page.locator(`#declaration-${conflicted[0]}-conflict`).check();
      problems.clear();
      await submitAndWait(page, page.locator('button[name=all_none]'));
      assert.match(page.url(), /\/applications\?declared=1$/);
      await check(opened, `list-${mode}`, !javaScriptEnabled);
      const listed = await page.locator('main table').innerText();
      assert.ok(!listed.includes(conflicted[1]), 'the applicant with a conflict is not listed');
      assert.ok(listed.includes(judged[1]), 'the others are');

      // Mark an applicant: the committee's marks appear only after one's own.
      problems.clear();
      await page.goto(server.url(`/cases/${caseId}/applications/${judged[0]}`));
      await check(opened, `application-${mode}`, !javaScriptEnabled);
      assert.match(await page.locator('#committee-marks').innerText(), /når du har givet din egen|Ingen markeringer/);
      await page.locator('#mark-yes').check();
      await page.locator('#comment').fill(`Relevant erfaring (${mode}).`);
      problems.clear();
      await submitAndWait(page, page.locator('form[action$="/mark"] button[type=submit]'));
      assert.match(await page.locator('#committee-marks').innerText(), /Udvalget: \d+ ja/);
      await check(opened, `marked-${mode}`, !javaScriptEnabled);

      // Filter on one's own marks, keyboard first: the filter form works without a pointer.
      problems.clear();
      await page.goto(server.url(`/cases/${caseId}/applications`));
      await page.locator('#filter-mark').selectOption('yes');
      await submitAndWait(page, page.locator('form.application-filters button[type=submit]'));
      const filtered = await page.locator('main table').innerText();
      assert.ok(filtered.includes(judged[1]));
      await check(opened, `filtered-${mode}`, !javaScriptEnabled);
    });
  }

  test('the Projektleder sees the declarations and sets the screening methods', T, async () => {
    const opened = await openPage(browser, { javaScriptEnabled: true });
    contexts.push(opened.context);
    const { page, problems } = opened;
    const [[caseId]] = await sqlite(server, `SELECT id FROM recruitment_cases WHERE title = '${PUBLISHED_CASE}'`);
    await login(page, server, PROJEKTLEDER);
    problems.clear();
    await page.goto(server.url(`/cases/${caseId}/conflicts`));
    await check(opened, 'conflicts', false);
    assert.match(await page.locator('main').innerText(), /Dennis Deltager/);
    problems.clear();
    await page.goto(server.url(`/cases/${caseId}/screening`));
    await page.locator('#scorecard').check();
    await page.locator('#criterion_1').fill('Faglighed');
    await page.locator('#criterion_1_weight').fill('11');
    problems.clear();
    await submitAndWait(page, page.locator('main form button[type=submit]'));
    // The refused form answers 400, which the browser logs; the page itself must still be clean.
    problems.clear();
    await checkAccessibility(page, 'assessment-screening-error');
    assert.match(await page.locator('#error-summary').innerText(), /1 til 10/);
    await page.locator('#criterion_1_weight').fill('3');
    problems.clear();
    await submitAndWait(page, page.locator('main form button[type=submit]'));
    assert.match(page.url(), /screening\?saved=1/);
    await check(opened, 'screening', false);
  });
});
