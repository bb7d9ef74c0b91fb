#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>

#include "core/config.hpp"

using rekrut::core::load_config;

namespace {

/// Each test writes its own file: CTest runs the tests of this file in parallel.
std::string write_toml(const std::string& text)
{
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string path = ::testing::TempDir() + "rekrut_config_" + test->name() + ".toml";
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST(Config, defaults_need_no_file_and_no_environment)
{
    char* environment[] = {nullptr};
    auto load = load_config("", environment);
    EXPECT_TRUE(load.problems.empty());
    EXPECT_EQ(load.config.listen, "127.0.0.1:8080");
    EXPECT_EQ(load.config.database_url, "sqlite:var/rekrut.db");
}

TEST(Config, environment_overrides_file)
{
    auto path = write_toml("[server]\nlisten = \"127.0.0.1:9000\"\n[database]\nurl = \"sqlite:a.db\"\n");
    std::string listen = "REKRUT_LISTEN=127.0.0.1:9100";
    std::string url = "REKRUT_DATABASE_URL=postgresql://rekrut@127.0.0.1:5432/rekrut";
    char* environment[] = {listen.data(), url.data(), nullptr};
    auto load = load_config(path, environment);
    EXPECT_TRUE(load.problems.empty());
    EXPECT_EQ(load.config.listen, "127.0.0.1:9100");
    EXPECT_EQ(load.config.database_url, "postgresql://rekrut@127.0.0.1:5432/rekrut");
}

TEST(Config, unknown_keys_and_bad_values_are_named)
{
    auto path = write_toml("[server]\nlisten = \"nonsense\"\nworkers = 4\n[nope]\nx = 1\n");
    std::string typo = "REKRUT_DATABSE_URL=sqlite:x.db";
    std::string bad = "REKRUT_SERVER_IO_THREADS=many";
    char* environment[] = {typo.data(), bad.data(), nullptr};
    auto load = load_config(path, environment);
    std::vector<std::string> keys;
    for (auto& problem : load.problems)
        keys.push_back(problem.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"nope.x", "server.listen", "server.workers",
                                              "REKRUT_DATABSE_URL", "REKRUT_SERVER_IO_THREADS"}))
        << "problems are reported in file order, then environment order";
    EXPECT_EQ(load.config.listen, "127.0.0.1:8080") << "a bad value leaves the default";
}

TEST(Config, unreadable_toml_is_a_problem_not_a_crash)
{
    auto path = write_toml("[server\nlisten=");
    char* environment[] = {nullptr};
    auto load = load_config(path, environment);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0].key, path);
}

TEST(Config, proxies_and_metrics_are_off_by_default)
{
    char* environment[] = {nullptr};
    auto load = load_config("", environment);
    EXPECT_TRUE(load.config.trusted_proxies.empty());
    EXPECT_EQ(load.config.forwarded_header, rekrut::core::ForwardedHeader::x_forwarded_for);
    EXPECT_EQ(load.config.metrics_listen, "");
    EXPECT_EQ(load.config.max_connections_per_ip, 64u);
}

TEST(Config, trusted_proxies_come_as_a_toml_list_or_a_comma_separated_variable)
{
    auto path = write_toml("[server]\ntrusted_proxies = [\"10.0.0.0/8\", \"2001:db8::/32\"]\n"
                           "forwarded_header = \"Forwarded\"\nmetrics_listen = \"127.0.0.1:9100\"\n");
    char* no_environment[] = {nullptr};
    auto load = load_config(path, no_environment);
    EXPECT_TRUE(load.problems.empty());
    ASSERT_EQ(load.config.trusted_proxies.size(), 2u);
    EXPECT_TRUE(load.config.trusted_proxies[1].contains(*rekrut::core::IpAddress::parse("2001:db8::5")));
    EXPECT_EQ(load.config.forwarded_header, rekrut::core::ForwardedHeader::forwarded);
    EXPECT_EQ(load.config.metrics_listen, "127.0.0.1:9100");

    std::string proxies = "REKRUT_SERVER_TRUSTED_PROXIES= 127.0.0.1 ,192.0.2.0/24,";
    char* environment[] = {proxies.data(), nullptr};
    load = load_config(path, environment);
    EXPECT_TRUE(load.problems.empty());
    ASSERT_EQ(load.config.trusted_proxies.size(), 2u) << "the variable replaces the file's list";
    EXPECT_TRUE(load.config.trusted_proxies[1].contains(*rekrut::core::IpAddress::parse("192.0.2.77")));
}

