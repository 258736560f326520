// A throwaway PKI made with the OpenSSL API for signing tests: a root CA and a signer (RSA-2048 or P-256) it certifies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::test {

enum class TestKeyKind { Rsa2048, P256 };

struct TestPki {
    std::string caCertificatePem;
    std::string signerKeyPem;                // unencrypted PKCS#8
    std::string signerChainPem;              // the signer's certificate, then the CA's
    std::vector<std::uint8_t> signerPkcs12;  // key, certificate and CA certificate under kTestPkcs12Password
    std::string timestampKeyPem;             // MakeTestPkiWithTimestampAuthority only: the TSA's key
    std::string timestampChainPem;           // and its certificate (EKU timeStamping), then the CA's
};

inline constexpr const char* kTestPkcs12Password = "mật-khẩu 1234";

// A CA "Test Root CA" valid from an hour ago for 30 days, and a signer with a Vietnamese subject
// (CN=`signerName`, O=UBND phường Hoàn Kiếm, C=VN) for digital signature and non-repudiation. The CA key is RSA-2048.
TestPki MakeTestPki(TestKeyKind kind, const std::string& signerName = "Nguyễn Văn An",
                    const std::string& caName = "Test Root CA");
// The same, the CA also certifying a timestamp authority "MotCua Test TSA" (LocalTimestampAuthority serves it).
TestPki MakeTestPkiWithTimestampAuthority(TestKeyKind kind);

}  // namespace motcua::test
