// Key files: PKCS#12 and PEM load with their chain; a wrong password, a wrong file or a foreign key is bad input.
#include "reports/file_signing_key.h"

#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "reports/openssl_support.h"
#include "tests/support/test_pki.h"

using motcua::ErrorCategory;
using namespace motcua::reports;
using namespace motcua::test;

namespace {

void ExpectBadInput(const std::function<void()>& load, const std::string& messagePart)
{
    try {
        load();
        BOOST_ERROR("no error; expected one saying: " << messagePart);
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput), e.what());
        BOOST_TEST(std::string(e.what()).find(messagePart) != std::string::npos, e.what());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_signing_key)

BOOST_AUTO_TEST_CASE(pkcs12_and_pem_give_the_same_certificate_and_chain)
{
    const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
    const auto fromPkcs12 = FileSigningKey::FromPkcs12(pki.signerPkcs12, kTestPkcs12Password);
    const auto fromPem = FileSigningKey::FromPem(pki.signerKeyPem, pki.signerChainPem);
    const auto certificates = PemCertificates(pki.signerChainPem);
    BOOST_TEST_REQUIRE(certificates.size() == 2u);
    BOOST_TEST((fromPkcs12->Certificate() == certificates[0]));
    BOOST_TEST((fromPem->Certificate() == certificates[0]));
    BOOST_TEST_REQUIRE(fromPkcs12->Chain().size() == 1u);
    BOOST_TEST((fromPkcs12->Chain()[0] == certificates[1]));
    BOOST_TEST_REQUIRE(fromPem->Chain().size() == 1u);
    BOOST_TEST((fromPem->Chain()[0] == certificates[1]));
    const std::string data = "dữ liệu";
    BOOST_TEST(!fromPkcs12->Sign({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}).empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_password_or_file_is_bad_input_with_a_clear_message)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const TestPki other = MakeTestPki(TestKeyKind::P256, "Lê Thị Bình");
    ExpectBadInput([&] { FileSigningKey::FromPkcs12(pki.signerPkcs12, "wrong password"); }, "password");
    ExpectBadInput([&] { FileSigningKey::FromPkcs12(pki.signerPkcs12, ""); }, "password");
    const std::string text = "not a key";
    ExpectBadInput(
        [&] {
            FileSigningKey::FromPkcs12({reinterpret_cast<const std::uint8_t*>(text.data()), 9}, "x");
        },
        "not a PKCS#12 file");
    ExpectBadInput([&] { FileSigningKey::FromPem(pki.signerKeyPem, other.signerChainPem); }, "does not belong");
    ExpectBadInput([&] { FileSigningKey::FromPem(text, pki.signerChainPem); }, "cannot be read");
    ExpectBadInput([&] { FileSigningKey::FromPem(pki.signerKeyPem, text); }, "no PEM certificate");
    ExpectBadInput([&] { FileSigningKey::FromPkcs12File("/nonexistent/motcua/key.p12", kTestPkcs12Password); },
                   "cannot be read");
}

BOOST_AUTO_TEST_SUITE_END()
