#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/ip_address.hpp"

namespace rekrut::core {

/// The header in which trusted reverse proxies pass on the client's address.
enum class ForwardedHeader {
    x_forwarded_for, ///< `X-Forwarded-For: client, proxy1` (nginx, HAProxy, most load balancers)
    forwarded,       ///< `Forwarded: for=client, for=proxy1` (RFC 7239)
};

/// Everything the process can be configured with. Defaults suit `make run`; a TOML file
/// (`--config`) and then `REKRUT_*` environment variables override them.
struct Config {
    // [server]
    std::string listen = "127.0.0.1:8080";
    unsigned io_threads = 2;      ///< libmicrohttpd event threads (epoll each).
    unsigned worker_threads = 8;  ///< Threads that run handlers which may block.
    unsigned hashing_threads = 2; ///< Threads for password hashing (64 MiB each).
    std::size_t max_body_bytes = std::size_t{40} * 1024 * 1024;
    std::size_t max_header_bytes = std::size_t{32} * 1024;
    unsigned max_connections = 2000;
    unsigned max_connections_per_ip = 64;
    unsigned connection_timeout_seconds = 30;
    unsigned max_queued_requests = 512; ///< Waiting requests per worker pool before 503.
    unsigned job_interval_seconds = 30; ///< How often background jobs (deadlines) run.
    /// After SIGTERM or SIGINT, how long the server goes on serving while /readyz answers 503, so that
    /// load balancers send new requests elsewhere, before it stops accepting and drains.
    unsigned shutdown_grace_seconds = 5;
    bool secure_cookies = false; ///< Set when served behind TLS.
    std::string public_url = "http://127.0.0.1:8080";
    /// host:port of the internal listener that serves /metrics; empty: metrics are not served.
    std::string metrics_listen;
    /// Reverse proxies whose forwarding header names the client; empty: the peer is the client.
    std::vector<AddressRange> trusted_proxies;
    ForwardedHeader forwarded_header = ForwardedHeader::x_forwarded_for;
    // [database]
    std::string database_url = "sqlite:var/rekrut.db";
    unsigned database_pool_size = 8;
    /// PostgreSQL: the owner role's URL, used for migrations. Empty: migrations use `database_url`.
    std::string database_migration_url;
    /// PostgreSQL: the role the server connects as (the user of `database_url`); after migrating,
    /// the owner grants it what it needs, and no more than appending to the audit trail.
    std::string database_runtime_role;
    // [paths]
    std::string resource_dir; ///< Holds templates/, web/; empty: found from the executable.
    std::string locale_dir;   ///< Compiled catalogs; empty: next to the executable.
    std::string upload_dir;   ///< Temporary storage for uploads; empty: the system temp dir.
    // [applications]
    std::size_t max_file_bytes = std::size_t{10} * 1024 * 1024;        ///< One attachment.
    std::size_t max_application_bytes = std::size_t{30} * 1024 * 1024; ///< All of one application's files.
    // [security]
    std::string key_file = "var/rekrut.key"; ///< The secret key (core/secret_key.hpp); created when missing.
    // [audit]
    /// Where the audit chain's head is anchored outside the database: an append-only file, "syslog",
    /// or "" for nowhere (services/audit_anchor.hpp).
    std::string audit_anchor = "var/audit-anchor.log";
    unsigned audit_anchor_interval_seconds = 300;
    // [backup]
    /// Where the scheduled backups are written; empty: no scheduled backup (docs/operations.md).
    std::string backup_directory;
    unsigned backup_interval_hours = 24; ///< One backup per this many hours, made by one node.
    unsigned backup_keep = 7;            ///< The newest backups kept in backup_directory; older are deleted.
    /// Where pg_dump and pg_restore are (PostgreSQL only).
    std::string backup_postgresql_bin_dir = "/usr/lib/postgresql/15/bin";
    // [smtp]
    std::string smtp_url; ///< Empty: mail stays in the outbox (readable by the operator).
    std::string smtp_from = "Rekrut <noreply@example.test>";
    std::string smtp_username;
    std::string smtp_password; ///< A secret: never logged.
    /// At most this many mails a second towards the SMTP server (0: as fast as it takes them).
    unsigned smtp_max_per_second = 0;
    /// The wait before the first retry of a mail the server did not take; each further retry waits
    /// twice as long.
    unsigned smtp_retry_seconds = 30;
    /// How long a node's claim on the mails it is sending holds: another node takes over the mails
    /// of a node that crashed once this has passed.
    unsigned smtp_lease_seconds = 300;
    // [jobnet]
    /// The job-ad web service; empty: ads are not transferred (and Jobnet's rules are not checked).
    std::string jobnet_endpoint;
    std::string jobnet_username;
    /// A file holding the password (its first line), so the secret stays out of the configuration.
    std::string jobnet_password_file;
    /// The namespace of the service's elements (empty: the default of integrations/jobnet_xml.hpp).
    std::string jobnet_namespace;
    /// The wait before the first retry of a failed call; each further retry waits twice as long.
    unsigned jobnet_retry_seconds = 30;
    /// How long a node's claim on the transfers it is making holds: another node takes over the
    /// transfers of a node that crashed once this has passed. A call times out after 20 s and a
    /// transfer makes at most six, so it is at least 150 s.
    unsigned jobnet_lease_seconds = 150;
    // [mail]
    bool mail_log_links = false; ///< Demo only: mailed links also go to the server log.
    // [support] The contact users see in every page's footer and on /help.
    std::string support_email; ///< Empty: no address shown.
    std::string support_phone; ///< Empty: no number shown.
    /// When support answers, as one line of text; empty: the service hours (weekdays 08:30–16:00).
    std::string support_hours;
    // [log]
    std::string log_level = "info";
    bool access_log = true;
    // [dev]
    bool reload_templates = false;
};

/// One problem found while reading configuration, named after the key or variable.
struct ConfigProblem {
    std::string key;
    std::string message;
};

struct ConfigLoad {
    Config config;
    std::vector<ConfigProblem> problems;
};

/// Reads the optional TOML file, then the environment (`environ`). Unknown keys, unknown
/// REKRUT_* variables and bad values are collected as problems, not thrown.
ConfigLoad load_config(const std::string& toml_path, char** environment);

} // namespace rekrut::core
