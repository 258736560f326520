// Test runner of the demo province: generator, citizen requests (unit) and seeding a real database (integration).
#define BOOST_TEST_MODULE motcua_demo_tests
#include <boost/test/unit_test.hpp>
