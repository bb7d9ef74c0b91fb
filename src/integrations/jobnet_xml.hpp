#pragma once

// Jobnet's job-ad web service on the wire: SOAP 1.1 envelopes for AddJob, UpdateJob, PublishJob,
// CloseJob, DeleteJob and GetJob with the credentials in the SOAP header, and the replies and faults.
// Both sides are here: the connector writes requests and reads replies, the simulator
// (`rekrut jobnet-sim`) reads requests and writes replies, so the two cannot drift apart.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rekrut::integrations::jobnet {

/// The SOAP 1.1 envelope namespace.
inline constexpr std::string_view k_soap_namespace = "http://schemas.xmlsoap.org/soap/envelope/";
/// The namespace of the job-ad service's elements, unless the configuration names another.
inline constexpr std::string_view k_default_namespace = "urn:jobnet:jobad:1";

enum class Operation { add, update, publish, close, remove, get };

/// "AddJob", "UpdateJob", "PublishJob", "CloseJob", "DeleteJob", "GetJob".
std::string_view operation_name(Operation operation);
std::optional<Operation> operation_from_name(std::string_view name);

struct Address {
    std::string street;
    std::string postcode; ///< Four digits.
    std::string city;
    std::string municipality_code; ///< Three digits.
};

struct Contact {
    std::string name;
    std::string title;
    std::string email;
    std::string phone;
};

/// One ad as Jobnet receives it. Dates are "YYYY-MM-DD"; the deadline is ISO 8601 in UTC.
struct JobAd {
    std::string reference; ///< Our own id of the ad, unique per installation: GetJob finds it again.
    std::string employer_cvr;
    std::string title;
    std::string description_html; ///< In Jobnet's HTML subset (see to_jobnet_html).
    Address workplace;
    Contact contact;
    std::string occupation_code;
    bool permanent = true;
    bool full_time = true;
    double weekly_hours = 37;
    int positions = 1;
    std::string publication_start;
    std::string publication_end;
    std::string application_deadline;
    std::string language = "da";
    std::string application_url;
};

/// What Jobnet says about one ad: its id, and its status in Jobnet's own words (Processed,
/// Publication, NotApproved, PublicationEnd, Closed, Deleted) with the reason where it gives one.
struct JobStatus {
    std::string job_id;
    std::string reference;
    std::string status;
    std::string reason;
};

/// One request as the simulator reads it.
struct Request {
    Operation operation = Operation::get;
    std::string username;
    std::string password;
    std::string job_id;    ///< UpdateJob, PublishJob, CloseJob, DeleteJob, GetJob by id.
    std::string reference; ///< GetJob by our reference.
    JobAd ad;              ///< AddJob and UpdateJob.
};

/// A SOAP fault. Its code is "Client" for a request Jobnet refuses as written (retrying it unchanged
/// cannot help), "Client.NotFound" when no ad has the id or reference asked for, "Client.Authentication"
/// for wrong credentials, and "Server" for a failure on Jobnet's side.
struct Fault {
    std::string code = "Client";
    std::string reason;
};

/// Keeps the ad text's paragraphs, line breaks, lists, bold and italics, and links as their text:
/// <p>, <br>, <ul>, <ol>, <li>, <strong>, <em>. Headings become bold paragraphs; every other tag is
/// dropped with its text kept. Expects the sanitized HTML the ad text renders to.
std::string to_jobnet_html(std::string_view html);

/// Everything Jobnet requires of an ad, each missing item on the case field it comes from (message
/// ids): the employer's CVR, the workplace's street, postcode, town and municipality, a contact person
/// with e-mail and phone, the occupation code, the weekly hours, the number of positions, the ad text
/// and a publication period of at most 8 weeks.
std::vector<core::FieldError> check_job_ad(const JobAd& ad);

/// The whole SOAP envelope of a request. `job_id` and `reference` are used by the operations that
/// take them; `ad` by AddJob and UpdateJob.
std::string write_request(std::string_view service_namespace, std::string_view username,
                          std::string_view password, Operation operation, const JobAd* ad,
                          std::string_view job_id, std::string_view reference);
/// Reads a request; an error (kind invalid) for anything that is not one of the six operations.
core::Result<Request> read_request(std::string_view xml);

std::string write_reply(std::string_view service_namespace, Operation operation, const JobStatus& status);
std::string write_fault(const Fault& fault);
/// The message of the error read_reply gives for a reply that is no SOAP envelope at all.
inline constexpr std::string_view k_unreadable_reply = "Jobnet's reply could not be read.";

/// Reads a reply. A fault comes back as an error: kind `invalid` with Jobnet's reason for a client
/// fault, `not_found` when GetJob found nothing, `unavailable` for a server fault or an unreadable reply.
/// The reason is in `Error::message` as Jobnet wrote it (not a message id).
core::Result<JobStatus> read_reply(std::string_view xml);

} // namespace rekrut::integrations::jobnet
