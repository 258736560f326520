// A throwaway NSS database trusting one test CA, so pdfsig can say whether a signature's certificate is trusted.
#pragma once

#include <filesystem>
#include <string>

namespace motcua::test {

// Made with certutil in a temporary folder, removed when destroyed. Throws std::runtime_error when certutil is
// missing or fails.
class NssTrustDatabase {
public:
    explicit NssTrustDatabase(const std::string& caCertificatePem);
    ~NssTrustDatabase();
    NssTrustDatabase(const NssTrustDatabase&) = delete;
    NssTrustDatabase& operator=(const NssTrustDatabase&) = delete;

    // What pdfsig prints about `pdf` (standard output; it exits 0 even for a broken signature, so read the text).
    std::string PdfSig(const std::filesystem::path& pdf) const;

private:
    std::filesystem::path m_folder;
};

}  // namespace motcua::test
