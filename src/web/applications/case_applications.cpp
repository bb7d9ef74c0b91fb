#include <ctemplate/template.h>
#include <map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/file_rules.hpp"
#include "domain/mail/email_template.hpp"
#include "services/applications/applications.hpp"
#include "services/applications/held_uploads.hpp"
#include "services/assessment/assessment.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/communication/email_templates.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_form_view.hpp"
#include "web/applications/application_labels.hpp"
#include "web/applications/application_pages.hpp"
#include "web/assessment/assessment_pages.hpp"
#include "web/communication/communication_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string case_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id);
}

void fill_row(Dictionary& row, const AppContext& context, const Request& request,
              const domain::ApplicationRecord& application)
{
    row.SetIntValue("APPLICATION_ID", application.id);
    row.SetValue("REFERENCE", domain::application_reference(application));
    row.SetValue("NAME", application.full_name);
    row.SetValue("STATUS", tr(context, request, status_label(application.status)));
    row.SetValue("RECEIVED", core::format_date_time(application.received_at, request.language));
    row.SetValue("RECEIVED_ISO", core::format_iso_utc(application.received_at));
    row.SetValue("CHANNEL", tr(context, request, channel_label(application.channel)));
    if (!application.on_time)
        row.ShowSection("LATE");
    if (application.knocked_out)
        row.ShowSection("KNOCKED_OUT");
    if (application.priority_access)
        row.ShowSection("PRIORITY");
}

void fill_answers(Dictionary& dictionary, const services::ApplicationView& view)
{
    for (const auto& question : view.questions) {
        auto* item = dictionary.AddSectionDictionary("ANSWER");
        item->SetValue("QUESTION", question.text);
        for (const auto& answer : view.application.answers)
            if (answer.question_id == question.id)
                item->SetValue("TEXT", answer.answer);
    }
}

void fill_attachments(Dictionary& dictionary, const AppContext& context, const Request& request,
                      const services::ApplicationView& view)
{
    const auto base = case_path(view.case_record.id) + "/applications/" + std::to_string(view.application.id);
    if (view.application.attachments.empty())
        dictionary.ShowSection("NO_ATTACHMENTS");
    for (const auto& attachment : view.application.attachments) {
        auto* item = dictionary.AddSectionDictionary("ATTACHMENT");
        const auto href = base + "/attachments/" + std::to_string(attachment.id);
        // In an anonymised round the committee reads the masked text, never the file itself.
        item->SetValue("HREF", view.anonymised ? href + "/text" : href);
        item->SetValue("TEXT_HREF", href + "/text");
        if (!view.anonymised && attachment.media_type == "application/pdf")
            item->ShowSection("PDF");
        if (!view.anonymised && attachment.text_status == "done")
            item->ShowSection("HAS_TEXT");
        item->SetValue("FILENAME", view.anonymised ? tr(context, request, msgid("Read as text, masked"))
                                                   : attachment.filename);
        item->SetValue("KIND", tr(context, request, attachment_kind_label(attachment.kind)));
        item->SetValue("SIZE",
                       core::format_number(static_cast<double>(attachment.size) / 1024.0, request.language) +
                           " KB");
    }
}

