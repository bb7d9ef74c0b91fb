#include "simulators/jobnet_simulator.hpp"

#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <ctime>
#include <iostream>
#include <microhttpd.h>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <vector>

#include "integrations/jobnet_xml.hpp"

namespace rekrut::simulators {
namespace {

namespace jobnet = integrations::jobnet;

constexpr std::size_t k_max_request = std::size_t{1024} * 1024;

/// How the simulator answers the next calls.
/// `drop_add_answer` is `drop_after` for AddJob calls only: the others are answered and not counted.
enum class Mode { normal, slow, error, drop, drop_after, drop_add_answer };

std::optional<Mode> mode_from(std::string_view text)
{
    if (text == "normal")
        return Mode::normal;
    if (text == "slow")
        return Mode::slow;
    if (text == "error")
        return Mode::error;
    if (text == "drop")
        return Mode::drop;
    if (text == "drop_after")
        return Mode::drop_after;
    if (text == "drop_add_answer")
        return Mode::drop_add_answer;
    return std::nullopt;
}

/// Phrases that state an age requirement, which Jobnet does not approve (forskelsbehandlingsloven).
constexpr std::array<std::string_view, 5> k_age_phrases{"ung og dynamisk", "young and dynamic", "under 30 år",
                                                        "max 30 år", "under 30 years"};

std::string lowercase(std::string text)
{
    for (char& ch : text)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
}

std::string today()
{
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 16> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%d", &utc);
    return buffer.data();
}

std::string escape_html(std::string_view text)
{
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

struct Ad {
    std::string job_id;
    std::string reference;
    std::string status;
    std::string reason;
    std::string title;
    std::string employer_cvr;
    std::string language;
    std::string publication_end;
    long long operations = 0;
};

/// The simulator's ads in its SQLite file. Every method runs under the caller's lock.
class AdStore {
public:
    explicit AdStore(const std::string& path)
    {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        exec("PRAGMA journal_mode=WAL");
        exec("CREATE TABLE IF NOT EXISTS ads (id INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE,"
             " reference TEXT NOT NULL UNIQUE, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',"
             " title TEXT NOT NULL, employer_cvr TEXT NOT NULL, language TEXT NOT NULL,"
             " description TEXT NOT NULL, publication_end TEXT NOT NULL, operations INTEGER NOT NULL DEFAULT "
             "1)");
    }
    ~AdStore() { sqlite3_close(m_db); }
    AdStore(const AdStore&) = delete;
    AdStore& operator=(const AdStore&) = delete;

    std::optional<Ad> by(const char* column, const std::string& value)
    {
        std::string sql =
            std::string("SELECT job_id, reference, status, reason, title, employer_cvr, language,"
                        " publication_end, operations FROM ads WHERE ") +
            column + " = ?";
        auto rows = select(sql, {value});
        if (rows.empty())
            return std::nullopt;
        return rows.front();
    }

    std::vector<Ad> all()
    {
        return select(
            "SELECT job_id, reference, status, reason, title, employer_cvr, language, publication_end,"
            " operations FROM ads ORDER BY id DESC LIMIT 500",
            {});
    }

    std::string next_job_id()
    {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT COALESCE(MAX(id), 0) + 1 FROM ads", -1, &statement, nullptr);
        long long next = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 1;
        sqlite3_finalize(statement);
        return "JN" + std::to_string(100000 + next);
    }

    void insert(const Ad& ad, const std::string& description)
    {
        run("INSERT INTO ads (job_id, reference, status, title, employer_cvr, language, description,"
            " publication_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {ad.job_id, ad.reference, ad.status, ad.title, ad.employer_cvr, ad.language, description,
             ad.publication_end});
    }

    void update_content(const std::string& job_id, const jobnet::JobAd& ad)
    {
        run("UPDATE ads SET title = ?, employer_cvr = ?, language = ?, description = ?, publication_end = ?,"
            " operations = operations + 1 WHERE job_id = ?",
            {ad.title, ad.employer_cvr, ad.language, ad.description_html, ad.publication_end, job_id});
    }

    std::string description(const std::string& job_id)
    {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT description FROM ads WHERE job_id = ?", -1, &statement, nullptr);
        sqlite3_bind_text(statement, 1, job_id.c_str(), -1, SQLITE_TRANSIENT);
        std::string out;
        if (sqlite3_step(statement) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        return out;
    }

    void set_status(const std::string& job_id, const std::string& status, const std::string& reason)
    {
        run("UPDATE ads SET status = ?, reason = ?, operations = operations + 1 WHERE job_id = ?",
            {status, reason, job_id});
    }

private:
    void exec(const char* sql) { sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }

    void run(const std::string& sql, const std::vector<std::string>& values)
    {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr);
        for (std::size_t i = 0; i < values.size(); ++i)
            sqlite3_bind_text(statement, static_cast<int>(i + 1), values[i].c_str(), -1, SQLITE_TRANSIENT);
        int result = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (result != SQLITE_DONE)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }

    std::vector<Ad> select(const std::string& sql, const std::vector<std::string>& values)
    {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr);
        for (std::size_t i = 0; i < values.size(); ++i)
            sqlite3_bind_text(statement, static_cast<int>(i + 1), values[i].c_str(), -1, SQLITE_TRANSIENT);
        std::vector<Ad> rows;
        auto text = [&](int column) {
            const unsigned char* value = sqlite3_column_text(statement, column);
            return value == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(value));
        };
        while (sqlite3_step(statement) == SQLITE_ROW)
            rows.push_back({text(0), text(1), text(2), text(3), text(4), text(5), text(6), text(7),
                            sqlite3_column_int64(statement, 8)});
        sqlite3_finalize(statement);
        return rows;
    }

