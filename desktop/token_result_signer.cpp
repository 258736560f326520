#include "desktop/token_result_signer.h"

#include <fstream>
#include <iterator>

#include "desktop/gettext_macros.h"
#include "reports/http_timestamp_source.h"
#include "reports/pades_signer.h"
#include "reports/pdf_file.h"
#include "reports/pkcs11_signing_key.h"

namespace motcua::desktop {
namespace {

// Where the desk signs a document without a field for the official (one rendered before results had it): on the
// last page, above the bottom margin on the left, clear of the agency's signature the server may have put on the
// right.
reports::SignatureBox DeskBox(std::span<const std::uint8_t> pdf)
{
    constexpr double kMargin = 56.7;  // 20 mm
    const std::size_t pages = reports::PdfFile(pdf).Pages().size();
    return {static_cast<int>(pages) - 1, kMargin, kMargin / 2, 200, 56};
}

class OpenPkcs11Token final : public IOpenToken {
public:
    OpenPkcs11Token(std::unique_ptr<reports::Pkcs11SigningKey> key,
                    std::unique_ptr<reports::TimestampSource> timestamps, SignerIdentity signer, const Clock& clock)
        : m_key(std::move(key)),
          m_timestamps(std::move(timestamps)),
          m_signer(std::move(signer)),
          m_clock(clock)
    {}

    std::vector<std::uint8_t> Sign(const std::vector<std::uint8_t>& pdf) override
    {
        reports::SignatureRequest request;
        request.signerName = m_signer.name;
        request.agency = m_signer.agency;
        request.time = m_clock.Now();
        request.reason = "Phê duyệt kết quả giải quyết hồ sơ";
        // A result leaves a field above the signer's name for this signature, under the agency's.
        request.field = reports::kOfficialSignatureField;
        request.box = DeskBox(pdf);
        return reports::PadesSigner(*m_key, m_timestamps.get()).Sign(pdf, request);
    }

private:
    std::unique_ptr<reports::Pkcs11SigningKey> m_key;
    std::unique_ptr<reports::TimestampSource> m_timestamps;  // null: PAdES B-B
    SignerIdentity m_signer;
    const Clock& m_clock;
};

std::string ReadCertificates(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        pem.clear();
    if (pem.empty())
        throw Error::Formatted(ErrorCategory::BadInput, N_("The certificate file {file} cannot be read"),
                               {{"file", file}}, "certificate");
    return pem;
}

}  // namespace

std::shared_ptr<IOpenToken> OpenToken(const TokenSigningSettings& settings, const std::string& pin,
                                      const SignerIdentity& signer, const Clock& clock)
{
    if (settings.modulePath.empty() || settings.keyLabel.empty())
        throw Error(ErrorCategory::BadInput,
                    N_("Choose your token's PKCS#11 module and key in Preferences before signing"), "modulePath");
    const std::string certificates =
        settings.certificateFile.empty() ? std::string() : ReadCertificates(settings.certificateFile);
    // Before the token is opened: a mistyped URL is said without asking the token anything.
    std::unique_ptr<reports::TimestampSource> timestamps;
    if (!settings.timestampUrl.empty())
        timestamps = std::make_unique<reports::HttpTimestampSource>(settings.timestampUrl);
    auto key = reports::Pkcs11SigningKey::Open(
        {settings.modulePath, Pkcs11KeyUri(settings.tokenLabel, settings.keyLabel), pin}, certificates);
    return std::make_shared<OpenPkcs11Token>(std::move(key), std::move(timestamps), signer, clock);
}

bool TokenResultSigner::Enabled() const
{
    return ReadTokenSigningSettings(m_settings).enabled;
}

std::function<std::shared_ptr<IOpenToken>()> TokenResultSigner::Opener(const std::string& pin)
{
    return [settings = ReadTokenSigningSettings(m_settings), pin, signer = m_signer, &clock = m_clock] {
        return OpenToken(settings, pin, signer, clock);
    };
}

}  // namespace motcua::desktop