TEST(Config, bad_proxy_and_metrics_settings_are_named)
{
    auto path = write_toml("[server]\ntrusted_proxies = [\"10.0.0.0/8\", 7]\n");
    std::string proxies = "REKRUT_SERVER_TRUSTED_PROXIES=10.0.0.0/8,proxy.example.test";
    std::string header = "REKRUT_SERVER_FORWARDED_HEADER=X-Real-IP";
    std::string metrics = "REKRUT_SERVER_METRICS_LISTEN=localhost";
    char* environment[] = {proxies.data(), header.data(), metrics.data(), nullptr};
    auto load = load_config(path, environment);
    std::vector<std::string> keys;
    for (auto& problem : load.problems)
        keys.push_back(problem.key);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"server.trusted_proxies", "REKRUT_SERVER_TRUSTED_PROXIES",
                                        "REKRUT_SERVER_FORWARDED_HEADER", "REKRUT_SERVER_METRICS_LISTEN"}));
    EXPECT_TRUE(load.config.trusted_proxies.empty()) << "a list with a bad entry is not half applied";
}

TEST(Config, shutdown_grace_and_mail_lease_are_set_within_their_bounds)
{
    char* none[] = {nullptr};
    auto defaults = load_config("", none);
    EXPECT_EQ(defaults.config.shutdown_grace_seconds, 5u);
    EXPECT_EQ(defaults.config.smtp_lease_seconds, 300u);

    auto path = write_toml("[server]\nshutdown_grace_seconds = 0\n[smtp]\nlease_seconds = 120\n");
    auto set = load_config(path, none);
    EXPECT_TRUE(set.problems.empty());
    EXPECT_EQ(set.config.shutdown_grace_seconds, 0u);
    EXPECT_EQ(set.config.smtp_lease_seconds, 120u);

    std::string grace = "REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS=301";
    std::string lease = "REKRUT_SMTP_LEASE_SECONDS=10";
    char* environment[] = {grace.data(), lease.data(), nullptr};
    auto refused = load_config("", environment);
    std::vector<std::string> keys;
    for (auto& problem : refused.problems)
        keys.push_back(problem.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS",
                                              "REKRUT_SMTP_LEASE_SECONDS"}));
    EXPECT_EQ(refused.config.shutdown_grace_seconds, 5u) << "a bad value leaves the default";
    EXPECT_EQ(refused.config.smtp_lease_seconds, 300u);
}

TEST(Config, jobnet_lease_is_set_within_its_bounds)
{
    char* none[] = {nullptr};
    EXPECT_EQ(load_config("", none).config.jobnet_lease_seconds, 150u);

    auto path = write_toml("[jobnet]\nlease_seconds = 600\n");
    auto set = load_config(path, none);
    EXPECT_TRUE(set.problems.empty());
    EXPECT_EQ(set.config.jobnet_lease_seconds, 600u);

    std::string lease = "REKRUT_JOBNET_LEASE_SECONDS=149";
    char* environment[] = {lease.data(), nullptr};
    auto refused = load_config("", environment);
    ASSERT_EQ(refused.problems.size(), 1u);
    EXPECT_EQ(refused.problems.front().key, "REKRUT_JOBNET_LEASE_SECONDS");
    EXPECT_EQ(refused.config.jobnet_lease_seconds, 150u) << "a bad value leaves the default";
}