    sqlite3* m_db = nullptr;
};

struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "text/xml; charset=utf-8";
};

class Simulator {
public:
    explicit Simulator(const JobnetSimulatorOptions& options)
        : m_options(options),
          m_namespace(options.service_namespace.empty() ? std::string(jobnet::k_default_namespace)
                                                        : options.service_namespace),
          m_store(options.database)
    {
    }

    /// The mode for this call; counts down a limited failure.
    Mode take_mode(const std::string& body)
    {
        std::lock_guard lock(m_mutex);
        Mode mode = m_mode;
        if (mode == Mode::drop_add_answer) {
            auto request = jobnet::read_request(body);
            if (!request || request->operation != jobnet::Operation::add)
                return Mode::normal;
        }
        if (mode != Mode::normal && m_remaining > 0 && --m_remaining == 0)
            m_mode = Mode::normal;
        return mode;
    }

    void set_mode(Mode mode, int count)
    {
        std::lock_guard lock(m_mutex);
        m_mode = mode;
        m_remaining = count;
    }

    Reply soap(const std::string& body)
    {
        auto request = jobnet::read_request(body);
        if (!request)
            return fault("Client", request.error().message);
        if (request->username != m_options.username || request->password != m_options.password)
            return fault("Client.Authentication", "Wrong username or password.");
        std::lock_guard lock(m_mutex);
        try {
            return handle(*request);
        } catch (const std::exception& error) {
            return fault("Server", error.what());
        }
    }

    std::string page()
    {
        std::lock_guard lock(m_mutex);
        std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Jobnet "
                           "simulator</title></head><body><main><h1>Jobnet simulator</h1>"
                           "<table><caption>Ads received</caption><thead><tr><th scope=\"col\">Job id</th>"
                           "<th scope=\"col\">Reference</th><th scope=\"col\">Title</th><th scope=\"col\">"
                           "Employer CVR</th><th scope=\"col\">Status</th><th scope=\"col\">Reason</th>"
                           "<th scope=\"col\">Calls</th></tr></thead><tbody>";
        for (const auto& ad : m_store.all())
            html += "<tr><td>" + escape_html(ad.job_id) + "</td><td>" + escape_html(ad.reference) +
                    "</td><td>" + escape_html(ad.title) + "</td><td>" + escape_html(ad.employer_cvr) +
                    "</td><td>" + escape_html(shown_status(ad)) + "</td><td>" + escape_html(ad.reason) +
                    "</td><td>" + std::to_string(ad.operations) + "</td></tr>";
        html += "</tbody></table></main></body></html>";
        return html;
    }

private:
    static std::string shown_status(const Ad& ad)
    {
        if (ad.status == "Publication" && !ad.publication_end.empty() && ad.publication_end < today())
            return "PublicationEnd";
        return ad.status;
    }

