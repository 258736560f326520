#include "desktop/result_signing.h"

#include <algorithm>
#include <cstdio>

#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

// RFC 7512 path attribute values: unreserved characters and a few more stay; everything else (';', '/', '%',
// spaces, non-ASCII bytes of Vietnamese labels) is %XX.
std::string PercentEncoded(const std::string& text)
{
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            std::string_view("-._~:[]@!$'()*+,=&").find(static_cast<char>(c)) != std::string_view::npos) {
            out += static_cast<char>(c);
            continue;
        }
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out += hex;
    }
    return out;
}

}  // namespace

TokenSigningSettings ReadTokenSigningSettings(const ISettings& settings)
{
    TokenSigningSettings values;
    values.enabled = settings.ReadOr("signing/token", "0") == "1";
    values.modulePath = settings.ReadOr("signing/module", {});
    values.tokenLabel = settings.ReadOr("signing/tokenLabel", {});
    values.keyLabel = settings.ReadOr("signing/keyLabel", {});
    values.certificateFile = settings.ReadOr("signing/certificate", {});
    values.timestampUrl = settings.ReadOr("signing/timestampUrl", {});
    return values;
}

void WriteTokenSigningSettings(ISettings& settings, const TokenSigningSettings& values)
{
    settings.Write("signing/token", values.enabled ? "1" : "0");
    settings.Write("signing/module", values.modulePath);
    settings.Write("signing/tokenLabel", values.tokenLabel);
    settings.Write("signing/keyLabel", values.keyLabel);
    settings.Write("signing/certificate", values.certificateFile);
    settings.Write("signing/timestampUrl", values.timestampUrl);
}

std::string Pkcs11KeyUri(const std::string& tokenLabel, const std::string& keyLabel)
{
    if (keyLabel.starts_with("pkcs11:"))
        return keyLabel;
    std::string uri = "pkcs11:";
    if (!tokenLabel.empty())
        uri += "token=" + PercentEncoded(tokenLabel) + ";";
    if (!keyLabel.empty())
        uri += "object=" + PercentEncoded(keyLabel) + ";";
    return uri + "type=private";
}

const OutputRef* FindResult(const std::vector<OutputRef>& outputs)
{
    // Oldest first: the newest result is the one the last approval issued.
    const auto found =
        std::find_if(outputs.rbegin(), outputs.rend(), [](const OutputRef& o) { return o.kind == "result"; });
    return found == outputs.rend() ? nullptr : &*found;
}

SignedOutput SignResult(IActionApi& api, IOpenToken& token, const std::vector<OutputRef>& outputs)
{
    const OutputRef* result = FindResult(outputs);
    if (!result)
        throw Error(ErrorCategory::NotFound, N_("The dossier has no result document to sign"));
    const std::vector<std::uint8_t> issued = api.OutputFile(result->id);
    std::vector<std::uint8_t> signedPdf;
    try {
        signedPdf = token.Sign(issued);
    } catch (const Error& e) {
        if (e.Category() == ErrorCategory::Environment)
            throw TokenFailure(e);
        throw;
    }
    return api.PutSignedOutput(result->id, signedPdf);
}

}  // namespace motcua::desktop
