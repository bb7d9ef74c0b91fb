// The Projektleder writes to chosen applicants in a real browser, with and without JavaScript: chooses
// them in the case's application list, picks a mail, previews it and sends it, then follows the
// sending: with JavaScript the counts update without a reload, without it a reload shows them. The
// mails go to a real SMTP server (aiosmtpd) at one mail a second, so the sending is still under way
// when the page first shows. Every page has zero axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { startSmtpSink } from './support/smtp.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { PROJEKTLEDER, declareNoConflicts, login, sqlite, submitAndWait } from './support/accounts.mjs';
import { PUBLISHED_CASE } from './support/page-list.mjs';

const T = { timeout: 180_000 };

describe('sending mail to applicants', () => {
  let server;
  let browser;
  let smtp;
  const contexts = [];

  before(async () => {
    smtp = await startSmtpSink();
    [server, browser] = await Promise.all([
      startServer({ seed: true, env: { REKRUT_SMTP_URL: smtp.url, REKRUT_SMTP_MAX_PER_SECOND: '1' } }),
      launchBrowser(),
    ]);
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/communication-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/communication-server.log', server.output());
    }
    smtp?.stop();
  }, T);

  async function check({ page, problems }, name, noScript) {
    await assertCleanLoad(page, problems);
    if (noScript) await screenshot(page, `communication-${name}`);
    else await checkAccessibility(page, `communication-${name}`);
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    test(`a free message to chosen applicants, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, T, async () => {
      const opened = await openPage(browser, { javaScriptEnabled });
      contexts.push(opened.context);
      const { page, problems } = opened;
      const [[caseId]] = await sqlite(server, `SELECT id FROM recruitment_cases WHERE title = '${PUBLISHED_CASE}'`);
      const chosen = (await sqlite(server, `SELECT id FROM applications WHERE case_id = ${caseId} ORDER BY id LIMIT 3`))
        .map((row) => String(row[0]));
      assert.ok(chosen.length >= 2, 'the demo case has applications');
      await declareNoConflicts(server, PROJEKTLEDER, caseId);
      await login(page, server, PROJEKTLEDER);
      problems.clear();
      await page.goto(server.url(`/cases/${caseId}/applications`));
      await check(opened, `list-${mode}`, !javaScriptEnabled);
      for (const id of chosen) await page.locator(`#choose-${id}`).check();
      await page.locator('#mail-kind').selectOption('free_message');
      problems.clear();
      await submitAndWait(page, page.locator('#mail-form button[name=action][value=mail]'));
      await check(opened, `compose-${mode}`, !javaScriptEnabled);

      const marker = `Besked sendt fra browseren (${mode}).`;
      await page.locator('#body_da').fill(`Kære {{ansøgers_navn}}\n\n${marker}`);
      await page.locator('#body_en').fill(`Dear {{applicant_name}}\n\n${marker}`);
      problems.clear();
      await submitAndWait(page, page.locator('button[name=action][value=preview]'));
      assert.match(await page.locator('.mail-preview').innerText(), new RegExp(marker.replace(/[().]/g, '\\$&')));

      problems.clear();
      await submitAndWait(page, page.locator('button[name=action][value=send]'));
      assert.match(page.url(), /\/mailings\/\d+/);
      await check(opened, `mailing-${mode}`, !javaScriptEnabled);
      const expected = `${chosen.length}`;
      const counts = page.locator('.mailing-counts');
      if (javaScriptEnabled) {
        await page.evaluate(() => { window.loadedOnce = true; });
        await page.waitForFunction((n) => document.querySelector('.mailing-counts')?.textContent.includes(`Sendt: ${n}`),
          expected, { timeout: 60_000 });
        assert.equal(await page.evaluate(() => window.loadedOnce), true, 'the counts updated without a reload');
        assert.equal(await page.locator('#mailing-cancel').isHidden(), true, 'nothing is left to cancel');
      } else {
        const deadline = Date.now() + 60_000;
        while (!(await counts.innerText()).includes(`Sendt: ${expected}`)) {
          assert.ok(Date.now() < deadline, 'the mails were sent');
          await new Promise((r) => setTimeout(r, 1000));
          await page.reload();
        }
      }
      const logged = await sqlite(server, `SELECT COUNT(*) FROM outbox WHERE kind = 'free_message' AND sent_at IS NOT NULL
        AND application_id IN (${chosen.join(',')})`);
      assert.ok(Number(logged[0][0]) >= chosen.length);
      problems.clear();
      await page.goto(server.url(`/cases/${caseId}/applications/${chosen[0]}`));
      await check(opened, `log-${mode}`, !javaScriptEnabled);
      assert.match(await page.locator('#mails').locator('xpath=..').innerText(), /Fri besked|Vedrørende din ansøgning/);
    });
  }
});
