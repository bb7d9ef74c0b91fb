// The journey of a recruitment case in a real browser: an Administrator
// creates a case from an ad template, fills in the case form, writes the ad
// with the encouragement text, sets up the hiring committee (a Projektleder
// and an Ansættende leder, two people), is told what is missing when marking
// the case ready too early, and then marks it "Klar til offentliggørelse".
// Every step must load cleanly and have zero axe WCAG 2.1 A/AA violations
// (screenshots: tests/artifacts/screenshots/journey-*.png). The create form
// must also work with JavaScript disabled.
//
// The demo data has no ad template and no mandatory text; they are made
// first through the institution set-up pages (or, before those pages
// existed, written into the database).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startServer } from './support/server.mjs';
import { assertCleanLoad, checkAccessibility, launchBrowser, openPage, saveArtifact, screenshot } from './support/browser.mjs';
import { ADMINISTRATOR, LEDER, PROJEKTLEDER, STYRELSEN, login, sqlite, submitAndWait } from './support/accounts.mjs';

const T = { timeout: 120_000 };

const routes = readFileSync(path.join(repoRoot, 'src/web/routes.cpp'), 'utf8');
const hasSetupPage = (route) => routes.includes(`"GET", "${route}"`);

const TEMPLATE_NAME = 'Fuldmægtig til HR (AC)';
const TEMPLATE_TITLE = 'Fuldmægtig til HR-enheden';
const ENCOURAGEMENT_NAME = 'Opfordring til at søge';
const ENCOURAGEMENT_TEXT = 'Vi opfordrer alle interesserede uanset køn, alder, religion, handicap eller etnisk baggrund til at søge stillingen.';

