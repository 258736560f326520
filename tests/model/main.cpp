// Entry point of the model unit tests (Boost.Test generates main()).
#define BOOST_TEST_MODULE motcua_model
#include <boost/test/unit_test.hpp>
