// Entry point of the PostgreSQL integration tests (Boost.Test, one suite per CTest entry).
#define BOOST_TEST_MODULE motcua_postgres_tests
#include <boost/test/unit_test.hpp>
