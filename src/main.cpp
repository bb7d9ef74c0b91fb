// Composition root: configuration → database → services → web. Each subcommand is a function here.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <unistd.h>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "services/demo_seed.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "web/app_context.hpp"
#include "web/application.hpp"
#include "web/http_server.hpp"
#include "web/i18n.hpp"
#include "web/metrics.hpp"
#include "web/views.hpp"

extern char **environ;

namespace rekrut {
namespace fs = std::filesystem;

namespace {

fs::path executable_dir()
{
    std::error_code error;
    fs::path self = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::current_path() : self.parent_path();
}

/// The folder that holds templates/, migrations/ and web/: configured, or found by walking up
/// from the executable (build/<preset>/rekrut), or the working directory.
std::string find_resource_dir(const core::Config &config)
{
    if (!config.resource_dir.empty())
        return config.resource_dir;
    for (fs::path dir = executable_dir(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
        if (fs::exists(dir / "templates") && fs::exists(dir / "migrations"))
            return dir.string();
    return fs::current_path().string();
}

std::string find_locale_dir(const core::Config &config)
{
    return config.locale_dir.empty() ? (executable_dir() / "locale").string() : config.locale_dir;
}

void ensure_sqlite_folder(const std::string &url)
{
    if (url.rfind("sqlite:", 0) != 0)
        return;
    fs::path file = url.substr(7);
    if (file.has_parent_path())
        fs::create_directories(file.parent_path());
}

int fail(const std::string &message)
{
    std::cerr << "rekrut: " << message << "\n";
    return 1;
}

std::unique_ptr<store::Database> open_database(const core::Config &config)
{
    ensure_sqlite_folder(config.database_url);
    return store::Database::open(config.database_url, config.database_pool_size);
}

int run_migrate(const core::Config &config, const std::string &resources)
{
    auto database = open_database(config);
    auto migrations =
        store::read_migrations(resources + "/migrations", database->dialect() == store::Dialect::sqlite);
    auto result = store::migrate(*database, migrations);
    if (!result)
        return fail(result.error().message);
    for (const auto &name : result->applied)
        std::cout << "applied " << name << "\n";
    std::cout << "database is at version " << (migrations.empty() ? 0 : migrations.back().version) << "\n";
    return 0;
}

int run_seed_demo(const core::Config &config, const std::string &resources)
{
    auto database = open_database(config);
    auto migrations =
        store::read_migrations(resources + "/migrations", database->dialect() == store::Dialect::sqlite);
    if (!store::migrations_current(*database, migrations))
        return fail("the database is not migrated; run `rekrut migrate` first");
    auto report = services::seed_demo(*database);
    if (!report.seeded) {
        std::cout << "the database already has data; demo data not added\n";
        return 0;
    }
    std::cout << "demo data added\n";
    for (const auto &line : report.logins)
        std::cout << line << "\n";
    return 0;
}

int run_serve(const core::Config &config, const std::string &resources)
{
    // Block the stop signals in every thread; this thread waits for them below.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    web::Translator translator;
    if (auto problem = translator.load(find_locale_dir(config)); !problem.empty())
        return fail(problem);
    web::Views views;
    if (auto problem = views.load(resources + "/templates", translator, !config.reload_templates);
        !problem.empty())
        return fail(problem);

    auto database = open_database(config);
    auto migrations =
        store::read_migrations(resources + "/migrations", database->dialect() == store::Dialect::sqlite);
    auto migrated = store::migrate(*database, migrations);
    if (!migrated)
        return fail(migrated.error().message);
    for (const auto &name : migrated->applied)
        core::log_event("info", "migration_applied", "\"name\":\"" + name + "\"");

    web::Metrics metrics;
    web::AppContext context{config,
                            *database,
                            translator,
                            views,
                            metrics,
                            migrations,
                            resources + "/web/node_modules/dkfds/dist",
                            resources + "/web/static",
                            nullptr};
    web::Application application(context);

    web::HttpServer::Options options;
    auto colon = config.listen.rfind(':');
    options.host = config.listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(config.listen.substr(colon + 1)));
    options.io_threads = config.io_threads;
    options.worker_threads = config.worker_threads;
    options.max_body_bytes = config.max_body_bytes;
    options.max_header_bytes = config.max_header_bytes;
    options.max_connections = config.max_connections;
    options.max_connections_per_ip = config.max_connections_per_ip;
    options.connection_timeout_seconds = config.connection_timeout_seconds;
    options.upload_dir = config.upload_dir.empty() ? fs::temp_directory_path().string() : config.upload_dir;

    web::HttpServer server(
        options, [&](web::Request &request) { return application.classify(request); },
        [&](web::Request &request) { return application.handle(request); });
    context.server = &server;
    if (auto problem = server.start(); !problem.empty())
        return fail(problem);
    core::log_event("info", "listening", "\"url\":\"http://" + config.listen + "\"");
    std::cout << "Rekrut is running on http://" << config.listen << "/" << std::endl;

    int received = 0;
    sigwait(&stop_signals, &received);
    core::log_event("info", "stopping", "\"signal\":" + std::to_string(received));
    server.stop_accepting();
    bool drained = server.drain(15000);
    server.stop();
    core::log_event("info", "stopped", std::string("\"drained\":") + (drained ? "true" : "false"));
    return 0;
}

} // namespace
} // namespace rekrut

int main(int argc, char **argv)
{
    using namespace rekrut;
    CLI::App cli{"Rekrut: e-recruitment for Danish state institutions"};
    cli.require_subcommand(1);
    std::string config_path;
    cli.add_option("--config", config_path, "TOML configuration file")->check(CLI::ExistingFile);
    auto *serve = cli.add_subcommand("serve", "Migrate the database and serve HTTP");
    auto *migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
    auto *seed = cli.add_subcommand("seed-demo", "Add synthetic demo data to an empty database");
    auto *version = cli.add_subcommand("version", "Print the version");
    CLI11_PARSE(cli, argc, argv);

    if (version->parsed()) {
        std::cout << "rekrut 0.1.0\n";
        return 0;
    }
    auto load = core::load_config(config_path, environ);
    if (!load.problems.empty()) {
        for (const auto &problem : load.problems)
            std::cerr << "rekrut: configuration: " << problem.key << " " << problem.message << "\n";
        return 2;
    }
    if (!core::init_crypto())
        return fail("libsodium could not be initialised");
    core::init_logging(load.config.log_level);
    std::string resources = find_resource_dir(load.config);
    try {
        if (serve->parsed())
            return run_serve(load.config, resources);
        if (migrate->parsed())
            return run_migrate(load.config, resources);
        if (seed->parsed())
            return run_seed_demo(load.config, resources);
    } catch (const std::exception &error) {
        return fail(error.what());
    }
    return 0;
}