void fill_application(Dictionary& dictionary, const AppContext& context, const Request& request,
                      const services::ApplicationView& view)
{
    const auto& application = view.application;
    dictionary.SetIntValue("CASE_ID", view.case_record.id);
    dictionary.SetValue("CASE_TITLE", view.case_record.title);
    fill_row(dictionary, context, request, application);
    if (view.anonymised) {
        dictionary.SetValue("NAME", tr(context, request, msgid("Anonymous applicant")) + " " +
                                        domain::application_reference(application));
        dictionary.ShowSection("ANONYMISED");
    } else {
        dictionary.ShowSection("IDENTIFIED");
        if (domain::can(request.actor(), domain::Action::rectify_application,
                        {view.case_record.institution_id, view.case_record.id, {}, false, {}}))
            dictionary.ShowSection("CAN_RECTIFY");
    }
    dictionary.SetValue("EMAIL", application.email);
    dictionary.SetValue("PHONE", application.phone);
    dictionary.SetValue("ADDRESS", application.address);
    dictionary.SetValue("POSTAL_CITY", application.postal_code + " " + application.city);
    dictionary.SetValue("COVER_LETTER", application.cover_letter);
    if (!application.cover_letter.empty())
        dictionary.ShowSection("HAS_COVER_LETTER");
    auto yes_no = [&](bool value) { return tr(context, request, value ? msgid("Yes") : msgid("No")); };
    dictionary.SetValue("CONSENT_KEEP", application.keep_until
                                            ? tr(context, request, msgid("Yes, until")) + " " +
                                                  core::format_date(*application.keep_until, request.language)
                                            : yes_no(false));
    dictionary.SetValue("CONSENT_CONTACT", yes_no(application.consent_contact));
    dictionary.SetValue("PRIORITY_ACCESS", yes_no(application.priority_access));
    dictionary.SetValue("EXCLUDE_FROM_LIST", yes_no(application.exclude_from_list));
    if (view.case_record.employment_basis == "civil_servant")
        dictionary.ShowSection("CIVIL_SERVANT");
    fill_answers(dictionary, view);
    fill_attachments(dictionary, context, request, view);
}

/// The results of a search, when the request asks for one (?q=).
void fill_search(Dictionary& dictionary, AppContext& context, const Request& request,
                 std::optional<std::int64_t> case_id)
{
    auto query = request.query_value("q");
    if (!query || query->empty())
        return;
    dictionary.SetValue("QUERY", *query);
    auto results = context.applications.search(request.actor(), institution_of(request), case_id, *query);
    auto* section = dictionary.AddIncludeDictionary("SEARCH_RESULTS");
    section->SetFilename(request.language + "/applications/_search_results.tpl");
    const auto& hits = results ? *results : std::vector<services::SearchResult>{};
    section->SetIntValue("HIT_COUNT", static_cast<long>(hits.size()));
    if (hits.empty())
        section->ShowSection("NO_HITS");
    for (const auto& hit : hits) {
        auto* item = section->AddSectionDictionary("HIT");
        item->SetIntValue("CASE_ID", hit.case_id);
        item->SetIntValue("APPLICATION_ID", hit.application_id);
        item->SetValue("NAME", hit.name);
        item->SetValue("REFERENCE", hit.reference);
        item->SetValue("CASE_TITLE", hit.case_title);
        if (!case_id)
            item->ShowSection("SHOW_CASE");
        item->SetValue("SNIPPET", hit.snippet_html);
    }
}

} // namespace

Response show_application_search(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::search_all_applications,
                     {institution_of(request), {}, {}, false, {}}))
        return not_found(context, request);
    return page(context, request, "applications/search",
                tr(context, request, msgid("Search all applications")),
                [&](Dictionary& dictionary) { fill_search(dictionary, context, request, std::nullopt); });
}