/** YYYY-MM-DD `days` from today (local time; the deadline is at 12:00 Danish time). */
function dateInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('recruitment case journey', () => {
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
    await browser?.close({ keepLogAs: 'logs/cases-chromium.log' });
    if (server) {
      await server.stop();
      await saveArtifact('logs/cases-server.log', server.output());
    }
  }, T);

  async function newPage(options) {
    const opened = await openPage(browser, options);
    contexts.push(opened.context);
    return opened;
  }

  const one = async (sql) => (await sqlite(server, sql))[0]?.[0];
  const institutionId = () => one(`SELECT id FROM institutions WHERE name = '${STYRELSEN}'`);

  /**
   * Clicks `locator` (a submit button or a link), waits for the next page and
   * checks it: the document's status (after redirects), a clean load and axe.
   */
  async function step(session, locator, name, { status = 200 } = {}) {
    const { page, problems } = session;
    problems.clear();
    const documents = [];
    const onResponse = (r) => { if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) documents.push(r); };
    page.on('response', onResponse);
    try {
      await submitAndWait(page, locator);
    } finally {
      page.off('response', onResponse);
    }
    const response = documents.filter((r) => r.status() < 300 || r.status() >= 400).at(-1);
    assert.ok(response, `no page answered (${page.url()})`);
    assert.equal(response.status(), status, `${name}: HTTP ${response.status()} at ${page.url()}\n${await page.locator('main').innerText()}`);
    await checkPage(session, name, status);
  }

  async function checkPage({ page, problems, noScript }, name, status = 200) {
    await assertCleanLoad(page, problems, { allowDocumentStatus: status === 200 ? [] : [status] });
    // axe runs inside the page, so it cannot run where JavaScript is off (it
    // would wait forever); those pages are the same as in the journey above.
    if (noScript) await screenshot(page, `journey-${name}`);
    else await checkAccessibility(page, `journey-${name}`);
  }

  async function visit(session, urlPath, name) {
    session.problems.clear();
    const response = await session.page.goto(server.url(urlPath));
    assert.equal(response.status(), 200, `${urlPath}: HTTP ${response.status()}`);
    await checkPage(session, name);
  }

  /**
   * The Danish ad template and the Danish encouragement text the journey
   * needs: the demo data's when it has them, else made through the set-up
   * pages (or, without those, written into the database). Returns
   * { template: { id, name, title }, encouragement: { id, name, required, body } }.
   */
  async function ensureInstitutionSetup(session) {
    const { page } = session;
    const main = page.locator('main');
    const institution = await institutionId();
    const now = Math.floor(Date.now() / 1000);
    const encouragementRow = () => sqlite(server, `SELECT id, name, required, body_source FROM mandatory_texts
      WHERE institution_id = ${institution} AND kind = 'encouragement' AND language = 'da' ORDER BY required DESC, id LIMIT 1`);
    const templateRow = () => sqlite(server, `SELECT id, name, title FROM ad_templates
      WHERE institution_id = ${institution} AND language = 'da' AND title <> '' ORDER BY id LIMIT 1`);

    if ((await encouragementRow()).length === 0) {
      if (hasSetupPage('/setup/mandatory-texts')) {
        await visit(session, '/setup/mandatory-texts', 'setup-mandatory-texts');
        const form = main.locator('form[action="/setup/mandatory-texts"]');
        await form.locator('#name').fill(ENCOURAGEMENT_NAME);
        await form.locator('#kind').selectOption('encouragement');
        await form.locator('#language').selectOption('da');
        await form.locator('#body').fill(ENCOURAGEMENT_TEXT);
        // Optional, so that the ad's author includes it on purpose.
        await form.locator('#required').setChecked(false);
        await form.locator('#locked').setChecked(true);
        await step(session, form.locator('button[type=submit]'), 'setup-mandatory-text-saved');
        await main.getByRole('link', { name: ENCOURAGEMENT_NAME }).waitFor();
      } else {
        await sqlite(server, `INSERT INTO mandatory_texts (institution_id, name, kind, language, body_source, body_html,
          required, locked, position, created_at, updated_at) VALUES (${institution}, '${ENCOURAGEMENT_NAME}', 'encouragement',
          'da', '${ENCOURAGEMENT_TEXT}', '<p>${ENCOURAGEMENT_TEXT}</p>', 0, 1, 1, ${now}, ${now})`);
      }
    }

    if ((await templateRow()).length === 0) {
      const body = '## Om stillingen\n\nVi søger en {{title}} til vores HR-enhed i {{place_of_work}}.';
      if (hasSetupPage('/setup/ad-templates')) {
        await visit(session, '/setup/ad-templates', 'setup-ad-templates');
        const form = main.locator('form[action="/setup/ad-templates"]');
        await form.locator('#name').fill(TEMPLATE_NAME);
        await form.locator('#language').selectOption('da');
        await form.locator('#title').fill(TEMPLATE_TITLE);
        await form.locator('#salary_text').fill('Løn efter overenskomst for akademikere i staten');
        await form.locator('#collective_agreement').fill('AC-overenskomsten');
        await form.locator('#employment_form').selectOption('permanent');
        await form.locator('#working_time').selectOption('full_time');
        await form.locator('#body').fill(body);
        await step(session, form.locator('button[type=submit]'), 'setup-ad-template-saved');
        await main.getByRole('link', { name: TEMPLATE_NAME }).waitFor();
      } else {
        await sqlite(server, `INSERT INTO ad_templates (institution_id, name, language, title, salary_text, collective_agreement,
          body_source, created_at, updated_at) VALUES (${institution}, '${TEMPLATE_NAME}', 'da', '${TEMPLATE_TITLE}',
          'Løn efter overenskomst for akademikere i staten', 'AC-overenskomsten', '${body}', ${now}, ${now})`);
      }
    }

    const [[templateId, templateName, templateTitle]] = await templateRow();
    const [[textId, textName, required, textBody]] = await encouragementRow();
    return {
      template: { id: templateId, name: templateName, title: templateTitle },
      encouragement: { id: textId, name: textName, required: required === '1', body: textBody },
    };
  }

  // The longest journey here (fourteen pages, each checked by axe): more time than the others.
  test('an Administrator takes a case from template to "Klar til offentliggørelse"', { timeout: 240_000 }, async () => {
    const session = await newPage();
    const { page } = session;
    const main = page.locator('main');
    await login(page, server, ADMINISTRATOR);
    await checkPage(session, '01-home');

    const setup = await ensureInstitutionSetup(session);
    const TITLE = setup.template.title;

    // The case list, then "Ny rekrutteringssag".
    await visit(session, '/cases', '02-cases');
    await step(session, main.getByRole('link', { name: 'Ny rekrutteringssag' }), '03-new-case');
    const template = main.locator('#template_id');
    await template.selectOption(setup.template.id);
    assert.match(await template.locator('option:checked').innerText(), new RegExp(`^${setup.template.name}`));
    // The title is left empty: the template's title is used.
    await step(session, main.getByRole('button', { name: 'Opret sag' }), '04-case-created');
    const caseMatch = new URL(page.url()).pathname.match(/^\/cases\/(\d+)$/);
    assert.ok(caseMatch, `the new case's page (${page.url()})`);
    const caseId = caseMatch[1];
    assert.equal(await main.locator('h1').textContent(), TITLE);
    const state = main.locator('#case-state');
    assert.equal(await state.innerText(), 'Kladde');
    assert.match(await main.innerText(), /AC-overenskomsten/, 'the salary and agreement come from the template');

    // Too early: the step is not offered as a button; the missing items are named, each a link.
    assert.equal(await main.getByRole('button', { name: 'Markér som klar til offentliggørelse' }).count(), 0,
      'a step that cannot succeed is not a button');
    const blocked = main.locator('.next-steps .blocked-step', { hasText: 'Markér som klar til offentliggørelse' });
    const missing = await blocked.innerText();
    assert.ok(await blocked.locator('a[href]').count() > 0, 'the missing items link to where they are put right');
    // The lifecycle: Kladde is the current step; empty facts read "Ikke angivet".
    assert.match(await main.locator('.step-indicator li.current').innerText(), /Kladde/);
    assert.ok(await main.getByText('Ikke angivet').first().isVisible(), 'empty facts read "Ikke angivet"');
    const expectedMissing = [
      'Ansættelsesudvalget skal have en projektleder.',
      'Ansættelsesudvalget skal have en ansættende leder.',
      'Annoncen skal angive arbejdsstedet.',
      'Annoncen skal angive ansøgningsfristen med dato og klokkeslæt.',
      'Annoncen skal nævne en kontaktperson med telefon eller e-mail.',
    ];
    // An encouragement text the institution requires is in every ad already.
    if (!setup.encouragement.required) expectedMissing.push('Annoncen skal indeholde sætningen, der opfordrer alle interesserede til at søge.');
    for (const item of expectedMissing) {
      assert.ok(missing.includes(item), `the summary names "${item}":\n${missing}`);
    }
    assert.equal(await state.innerText(), 'Kladde');

    // The case form.
    // Each group of facts has its own change link into the form.
    await step(session, main.getByRole('link', { name: /^Ret\s*Stillingen$/ }), '06-edit-case');
    const edit = main.locator(`form[action="/cases/${caseId}/edit"]`);
    assert.equal(await edit.locator('#title').inputValue(), TITLE);
    assert.notEqual(await edit.locator('#salary_text').inputValue(), '', 'the salary placement comes from the template');
    await edit.locator('#place_of_work').fill('Demovej 1, 1000 København K');
    await edit.locator('#municipality_code').selectOption('101');
    await edit.locator('#occupation_code').fill('2422');
    await edit.locator('#positions').fill('1');
    await edit.locator('#deadline_date').fill(dateInDays(30));
    await edit.locator('#deadline_time').fill('12:00');
    await edit.locator('#expected_start_date').fill(dateInDays(75));
    await edit.locator('#contact_name_1').fill('Hanne Hansen');
    await edit.locator('#contact_title_1').fill('HR-chef');
    await edit.locator('#contact_phone_1').fill('33 92 00 00');
    await edit.locator('#contact_email_1').fill('hanne.hansen@styrelsen.example.test');
    await step(session, edit.getByRole('button', { name: 'Gem', exact: true }), '07-case-saved');
    assert.match(await main.locator('.alert-success').innerText(), /Dine ændringer er gemt\./);
    const facts = await main.locator('#case-facts').innerText();
    assert.match(facts, /Demovej 1, 1000 København K/);
    assert.match(facts, /København \(101\)/, 'the municipality by name and code');
    assert.match(facts, /2422 Politik- og forvaltningsarbejde/, 'the DISCO code with its title');

    // The ad, with the encouragement text included.
    await step(session, main.getByRole('link', { name: 'Skriv annoncen' }), '08-ad-editor');
    const encouragement = main.locator(`#block_${setup.encouragement.id}`);
    if (setup.encouragement.required) {
      assert.equal(await encouragement.isChecked(), true, 'a required text is always included');
      assert.equal(await encouragement.isDisabled(), true, 'a required text cannot be left out');
    } else {
      assert.equal(await encouragement.isChecked(), false, 'the optional text is not included yet');
    }
    await main.locator('#body').fill([
      '## Om stillingen',
      '',
      'Vi søger en {{title}} til vores HR-enhed. Du får ansvar for rekruttering, onboarding og HR-jura.',
      '',
      '## Vi forventer',
      '',
      '- En relevant kandidatuddannelse',
      '- Gode samarbejdsevner',
      '',
      'Ansøgningsfristen er {{deadline}}. Kontakt {{contact}} for at høre mere.',
    ].join('\n'));
    if (!setup.encouragement.required) await encouragement.check();
    await step(session, main.getByRole('button', { name: 'Gem og se annoncen' }), '09-ad-preview');
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}/ad/preview`);
    const ad = main.locator('article.job-ad');
    assert.equal(await ad.locator('h1').textContent(), TITLE);
    assert.ok((await ad.innerText()).includes(setup.encouragement.body.slice(0, 40)), 'the encouragement text is in the ad');
    assert.match(await ad.innerText(), /Hanne Hansen/);

    // The hiring committee: a Projektleder and an Ansættende leder, two people.
    await step(session, main.getByRole('link', { name: 'Tilbage til sagen' }), '10-case-with-ad');
    const committee = main.locator(`form[action="/cases/${caseId}/committee"]`);
    const addMember = async (email, role, name) => {
      // The form opens on demand.
      await main.locator('summary', { hasText: 'Tilføj et medlem' }).click();
      const person = committee.locator('#user_id');
      await person.selectOption(await person.locator('option', { hasText: `(${email})` }).getAttribute('value'));
      await committee.locator('#role').selectOption({ label: role });
      await step(session, committee.getByRole('button', { name: 'Tilføj medlem' }), name);
    };
    await addMember(PROJEKTLEDER, 'Projektleder', '11-projektleder-added');
    await addMember(LEDER, 'Ansættende leder', '12-ansaettende-leder-added');
    const members = await main.locator('ul.committee-list').innerText();
    assert.match(members, /Pia Projektleder \(projektleder@styrelsen\.example\.test\) — Projektleder/);
    assert.match(members, /Lene Leder \(leder@styrelsen\.example\.test\) — Ansættende leder/);
    assert.match(await main.innerText(), /Annoncen indeholder alt, hvad en statslig annonce skal indeholde\./);

    // Now it can be marked ready.
    await step(session, main.getByRole('button', { name: 'Markér som klar til offentliggørelse' }), '13-ready-for-publication');
    assert.equal(await page.locator('#error-summary').count(), 0, 'no error summary');
    assert.equal(await state.innerText(), 'Klar til offentliggørelse');
    await main.getByRole('button', { name: 'Offentliggør' }).waitFor();
    await main.getByRole('button', { name: 'Tilbage til kladde' }).waitFor();
    assert.equal(await one(`SELECT state FROM recruitment_cases WHERE id = ${caseId}`), 'ready_for_publication');

    // It is listed so.
    await visit(session, '/cases?state=ready_for_publication', '14-cases-ready');
    await main.locator('table tbody tr', { hasText: TITLE }).getByRole('cell', { name: 'Klar til offentliggørelse' }).waitFor();
  });

  test('the create form works with JavaScript disabled', T, async () => {
    const session = { ...await newPage({ javaScriptEnabled: false }), noScript: true };
    const { page } = session;
    const main = page.locator('main');
    await login(page, server, ADMINISTRATOR);
    // The template (the demo data's, made by the journey, or now).
    const setup = await ensureInstitutionSetup(session);
    await visit(session, '/cases/new', 'nojs-new-case');
    assert.equal(await page.evaluate(() => typeof window.DKFDS), 'undefined', 'no script ran');

    // Without a template and without a title: the error summary, and no case.
    const before = await one('SELECT COUNT(*) FROM recruitment_cases');
    await step(session, main.getByRole('button', { name: 'Opret sag' }), 'nojs-new-case-error', { status: 400 });
    assert.match(await page.locator('#error-summary').innerText(), /Giv stillingen en titel/);
    assert.equal(await one('SELECT COUNT(*) FROM recruitment_cases'), before);

    // With a template and a title of its own.
    const template = main.locator('#template_id');
    await template.selectOption(setup.template.id);
    await main.locator('#title').fill('Fuldmægtig til lønkontoret');
    await step(session, main.getByRole('button', { name: 'Opret sag' }), 'nojs-case-created');
    assert.match(new URL(page.url()).pathname, /^\/cases\/\d+$/);
    assert.equal(await main.locator('h1').textContent(), 'Fuldmægtig til lønkontoret');
    assert.equal(await main.locator('#case-state').innerText(), 'Kladde');
  });
});
