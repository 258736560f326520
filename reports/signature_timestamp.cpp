#include "reports/signature_timestamp.h"

#include <ctime>

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include "model/error.h"
#include "reports/openssl_support.h"

namespace motcua::reports {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;
using RequestPtr = Owned<TS_REQ, TS_REQ_free>;
using ResponsePtr = Owned<TS_RESP, TS_RESP_free>;
using VerifyPtr = Owned<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;
using ImprintPtr = Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>;
using AlgorithmPtr = Owned<X509_ALGOR, X509_ALGOR_free>;
using IntegerPtr = Owned<ASN1_INTEGER, ASN1_INTEGER_free>;
using BignumPtr = Owned<BIGNUM, BN_free>;
using TokenPtr = Owned<PKCS7, PKCS7_free>;
using TokenInfoPtr = Owned<TS_TST_INFO, TS_TST_INFO_free>;

[[noreturn]] void FailInternal(const char* operation)
{
    ThrowOpenSslError(ErrorCategory::Internal, N_("The signature's timestamp could not be added"), operation);
}

std::span<const std::uint8_t> Bytes(const ASN1_STRING* string)
{
    return {ASN1_STRING_get0_data(string), static_cast<std::size_t>(ASN1_STRING_length(string))};
}

// A TimeStampReq for SHA-256(`data`) with a random 64-bit nonce, asking for the TSA's certificate.
RequestPtr NewRequest(std::span<const std::uint8_t> data)
{
    Sha256Digest digest = Sha256({data});
    RequestPtr request(TS_REQ_new());
    const ImprintPtr imprint(TS_MSG_IMPRINT_new());
    const AlgorithmPtr algorithm(X509_ALGOR_new());
    if (!request || !imprint || !algorithm || TS_REQ_set_version(request.get(), 1) != 1 ||
        X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1 ||
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
        TS_MSG_IMPRINT_set_msg(imprint.get(), digest.data(), static_cast<int>(digest.size())) != 1 ||
        TS_REQ_set_msg_imprint(request.get(), imprint.get()) != 1)
        FailInternal("TS_REQ_set_msg_imprint");
    unsigned char random[8];
    if (RAND_bytes(random, sizeof random) != 1)
        FailInternal("RAND_bytes");
    const BignumPtr number(BN_bin2bn(random, sizeof random, nullptr));
    const IntegerPtr nonce(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr);
    if (!nonce || TS_REQ_set_nonce(request.get(), nonce.get()) != 1 || TS_REQ_set_cert_req(request.get(), 1) != 1)
        FailInternal("TS_REQ_set_nonce");
    return request;
}

template <typename T>
std::vector<std::uint8_t> Der(const T* object, int (*encode)(const T*, unsigned char**), const char* operation)
{
    unsigned char* der = nullptr;
    const int length = encode(object, &der);
    if (length <= 0)
        FailInternal(operation);
    std::vector<std::uint8_t> bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

// The status text and failure bits of a refusal, for the error's detail.
std::string RefusalDetail(TS_STATUS_INFO* status)
{
    std::string detail = "status " + std::to_string(ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status)));
    if (const STACK_OF(ASN1_UTF8STRING)* texts = TS_STATUS_INFO_get0_text(status)) {
        for (int i = 0; i < sk_ASN1_UTF8STRING_num(texts); ++i) {
            const std::span<const std::uint8_t> text = Bytes(sk_ASN1_UTF8STRING_value(texts, i));
            detail += ": " + std::string(text.begin(), text.end());
        }
    }
    // PKIFailureInfo (RFC 3161 section 2.4.2): the bits a TSA may set.
    struct Failure {
        int bit;
        const char* name;
    };
    // clang-format off
    static constexpr Failure kFailures[] = {
        {0, "badAlg"},             {2, "badRequest"},           {5, "badDataFormat"},        {14, "timeNotAvailable"},
        {15, "unacceptedPolicy"},  {16, "unacceptedExtension"}, {17, "addInfoNotAvailable"}, {25, "systemFailure"},
    };
    // clang-format on
    if (const ASN1_BIT_STRING* failure = TS_STATUS_INFO_get0_failure_info(status)) {
        for (const Failure& f : kFailures)
            if (ASN1_BIT_STRING_get_bit(failure, f.bit))
                detail += std::string(" (") + f.name + ")";
    }
    return detail;
}

