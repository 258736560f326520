#include "tests/support/test_pki.h"

#include "reports/certificate_authority.h"

namespace motcua::test {

namespace {

TestPki Make(TestKeyKind kind, const std::string& signerName, const std::string& caName,
             const std::string& timestampAuthorityName)
{
    reports::PkiRequest request;
    request.algorithm = kind == TestKeyKind::Rsa2048 ? reports::KeyAlgorithm::Rsa2048 : reports::KeyAlgorithm::P256;
    request.caName = caName;
    request.caOrganization = "MotCua Test";
    request.signerName = signerName;
    request.signerOrganization = "UBND phường Hoàn Kiếm";
    request.pkcs12Password = kTestPkcs12Password;
    request.timestampAuthorityName = timestampAuthorityName;
    reports::IssuedPki pki = reports::MakePki(request);
    return {std::move(pki.caCertificatePem), std::move(pki.signerKeyPem),    std::move(pki.signerChainPem),
            std::move(pki.signerPkcs12),     std::move(pki.timestampKeyPem), std::move(pki.timestampChainPem)};
}

}  // namespace

TestPki MakeTestPki(TestKeyKind kind, const std::string& signerName, const std::string& caName)
{
    return Make(kind, signerName, caName, {});
}

TestPki MakeTestPkiWithTimestampAuthority(TestKeyKind kind)
{
    return Make(kind, "Nguyễn Văn An", "Test Root CA", "MotCua Test TSA");
}

}  // namespace motcua::test
