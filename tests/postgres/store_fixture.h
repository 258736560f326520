// The set-up most PostgreSQL tests share: a fresh migrated database, a Store and a Seeder on it, the seeded catalogue.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "model/postgres/seeder.h"
#include "model/postgres/store.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/test_database.h"

namespace motcua::test {

// For BOOST_FIXTURE_TEST_CASE / BOOST_FIXTURE_TEST_SUITE: one throwaway database per test case. Staff passwords are
// stored as "hashed:" + the plain text, so that tests can tell a stored hash from a placeholder.
struct StoreFixture {
    static std::string Hash(const std::string& password) { return "hashed:" + password; }
    // Row-level security (migration 0017) is tested on its own (row_security_test.cpp); here every row is in scope.
    static pg::Store& SeeingAll(pg::Store& store)
    {
        store.SetDefaultScope(pg::AccessScope::All());
        return store;
    }

    explicit StoreFixture(std::size_t poolSize = 4,
                          std::chrono::milliseconds checkoutTimeout = std::chrono::seconds(10))
        : store(db.AppConninfo(), poolSize, checkoutTimeout),
          seeder(SeeingAll(store)),
          c(SeedFixtureCatalogue(store, Hash))
    {}

    TestDatabase db;
    pg::Store store;
    pg::Seeder seeder;
    FixtureCatalogue c;
};

}  // namespace motcua::test