void fill_case_applications(Dictionary& dictionary, AppContext& context, const Request& request,
                            const domain::CaseRecord& record)
{
    if (!record.published_at)
        return;
    auto counts = context.applications.counts(request.actor(), record.institution_id, record.id);
    if (!counts) {
        // A member who still owes declarations is sent to them first.
        if (domain::can(request.actor(), domain::Action::declare_conflicts,
                        {record.institution_id, record.id, {}, false, {}})) {
            dictionary.ShowSection("HAS_APPLICATIONS_SECTION");
            dictionary.ShowSection("MUST_DECLARE");
        }
        return;
    }
    dictionary.ShowSection("MAY_SEE_APPLICATIONS");
    if (domain::can(request.actor(), domain::Action::view_conflict_declarations,
                    {record.institution_id, record.id, {}, false, {}}))
        dictionary.ShowSection("CAN_SEE_DECLARATIONS");
    dictionary.ShowSection("HAS_APPLICATIONS_SECTION");
    dictionary.SetIntValue("APPLICATION_COUNT", counts->first);
    if (counts->second > 0)
        dictionary.SetIntValue("WITHDRAWN_COUNT", counts->second), dictionary.ShowSection("HAS_WITHDRAWN");
    if (domain::can(request.actor(), domain::Action::register_application,
                    {record.institution_id, record.id, {}, false, {}}))
        dictionary.ShowSection("CAN_REGISTER");
    // Which of the case's e-mail templates are its own copies rather than the institution's.
    if (auto templates =
            context.email_templates.case_templates(request.actor(), record.institution_id, record.id)) {
        std::string own;
        for (const auto& entry : *templates)
            if (entry.changed)
                if (const auto* kind = domain::find_mail_kind(entry.record.kind))
                    own += (own.empty() ? "" : ", ") + tr(context, request, std::string(kind->name));
        if (!own.empty())
            dictionary.SetValueAndShowSection("OWN_TEMPLATES", own, "HAS_OWN_TEMPLATES");
    }
    // The committee's ranking lists, for those who hold a role on the case (the lists themselves
    // refuse a member who has not yet declared on every application, saying why).
    if (services::is_member(request.actor(), record.institution_id, record.id))
        dictionary.ShowSection("CAN_RANK");
    // The decision page, from the assessment on: the proposal, its approval, the contract, the
    // rejections and the closing.
    if (record.state == domain::CaseState::assessment || record.state == domain::CaseState::decision ||
        record.state == domain::CaseState::filled || record.state == domain::CaseState::cancelled)
        dictionary.ShowSection("HAS_DECISION_PAGE");
}

namespace {

const char* mark_label(domain::Mark mark)
{
    switch (mark) {
    case domain::Mark::yes: return msgid("Yes");
    case domain::Mark::maybe: return msgid("Maybe");
    case domain::Mark::no: return msgid("No");
    }
    return msgid("Maybe");
}

/// The list's filters and sort from the query string; unknown values are ignored.
domain::ApplicationListQuery list_query(const Request& request, std::int64_t case_id)
{
    domain::ApplicationListQuery query;
    query.institution_id = institution_of(request);
    query.case_id = case_id;
    auto value = [&](const char* name) { return request.query_value(name).value_or(""); };
    query.status = domain::application_status_from_string(value("status"));
    if (value("knockout") == "yes")
        query.knocked_out = true;
    else if (value("knockout") == "no")
        query.knocked_out = false;
    if (value("priority") == "yes")
        query.priority_access = true;
    const auto own = value("mark");
    if (own == "none" || domain::mark_from_string(own))
        query.own_mark = own;
    if (const auto tag = value("tag"); !tag.empty() && tag.size() <= domain::k_max_tag_length)
        query.tag = tag;
    const auto sort = value("sort");
    query.sort = sort == "name"        ? domain::ApplicationSort::name
                 : sort == "committee" ? domain::ApplicationSort::committee
                 : sort == "score"     ? domain::ApplicationSort::score
                                       : domain::ApplicationSort::received;
    if (auto after = parse_id(value("after")); after > 0)
        query.after_id = after;
    else if (auto before = parse_id(value("before")); before > 0)
        query.before_id = before;
    return query;
}

/// The query string of the list's current filters and sort, for the paging links.
std::string filter_string(const Request& request)
{
    std::string text;
    for (const char* name : {"status", "knockout", "priority", "mark", "tag", "sort"})
        if (auto value = request.query_value(name); value && !value->empty())
            text += std::string("&") + name + "=" + core::url_encode(*value);
    return text;
}

void select_option(Dictionary& dictionary, const char* section, const std::string& value,
                   const std::string& label, bool selected)
{
    auto* option = dictionary.AddSectionDictionary(section);
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label);
    if (selected)
        option->ShowSection("SELECTED");
}

