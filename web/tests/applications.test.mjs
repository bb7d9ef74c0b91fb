// An applicant applies for a published position in a real browser, with and without JavaScript: the
// form with a CV upload, the error summary when something is missing (with what was typed and the
// file kept), the receipt, and the application as the Projektleder then sees it. Every page has zero
// axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { PROJEKTLEDER, declareNoConflicts, login, sqlite, submitAndWait } from './support/accounts.mjs';
import { PUBLISHED_CASE } from './support/page-list.mjs';

const T = { timeout: 180_000 };

/** A one-page PDF with `text`, written byte by byte with a correct cross-reference table. */
function pdf(text) {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('applying for a position', () => {
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
    await browser?.close({ keepLogAs: 'logs/applications-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/applications-server.log', server.output());
    }
  }, T);

  async function check({ page, problems }, name, noScript, status = 200) {
    await assertCleanLoad(page, problems, { allowDocumentStatus: status === 200 ? [] : [status] });
    if (noScript) await screenshot(page, `applications-${name}`);
    else await checkAccessibility(page, `applications-${name}`);
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'js' : 'nojs';
    test(`an application with a CV, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, T, async () => {
      const opened = await openPage(browser, { javaScriptEnabled });
      contexts.push(opened.context);
      const { page, problems } = opened;
      const [[caseId]] = await sqlite(server, `SELECT id FROM recruitment_cases WHERE title = '${PUBLISHED_CASE}'`);
      const email = `browser-${mode}@example.test`;

      await page.goto(server.url(`/positions/${caseId}`));
      await submitAndWait(page, page.locator(`main a[href="/positions/${caseId}/apply"]`));
      await check(opened, `form-${mode}`, !javaScriptEnabled);

      const form = page.locator(`main form[action="/positions/${caseId}/apply"]`);
      await form.locator('#email').fill(email);
      await form.locator('#cover_letter').fill('Jeg søger stillingen med glæde.');
      await form.locator('#cv_file').setInputFiles({ name: `CV ${mode}.pdf`, mimeType: 'application/pdf', buffer: pdf('Browser CV') });
      problems.clear();
      await submitAndWait(page, form.locator('button[name=send]'));
      await check(opened, `errors-${mode}`, !javaScriptEnabled, 400);
      const summary = page.locator('#error-summary');
      assert.ok(await summary.locator('a[href="#full_name"]').count(), 'the missing name is in the error summary');
      assert.ok(await summary.locator('a[href="#consent_processing"]').count(), 'the missing consent is in the error summary');
      assert.equal(await form.locator('#email').inputValue(), email, 'the e-mail address is kept');
      assert.match(await page.locator('main').innerText(), new RegExp(`CV ${mode}\\.pdf`), 'the file is kept');

      await form.locator('#full_name').fill(`Browser ${mode}`);
      await form.locator('#consent_processing').check();
      problems.clear();
      await submitAndWait(page, form.locator('button[name=send]'));
      await check(opened, `receipt-${mode}`, !javaScriptEnabled);
      const rows = await sqlite(server, `SELECT a.id, COUNT(f.id) FROM applications a LEFT JOIN application_attachments f
        ON f.application_id = a.id WHERE a.email = '${email}' GROUP BY a.id`);
      assert.equal(rows.length, 1, 'one application');
      assert.equal(Number(rows[0][1]), 1, 'with its CV');
      assert.match(await page.locator('main').innerText(), new RegExp(String(rows[0][0]).padStart(6, '0')));

      const hr = await openPage(browser, { javaScriptEnabled });
      contexts.push(hr.context);
      await declareNoConflicts(server, PROJEKTLEDER, caseId);
      await login(hr.page, server, PROJEKTLEDER);
      hr.problems.clear();
      await hr.page.goto(server.url(`/cases/${caseId}/applications/${rows[0][0]}`));
      await check(hr, `hr-view-${mode}`, !javaScriptEnabled);
      assert.match(await hr.page.locator('main').innerText(), new RegExp(`CV ${mode}\\.pdf`));
    });
  }
});
