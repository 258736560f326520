// Headless tests of motcua-desk's client and presenters: no display, no database.
#define BOOST_TEST_MODULE motcua_desktop_tests
#include <boost/test/unit_test.hpp>