void fill_filters(Dictionary& dictionary, const AppContext& context, const Request& request,
                  const services::AssessmentList& list)
{
    auto value = [&](const char* name) { return request.query_value(name).value_or(""); };
    select_option(dictionary, "STATUS_OPTION", "", tr(context, request, msgid("All")),
                  value("status").empty());
    for (auto status : {domain::ApplicationStatus::received, domain::ApplicationStatus::in_assessment,
                        domain::ApplicationStatus::invited, domain::ApplicationStatus::offered,
                        domain::ApplicationStatus::hired, domain::ApplicationStatus::rejected,
                        domain::ApplicationStatus::withdrawn})
        select_option(dictionary, "STATUS_OPTION", std::string(domain::to_string(status)),
                      tr(context, request, status_label(status)),
                      value("status") == domain::to_string(status));
    if (list.methods.knockout) {
        auto* knockout = dictionary.AddSectionDictionary("KNOCKOUT_FILTER");
        select_option(*knockout, "KNOCKOUT_OPTION", "", tr(context, request, msgid("All")),
                      value("knockout").empty());
        select_option(*knockout, "KNOCKOUT_OPTION", "yes",
                      tr(context, request, msgid("Flagged by a knockout answer")),
                      value("knockout") == "yes");
        select_option(*knockout, "KNOCKOUT_OPTION", "no", tr(context, request, msgid("Not flagged")),
                      value("knockout") == "no");
    }
    if (list.methods.individual && list.member) {
        auto* marks = dictionary.AddSectionDictionary("MARK_FILTER");
        select_option(*marks, "MARK_OPTION", "", tr(context, request, msgid("All")), value("mark").empty());
        select_option(*marks, "MARK_OPTION", "none", tr(context, request, msgid("Not yet marked by me")),
                      value("mark") == "none");
        for (auto mark : {domain::Mark::yes, domain::Mark::maybe, domain::Mark::no})
            select_option(*marks, "MARK_OPTION", std::string(domain::to_string(mark)),
                          tr(context, request, mark_label(mark)), value("mark") == domain::to_string(mark));
    }
    if (!list.tags.empty()) {
        auto* tags = dictionary.AddSectionDictionary("TAG_FILTER");
        select_option(*tags, "TAG_OPTION", "", tr(context, request, msgid("All")), value("tag").empty());
        for (const auto& tag : list.tags)
            select_option(*tags, "TAG_OPTION", tag, tag, value("tag") == tag);
    }
    if (value("priority") == "yes")
        dictionary.ShowSection("PRIORITY_CHECKED");
    select_option(dictionary, "SORT_OPTION", "received",
                  tr(context, request, msgid("Received, oldest first")),
                  value("sort").empty() || value("sort") == "received");
    if (!(list.methods.anonymous && list.member))
        select_option(dictionary, "SORT_OPTION", "name", tr(context, request, msgid("Name")),
                      value("sort") == "name");
    if (list.methods.individual)
        select_option(dictionary, "SORT_OPTION", "committee",
                      tr(context, request, msgid("The committee's marks, best first")),
                      value("sort") == "committee");
    if (list.methods.scorecard)
        select_option(dictionary, "SORT_OPTION", "score",
                      tr(context, request, msgid("The committee's scores, best first")),
                      value("sort") == "score");
}

// The names the list's rows set, hashed once at start-up rather than once a row (a name given as text
// is hashed and looked up in ctemplate's shared table of names on every use).
const ctemplate::StaticTemplateString k_application_id = STS_INIT(k_application_id, "APPLICATION_ID");
const ctemplate::StaticTemplateString k_case_id = STS_INIT(k_case_id, "CASE_ID");
const ctemplate::StaticTemplateString k_committee = STS_INIT(k_committee, "COMMITTEE");
const ctemplate::StaticTemplateString k_individual_cells = STS_INIT(k_individual_cells, "INDIVIDUAL_CELLS");
const ctemplate::StaticTemplateString k_knocked_out = STS_INIT(k_knocked_out, "KNOCKED_OUT");
const ctemplate::StaticTemplateString k_late = STS_INIT(k_late, "LATE");
const ctemplate::StaticTemplateString k_member_cell = STS_INIT(k_member_cell, "MEMBER_CELL");
const ctemplate::StaticTemplateString k_name = STS_INIT(k_name, "NAME");
const ctemplate::StaticTemplateString k_own_mark = STS_INIT(k_own_mark, "OWN_MARK");
const ctemplate::StaticTemplateString k_priority = STS_INIT(k_priority, "PRIORITY");
const ctemplate::StaticTemplateString k_received = STS_INIT(k_received, "RECEIVED");
const ctemplate::StaticTemplateString k_received_iso = STS_INIT(k_received_iso, "RECEIVED_ISO");
const ctemplate::StaticTemplateString k_reference = STS_INIT(k_reference, "REFERENCE");
const ctemplate::StaticTemplateString k_score = STS_INIT(k_score, "SCORE");
const ctemplate::StaticTemplateString k_score_cell = STS_INIT(k_score_cell, "SCORE_CELL");
const ctemplate::StaticTemplateString k_status = STS_INIT(k_status, "STATUS");
const ctemplate::StaticTemplateString k_tags = STS_INIT(k_tags, "TAGS");

