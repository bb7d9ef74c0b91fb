// Every route of Rekrut, with its guard, where it runs and, where it takes more than a short form, its
// body limit. Adding a route means adding a line here; tests/http/isolation_test.py sweeps every route
// that takes an id.
#include "web/app_context.hpp"
#include "web/application.hpp"
#include "web/applications/application_pages.hpp"
#include "web/assessment/assessment_pages.hpp"
#include "web/assessment/ranking_pages.hpp"
#include "web/audit/audit_pages.hpp"
#include "web/cases/case_pages.hpp"
#include "web/communication/communication_pages.hpp"
#include "web/decision/decision_pages.hpp"
#include "web/identity/identity_pages.hpp"
#include "web/interview/interview_pages.hpp"
#include "web/operations/contingency_pages.hpp"
#include "web/operations/operations.hpp"
#include "web/operator/controls_pages.hpp"
#include "web/operator/offboarding_pages.hpp"
#include "web/operator/operator_pages.hpp"
#include "web/operator/superbruger_pages.hpp"
#include "web/public_site/public_site.hpp"
#include "web/retention/retention_pages.hpp"
#include "web/setup/setup_pages.hpp"
#include "web/static_files.hpp"
#include "web/status/status_pages.hpp"
#include "web/users/users_pages.hpp"

