// The pages a user can open with a plain GET on the seeded demo database, by who opens them: the
// list that screens.test.mjs visits at every width (pages.test.mjs walks the same pages, with their
// forms and error states). `path` is a string or an async function of the lookups below, for pages
// whose address holds a database id. `as` is the demo account (none: signed out); `language` 'en'
// opens the page in English.

import assert from 'node:assert/strict';
import {
  ADMINISTRATOR, DELTAGER, LEDER, OPERATOR, PROJEKTLEDER, STYRELSEN, SUPERBRUGER, SUPERBRUGER2, declareNoConflicts, sqlite,
} from './accounts.mjs';

export const PUBLISHED_CASE = 'Fuldmægtig til økonomienheden';
export const DRAFT_CASE = 'Kontorfuldmægtig til sekretariatet';
export const ASSESSMENT_CASE = 'Jurist til tilsynsenheden';

/** Lookups of demo ids in the server's database. */
export function lookups(server) {
  async function id(sql) {
    const rows = await sqlite(server, sql);
    assert.ok(rows.length > 0 && rows[0][0], `no row for: ${sql}`);
    return rows[0][0];
  }
  const quoted = (text) => text.replace(/'/g, "''");
  const caseId = (title) => id(`SELECT id FROM recruitment_cases WHERE title = '${quoted(title)}' ORDER BY id LIMIT 1`);
  return {
    id,
    caseId,
    userId: (email) => id(`SELECT id FROM users WHERE email = '${quoted(email)}'`),
    institutionId: (name) => id(`SELECT id FROM institutions WHERE name = '${quoted(name)}'`),
    /** The case's id, once `email` has declared no conflict with any of its applicants. */
    declaredCaseId: async (email, title) => declareNoConflicts(server, email, await caseId(title)),
    /** A round of the case with three slots, the first booked by its first application (made once). */
    interviewRoundId: async (title) => {
      const caseKey = await caseId(title);
      const existing = await sqlite(server, `SELECT id FROM interview_rounds WHERE case_id = ${caseKey} AND name = '1. samtalerunde'`);
      if (existing.length > 0 && existing[0][0]) return existing[0][0];
      const round = await id(`INSERT INTO interview_rounds (institution_id, case_id, name, default_place, cutoff_hours, created_by, created_at)
        SELECT institution_id, id, '1. samtalerunde', 'Mødelokale 3, Slotsholmsgade 1', 24, (SELECT MIN(id) FROM users), 0
        FROM recruitment_cases WHERE id = ${caseKey} RETURNING id`);
      const start = Math.floor(Date.now() / 1000) + 30 * 86400;
      for (let index = 0; index < 3; index += 1) {
        await sqlite(server, `INSERT INTO interview_slots (institution_id, round_id, starts_at, minutes, place, created_at)
          SELECT institution_id, id, ${start + index * 2700}, 45, '', 0 FROM interview_rounds WHERE id = ${round}`);
      }
      await sqlite(server, `INSERT INTO interview_bookings (institution_id, round_id, slot_id, application_id, booked_by, booked_at)
        SELECT s.institution_id, s.round_id, s.id, (SELECT MIN(id) FROM applications WHERE case_id = ${caseKey}), 'staff', 0
        FROM interview_slots s WHERE s.round_id = ${round} ORDER BY s.starts_at LIMIT 1`);
      return round;
    },
    adVersionId: async (title) => id(`SELECT id FROM job_ad_versions WHERE case_id = ${await caseId(title)} ORDER BY id DESC LIMIT 1`),
  };
}

export const PAGES = [
  // Signed out
  { name: 'front-page', path: '/' },
  { name: 'front-page-en', path: '/', language: 'en' },
  { name: 'login', path: '/login' },
  { name: 'password-forgot', path: '/password/forgot' },
  { name: 'position', path: async (l) => `/positions/${await l.caseId(PUBLISHED_CASE)}` },
  { name: 'position-en', path: async (l) => `/positions/${await l.caseId(PUBLISHED_CASE)}`, language: 'en' },
  { name: 'apply', path: async (l) => `/positions/${await l.caseId(PUBLISHED_CASE)}/apply` },
  { name: 'apply-en', path: async (l) => `/positions/${await l.caseId(PUBLISHED_CASE)}/apply`, language: 'en' },
  { name: 'application-link-request', path: '/application' },
  // Applications, for the case's committee and the institution's administration
  { name: 'declarations', as: LEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/declarations` },
  { name: 'case-applications', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.declaredCaseId(PROJEKTLEDER, PUBLISHED_CASE)}/applications` },
  { name: 'case-applications-search', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.declaredCaseId(PROJEKTLEDER, PUBLISHED_CASE)}/applications?q=erfaring` },
  { name: 'case-application', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.declaredCaseId(PROJEKTLEDER, PUBLISHED_CASE)}/applications/${await l.id(`SELECT MIN(id) FROM applications WHERE case_id = ${await l.caseId(PUBLISHED_CASE)}`)}` },
  { name: 'conflicts', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/conflicts` },
  { name: 'screening', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/screening` },
  { name: 'case-application-register', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/applications/new` },
  { name: 'case-email-templates', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/email-templates` },
  { name: 'case-email-template', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/email-templates/offer` },
  { name: 'compose-mail', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.declaredCaseId(PROJEKTLEDER, PUBLISHED_CASE)}/mail?kind=interview_invitation&application_id=${await l.id(`SELECT MIN(id) FROM applications WHERE case_id = ${await l.caseId(PUBLISHED_CASE)}`)}` },
  { name: 'decision', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(ASSESSMENT_CASE)}/decision` },
  // Corrections of a published case: its deadline and contact persons, and its ad text.
  // Deletion of personal data: periods, what comes next, holds and the report.
  { name: 'retention', as: ADMINISTRATOR, path: '/retention' },
  { name: 'retention-person', as: ADMINISTRATOR, path: '/retention/person' },
  { name: 'case-correction', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/correction` },
  { name: 'ad-correction', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/ad?language=da` },
  // Interviews: the case's rounds, and one round's schedule with its forms (the round and a booked
  // slot are written directly, once, since the demo has none).
  { name: 'interview-rounds', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/interviews` },
  { name: 'interview-round', as: PROJEKTLEDER, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/interviews/${await l.interviewRoundId(PUBLISHED_CASE)}` },
  { name: 'interview-round-member', as: DELTAGER, path: async (l) => `/cases/${await l.declaredCaseId(DELTAGER, PUBLISHED_CASE)}/interviews/${await l.interviewRoundId(PUBLISHED_CASE)}` },
  { name: 'applications-search', as: ADMINISTRATOR, path: '/applications/search?q=erfaring' },
  { name: 'access-log', as: ADMINISTRATOR, path: '/audit/access' },
  { name: 'email-templates', as: ADMINISTRATOR, path: '/setup/email-templates' },
  { name: 'email-template', as: ADMINISTRATOR, path: '/setup/email-templates/rejection_before_interview' },
  // A case user (Projektleder)
  { name: 'home-case-user', as: PROJEKTLEDER, path: '/home' },
  { name: 'home-case-user-en', as: PROJEKTLEDER, path: '/home', language: 'en' },
  { name: 'cases-case-user', as: PROJEKTLEDER, path: '/cases' },
  { name: 'profile', as: PROJEKTLEDER, path: '/profile' },
  { name: 'change-email', as: PROJEKTLEDER, path: '/profile/email' },
  { name: 'enrolment', as: DELTAGER, path: '/profile/second-factor' },
  // Superbruger
  { name: 'home-superbruger', as: SUPERBRUGER, path: '/home' },
  { name: 'users', as: SUPERBRUGER, path: '/users' },
  { name: 'users-new', as: SUPERBRUGER, path: '/users/new' },
  { name: 'user-case-user', as: SUPERBRUGER, path: async (l) => `/users/${await l.userId(PROJEKTLEDER)}` },
  { name: 'user-administrator', as: SUPERBRUGER, path: async (l) => `/users/${await l.userId(ADMINISTRATOR)}` },
  { name: 'user-superbruger', as: SUPERBRUGER, path: async (l) => `/users/${await l.userId(SUPERBRUGER2)}` },
  { name: 'role-requests', as: SUPERBRUGER, path: '/role-requests' },
  { name: 'administrator-rights', as: SUPERBRUGER, path: '/administrator-rights' },
  { name: 'audit', as: SUPERBRUGER, path: '/audit' },
  // Administrator: cases, the ad editor and the institution set-up
  { name: 'cases', as: ADMINISTRATOR, path: '/cases' },
  { name: 'cases-en', as: ADMINISTRATOR, path: '/cases', language: 'en' },
  { name: 'cases-filtered', as: ADMINISTRATOR, path: '/cases?state=published&sort=title&direction=desc' },
  { name: 'cases-new', as: ADMINISTRATOR, path: '/cases/new' },
  { name: 'case-draft', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(DRAFT_CASE)}` },
  { name: 'case-edit', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(DRAFT_CASE)}/edit` },
  { name: 'case-ad-editor', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(DRAFT_CASE)}/ad?language=da` },
  { name: 'case-ad-editor-en', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(DRAFT_CASE)}/ad?language=da`, language: 'en' },
  { name: 'case-published', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}` },
  { name: 'case-assessment', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(ASSESSMENT_CASE)}` },
  { name: 'case-ad-preview', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/ad/preview?language=da` },
  { name: 'case-ad-versions', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/ad/versions?language=da` },
  { name: 'case-ad-diff', as: ADMINISTRATOR, path: async (l) => `/cases/${await l.caseId(PUBLISHED_CASE)}/ad/versions/${await l.adVersionId(PUBLISHED_CASE)}` },
  { name: 'setup', as: ADMINISTRATOR, path: '/setup' },
  { name: 'setup-units', as: ADMINISTRATOR, path: '/setup/units' },
  { name: 'setup-mandatory-texts', as: ADMINISTRATOR, path: '/setup/mandatory-texts' },
  { name: 'setup-mandatory-text', as: ADMINISTRATOR, path: async (l) => `/setup/mandatory-texts/${await l.id("SELECT MIN(id) FROM mandatory_texts")}` },
  { name: 'setup-ad-templates', as: ADMINISTRATOR, path: '/setup/ad-templates' },
  { name: 'setup-ad-template', as: ADMINISTRATOR, path: async (l) => `/setup/ad-templates/${await l.id("SELECT MIN(id) FROM ad_templates")}` },
  { name: 'setup-questions', as: ADMINISTRATOR, path: '/setup/questions' },
  { name: 'setup-question', as: ADMINISTRATOR, path: async (l) => `/setup/questions/${await l.id("SELECT MIN(id) FROM question_templates")}` },
  { name: 'setup-lists', as: ADMINISTRATOR, path: '/setup/lists' },
  // Platform operator
  { name: 'home-operator', as: OPERATOR, path: '/home' },
  { name: 'operator-institutions', as: OPERATOR, path: '/operator/institutions' },
  { name: 'operator-institution', as: OPERATOR, path: async (l) => `/operator/institutions/${await l.institutionId(STYRELSEN)}` },
  { name: 'operator-superbruger', as: OPERATOR, path: async (l) => `/operator/institutions/${await l.institutionId(STYRELSEN)}/superbrugere/${await l.userId(SUPERBRUGER2)}` },
  { name: 'operator-outbox', as: OPERATOR, path: '/operator/outbox' },
  { name: 'operator-access', as: OPERATOR, path: '/operator/access' },
  { name: 'operator-role-requests', as: OPERATOR, path: '/operator/role-requests' },
  { name: 'audit-operator', as: OPERATOR, path: async (l) => `/audit?institution=${await l.institutionId(STYRELSEN)}` },
];

/**
 * Where the page scrolls sideways outside a marked scroll region (an element with
 * `data-scroll-region`, or DKFDS's `.table--responsive-scroll` wrapper): the elements that reach past
 * the right edge of the viewport, and the scroll regions that scroll without a visible cue. Run in
 * the page.
 */
export function sidewaysOverflow() {
  const width = document.documentElement.clientWidth;
  const region = '[data-scroll-region], .table--responsive-scroll';
  const describe = (el) => {
    const classes = [...el.classList].slice(0, 3).map((c) => `.${c}`).join('');
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
  };
  const offenders = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest(region) && !el.matches(region)) continue;
    const style = getComputedStyle(el);
    if (style.position === 'fixed' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue; // not rendered (sr-only texts count: they widen the page too)
    if (box.right > width + 1) offenders.push(describe(el));
  }
  const uncued = [...document.querySelectorAll(region)]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .filter((el) => !/gradient/.test(getComputedStyle(el).backgroundImage))
    .map(describe);
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    offenders: offenders.slice(0, 8),
    uncued,
  };
}
