// The token settings Preferences keep and the key URI made from labels; one dossier's result downloaded, signed and
// sent back.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

BOOST_AUTO_TEST_SUITE(signing)

BOOST_AUTO_TEST_CASE(token_settings_are_kept_and_read_back)
{
    MemorySettings settings;
    BOOST_TEST(!ReadTokenSigningSettings(settings).enabled);  // off until turned on
    const TokenSigningSettings values{true, "/usr/lib/vnpt-ca/libvnpt_pkcs11.so", "VNPT-CA", "Nguyễn Văn An",
                                      "",   "http://tsa.example.vn/tsa"};
    WriteTokenSigningSettings(settings, values);
    BOOST_TEST((ReadTokenSigningSettings(settings) == values));
    BOOST_TEST(!settings.Read("signing/pin").has_value());
}

BOOST_AUTO_TEST_CASE(labels_make_an_rfc_7512_uri)
{
    BOOST_TEST(Pkcs11KeyUri("motcua-test", "signer-1") == "pkcs11:token=motcua-test;object=signer-1;type=private");
    // Spaces, ';' and Vietnamese letters are percent-encoded (UTF-8 bytes).
    BOOST_TEST(Pkcs11KeyUri("Token A;B", "Khóa") == "pkcs11:token=Token%20A%3BB;object=Kh%C3%B3a;type=private");
    BOOST_TEST(Pkcs11KeyUri("", "signer") == "pkcs11:object=signer;type=private");
    // A whole URI typed as the key is used as it is.
    BOOST_TEST(Pkcs11KeyUri("ignored", "pkcs11:id=%01;type=private") == "pkcs11:id=%01;type=private");
}

BOOST_AUTO_TEST_CASE(the_newest_result_is_signed_and_sent_back)
{
    FakeStaffApi api;
    FakeOpenToken token;
    const std::vector<OutputRef> outputs = {
        {11, "receipt", "01", {}}, {12, "result", "", {}}, {13, "control_sheet", "", {}}, {14, "result", "", {}}};
    const SignedOutput stored = SignResult(api, token, outputs);
    BOOST_TEST(stored.id == 14);
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{14}));
    BOOST_REQUIRE(api.putCalls.size() == 1u);
    BOOST_TEST(api.putCalls[0].second.size() > PdfBytes().size());
}

BOOST_AUTO_TEST_CASE(no_result_or_a_token_that_failed_is_said_so)
{
    FakeStaffApi api;
    FakeOpenToken token;
    try {
        SignResult(api, token, {{11, "receipt", "01", {}}});
        BOOST_ERROR("no error for a dossier without a result");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::NotFound));
    }
    token.failOn.emplace(1, Error(ErrorCategory::Environment, "The token did not sign"));
    BOOST_CHECK_THROW(SignResult(api, token, {{12, "result", "", {}}}), TokenFailure);
    BOOST_TEST(api.putCalls.empty());
}

BOOST_AUTO_TEST_SUITE_END()