    Reply fault(const std::string& code, const std::string& reason)
    {
        return {500, jobnet::write_fault({code, reason})};
    }

    Reply ok(jobnet::Operation operation, const Ad& ad)
    {
        return {200, jobnet::write_reply(m_namespace, operation,
                                         {ad.job_id, ad.reference, shown_status(ad), ad.reason})};
    }

    static std::string review(const std::string& description)
    {
        std::string text = lowercase(description);
        for (auto phrase : k_age_phrases)
            if (text.find(phrase) != std::string::npos)
                return "The ad states an age requirement, which the Danish anti-discrimination act does not "
                       "allow.";
        return {};
    }

    Reply handle(const jobnet::Request& request)
    {
        using jobnet::Operation;
        if (request.operation == Operation::add) {
            auto problems = jobnet::check_job_ad(request.ad);
            if (request.ad.reference.empty())
                return fault("Client", "ExternalReference is required.");
            if (!problems.empty()) {
                std::string reason = "The ad lacks required fields:";
                for (const auto& problem : problems)
                    reason += " " + problem.field;
                return fault("Client", reason);
            }
            if (auto existing = m_store.by("reference", request.ad.reference))
                return fault("Client", "An ad with this ExternalReference exists: " + existing->job_id);
            Ad ad{m_store.next_job_id(),
                  request.ad.reference,
                  "Processed",
                  "",
                  request.ad.title,
                  request.ad.employer_cvr,
                  request.ad.language,
                  request.ad.publication_end,
                  1};
            m_store.insert(ad, request.ad.description_html);
            return ok(request.operation, ad);
        }
        std::optional<Ad> ad = request.job_id.empty() ? m_store.by("reference", request.reference)
                                                      : m_store.by("job_id", request.job_id);
        if (!ad)
            return fault("Client.NotFound", "No ad has this id.");
        switch (request.operation) {
        case Operation::get: return ok(request.operation, *ad);
        case Operation::update: {
            if (ad->status == "Closed" || ad->status == "Deleted")
                return fault("Client", "The ad is " + ad->status + " and cannot be changed.");
            auto problems = jobnet::check_job_ad(request.ad);
            if (!problems.empty())
                return fault("Client", "The ad lacks required fields: " + problems.front().field);
            m_store.update_content(ad->job_id, request.ad);
            if (ad->status == "Publication" || ad->status == "NotApproved") {
                std::string reason = review(request.ad.description_html);
                m_store.set_status(ad->job_id, reason.empty() ? "Publication" : "NotApproved", reason);
            }
            break;
        }
        case Operation::publish: {
            if (ad->status == "Closed" || ad->status == "Deleted")
                return fault("Client", "The ad is " + ad->status + " and cannot be published.");
            std::string reason = review(m_store.description(ad->job_id));
            m_store.set_status(ad->job_id, reason.empty() ? "Publication" : "NotApproved", reason);
            break;
        }
        case Operation::close:
            if (ad->status != "Deleted")
                m_store.set_status(ad->job_id, "Closed", "");
            break;
        case Operation::remove: m_store.set_status(ad->job_id, "Deleted", ""); break;
        case Operation::add: break;
        }
        return ok(request.operation, *m_store.by("job_id", ad->job_id));
    }

    const JobnetSimulatorOptions& m_options;
    std::string m_namespace;
    std::mutex m_mutex;
    AdStore m_store;
    Mode m_mode = Mode::normal;
    int m_remaining = 0;
};

struct Exchange {
    std::string body;
    bool too_large = false;
};

