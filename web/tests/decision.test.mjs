// The end of a case in a real browser, by two people and an applicant: the Projektleder makes an
// interview round with slots and invites two applicants, one of them books a time through their
// personal link; then the Projektleder proposes the candidate with a
// reserve and a justification, the Ansættende leder (another user, in another browser context) reads
// it and approves, the Projektleder downloads the employment letter, records the signed contract,
// sends the remaining applicant the rejection through the mail page (to a real SMTP server) and
// closes the case. Every page it passes has zero axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.mjs';
import { startSmtpSink } from './support/smtp.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact } from './support/browser.mjs';
import {
  LEDER, PROJEKTLEDER, applicationLinkFor, declareNoConflicts, login, sqlite, submitAndWait,
} from './support/accounts.mjs';
import { ASSESSMENT_CASE } from './support/page-list.mjs';

const T = { timeout: 240_000 };

describe('the hiring decision', () => {
  let server;
  let browser;
  let smtp;
  const contexts = [];

  before(async () => {
    smtp = await startSmtpSink();
    [server, browser] = await Promise.all([
      startServer({ seed: true, env: { REKRUT_SMTP_URL: smtp.url } }),
      launchBrowser(),
    ]);
  }, T);

  after(async () => {
    await Promise.race([
      Promise.allSettled(contexts.map((c) => c.close())),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await browser?.close({ keepLogAs: 'logs/decision-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/decision-server.log', server.output());
    }
    smtp?.stop();
  }, T);

  async function check({ page, problems }, name) {
    await assertCleanLoad(page, problems);
    await checkAccessibility(page, `decision-${name}`);
  }

  test('proposed by one, approved by another, filled, rejected and closed', T, async () => {
    const [[caseId, institution]] = await sqlite(server,
      `SELECT id, institution_id FROM recruitment_cases WHERE title = '${ASSESSMENT_CASE}'`);
    for (const [email, role] of [[PROJEKTLEDER, 'projektleder'], [LEDER, 'ansaettende_leder']]) {
      await sqlite(server, `INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_at)
        SELECT ${institution}, ${caseId}, id, '${role}', 0 FROM users WHERE email = '${email}'`);
      await declareNoConflicts(server, email, caseId);
    }
    await sqlite(server, `UPDATE recruitment_cases SET expected_start = ${Math.floor(Date.now() / 1000) + 30 * 86400}
      WHERE id = ${caseId}`);
    const [[david]] = await sqlite(server, "SELECT id FROM applications WHERE full_name = 'David Dahl'");
    const [[emma]] = await sqlite(server, "SELECT id FROM applications WHERE full_name = 'Emma Eskildsen'");

    // The Projektleder makes an interview round with three slots and invites both applicants.
    const leader = await openPage(browser);
    contexts.push(leader.context);
    await login(leader.page, server, PROJEKTLEDER);
    leader.problems.clear();
    await leader.page.goto(server.url(`/cases/${caseId}/interviews`));
    await check(leader, 'interview-rounds');
    await leader.page.locator('#name').fill('1. samtalerunde');
    await leader.page.locator('#default_place').fill('Mødelokale 2, Demovej 1');
    await leader.page.locator('#cutoff_hours').fill('24');
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.locator(`form[action="/cases/${caseId}/interviews"] button[type=submit]`));
    await check(leader, 'interview-round');
    const day = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    await leader.page.locator('#add-slots summary').click();
    await leader.page.locator('#date').fill(day);
    await leader.page.locator('#start_time').fill('09:00');
    await leader.page.locator('#count').fill('3');
    await leader.page.locator('#minutes').fill('45');
    await leader.page.locator('#pause_minutes').fill('0');
    await submitAndWait(leader.page, leader.page.locator('form[action$="/slots"] button[type=submit]'));
    await leader.page.locator(`#invite-${david}`).check();
    await leader.page.locator(`#invite-${emma}`).check();
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.locator('form[action$="/invite"] button[type=submit]'));
    await check(leader, 'interview-invited');

    // David asks for his personal link and books the first free time through it.
    const applicant = await openPage(browser);
    contexts.push(applicant.context);
    await applicant.page.goto(server.url('/application'));
    await applicant.page.locator('#email').fill('david@ansoger.example.test');
    await submitAndWait(applicant.page, applicant.page.locator('form[action="/application"] button[type=submit]'));
    applicant.problems.clear();
    await applicant.page.goto(server.url(await applicationLinkFor(server, 'david@ansoger.example.test')));
    await check(applicant, 'own-application');
    await submitAndWait(applicant.page, applicant.page.locator('.alert a[href*="/interviews"]'));
    await check(applicant, 'own-interviews');
    await applicant.page.locator('input[name=slot_id]').first().check();
    applicant.problems.clear();
    await submitAndWait(applicant.page, applicant.page.locator('form[action$="/book"] button[type=submit]'));
    await check(applicant, 'own-interview-booked');
    const [[booked]] = await sqlite(server, `SELECT COUNT(*) FROM interview_bookings WHERE application_id = ${david}`);
    assert.equal(Number(booked), 1, 'David has a time');

    // The Projektleder goes from the case to the decision and proposes.
    leader.problems.clear();
    await leader.page.goto(server.url(`/cases/${caseId}`));
    await check(leader, 'case');
    await submitAndWait(leader.page, leader.page.getByRole('link', { name: 'Gå til ansættelsesbeslutningen' }));
    await check(leader, 'propose');
    await leader.page.locator('#candidate').selectOption(String(david));
    await leader.page.locator('#reserve_1').selectOption(String(emma));
    await leader.page.locator('#justification').fill('Stærkest i samtalen og fire års erfaring med tilsyn.');
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.getByRole('button', { name: 'Send indstillingen til godkendelse' }));
    await check(leader, 'proposed');
    assert.match(await leader.page.locator('#decision-status').innerText(), /Venter på godkendelse/);
    assert.equal(await leader.page.getByRole('button', { name: 'Godkend beslutningen' }).count(), 0,
      'the proposer is not offered the approval');

    // The Ansættende leder, in a browser of her own, reads the proposal and approves it.
    const approver = await openPage(browser);
    contexts.push(approver.context);
    await login(approver.page, server, LEDER);
    approver.problems.clear();
    await approver.page.goto(server.url(`/cases/${caseId}/decision`));
    await check(approver, 'approve');
    assert.match(await approver.page.locator('main').innerText(), /fire års erfaring med tilsyn/);
    assert.match(await approver.page.locator('#decision-candidate').innerText(), /David Dahl/);
    approver.problems.clear();
    await submitAndWait(approver.page, approver.page.getByRole('button', { name: 'Godkend beslutningen' }));
    await check(approver, 'approved');
    assert.match(await approver.page.locator('#decision-status').innerText(), /Godkendt/);

    // The letter, as the Projektleder downloads it.
    leader.problems.clear();
    await leader.page.goto(server.url(`/cases/${caseId}/decision`));
    await check(leader, 'contract');
    const letter = await leader.context.request.get(server.url(`/cases/${caseId}/decision/letter`));
    assert.equal(letter.status(), 200);
    assert.equal(letter.headers()['content-type'], 'application/pdf');
    assert.equal((await letter.body()).subarray(0, 5).toString(), '%PDF-');

    // The signed contract fills the case; Emma is left to reject.
    await leader.page.locator('#contract_signed_on').fill('2026-11-30');
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.getByRole('button', { name: 'Registrér den underskrevne kontrakt' }));
    await check(leader, 'filled');
    assert.equal((await sqlite(server, `SELECT state FROM recruitment_cases WHERE id = ${caseId}`))[0][0], 'filled');

    // The rejection is reviewed on the mail page and sent.
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.locator('#reject-before, #reject-after').first());
    await check(leader, 'rejection');
    leader.problems.clear();
    await submitAndWait(leader.page, leader.page.locator('button[name=action][value=send]'));
    assert.match(leader.page.url(), /\/mailings\/\d+/);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [[status, sent]] = await sqlite(server, `SELECT a.status, (SELECT COUNT(*) FROM outbox o
        WHERE o.application_id = a.id AND o.kind LIKE 'rejection_%' AND o.sent_at IS NOT NULL) FROM applications a
        WHERE a.id = ${emma}`);
      if (status === 'rejected' && Number(sent) === 1) break;
      assert.ok(Date.now() < deadline, 'the rejection reached the SMTP server');
      await new Promise((r) => setTimeout(r, 250));
    }

    // Every applicant has an answer: the case is closed.
    leader.problems.clear();
    await leader.page.goto(server.url(`/cases/${caseId}/decision`));
    await submitAndWait(leader.page, leader.page.getByRole('button', { name: 'Luk sagen' }));
    await check(leader, 'closed');
    assert.match(await leader.page.locator('main').innerText(), /Sagen blev lukket den/);
  });
});