/// The words the list's rows repeat, translated once a page rather than once a row.
struct RowLabels {
    RowLabels(const AppContext& context, const Request& request)
        : anonymous(tr(context, request, msgid("Anonymous applicant"))),
          after_own_mark(tr(context, request, msgid("After your own mark"))),
          after_own_scores(tr(context, request, msgid("After your own scores"))),
          yes(tr(context, request, msgid("yes"))), maybe(tr(context, request, msgid("maybe"))),
          no(tr(context, request, msgid("no"))), language(request.language)
    {
        for (auto mark : {domain::Mark::yes, domain::Mark::maybe, domain::Mark::no})
            marks.emplace(mark, tr(context, request, mark_label(mark)));
        for (auto status : {domain::ApplicationStatus::received, domain::ApplicationStatus::withdrawn,
                            domain::ApplicationStatus::in_assessment, domain::ApplicationStatus::invited,
                            domain::ApplicationStatus::offered, domain::ApplicationStatus::hired,
                            domain::ApplicationStatus::rejected})
            statuses.emplace(status, tr(context, request, status_label(status)));
    }

    std::string anonymous, after_own_mark, after_own_scores, yes, maybe, no;
    std::string language;
    std::map<domain::Mark, std::string> marks;
    std::map<domain::ApplicationStatus, std::string> statuses;
};

void fill_list_row(Dictionary& row, const RowLabels& labels, const services::AssessmentList& list,
                   const domain::ApplicationListRow& application)
{
    const bool anonymised = list.anonymised.count(application.id) && list.anonymised.at(application.id);
    domain::ApplicationRecord record;
    record.id = application.id;
    record.received_at = application.received_at;
    row.SetIntValue(k_case_id, list.case_record.id);
    row.SetIntValue(k_application_id, application.id);
    row.SetValue(k_reference, domain::application_reference(record));
    row.SetValue(k_name, anonymised ? labels.anonymous : application.full_name);
    row.SetValue(k_status, labels.statuses.at(application.status));
    row.SetValue(k_received, core::format_date(application.received_at, labels.language));
    row.SetValue(k_received_iso, core::format_iso_utc(application.received_at));
    if (!application.on_time)
        row.ShowSection(k_late);
    if (application.knocked_out && list.methods.knockout)
        row.ShowSection(k_knocked_out);
    if (application.priority_access)
        row.ShowSection(k_priority);
    if (list.methods.individual) {
        auto* marks = row.AddSectionDictionary(k_individual_cells);
        if (list.member)
            marks->SetValueAndShowSection(k_own_mark,
                                          application.own_mark ? labels.marks.at(*application.own_mark) : "—",
                                          k_member_cell);
        const auto& summary = application.summary;
        if (list.member && !application.own_mark)
            marks->SetValue(k_committee, labels.after_own_mark);
        else if (summary.yes + summary.maybe + summary.no == 0)
            marks->SetValue(k_committee, "—");
        else
            marks->SetValue(k_committee, std::to_string(summary.yes) + " " + labels.yes + " · " +
                                             std::to_string(summary.maybe) + " " + labels.maybe + " · " +
                                             std::to_string(summary.no) + " " + labels.no);
    }
    if (list.methods.scorecard) {
        const auto& summary = application.summary;
        std::string score = "—";
        if (list.member && !application.scored_by_viewer)
            score = labels.after_own_scores;
        else if (summary.score_mean)
            score = core::format_number(*summary.score_mean / 100.0, labels.language) + " (" +
                    core::format_number(summary.score_low.value_or(0) / 100.0, labels.language) + "–" +
                    core::format_number(summary.score_high.value_or(0) / 100.0, labels.language) + ")";
        row.SetValueAndShowSection(k_score, score, k_score_cell);
    }
    std::string tags;
    for (const auto& tag : application.tags)
        tags += (tags.empty() ? "" : ", ") + tag;
    row.SetValue(k_tags, tags);
}

} // namespace

