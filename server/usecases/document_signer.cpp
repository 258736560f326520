#include "server/usecases/document_signer.h"

#include "model/error.h"
#include "reports/file_signing_key.h"
#include "reports/pades_signer.h"
#include "reports/pdf_file.h"

namespace motcua::server {

namespace {

// Where the box goes when a document left no room for a signature: above the bottom margin, on the right.
reports::SignatureBox FallbackBox(std::span<const std::uint8_t> pdf)
{
    constexpr double kA4Width = 595.276;
    constexpr double kMargin = 56.7;  // 20 mm
    constexpr double kWidth = 200;
    constexpr double kHeight = 56;
    const std::size_t pages = reports::PdfFile(pdf).Pages().size();
    return {static_cast<int>(pages) - 1, kA4Width - kMargin - kWidth, kMargin, kWidth, kHeight};
}

}  // namespace

DocumentSigner::DocumentSigner() = default;
DocumentSigner::~DocumentSigner() = default;

void DocumentSigner::Load(pg::Store& store, const SecretBox& box)
{
    for (const pg::StoredSigningKey& stored : store.CurrentSigningKeys()) {
        try {
            Add(stored.agencyId, reports::FileSigningKey::FromPkcs12(stored.pkcs12, box.Open(stored.sealedPassword)));
        } catch (const Error& e) {
            throw Error(ErrorCategory::Environment, N_("A signing key registered for an agency cannot be opened"),
                        "agency",
                        "agency " + std::to_string(stored.agencyId) + " (" + stored.subject + "): " + e.what() +
                            (e.Detail().empty() ? "" : ": " + e.Detail()));
        }
    }
}

void DocumentSigner::Add(std::int64_t agencyId, std::unique_ptr<reports::SigningKey> key)
{
    m_keys[agencyId] = std::move(key);
}

const reports::SigningKey* DocumentSigner::KeyFor(std::int64_t agencyId, const AgencyTree& agencies) const
{
    if (m_keys.empty())
        return nullptr;
    // The tree refused cycles when it was built, so the walk ends at a root.
    for (std::optional<std::int64_t> id = agencyId; id; id = agencies.ById(*id).parentId)
        if (const auto key = m_keys.find(*id); key != m_keys.end())
            return key->second.get();
    return nullptr;
}

std::vector<std::uint8_t> DocumentSigner::Sign(std::vector<std::uint8_t> pdf, std::int64_t agencyId,
                                               const AgencyTree& agencies, const reports::SignaturePlace& place,
                                               Instant at) const
{
    const reports::SigningKey* key = KeyFor(agencyId, agencies);
    if (!key)
        return pdf;
    reports::SignatureRequest request;
    request.agency = agencies.ById(agencyId).name;
    request.time = at;
    request.reason = "Ký số văn bản do " + request.agency + " ban hành";
    request.box = place.Found() ? reports::BoxInPlace(place) : FallbackBox(pdf);
    return reports::PadesSigner(*key, m_timestamps.get()).Sign(pdf, request);
}

}  // namespace motcua::server
