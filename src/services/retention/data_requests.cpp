#include "services/retention/data_requests.hpp"

#include <map>
#include <soci/soci.h>

#include "domain/access/policy.hpp"
#include "domain/application/application_status.hpp"
#include "domain/email_address.hpp"
#include "domain/retention/retention.hpp"
#include "services/applications/applicant_export.hpp"
#include "services/applications/application_support.hpp"
#include "store/application_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/retention_store.hpp"

namespace rekrut::services {
namespace {

bool may_handle(const domain::Actor& actor, std::int64_t institution_id)
{
    return domain::can(actor, domain::Action::edit_institution_setup, {institution_id, {}, {}, false, {}});
}

} // namespace

DataRequests::DataRequests(store::Database& database, store::FileStore& files, std::string spool_dir)
    : m_database(database), m_files(files), m_spool_dir(std::move(spool_dir))
{
}

core::Result<std::vector<PersonApplication>> DataRequests::find(const domain::Actor& actor,
                                                                std::int64_t institution_id,
                                                                const std::string& email,
                                                                const Origin& origin)
{
    if (!may_handle(actor, institution_id))
        return core::Error::forbidden();
    auto address = domain::normalize_email_address(email);
    if (!address)
        return core::Error::invalid(
            core::msgid("Check the marked fields."),
            {{"email", core::msgid("Enter a valid e-mail address, for example name@example.test.")}});
    return m_database.transact([&](store::Transaction& transaction)
                                   -> core::Result<std::vector<PersonApplication>> {
        soci::session& sql = transaction;
        long long institution = institution_id, id = 0, case_id = 0, received = 0;
        std::string name, status, title;
        soci::statement statement =
            (sql.prepare
                 << "SELECT a.id, a.case_id, c.title, a.full_name, a.status, a.received_at FROM applications "
                    "a"
                    " JOIN recruitment_cases c ON c.id = a.case_id AND c.institution_id = a.institution_id"
                    " WHERE a.institution_id = :institution AND LOWER(a.email) = LOWER(:email) ORDER BY a.id",
             soci::into(id), soci::into(case_id), soci::into(title), soci::into(name), soci::into(status),
             soci::into(received), soci::use(institution), soci::use(*address));
        statement.execute();
        std::vector<PersonApplication> found;
        while (statement.fetch())
            found.push_back({id, case_id, title, name, status, received});
        // Recorded without the address: the audit trail cannot be erased.
        record_audit(transaction, origin,
                     {institution_id, "data_request.searched", "institution", std::to_string(institution_id),
                      "{}", json_object({{"applications", std::to_string(found.size())}})});
        return found;
    });
}

core::Result<DecryptedFile> DataRequests::export_application(const domain::Actor& actor,
                                                             std::int64_t institution_id,
                                                             std::int64_t application_id,
                                                             const Origin& origin)
{
    if (!may_handle(actor, institution_id))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<DecryptedFile> {
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!application)
            return core::Error::not_found();
        auto record = store::cases::find(transaction, institution_id, application->case_id);
        if (!record)
            return core::Error::not_found();
        applications::ExportContext context{record->title, "", {}};
        if (auto institution = store::InstitutionStore::find_in(transaction, institution_id))
            context.institution_name = institution->name;
        for (const auto& question : store::cases::questions(transaction, institution_id, record->id))
            for (const auto& answer : application->answers)
                if (answer.question_id == question.id)
                    context.answers.emplace_back(question.text, answer.answer);
        auto path = applications::write_export(transaction, m_files, *application, context, m_spool_dir);
        if (!path)
            return path.error();
        applications::log_access(transaction, *application, std::nullopt, actor.user_id, "staff_export",
                                 origin);
        register_access_request(transaction, *application, "staff", actor.user_id, core::now());
        record_audit(transaction, origin,
                     {institution_id, "data_request.exported", "application", std::to_string(application_id),
                      "{}", json_object({{"case_id", std::to_string(application->case_id)}})});
        return DecryptedFile{*path, "ansoegning-" + domain::application_reference(*application) + ".zip",
                             "application/zip"};
    });
}

core::Result<PersonApplication> DataRequests::application(const domain::Actor& actor,
                                                          std::int64_t institution_id,
                                                          std::int64_t application_id)
{
    if (!may_handle(actor, institution_id))
        return core::Error::forbidden();
    return m_database.read([&](store::Session& session) -> core::Result<PersonApplication> {
        auto application = store::applications::find(session, institution_id, application_id);
        if (!application)
            return core::Error::not_found();
        auto record = store::cases::find(session, institution_id, application->case_id);
        return PersonApplication{application->id,
                                 application->case_id,
                                 record ? record->title : "",
                                 application->full_name,
                                 std::string(domain::to_string(application->status)),
                                 application->received_at};
    });
}

core::Result<ErasureOutcome> DataRequests::request_erasure(const domain::Actor& actor,
                                                           std::int64_t institution_id,
                                                           std::int64_t application_id, const Origin& origin)
{
    if (!may_handle(actor, institution_id))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<ErasureOutcome> {
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!application)
            return core::Error::not_found();
        auto outcome =
            services::request_erasure(transaction, *application, "staff", actor.user_id, core::now());
        record_audit(transaction, origin,
                     {institution_id, "data_request.erasure", "application", std::to_string(application_id),
                      "{}",
                      json_object({{"case_id", std::to_string(application->case_id)},
                                   {"outcome", std::string(to_string(outcome))}})});
        return outcome;
    });
}

core::Result<std::vector<DataRequests::RegisterLine>>
DataRequests::register_lines(const domain::Actor& actor, std::int64_t institution_id, core::UnixTime now)
{
    if (!may_handle(actor, institution_id))
        return core::Error::forbidden();
    return m_database.read([&](store::Session& session) {
        std::vector<RegisterLine> lines;
        std::map<std::int64_t, std::string> titles;
        for (const auto& entry :
             store::retention::data_requests(session, institution_id, domain::add_months(now, -12), 500)) {
            RegisterLine line{entry.received_at, entry.kind, entry.channel,        entry.outcome,
                              entry.case_id,     "",         entry.handled_by_name};
            if (entry.case_id) {
                auto title = titles.find(*entry.case_id);
                if (title == titles.end()) {
                    auto record = store::cases::find(session, institution_id, *entry.case_id);
                    title = titles.emplace(*entry.case_id, record ? record->title : "").first;
                }
                line.case_title = title->second;
            }
            lines.push_back(std::move(line));
        }
        return lines;
    });
}

} // namespace rekrut::services
