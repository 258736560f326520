// CitizenApi's public pages, for anyone without signing: the lookup by dossier code the receipt's QR code leads to,
// and the verification of an issued document by its identifier. No personal data; rate-limited per address.
#include <algorithm>
#include <cctype>

#include <Poco/JSON/Object.h>

#include "model/document_identifier.h"
#include "model/error.h"
#include "model/workflow.h"
#include "server/api/citizen_api.h"
#include "server/api/dossier_json.h"
#include "server/http/http_error.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxCode = 64;

std::string HtmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// A small page for a phone that scanned the receipt's QR code: Vietnamese, like the printed forms; no scripts.
HttpResponse Page(int status, const std::string& heading, const std::string& content)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body =
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        HtmlEscape(heading) +
        "</title><style>body{font-family:sans-serif;margin:1em;max-width:40em}"
        "dt{font-weight:bold;margin-top:.6em}dd{margin:0}</style></head><body><h1>" +
        HtmlEscape(heading) + "</h1>" + content + "</body></html>\n";
    response.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

std::string Row(const std::string& label, const std::string& value)
{
    return "<dt>" + HtmlEscape(label) + "</dt><dd>" + HtmlEscape(value) + "</dd>";
}

std::string PageTime(const std::optional<Instant>& t)
{
    return t ? FormatVietnameseDateTime(*t) : std::string("Chưa có");
}

std::string AgencyNameOf(const std::vector<Agency>& agencies, std::int64_t id)
{
    const auto it = std::find_if(agencies.begin(), agencies.end(), [id](const Agency& a) { return a.id == id; });
    return it == agencies.end() ? std::string() : it->name;
}

// What the verification page calls a document, by its kind.
std::string KindName(OutputKind kind)
{
    switch (kind) {
    case OutputKind::Receipt: return "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
    case OutputKind::SupplementRequest: return "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
    case OutputKind::Refusal: return "Phiếu từ chối tiếp nhận, giải quyết hồ sơ";
    case OutputKind::Apology: return "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
    case OutputKind::StopNotice: return "Thông báo dừng giải quyết hồ sơ";
    case OutputKind::ControlSheet: return "Phiếu kiểm soát quá trình giải quyết hồ sơ";
    case OutputKind::Result: return "Kết quả giải quyết thủ tục hành chính";
    }
    return {};
}

}  // namespace

std::optional<HttpResponse> CitizenApi::TooManyLookups(const HttpRequest& request, bool html)
{
    const std::chrono::seconds wait = m_lookups.Take(request.clientAddress, m_clock.Now());
    if (wait.count() <= 0)
        return std::nullopt;
    const std::string retryAfter = std::to_string(wait.count());
    if (html) {
        HttpResponse page =
            Page(429, "Tra cứu quá nhiều lần",
                 "<p>Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau " + retryAfter + " giây.</p>");
        page.headers.emplace_back("Retry-After", retryAfter);
        return page;
    }
    HttpError refused(429, ErrorCategory::NotAllowed,
                      N_("Too many lookups from this address; try again after the time in Retry-After"), {},
                      retryAfter + " s");
    refused.headers.emplace_back("Retry-After", retryAfter);
    throw refused;
}

HttpResponse CitizenApi::PublicLookup(const HttpRequest& request)
{
    const bool html = WantsHtml(request.Header("Accept"), request.path.rfind("/tra-cuu/", 0) == 0);
    if (std::optional<HttpResponse> refused = TooManyLookups(request, html))
        return *refused;

    const std::string& code = request.PathParam("code");
    std::optional<Dossier> dossier;
    if (code.size() <= kMaxCode)
        dossier = m_store.FindDossierByCode(code);
    if (!dossier) {
        if (html)
            return Page(404, "Không tìm thấy hồ sơ",
                        "<p>Không có hồ sơ nào mang mã " + HtmlEscape(code) + ". Vui lòng kiểm tra lại mã hồ sơ.</p>");
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, code);
    }
    const motcua::Procedure procedure = m_store.GetProcedure(dossier->procedureId);
    const std::vector<Agency> agencies = m_store.LoadAgencies();
    HttpResponse response =
        html ? Page(200, "Tra cứu hồ sơ",
                    "<dl>" + Row("Mã hồ sơ", dossier->code) + Row("Thủ tục", procedure.name) +
                        Row("Cơ quan tiếp nhận", AgencyNameOf(agencies, dossier->receivingAgencyId)) +
                        Row("Trạng thái", VietnameseName(dossier->status)) +
                        Row("Ngày tiếp nhận", PageTime(dossier->receivedAt)) +
                        Row("Ngày hẹn trả kết quả", PageTime(dossier->dueAt)) + "</dl>")
             : HttpResponse::Json(200, DossierJson::ToString(DossierJson::PublicStatus(*dossier, procedure, agencies)));
    // The status changes as the dossier moves: never from a cache; and the answer depends on Accept.
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Vary", "Accept");
    return response;
}