Response show_case_applications_with(AppContext& context, Request& request,
                                     const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto list = context.assessment.list(request.actor(), list_query(request, case_id));
    if (!list) {
        if (auto redirect = redirect_to_declarations(list.error(), case_id))
            return *redirect;
        return error_response(context, request, list.error());
    }
    return page(
        context, request, "applications/list",
        tr(context, request, msgid("Applications")) + ": " + list->case_record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", list->case_record.title);
            dictionary.SetIntValue("COUNT", list->total);
            dictionary.ShowSection(list->page.rows.empty() ? "NO_APPLICATIONS" : "HAS_APPLICATIONS");
            fill_filters(dictionary, context, request, *list);
            if (list->methods.individual)
                dictionary.ShowSection(list->member ? "INDIVIDUAL_MEMBER_HEADERS" : "INDIVIDUAL_HEADERS");
            if (list->methods.scorecard)
                dictionary.ShowSection("SCORE_HEADER");
            const bool mail =
                fill_mail_controls(dictionary, context, request, list->case_record.institution_id, case_id);
            const bool selectable = mail || list->can_change_status;
            if (selectable)
                dictionary.ShowSection("BULK_FORM");
            if (list->can_change_status) {
                auto* status = dictionary.AddSectionDictionary("CAN_CHANGE_STATUS");
                if (list->may_reject)
                    status->ShowSection("MAY_REJECT");
                else
                    status->ShowSection("REJECT_AFTER_DEADLINE");
            }
            const RowLabels labels(context, request);
            for (const auto& application : list->page.rows) {
                auto* row = dictionary.AddSectionDictionary("APPLICATION");
                fill_list_row(*row, labels, *list, application);
                if (selectable)
                    row->ShowSection("SELECTABLE");
            }
            const auto filters = filter_string(request);
            if (list->page.has_previous && !list->page.rows.empty())
                dictionary.SetValueAndShowSection(
                    "PREVIOUS_HREF", "?before=" + std::to_string(list->page.rows.front().id) + filters,
                    "HAS_PREVIOUS");
            if (list->page.has_next && !list->page.rows.empty())
                dictionary.SetValueAndShowSection(
                    "NEXT_HREF", "?after=" + std::to_string(list->page.rows.back().id) + filters, "HAS_NEXT");
            if (list->page.has_previous || list->page.has_next)
                dictionary.SetValueAndShowSection(
                    "FIRST_HREF", "?" + (filters.empty() ? "" : filters.substr(1)), "HAS_PAGING");
            fill_search(dictionary, context, request, case_id);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
            if (request.query_value("registered"))
                show_notice(dictionary, context, request, msgid("The application has been registered."));
            if (request.query_value("declared"))
                show_notice(dictionary, context, request, msgid("Your declarations have been saved."));
            if (request.query_value("conflict"))
                show_notice(dictionary, context, request,
                            msgid("Your conflict of interest has been recorded. The applicant is no longer "
                                  "shown to you."));
            if (auto changed = request.query_value("changed")) {
                dictionary.SetValue("CHANGED", *changed);
                dictionary.SetValue("REFUSED", request.query_value("refused").value_or("0"));
                dictionary.ShowSection("HAS_CHANGED");
            }
        },
        form_status(error));
}

