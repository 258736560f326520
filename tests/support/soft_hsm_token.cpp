#include "tests/support/soft_hsm_token.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "reports/openssl_support.h"
#include "tests/support/pdf_tools.h"

namespace motcua::test {
namespace {

std::string SoftHsmUtil()
{
    const auto util = Tool("softhsm2-util");
    if (!util || !SoftHsmToken::ModulePath())
        throw std::runtime_error("softhsm2-util or libsofthsm2.so was not found when the tests were configured");
    return *util;
}

}  // namespace

std::optional<std::filesystem::path> SoftHsmToken::ModulePath()
{
#ifdef MOTCUA_SOFTHSM_MODULE
    if (Tool("softhsm2-util"))
        return std::filesystem::path(MOTCUA_SOFTHSM_MODULE);
#endif
    return std::nullopt;
}

SoftHsmToken& SoftHsmToken::Shared()
{
    static SoftHsmToken token;
    return token;
}

SoftHsmToken::SoftHsmToken() : m_label("motcua-test")
{
    const TempPath unique(".softhsm");
    m_folder = unique.Path();
    std::filesystem::create_directories(m_folder / "tokens");
    const std::filesystem::path conf = m_folder / "softhsm2.conf";
    std::ofstream(conf) << "directories.tokendir = " << (m_folder / "tokens").string()
                        << "\nobjectstore.backend = file\nlog.level = ERROR\n";
    setenv("SOFTHSM2_CONF", conf.c_str(), 1);
    if (Run(SoftHsmUtil(), {"--init-token", "--free", "--label", m_label, "--so-pin", "0000", "--pin", kSoftHsmPin})
            .exitCode != 0)
        throw std::runtime_error("softhsm2-util could not make a token in " + m_folder.string());
}

SoftHsmToken::~SoftHsmToken()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

bool SoftHsmToken::CanImportCertificates()
{
    return Tool("pkcs11-tool").has_value();
}

reports::Pkcs11Settings SoftHsmToken::Import(const std::string& keyPem, const std::string& certificatePem)
{
    const std::string object = "signer-" + std::to_string(++m_keys);
    const std::filesystem::path key = m_folder / "key.pem";
    WriteFile(key, std::vector<std::uint8_t>(keyPem.begin(), keyPem.end()));
    const int exitCode = Run(SoftHsmUtil(), {"--import", key.string(), "--token", m_label, "--label", object, "--id",
                                             std::to_string(1000 + m_keys), "--pin", kSoftHsmPin})
                             .exitCode;
    std::filesystem::remove(key);
    if (exitCode != 0)
        throw std::runtime_error("softhsm2-util could not import a key into the token in " + m_folder.string());
    if (!certificatePem.empty()) {
        const auto tool = Tool("pkcs11-tool");
        if (!tool)
            throw std::runtime_error("pkcs11-tool (opensc) was not found when the tests were configured");
        // The first certificate of the bundle, as DER (what pkcs11-tool writes).
        const std::filesystem::path certificate = m_folder / "certificate.der";
        WriteFile(certificate, reports::PemCertificates(certificatePem).at(0));
        const std::string id = std::to_string(1000 + m_keys);  // hex digits, as softhsm2-util took them
        const int written =
            Run(*tool, {"--module", ModulePath()->string(), "--token-label", m_label, "--login", "--pin", kSoftHsmPin,
                        "--write-object", certificate.string(), "--type", "cert", "--label", object, "--id", id})
                .exitCode;
        std::filesystem::remove(certificate);
        if (written != 0)
            throw std::runtime_error("pkcs11-tool could not write a certificate into the token in " +
                                     m_folder.string());
    }
    return {*ModulePath(), "pkcs11:token=" + m_label + ";object=" + object + ";type=private", kSoftHsmPin};
}

}  // namespace motcua::test