MHD_Result send_reply(MHD_Connection* connection, const Reply& reply)
{
    MHD_Response* response = MHD_create_response_from_buffer(
        reply.body.size(), const_cast<char*>(reply.body.data()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(response, "Content-Type", reply.content_type.c_str());
    MHD_Result result = MHD_queue_response(connection, static_cast<unsigned>(reply.status), response);
    MHD_destroy_response(response);
    return result;
}

std::string form_value(MHD_Connection* connection, const std::string& body, const char* key)
{
    if (const char* value = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, key))
        return value;
    std::string prefix = std::string(key) + "=";
    std::size_t at = 0;
    while (at < body.size()) {
        std::size_t end = body.find('&', at);
        std::string pair = body.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (pair.rfind(prefix, 0) == 0)
            return pair.substr(prefix.size());
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return {};
}

MHD_Result on_access(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char* upload_data, size_t* upload_data_size, void** state)
{
    auto& simulator = *static_cast<Simulator*>(cls);
    if (*state == nullptr) {
        *state = new Exchange();
        return MHD_YES;
    }
    auto& exchange = *static_cast<Exchange*>(*state);
    if (*upload_data_size > 0) {
        if (exchange.body.size() + *upload_data_size > k_max_request)
            exchange.too_large = true;
        else
            exchange.body.append(upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    std::string_view path(url);
    std::string_view verb(method);
    if (verb == "GET" && path == "/")
        return send_reply(connection, {200, simulator.page(), "text/html; charset=utf-8"});
    if (verb == "POST" && path == "/control") {
        auto mode = mode_from(form_value(connection, exchange.body, "mode"));
        if (!mode)
            return send_reply(
                connection,
                {400, "mode: normal, slow, error, drop, drop_after or drop_add_answer\n", "text/plain"});
        std::string count = form_value(connection, exchange.body, "count");
        simulator.set_mode(*mode, count.empty() ? 0 : std::atoi(count.c_str()));
        return send_reply(connection, {200, "ok\n", "text/plain"});
    }
    if (verb != "POST")
        return send_reply(connection, {404, "not found\n", "text/plain"});
    if (exchange.too_large)
        return send_reply(connection, {413, "too large\n", "text/plain"});
    switch (simulator.take_mode(exchange.body)) {
    case Mode::slow: std::this_thread::sleep_for(std::chrono::seconds(3)); break;
    case Mode::error:
        return send_reply(connection, {500, "<html><body>Internal error</body></html>", "text/html"});
    case Mode::drop: return MHD_NO; // closes the connection without an answer
    case Mode::drop_after:
    case Mode::drop_add_answer:
        simulator.soap(exchange.body);
        return MHD_NO; // the work is done, the answer lost
    case Mode::normal: break;
    }
    return send_reply(connection, simulator.soap(exchange.body));
}

void on_completed(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode)
{
    delete static_cast<Exchange*>(*state);
    *state = nullptr;
}

} // namespace

int run_jobnet_simulator(const JobnetSimulatorOptions& options, const sigset_t& stop_signals)
{
    std::optional<Simulator> simulator;
    try {
        simulator.emplace(options);
    } catch (const std::exception& error) {
        std::cerr << "jobnet-sim: " << error.what() << "\n";
        return 1;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(options.port));
    if (inet_pton(AF_INET, options.address.c_str(), &address.sin_addr) != 1) {
        std::cerr << "jobnet-sim: not an IPv4 address: " << options.address << "\n";
        return 1;
    }
    MHD_Daemon* daemon =
        MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION,
                         static_cast<std::uint16_t>(options.port), nullptr, nullptr, &on_access, &*simulator,
                         MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_NOTIFY_COMPLETED, &on_completed, nullptr,
                         MHD_OPTION_CONNECTION_TIMEOUT, 30U, MHD_OPTION_END);
    if (daemon == nullptr) {
        std::cerr << "jobnet-sim: cannot listen on " << options.address << ":" << options.port << "\n";
        return 1;
    }
    std::cout << "{\"event\":\"jobnet_simulator_listening\",\"address\":\"" << options.address
              << "\",\"port\":" << options.port << "}" << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    MHD_stop_daemon(daemon);
    return 0;
}

} // namespace rekrut::simulators