Instant GeneralizedTime(const ASN1_GENERALIZEDTIME* time)
{
    std::tm parts{};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    using namespace std::chrono;
    const sys_days date{year{parts.tm_year + 1900} / month{static_cast<unsigned>(parts.tm_mon + 1)} /
                        day{static_cast<unsigned>(parts.tm_mday)}};
    return Instant{date + hours{parts.tm_hour} + minutes{parts.tm_min} + seconds{parts.tm_sec}};
}

}  // namespace

std::vector<std::uint8_t> RequestSignatureTimestamp(const TimestampSource& source,
                                                    std::span<const std::uint8_t> signatureValue)
{
    ERR_clear_error();
    const RequestPtr request = NewRequest(signatureValue);
    const std::vector<std::uint8_t> answer = source.Exchange(Der(request.get(), &i2d_TS_REQ, "i2d_TS_REQ"));

    const unsigned char* cursor = answer.data();
    const ResponsePtr response(d2i_TS_RESP(nullptr, &cursor, static_cast<long>(answer.size())));
    if (!response)
        ThrowOpenSslError(ErrorCategory::Environment,
                          N_("The timestamp service answered something that is not a timestamp"), "d2i_TS_RESP");
    TS_STATUS_INFO* status = TS_RESP_get_status_info(response.get());
    const long granted = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
    if (granted != TS_STATUS_GRANTED && granted != TS_STATUS_GRANTED_WITH_MODS)
        throw Error(ErrorCategory::Environment, N_("The timestamp service refused to timestamp the signature"), {},
                    RefusalDetail(status));
    // Version, imprint and nonce as asked; the signature is not checked (see the header).
    const VerifyPtr verify(TS_REQ_to_TS_VERIFY_CTX(request.get(), nullptr));
    if (!verify)
        FailInternal("TS_REQ_to_TS_VERIFY_CTX");
    if (TS_RESP_verify_response(verify.get(), response.get()) != 1)
        ThrowOpenSslError(ErrorCategory::Environment,
                          N_("The timestamp service answered with a timestamp for something else"),
                          "TS_RESP_verify_response");
    return Der(TS_RESP_get_token(response.get()), &i2d_PKCS7, "i2d_PKCS7");
}

void AddSignatureTimestamp(CMS_SignerInfo* signer, const TimestampSource& source)
{
    const std::vector<std::uint8_t> token =
        RequestSignatureTimestamp(source, Bytes(CMS_SignerInfo_get0_signature(signer)));
    if (CMS_unsigned_add1_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                      static_cast<int>(token.size())) != 1)
        FailInternal("CMS_unsigned_add1_attr_by_NID");
}

std::optional<SignatureTimestampCheck> CheckSignatureTimestamp(CMS_SignerInfo* signer, X509_STORE* trust)
{
    const int index = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1);
    if (index < 0)
        return std::nullopt;
    SignatureTimestampCheck check;
    const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(signer, index), 0);
    if (!value || value->type != V_ASN1_SEQUENCE) {
        check.error = "The signature timestamp attribute holds no token";
        return check;
    }
    ERR_clear_error();
    const std::span<const std::uint8_t> der = Bytes(value->value.sequence);
    const unsigned char* cursor = der.data();
    const TokenPtr token(d2i_PKCS7(nullptr, &cursor, static_cast<long>(der.size())));
    const TokenInfoPtr info(token ? PKCS7_to_TS_TST_INFO(token.get()) : nullptr);
    if (!info) {
        check.error = "The signature timestamp is not an RFC 3161 token: " + TakeOpenSslErrors();
        return check;
    }
    check.time = GeneralizedTime(TS_TST_INFO_get_time(info.get()));

    // The context owns the store and the data it is given: the store is shared with the caller, so one more
    // reference; the data is a BIO over the signature value, which outlives the check.
    const std::span<const std::uint8_t> signature = Bytes(CMS_SignerInfo_get0_signature(signer));
    const VerifyPtr verify(TS_VERIFY_CTX_new());
    BIO* data = BIO_new_mem_buf(signature.data(), static_cast<int>(signature.size()));
    if (!verify || !data || X509_STORE_up_ref(trust) != 1) {
        BIO_free(data);
        check.error = "Out of memory while checking the signature timestamp";
        return check;
    }
    TS_VERIFY_CTX_set_store(verify.get(), trust);
    TS_VERIFY_CTX_set_data(verify.get(), data);
    TS_VERIFY_CTX_set_flags(verify.get(), TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA);
    check.valid = TS_RESP_verify_token(verify.get(), token.get()) == 1;
    if (!check.valid)
        check.error =
            "The signature timestamp does not check out (its signature, its certificate or its imprint "
            "of the signature value): " +
            TakeOpenSslErrors();
    return check;
}

}  // namespace motcua::reports
