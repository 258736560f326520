#include "tests/support/local_timestamp_authority.h"

#include <iterator>
#include <thread>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ts.h>

#include "model/error.h"
#include "reports/openssl_support.h"

namespace motcua::test {
namespace {

using reports::OpenSslPtr;

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
using ContextPtr = std::unique_ptr<TS_RESP_CTX, Deleter<TS_RESP_CTX, TS_RESP_CTX_free>>;
using RequestPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ, TS_REQ_free>>;
using ResponsePtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP, TS_RESP_free>>;
using ObjectPtr = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT, ASN1_OBJECT_free>>;

void Check(bool ok, const char* operation)
{
    if (!ok)
        reports::ThrowOpenSslError(ErrorCategory::Internal, "The test timestamp authority failed", operation);
}

std::vector<std::uint8_t> Bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

// `query` with its imprint's first byte changed, or with a policy the TSA does not accept.
std::vector<std::uint8_t> Spoiled(std::span<const std::uint8_t> query, TsaAnswer answer)
{
    const unsigned char* cursor = query.data();
    const RequestPtr request(d2i_TS_REQ(nullptr, &cursor, static_cast<long>(query.size())));
    Check(request != nullptr, "d2i_TS_REQ");
    if (answer == TsaAnswer::WrongImprint) {
        TS_MSG_IMPRINT* imprint = TS_REQ_get_msg_imprint(request.get());
        const ASN1_OCTET_STRING* digest = TS_MSG_IMPRINT_get_msg(imprint);
        std::vector<unsigned char> other(ASN1_STRING_get0_data(digest),
                                         ASN1_STRING_get0_data(digest) + ASN1_STRING_length(digest));
        other.at(0) ^= 0x01;
        Check(TS_MSG_IMPRINT_set_msg(imprint, other.data(), static_cast<int>(other.size())) == 1,
              "TS_MSG_IMPRINT_set_msg");
    } else {
        const ObjectPtr policy(OBJ_txt2obj("1.3.6.1.4.1.99999.9.9", 1));
        Check(policy && TS_REQ_set_policy_id(request.get(), policy.get()) == 1, "TS_REQ_set_policy_id");
    }
    unsigned char* der = nullptr;
    const int length = i2d_TS_REQ(request.get(), &der);
    Check(length > 0, "i2d_TS_REQ");
    std::vector<std::uint8_t> bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

}  // namespace

struct LocalTimestampAuthority::Responder {
    ContextPtr context{TS_RESP_CTX_new()};
};

LocalTimestampAuthority::LocalTimestampAuthority(const std::string& keyPem, const std::string& chainPem)
    : m_responder(std::make_unique<Responder>())
{
    const OpenSslPtr<BIO> keyBio =
        reports::MemoryBio({reinterpret_cast<const std::uint8_t*>(keyPem.data()), keyPem.size()});
    const OpenSslPtr<EVP_PKEY> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    const std::vector<std::vector<std::uint8_t>> chain = reports::PemCertificates(chainPem);
    const OpenSslPtr<X509> certificate = reports::ParseCertificateDer(chain.front());
    OpenSslPtr<STACK_OF(X509)> others(sk_X509_new_null());
    Check(others != nullptr, "sk_X509_new_null");
    for (std::size_t i = 1; i < chain.size(); ++i)
        sk_X509_push(others.get(), reports::ParseCertificateDer(chain[i]).release());
    const ObjectPtr policy(OBJ_txt2obj("1.3.6.1.4.1.99999.1.1", 1));
    TS_RESP_CTX* context = m_responder->context.get();
    Check(context && key && policy, "TS_RESP_CTX_new");
    // The signer's certificate must carry extendedKeyUsage timeStamping, critical: OpenSSL refuses it otherwise.
    Check(TS_RESP_CTX_set_signer_cert(context, certificate.get()) == 1, "TS_RESP_CTX_set_signer_cert");
    Check(TS_RESP_CTX_set_signer_key(context, key.get()) == 1, "TS_RESP_CTX_set_signer_key");
    Check(TS_RESP_CTX_set_certs(context, others.get()) == 1, "TS_RESP_CTX_set_certs");
    Check(TS_RESP_CTX_set_def_policy(context, policy.get()) == 1, "TS_RESP_CTX_set_def_policy");
    Check(TS_RESP_CTX_add_md(context, EVP_sha256()) == 1, "TS_RESP_CTX_add_md");
    Check(TS_RESP_CTX_set_accuracy(context, 1, 0, 0) == 1, "TS_RESP_CTX_set_accuracy");

    m_server = std::make_unique<LocalHttpServer>(
        [this](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
            const std::string body((std::istreambuf_iterator<char>(request.stream())),
                                   std::istreambuf_iterator<char>());
            const auto [status, answer] = Answer(Bytes(body));
            response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
            response.setContentType("application/timestamp-reply");
            response.setContentLength(static_cast<std::streamsize>(answer.size()));
            response.send().write(reinterpret_cast<const char*>(answer.data()),
                                  static_cast<std::streamsize>(answer.size()));
        },
        4);
}

LocalTimestampAuthority::~LocalTimestampAuthority()
{
    m_server.reset();
}

std::string LocalTimestampAuthority::Url() const
{
    return m_server->Url() + "/tsa";
}

std::vector<std::uint8_t> LocalTimestampAuthority::Exchange(std::span<const std::uint8_t> query) const
{
    auto [status, answer] = Answer(query);
    if (status != 200)
        throw Error(ErrorCategory::Environment, "The test timestamp authority answered HTTP " + std::to_string(status));
    return std::move(answer);
}

std::pair<int, std::vector<std::uint8_t>> LocalTimestampAuthority::Answer(std::span<const std::uint8_t> query) const
{
    ++m_queries;
    const TsaAnswer answer = m_answer;
    if (answer == TsaAnswer::HttpError)
        return {500, Bytes("the timestamp authority is down")};
    if (answer == TsaAnswer::Garbage)
        return {200, Bytes("not a timestamp response")};
    if (answer == TsaAnswer::Slow)
        std::this_thread::sleep_for(kSlowAnswer);
    const bool spoil = answer == TsaAnswer::WrongImprint || answer == TsaAnswer::Refuse;
    const std::vector<std::uint8_t> asked =
        spoil ? Spoiled(query, answer) : std::vector<std::uint8_t>(query.begin(), query.end());
    const OpenSslPtr<BIO> in = reports::MemoryBio(asked);
    const std::lock_guard lock(m_mutex);
    const ResponsePtr response(TS_RESP_create_response(m_responder->context.get(), in.get()));
    Check(response != nullptr, "TS_RESP_create_response");
    unsigned char* der = nullptr;
    const int length = i2d_TS_RESP(response.get(), &der);
    Check(length > 0, "i2d_TS_RESP");
    std::vector<std::uint8_t> bytes(der, der + length);
    OPENSSL_free(der);
    return {200, std::move(bytes)};
}

}  // namespace motcua::test
