#include "tests/support/nss_trust_database.h"

#include <stdexcept>
#include <vector>

#include "tests/support/pdf_tools.h"

namespace motcua::test {
namespace {

std::string RequiredTool(const char* name)
{
    const auto path = Tool(name);
    if (!path)
        throw std::runtime_error(std::string(name) + " was not found when the tests were configured");
    return *path;
}

}  // namespace

NssTrustDatabase::NssTrustDatabase(const std::string& caCertificatePem)
{
    const TempPath unique(".nssdb");
    m_folder = unique.Path();
    std::filesystem::create_directories(m_folder);
    const std::string certutil = RequiredTool("certutil");
    const std::string database = "sql:" + m_folder.string();
    const std::filesystem::path ca = m_folder / "ca.pem";
    WriteFile(ca, std::vector<std::uint8_t>(caCertificatePem.begin(), caCertificatePem.end()));
    if (Run(certutil, {"-N", "-d", database, "--empty-password"}).exitCode != 0 ||
        Run(certutil, {"-A", "-d", database, "-n", "Test Root CA", "-t", "CT,C,C", "-i", ca.string()}).exitCode != 0)
        throw std::runtime_error("certutil could not make an NSS database in " + m_folder.string());
}

NssTrustDatabase::~NssTrustDatabase()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

std::string NssTrustDatabase::PdfSig(const std::filesystem::path& pdf) const
{
    return Run(RequiredTool("pdfsig"), {"-nssdir", "sql:" + m_folder.string(), pdf.string()}).output;
}

}  // namespace motcua::test
