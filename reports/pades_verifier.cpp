#include "reports/pades_verifier.h"

#include <openssl/err.h>

#include "model/error.h"
#include "reports/certificate_info.h"
#include "reports/openssl_support.h"
#include "reports/pdf_file.h"

namespace motcua::reports {
namespace {

struct ByteRange {
    std::size_t start1 = 0, length1 = 0, start2 = 0, length2 = 0;
};

std::optional<ByteRange> ParseByteRange(std::string_view array)
{
    std::size_t values[4];
    std::size_t at = 1;
    for (std::size_t& value : values) {
        while (at < array.size() && (array[at] == ' ' || array[at] == '\n' || array[at] == '\r'))
            ++at;
        std::size_t end = at;
        value = 0;
        while (end < array.size() && array[end] >= '0' && array[end] <= '9' && end - at < 15)
            value = value * 10 + static_cast<std::size_t>(array[end++] - '0');
        if (end == at)
            return std::nullopt;
        at = end;
    }
    return ByteRange{values[0], values[1], values[2], values[3]};
}

std::optional<std::vector<std::uint8_t>> HexBytes(std::string_view hex)
{
    std::vector<std::uint8_t> bytes;
    int high = -1;
    for (const char c : hex.substr(1, hex.size() - 2)) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else if (c == ' ' || c == '\n' || c == '\r')
            continue;
        else
            return std::nullopt;
        if (high < 0) {
            high = digit;
        } else {
            bytes.push_back(static_cast<std::uint8_t>(high << 4 | digit));
            high = -1;
        }
    }
    return bytes;
}

// The dictionary holding the /ByteRange found at `at`: the object around it.
std::optional<std::string_view> EnclosingDictionary(std::string_view text, std::size_t at)
{
    const std::size_t object = text.rfind(" obj", at);
    if (object == std::string_view::npos)
        return std::nullopt;
    std::size_t start = object + 4;
    while (start < text.size() && text[start] != '<')
        ++start;
    const std::size_t end = PdfFile::SkipValue(text, start);
    if (end <= at)
        return std::nullopt;
    return text.substr(start, end - start);
}

}  // namespace

struct PadesVerifier::Store {
    OpenSslPtr<X509_STORE> store{X509_STORE_new()};
};

PadesVerifier::PadesVerifier(const std::vector<std::vector<std::uint8_t>>& trustAnchors)
    : m_store(std::make_unique<Store>())
{
    if (!m_store->store)
        ThrowOpenSslError(ErrorCategory::Environment, N_("Out of memory while signing or verifying"), "X509_STORE_new");
    for (const auto& der : trustAnchors) {
        const OpenSslPtr<X509> anchor = ParseCertificateDer(der);
        if (X509_STORE_add_cert(m_store->store.get(), anchor.get()) != 1)
            ThrowOpenSslError(ErrorCategory::BadInput, N_("A trust anchor could not be added"), "X509_STORE_add_cert");
    }
}

PadesVerifier::~PadesVerifier() = default;

std::vector<SignatureCheck> PadesVerifier::Verify(std::span<const std::uint8_t> pdf) const
{
    const std::string_view text(reinterpret_cast<const char*>(pdf.data()), pdf.size());
    std::vector<SignatureCheck> checks;
    for (std::size_t at = text.find("/ByteRange"); at != std::string_view::npos; at = text.find("/ByteRange", at + 1)) {
        const auto dictionary = EnclosingDictionary(text, at);
        if (!dictionary)
            continue;
        const auto contents = PdfFile::Value(*dictionary, "/Contents");
        const auto rangeText = PdfFile::Value(*dictionary, "/ByteRange");
        if (!contents || !rangeText || !contents->starts_with("<"))
            continue;
        SignatureCheck& check = checks.emplace_back();
        check.subFilter = std::string(PdfFile::Value(*dictionary, "/SubFilter").value_or("/")).substr(1);
        if (const auto date = PdfFile::Value(*dictionary, "/M"); date && date->size() > 2)
            check.signingTime = ParsePdfDate(date->substr(1, date->size() - 2));

        const auto range = ParseByteRange(*rangeText);
        const auto contentsStart = static_cast<std::size_t>(contents->data() - text.data());
        const std::size_t contentsEnd = contentsStart + contents->size();
        if (!range || range->start1 != 0 || range->length1 != contentsStart || range->start2 != contentsEnd ||
            range->length2 > text.size() - contentsEnd) {
            check.error = "The /ByteRange does not match the signature's place in the file";
            continue;
        }
        check.coversWholeFile = range->start2 + range->length2 == text.size();
        if (check.subFilter != "ETSI.CAdES.detached" && check.subFilter != "adbe.pkcs7.detached") {
            check.error = "Unsupported signature type /" + check.subFilter;
            continue;
        }
        const auto der = HexBytes(*contents);
        const unsigned char* cursor = der ? der->data() : nullptr;
        ERR_clear_error();
        const OpenSslPtr<CMS_ContentInfo> cms(
            cursor ? d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der->size())) : nullptr);
        if (!cms) {
            check.error = "The signature's /Contents is not a CMS structure: " + TakeOpenSslErrors();
            continue;
        }
        if (STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get()); sk_CMS_SignerInfo_num(infos) == 1)
            check.timestamp = CheckSignatureTimestamp(sk_CMS_SignerInfo_value(infos, 0), m_store->store.get());
        const std::string signedBytes =
            std::string(text.substr(0, range->length1)) + std::string(text.substr(range->start2, range->length2));
        const OpenSslPtr<BIO> content =
            MemoryBio({reinterpret_cast<const std::uint8_t*>(signedBytes.data()), signedBytes.size()});
        check.valid = CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr,
                                 CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
        if (!check.valid) {
            check.error = "The signature does not match the signed bytes (digest mismatch or a broken signature): " +
                          TakeOpenSslErrors();
            continue;
        }
        // The stack is ours, the certificates in it are the CMS structure's.
        STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
        X509* signer = signers && sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
        sk_X509_free(signers);
        if (!signer) {
            check.valid = false;
            check.error = "The signature has no single signer certificate";
            continue;
        }
        check.signerSubject = CertificateSubject(signer);
        const OpenSslPtr<STACK_OF(X509)> certificates(CMS_get1_certs(cms.get()));
        const OpenSslPtr<X509_STORE_CTX> context(X509_STORE_CTX_new());
        if (context && X509_STORE_CTX_init(context.get(), m_store->store.get(), signer, certificates.get()) == 1) {
            check.trusted = X509_verify_cert(context.get()) == 1;
            if (!check.trusted)
                check.error = std::string("The signer's certificate is not trusted: ") +
                              X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()));
        } else {
            check.error = "The certificate chain could not be checked: " + TakeOpenSslErrors();
        }
        if (check.error.empty() && !check.coversWholeFile)
            check.error = "The signature does not cover the whole document (bytes were added after it)";
    }
    return checks;
}

}  // namespace motcua::reports