namespace rekrut::web {

void register_routes(Router& router, AppContext& context)
{
    auto bind = [&context](Response (*handler)(AppContext&, Request&)) {
        return [&context, handler](Request& request) { return handler(context, request); };
    };
    constexpr auto public_access = Guard::public_access;
    constexpr auto event_loop = Execution::event_loop;
    constexpr auto worker_pool = Execution::worker_pool;

    // Operations
    router.add("GET", "/healthz", public_access, event_loop, bind(show_health));
    router.add("GET", "/readyz", public_access, worker_pool, bind(show_readiness));
    // /metrics is served only on the internal listener (server.metrics_listen), never here.

    // Static assets: the design system and our own.
    router.add("GET", "/static/dkfds/*", public_access, event_loop, [&context](Request& request) {
        return serve_static(context.static_dkfds_dir, request.param("*"));
    });
    router.add("GET", "/static/app/*", public_access, event_loop, [&context](Request& request) {
        return serve_static(context.static_app_dir, request.param("*"));
    });

    // Public career site
    // Served from memory (services::OpenPositions, web/public_site/career_cache.hpp): on the event loop
    // for visitors without a session.
    constexpr auto from_memory = Execution::event_loop_when_anonymous;
    router.add("GET", "/", public_access, from_memory, bind(show_front_page));
    router.add("GET", "/institutions/:institution_id", public_access, from_memory,
               bind(show_institution_positions));
    router.add("GET", "/institutions/:institution_id/feed.atom", public_access, from_memory,
               bind(show_institution_feed));
    router.add("GET", "/feed.atom", public_access, from_memory, bind(show_feed));
    router.add("GET", "/sitemap.xml", public_access, from_memory, bind(show_sitemap));
    router.add("GET", "/language/:language", public_access, event_loop, bind(switch_language));
    // The status page and help (public; the operator's side is under /operator/status)
    router.add("GET", "/status", public_access, worker_pool, bind(show_status));
    router.add("GET", "/status/feed.atom", public_access, worker_pool, bind(show_status_feed));
    router.add("GET", "/help", public_access, worker_pool, bind(show_help));

    // Login, second factor, sessions and the own profile
    constexpr auto signed_in = Guard::signed_in;
    constexpr auto second_factor = Guard::second_factor;
    constexpr auto hashing_pool = Execution::hashing_pool;
    router.add("GET", "/login", public_access, worker_pool, bind(show_login));
    router.add("POST", "/login", public_access, hashing_pool, bind(submit_login));
    router.add("GET", "/login/second-factor", second_factor, worker_pool, bind(show_second_factor));
    router.add("POST", "/login/second-factor", second_factor, worker_pool, bind(submit_second_factor));
    router.add("GET", "/profile/second-factor", second_factor, worker_pool, bind(show_enrolment));
    router.add("POST", "/profile/second-factor", second_factor, hashing_pool, bind(submit_enrolment));
    router.add("POST", "/logout", second_factor, worker_pool, bind(submit_logout));
    router.add("GET", "/password/forgot", public_access, worker_pool, bind(show_forgot_password));
    router.add("POST", "/password/forgot", public_access, worker_pool, bind(submit_forgot_password));
    router.add("GET", "/password/reset/:token", public_access, worker_pool, bind(show_reset_password));
    router.add("POST", "/password/reset/:token", public_access, hashing_pool, bind(submit_reset_password));
    router.add("GET", "/home", signed_in, worker_pool, bind(show_home));
    router.add("GET", "/profile", signed_in, worker_pool, bind(show_profile));
    router.add("POST", "/profile/name", signed_in, worker_pool, bind(submit_profile_name));
    router.add("POST", "/profile/password", signed_in, hashing_pool, bind(submit_profile_password));
    router.add("GET", "/profile/email", signed_in, worker_pool, bind(show_change_email));
    router.add("POST", "/profile/email", signed_in, hashing_pool, bind(submit_change_email));
    router.add("GET", "/email/confirm/:token", public_access, worker_pool, bind(show_email_confirmation));
    router.add("POST", "/email/confirm/:token", public_access, worker_pool, bind(submit_email_confirmation));

    // Recruitment cases, the hiring committee and the job ad
    router.add("GET", "/cases", signed_in, worker_pool, bind(show_case_list));
    router.add("GET", "/cases/new", signed_in, worker_pool, bind(show_new_case));
    router.add("POST", "/cases", signed_in, worker_pool, bind(submit_new_case));
    router.add("POST", "/cases/copy", signed_in, worker_pool, bind(submit_copy_case));
    router.add("GET", "/cases/:case_id", signed_in, worker_pool, bind(show_case));
    router.add("POST", "/cases/:case_id/copy", signed_in, worker_pool, bind(submit_copy_case));
    router.add("GET", "/cases/:case_id/edit", signed_in, worker_pool, bind(show_case_edit));
    router.add("POST", "/cases/:case_id/edit", signed_in, worker_pool, bind(submit_case_edit));
    router.add("GET", "/cases/:case_id/correction", signed_in, worker_pool, bind(show_case_correction));
    router.add("POST", "/cases/:case_id/correction", signed_in, worker_pool, bind(submit_case_correction));
    router.add("POST", "/cases/:case_id/transition", signed_in, worker_pool, bind(submit_case_transition));
    router.add("GET", "/cases/:case_id/cancel", signed_in, worker_pool, bind(show_cancel_confirmation));
    router.add("GET", "/cases/:case_id/committee/remove", signed_in, worker_pool,
               bind(show_committee_remove_confirmation));
    router.add("POST", "/cases/:case_id/committee", signed_in, worker_pool, bind(submit_committee_add));
    router.add("POST", "/cases/:case_id/committee/remove", signed_in, worker_pool,
               bind(submit_committee_remove));
    router.add("POST", "/cases/:case_id/committee/external", signed_in, worker_pool,
               bind(submit_committee_external));
    router.add("POST", "/cases/:case_id/questions", signed_in, worker_pool, bind(submit_question_add));
    router.add("POST", "/cases/:case_id/questions/:question_id/remove", signed_in, worker_pool,
               bind(submit_question_remove));
    router.add("GET", "/cases/:case_id/questions/:question_id", signed_in, worker_pool,
               bind(show_case_question));
    router.add("POST", "/cases/:case_id/questions/:question_id", signed_in, worker_pool,
               bind(submit_case_question));
    router.add("GET", "/cases/:case_id/ad", signed_in, worker_pool, bind(show_ad_editor));
    router.add("POST", "/cases/:case_id/ad", signed_in, worker_pool, bind(submit_ad), k_long_text_form);
    router.add("GET", "/cases/:case_id/ad/preview", signed_in, worker_pool, bind(show_ad_preview));
    router.add("GET", "/cases/:case_id/ad/versions", signed_in, worker_pool, bind(show_ad_versions));
    router.add("GET", "/cases/:case_id/ad/versions/:version_id", signed_in, worker_pool, bind(show_ad_diff));
    router.add("GET", "/positions/:case_id", public_access, from_memory, bind(show_public_ad));

    // Applications: the public form with its files, the receipt and the applicant's own pages; the
    // case's applications for HR and the committee. Only the two forms that take files read more than
    // a short form: all of one application's files plus the form around them.
    const BodyLimit application_upload{context.config.max_application_bytes + k_form_overhead_bytes,
                                       Uploads::accepted};
    router.add("GET", "/positions/:case_id/apply", public_access, worker_pool, bind(show_apply_form));
    router.add("POST", "/positions/:case_id/apply", public_access, worker_pool, bind(submit_application),
               application_upload);
    router.add("GET", "/positions/:case_id/apply/receipt/:form_key", public_access, worker_pool,
               bind(show_application_receipt));
    router.add("GET", "/application", public_access, worker_pool, bind(show_link_request));
    router.add("POST", "/application", public_access, worker_pool, bind(submit_link_request));
    router.add("GET", "/application/:token", public_access, worker_pool, bind(show_own_application));
    router.add("POST", "/application/:token/withdraw", public_access, worker_pool,
               bind(submit_own_withdrawal));
    router.add("POST", "/application/:token/consent", public_access, worker_pool,
               bind(submit_own_consent_renewal));
    router.add("POST", "/application/:token/deletion", public_access, worker_pool,
               bind(submit_own_deletion_request));
    router.add("GET", "/application/:token/attachments/:attachment_id", public_access, worker_pool,
               bind(download_own_attachment));
    router.add("POST", "/application/:token/content", public_access, worker_pool, bind(submit_own_content));
    router.add("POST", "/application/:token/files", public_access, worker_pool, bind(submit_own_file),
               application_upload);
    router.add("GET", "/application/:token/export", public_access, worker_pool, bind(download_own_export));
    router.add("GET", "/application/:token/interviews", public_access, worker_pool,
               bind(show_own_interviews));
    router.add("POST", "/application/:token/interviews/:round_id/book", public_access, worker_pool,
               bind(submit_own_booking));
    router.add("POST", "/application/:token/interviews/:round_id/cancel", public_access, worker_pool,
               bind(submit_own_booking_cancellation));
    router.add("GET", "/application/:token/interviews/:round_id/calendar.ics", public_access, worker_pool,
               bind(download_own_interview_calendar));
    router.add("GET", "/applications/search", signed_in, worker_pool, bind(show_application_search));
    router.add("GET", "/cases/:case_id/applications", signed_in, worker_pool, bind(show_case_applications));
    router.add("GET", "/cases/:case_id/applications/new", signed_in, worker_pool,
               bind(show_register_application));
    router.add("POST", "/cases/:case_id/applications/new", signed_in, worker_pool,
               bind(submit_register_application), application_upload);
    router.add("GET", "/cases/:case_id/applications/:application_id", signed_in, worker_pool,
               bind(show_case_application));
    router.add("GET", "/cases/:case_id/applications/:application_id/attachments/:attachment_id", signed_in,
               worker_pool, bind(download_case_attachment));
    router.add("GET", "/cases/:case_id/applications/:application_id/rectify", signed_in, worker_pool,
               bind(show_rectification));
    router.add("POST", "/cases/:case_id/applications/:application_id/rectify", signed_in, worker_pool,
               bind(submit_rectification));

    // Communication: the institution's e-mail templates and the cases' own copies, sending to a
    // case's applicants and following the sending, and each application's communication log.
    router.add("GET", "/setup/email-templates", signed_in, worker_pool, bind(show_email_templates));
    router.add("GET", "/setup/email-templates/:kind", signed_in, worker_pool, bind(show_email_template));
    router.add("POST", "/setup/email-templates/:kind", signed_in, worker_pool, bind(submit_email_template),
               k_long_text_form);
    router.add("GET", "/cases/:case_id/email-templates", signed_in, worker_pool,
               bind(show_case_email_templates));
    router.add("GET", "/cases/:case_id/email-templates/:kind", signed_in, worker_pool,
               bind(show_case_email_template));
    router.add("POST", "/cases/:case_id/email-templates/:kind", signed_in, worker_pool,
               bind(submit_case_email_template), k_long_text_form);
    router.add("POST", "/cases/:case_id/email-templates/:kind/revert", signed_in, worker_pool,
               bind(submit_case_email_template_revert));
    router.add("GET", "/cases/:case_id/mail", signed_in, worker_pool, bind(show_compose_mail));
    router.add("POST", "/cases/:case_id/mail", signed_in, worker_pool, bind(submit_compose_mail),
               k_long_text_form);
    router.add("GET", "/cases/:case_id/mailings/:mailing_id", signed_in, worker_pool, bind(show_mailing));
    router.add("POST", "/cases/:case_id/mailings/:mailing_id/cancel", signed_in, worker_pool,
               bind(submit_mailing_cancel));
    router.add("POST", "/cases/:case_id/applications/:application_id/mails/:outbox_id/resend", signed_in,
               worker_pool, bind(submit_mail_resend));

    // Assessment: conflict declarations, the screening methods and scorecard, the committee's work on
    // each application and the list's bulk actions.
    router.add("GET", "/cases/:case_id/declarations", signed_in, worker_pool, bind(show_declarations));
    router.add("POST", "/cases/:case_id/declarations", signed_in, worker_pool, bind(submit_declarations));
    router.add("GET", "/cases/:case_id/conflicts", signed_in, worker_pool, bind(show_conflict_overview));
    router.add("GET", "/cases/:case_id/screening", signed_in, worker_pool, bind(show_screening));
    router.add("POST", "/cases/:case_id/screening", signed_in, worker_pool, bind(submit_screening));
    router.add("POST", "/cases/:case_id/applications/bulk", signed_in, worker_pool, bind(submit_bulk_action));
    router.add("POST", "/cases/:case_id/applications/:application_id/mark", signed_in, worker_pool,
               bind(submit_mark));
    router.add("POST", "/cases/:case_id/applications/:application_id/scores", signed_in, worker_pool,
               bind(submit_scores));
    router.add("POST", "/cases/:case_id/applications/:application_id/notes", signed_in, worker_pool,
               bind(submit_note));
    router.add("POST", "/cases/:case_id/applications/:application_id/tags", signed_in, worker_pool,
               bind(submit_tags));
    router.add("POST", "/cases/:case_id/applications/:application_id/conflict", signed_in, worker_pool,
               bind(submit_conflict));
    router.add("POST", "/cases/:case_id/applications/:application_id/anonymity", signed_in, worker_pool,
               bind(submit_lift_anonymity));
    router.add("GET", "/cases/:case_id/applications/:application_id/attachments/:attachment_id/text",
               signed_in, worker_pool, bind(show_attachment_text));
    // Assessment: the committee's ranking lists per round, their versions and comparisons.
    router.add("GET", "/cases/:case_id/rankings", signed_in, worker_pool, bind(show_rankings));
    router.add("POST", "/cases/:case_id/rankings", signed_in, worker_pool, bind(submit_new_ranking));
    router.add("GET", "/cases/:case_id/rankings/:ranking_id", signed_in, worker_pool, bind(show_ranking));
    router.add("POST", "/cases/:case_id/rankings/:ranking_id", signed_in, worker_pool, bind(submit_ranking));
    router.add("GET", "/cases/:case_id/rankings/:ranking_id/versions", signed_in, worker_pool,
               bind(show_ranking_versions));
    router.add("GET", "/cases/:case_id/rankings/:ranking_id/compare", signed_in, worker_pool,
               bind(show_ranking_comparison));
    // The decision: priority access, the proposal and its approval by another person, the contract,
    // the closing, and the request to cancel a case with applications.
    router.add("GET", "/cases/:case_id/decision", signed_in, worker_pool, bind(show_decision));
    router.add("POST", "/cases/:case_id/decision", signed_in, worker_pool, bind(submit_proposal));
    router.add("POST", "/cases/:case_id/decision/answer", signed_in, worker_pool,
               bind(submit_decision_answer));
    router.add("POST", "/cases/:case_id/decision/cancellation", signed_in, worker_pool,
               bind(submit_cancellation_request));
    router.add("POST", "/cases/:case_id/decision/priority/:application_id", signed_in, worker_pool,
               bind(submit_priority_waiver));
    router.add("POST", "/cases/:case_id/decision/contract", signed_in, worker_pool, bind(submit_contract));
    router.add("POST", "/cases/:case_id/decision/close", signed_in, worker_pool, bind(submit_case_close));
    router.add("GET", "/cases/:case_id/decision/letter", signed_in, worker_pool,
               bind(download_employment_letter));
    router.add("GET", "/cases/:case_id/applicant-list", signed_in, worker_pool,
               bind(download_applicant_list));
    // Interviews: rounds with time slots, invitations and bookings, and the round's schedule.
    router.add("GET", "/cases/:case_id/interviews", signed_in, worker_pool, bind(show_interview_rounds));
    router.add("POST", "/cases/:case_id/interviews", signed_in, worker_pool, bind(submit_interview_round));
    router.add("GET", "/cases/:case_id/interviews/:round_id", signed_in, worker_pool,
               bind(show_interview_round));
    router.add("POST", "/cases/:case_id/interviews/:round_id/slots", signed_in, worker_pool,
               bind(submit_interview_slots));
    router.add("POST", "/cases/:case_id/interviews/:round_id/invite", signed_in, worker_pool,
               bind(submit_interview_invitations));
    router.add("POST", "/cases/:case_id/interviews/:round_id/assign", signed_in, worker_pool,
               bind(submit_interview_assignment));
    router.add("POST", "/cases/:case_id/interviews/:round_id/cancel", signed_in, worker_pool,
               bind(submit_interview_cancellation));

    // Institution set-up
    router.add("GET", "/setup", signed_in, worker_pool, bind(show_setup));
    router.add("GET", "/retention", signed_in, worker_pool, bind(show_retention));
    router.add("GET", "/retention/person", signed_in, worker_pool, bind(show_person_search));
    router.add("POST", "/retention/person", signed_in, worker_pool, bind(submit_person_search));
    router.add("GET", "/retention/person/applications/:application_id/export", signed_in, worker_pool,
               bind(download_person_export));
    router.add("GET", "/retention/person/applications/:application_id/erase", signed_in, worker_pool,
               bind(show_person_erasure));
    router.add("POST", "/retention/person/applications/:application_id/erase", signed_in, worker_pool,
               bind(submit_person_erasure));
    router.add("GET", "/retention/requests", signed_in, worker_pool, bind(show_data_requests));
    router.add("POST", "/retention/settings", signed_in, worker_pool, bind(submit_retention_settings));
    router.add("POST", "/retention/holds", signed_in, worker_pool, bind(submit_retention_hold));
    router.add("POST", "/retention/holds/:hold_id/lift", signed_in, worker_pool,
               bind(submit_retention_hold_lift));
    router.add("GET", "/setup/units", signed_in, worker_pool, bind(show_units));
    router.add("POST", "/setup/units", signed_in, worker_pool, bind(submit_unit));
    router.add("POST", "/setup/units/:unit_id", signed_in, worker_pool, bind(submit_unit_rename));
    router.add("GET", "/setup/mandatory-texts", signed_in, worker_pool, bind(show_mandatory_texts));
    router.add("POST", "/setup/mandatory-texts", signed_in, worker_pool, bind(submit_mandatory_text),
               k_long_text_form);
    router.add("GET", "/setup/mandatory-texts/:text_id", signed_in, worker_pool, bind(show_mandatory_text));
    router.add("POST", "/setup/mandatory-texts/:text_id", signed_in, worker_pool, bind(submit_mandatory_text),
               k_long_text_form);
    router.add("GET", "/setup/ad-templates", signed_in, worker_pool, bind(show_ad_templates));
    router.add("POST", "/setup/ad-templates", signed_in, worker_pool, bind(submit_ad_template),
               k_long_text_form);
    router.add("GET", "/setup/ad-templates/:template_id", signed_in, worker_pool, bind(show_ad_template));
    router.add("POST", "/setup/ad-templates/:template_id", signed_in, worker_pool, bind(submit_ad_template),
               k_long_text_form);
    router.add("GET", "/setup/questions", signed_in, worker_pool, bind(show_questions));
    router.add("POST", "/setup/questions", signed_in, worker_pool, bind(submit_question));
    router.add("GET", "/setup/questions/:question_template_id", signed_in, worker_pool, bind(show_question));
    router.add("POST", "/setup/questions/:question_template_id", signed_in, worker_pool,
               bind(submit_question));
    router.add("GET", "/setup/lists", signed_in, worker_pool, bind(show_lists));
    router.add("POST", "/setup/lists/:list", signed_in, worker_pool, bind(submit_list_item));
    router.add("POST", "/setup/lists/:list/:item_id/remove", signed_in, worker_pool,
               bind(submit_list_item_removal));

    // User administration (404 for those who may not see the institution's users). /users/new comes
    // before /users/:user_id because the first matching route wins.
    router.add("GET", "/users", signed_in, worker_pool, bind(show_users));
    router.add("GET", "/users/new", signed_in, worker_pool, bind(show_new_user));
    router.add("POST", "/users", signed_in, worker_pool, bind(submit_new_user));
    router.add("GET", "/users/:user_id", signed_in, worker_pool, bind(show_user));
    router.add("POST", "/users/:user_id", signed_in, worker_pool, bind(submit_user));
    router.add("POST", "/users/:user_id/roles", signed_in, worker_pool, bind(submit_user_role));
    router.add("GET", "/users/:user_id/erase", signed_in, worker_pool, bind(show_user_erasure));
    router.add("POST", "/users/:user_id/erase", signed_in, worker_pool, bind(submit_user_erasure));
    router.add("GET", "/users/:user_id/roles/revoke", signed_in, worker_pool,
               bind(show_role_revoke_confirmation));
    router.add("GET", "/role-requests", signed_in, worker_pool, bind(show_role_requests));
    router.add("POST", "/role-requests/:request_id/decision", signed_in, worker_pool,
               bind(submit_role_request_decision));
    router.add("GET", "/administrator-rights", signed_in, worker_pool, bind(show_administrator_rights));

    // Audit trail (Superbruger, Administrator: own institution; operator: all)
    router.add("GET", "/audit", signed_in, worker_pool, bind(show_audit));
    router.add("GET", "/audit.csv", signed_in, worker_pool, bind(export_audit_csv));
    router.add("GET", "/audit/access", signed_in, worker_pool, bind(show_access_log));
    router.add("GET", "/audit/access.csv", signed_in, worker_pool, bind(export_access_log_csv));

    // Contingency bundle for carrying on by hand during a long outage (docs/contingency.md)
    router.add("GET", "/contingency", signed_in, worker_pool, bind(show_contingency));
    router.add("POST", "/contingency", signed_in, worker_pool, bind(submit_contingency));

    // Platform operator (everyone else gets 404)
    router.add("GET", "/operator/institutions", signed_in, worker_pool, bind(show_institutions));
    router.add("POST", "/operator/institutions", signed_in, worker_pool, bind(submit_institution));
    router.add("GET", "/operator/institutions/:institution_id", signed_in, worker_pool,
               bind(show_institution));
    router.add("POST", "/operator/institutions/:institution_id/superbrugere", signed_in, worker_pool,
               bind(submit_superbruger));
    router.add("GET", "/operator/institutions/:institution_id/superbrugere/:user_id", signed_in, worker_pool,
               bind(show_operator_superbruger));
    router.add("POST", "/operator/institutions/:institution_id/superbrugere/:user_id", signed_in, worker_pool,
               bind(submit_operator_superbruger));
    router.add("POST", "/operator/institutions/:institution_id/superbrugere/:user_id/status", signed_in,
               worker_pool, bind(submit_superbruger_status));
    router.add("POST", "/operator/institutions/:institution_id/superbrugere/:user_id/removal", signed_in,
               worker_pool, bind(submit_superbruger_removal));
    router.add("GET", "/operator/role-requests", signed_in, worker_pool, bind(show_superbruger_requests));
    router.add("POST", "/operator/role-requests/:request_id/decision", signed_in, worker_pool,
               bind(submit_superbruger_request_decision));
    router.add("GET", "/operator/offboarding", signed_in, worker_pool, bind(show_offboardings));
    router.add("POST", "/operator/offboarding", signed_in, worker_pool, bind(submit_offboarding));
    router.add("GET", "/operator/offboarding/:offboarding_id", signed_in, worker_pool,
               bind(show_offboarding));
    router.add("POST", "/operator/offboarding/:offboarding_id/decision", signed_in, worker_pool,
               bind(submit_offboarding_decision));
    router.add("POST", "/operator/offboarding/:offboarding_id/export", signed_in, worker_pool,
               bind(submit_offboarding_export));
    router.add("POST", "/operator/offboarding/:offboarding_id/deletion", signed_in, worker_pool,
               bind(submit_offboarding_deletion));
    router.add("GET", "/operator/outbox", signed_in, worker_pool, bind(show_outbox));
    router.add("GET", "/operator/access", signed_in, worker_pool, bind(show_operator_access));
    router.add("POST", "/operator/access", signed_in, worker_pool, bind(submit_operator_access));
    router.add("POST", "/operator/access/end", signed_in, worker_pool, bind(submit_end_operator_access));
    router.add("GET", "/operator/controls", signed_in, worker_pool, bind(show_operator_controls));
    router.add("POST", "/operator/controls/log-level", signed_in, worker_pool, bind(submit_log_level));
    router.add("POST", "/operator/controls/rights-reviews", signed_in, worker_pool,
               bind(submit_rights_review));
    router.add("GET", "/operator/status", signed_in, worker_pool, bind(show_operator_status));
    router.add("POST", "/operator/status", signed_in, worker_pool, bind(submit_service_notice));
    router.add("POST", "/operator/status/:notice_id/updates", signed_in, worker_pool,
               bind(submit_service_notice_update));
    router.add("POST", "/operator/status/:notice_id/resolve", signed_in, worker_pool,
               bind(submit_service_notice_resolve));
}

} // namespace rekrut::web
