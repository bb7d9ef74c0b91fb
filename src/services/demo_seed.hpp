#pragma once

#include <string>
#include <vector>

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

struct DemoSeedReport {
    bool seeded = false;             ///< False when the database already had data.
    std::vector<std::string> logins; ///< Lines to print for the demo user.
};

/// Fills an empty database with synthetic demo data: made-up institutions, people with
/// example.test addresses and cases in several states. Does nothing on a database with data.
DemoSeedReport seed_demo(store::Database& database);

} // namespace rekrut::services
