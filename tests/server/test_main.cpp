// The one test executable of tests/server: unit suites (no database) and API suites (in-process server, PostgreSQL).
#define BOOST_TEST_MODULE motcua_server_tests
#include <boost/test/unit_test.hpp>