HttpResponse CitizenApi::VerifyDocument(const HttpRequest& request)
{
    const bool html = WantsHtml(request.Header("Accept"), true);
    if (std::optional<HttpResponse> refused = TooManyLookups(request, html))
        return *refused;
    // Typed from paper: case and spaces do not matter.
    std::string identifier;
    for (const char c : request.PathParam("identifier"))
        if (c != ' ')
            identifier += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::optional<pg::IssuedDocument> document;
    if (IsDocumentIdentifier(identifier))
        document = m_store.FindIssuedDocument(identifier);
    if (!document) {
        if (html)
            return Page(404, "Không tìm thấy giấy tờ",
                        "<p>Không có giấy tờ nào mang mã số " + HtmlEscape(identifier) +
                            ". Vui lòng kiểm tra lại mã số in trên giấy tờ.</p>");
        throw Error(ErrorCategory::NotFound, N_("No issued document has this identifier"), {}, identifier);
    }
    const bool revoked = document->revokedAt.has_value();
    HttpResponse response;
    if (html) {
        const std::string state =
            revoked
                ? "<p><strong>Giấy tờ này đã bị thu hồi</strong> ngày " + HtmlEscape(PageTime(document->revokedAt)) +
                      ": " + HtmlEscape(document->revokedReason) + "</p>"
                : "<p>Giấy tờ này do cơ quan nhà nước cấp qua hệ thống MotCua và chưa bị thu hồi. Đối chiếu mã SHA-256 "
                  "dưới đây với tệp bạn có để biết tệp có đúng là bản đã cấp hay không.</p>";
        response =
            Page(200, "Xác thực giấy tờ",
                 state + "<dl>" + Row("Mã số giấy tờ", document->identifier) +
                     Row("Loại giấy tờ", KindName(document->kind)) +
                     (document->documentNumber.empty() ? std::string() : Row("Số văn bản", document->documentNumber)) +
                     Row("Thủ tục", document->procedureName) + Row("Mã hồ sơ", document->dossierCode) +
                     Row("Cơ quan cấp", document->agencyName) + Row("Người ký", document->signerName) +
                     Row("Thời gian cấp", PageTime(document->issuedAt)) +
                     Row("Mã SHA-256 của tệp", document->sha256Hex) + "</dl>");
    } else {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("identifier", document->identifier);
        o->set("kind", std::string(ToString(document->kind)));
        o->set("kindName", KindName(document->kind));
        if (!document->documentNumber.empty())
            o->set("documentNumber", document->documentNumber);
        o->set("procedureName", document->procedureName);
        o->set("dossierCode", document->dossierCode);
        o->set("agencyName", document->agencyName);
        o->set("signerName", document->signerName);
        o->set("issuedAt", FormatIso8601(document->issuedAt));
        o->set("sha256", document->sha256Hex);
        o->set("revoked", revoked);
        if (revoked) {
            o->set("revokedAt", FormatIso8601(*document->revokedAt));
            o->set("revokedReason", document->revokedReason);
        }
        response = HttpResponse::Json(200, DossierJson::ToString(o));
    }
    // A revocation must show at once; and the answer depends on Accept.
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Vary", "Accept");
    return response;
}

}  // namespace motcua::server