Response show_case_applications(AppContext& context, Request& request)
{
    return show_case_applications_with(context, request, std::nullopt);
}

Response application_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                          const std::string& note_text)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto view = context.applications.open(request.actor(), institution_of(request), case_id,
                                          parse_id(request.param("application_id")), request.origin());
    if (!view) {
        if (auto redirect = redirect_to_declarations(view.error(), case_id))
            return *redirect;
        return error_response(context, request, view.error());
    }
    auto response = page(
        context, request, "applications/show",
        tr(context, request, msgid("Application")) + " " + domain::application_reference(view->application),
        [&](Dictionary& dictionary) {
            fill_application(dictionary, context, request, *view);
            fill_assessment_panel(dictionary, context, request, case_id, view->application.id, error,
                                  note_text);
            fill_communication_log(dictionary, context, request, view->case_record.id, view->application.id);
            if (request.query_value("resent"))
                show_notice(dictionary, context, request,
                            msgid("The mail has been queued to be sent again."));
            if (request.query_value("saved"))
                show_notice(dictionary, context, request, msgid("Your changes have been saved."));
            if (request.query_value("rectified"))
                show_notice(dictionary, context, request,
                            msgid("The personal data has been corrected and the request recorded."));
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response show_case_application(AppContext& context, Request& request)
{
    return application_page(context, request, std::nullopt, {});
}

namespace {

Response rectification_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto view = context.applications.rectification_context(request.actor(), institution_of(request), case_id,
                                                           parse_id(request.param("application_id")),
                                                           request.origin());
    if (!view) {
        if (auto redirect = redirect_to_declarations(view.error(), case_id))
            return *redirect;
        return error_response(context, request, view.error());
    }
    const auto& application = view->application;
    const bool posted = request.method == "POST";
    auto response = page(
        context, request, "applications/rectify", tr(context, request, msgid("Correct personal data")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", view->case_record.id);
            dictionary.SetIntValue("APPLICATION_ID", application.id);
            dictionary.SetValue("REFERENCE", domain::application_reference(application));
            dictionary.SetValue("CURRENT_NAME", application.full_name);
            dictionary.SetValue("CURRENT_EMAIL", application.email);
            dictionary.SetValue("CURRENT_PHONE", application.phone);
            keep_value(dictionary, "full_name",
                       posted ? request.form_or("full_name") : application.full_name);
            keep_value(dictionary, "email", posted ? request.form_or("email") : application.email);
            keep_value(dictionary, "phone", posted ? request.form_or("phone") : application.phone);
            keep_value(dictionary, "reason", request.form_or("reason"));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace

Response show_rectification(AppContext& context, Request& request)
{
    return rectification_page(context, request, std::nullopt);
}

Response submit_rectification(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto application_id = parse_id(request.param("application_id"));
    domain::RectificationForm form{request.form_or("full_name"), request.form_or("email"),
                                   request.form_or("phone"), request.form_or("reason")};
    auto changed = context.applications.rectify(request.actor(), institution_of(request), case_id,
                                                application_id, form, request.origin());
    if (changed)
        return Response::redirect("/cases/" + std::to_string(case_id) + "/applications/" +
                                  std::to_string(application_id) + "?rectified=1");
    if (changed.error().kind == core::ErrorKind::invalid)
        return rectification_page(context, request, changed.error());
    return error_response(context, request, changed.error());
}

Response download_case_attachment(AppContext& context, Request& request)
{
    auto file = context.applications.download(request.actor(), institution_of(request),
                                              parse_id(request.param("case_id")),
                                              parse_id(request.param("application_id")),
                                              parse_id(request.param("attachment_id")), request.origin());
    if (!file)
        return error_response(context, request, file.error());
    auto response = Response::file(file->path, file->media_type);
    response.remove_file_after = true;
    const bool inline_pdf = file->media_type == "application/pdf" && request.query_value("inline");
    response.set_header("Content-Disposition",
                        domain::content_disposition(inline_pdf ? "inline" : "attachment", file->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace rekrut::web
