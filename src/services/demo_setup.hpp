#pragma once

#include <cstdint>

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Fills the institution set-up of one demo institution with synthetic examples: three units (one
/// nested), the mandatory texts a state ad needs (the encouragement sentence in Danish and English,
/// salary, presentation), a Danish and an English ad template, four screening-question templates
/// (one with a knockout answer) and the lists of collective agreements and position categories.
/// Does nothing when the institution already has units, so that calling it twice adds nothing.
void seed_demo_setup(store::Database& database, std::int64_t institution_id);

} // namespace rekrut::services
