// Test runner of the command lines: the shared argument splitter and the parsers built on it.
#define BOOST_TEST_MODULE motcua_cli_tests
#include <boost/test/unit_test.hpp>
