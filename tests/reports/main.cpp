// Entry point of the reports tests (Boost.Test generates main()).
#define BOOST_TEST_MODULE motcua_reports
#include <boost/test/unit_test.hpp>
