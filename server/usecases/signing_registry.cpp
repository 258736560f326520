#include "server/usecases/signing_registry.h"

#include <array>

#include <openssl/rand.h>

#include "model/error.h"
#include "model/text.h"
#include "reports/certificate_authority.h"
#include "reports/certificate_info.h"
#include "reports/file_signing_key.h"
#include "reports/openssl_support.h"

namespace motcua::server {

pg::StoredSigningKey RegisterSigningKey(pg::Store& store, const SecretBox& box, std::int64_t agencyId,
                                        std::span<const std::uint8_t> pkcs12, const std::string& password, Instant now)
{
    const std::unique_ptr<reports::FileSigningKey> key = reports::FileSigningKey::FromPkcs12(pkcs12, password);
    const reports::CertificateInfo certificate = reports::DescribeCertificate(key->Certificate());
    if (now < certificate.notBefore || now >= certificate.notAfter)
        throw Error(ErrorCategory::BadInput, N_("The key's certificate is not valid today"), "pkcs12",
                    certificate.subject);
    pg::StoredSigningKey stored;
    stored.agencyId = agencyId;
    stored.pkcs12.assign(pkcs12.begin(), pkcs12.end());
    stored.sealedPassword = box.Seal(password);
    stored.subject = certificate.subject;
    stored.notAfter = certificate.notAfter;
    stored.id = store.SaveSigningKey(stored);
    return stored;
}

int AddTrustAnchors(pg::Store& store, std::string_view pem)
{
    const std::vector<std::vector<std::uint8_t>> certificates = reports::PemCertificates(pem);
    std::vector<std::string> subjects;
    subjects.reserve(certificates.size());
    for (const std::vector<std::uint8_t>& der : certificates)
        subjects.push_back(reports::DescribeCertificate(der).subject);  // all read before any is stored
    int added = 0;
    store.InOneTransaction([&] {
        for (std::size_t i = 0; i < certificates.size(); ++i)
            added += store.AddTrustAnchor(certificates[i], subjects[i]) ? 1 : 0;
    });
    return added;
}

std::string RegisterDemoSigningKey(pg::Store& store, const SecretBox& box, std::int64_t agencyId,
                                   const std::string& agencyName, Instant now)
{
    std::array<std::uint8_t, 16> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw Error(ErrorCategory::Environment, N_("Cannot draw random bytes"), {}, "RAND_bytes");
    reports::PkiRequest request;
    request.caName = "MotCua Demo CA";
    request.caOrganization = "MotCua (chỉ dùng thử, không có giá trị pháp lý)";
    request.signerName = agencyName;
    request.signerOrganization = agencyName;
    request.validity = std::chrono::hours{24 * 3653};
    request.pkcs12Password = ToHex(random);
    const reports::IssuedPki pki = reports::MakePki(request);
    store.InOneTransaction([&] {
        RegisterSigningKey(store, box, agencyId, pki.signerPkcs12, request.pkcs12Password, now);
        store.AddTrustAnchor(pki.caCertificateDer, reports::DescribeCertificate(pki.caCertificateDer).subject);
    });
    return pki.caCertificatePem;
}

}  // namespace motcua::server
