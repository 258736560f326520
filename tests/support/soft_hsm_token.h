// A throwaway SoftHSM 2 token for the PKCS#11 signing tests: one per test process, test keys imported into it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "reports/pkcs11_signing_key.h"

namespace motcua::test {

inline constexpr const char* kSoftHsmPin = "1234";

// SoftHSM reads its configuration once per process and keeps the tokens it found then (libp11's engine does not
// unload it), so the process has one token, made on first use, and every key goes into it; SoftHSM sees objects
// added later. SOFTHSM2_CONF is set for the process. Throws std::runtime_error when softhsm2-util fails.
class SoftHsmToken {
public:
    // nullopt when softhsm2-util or libsofthsm2.so was not found when the tests were configured.
    static std::optional<std::filesystem::path> ModulePath();
    static SoftHsmToken& Shared();

    ~SoftHsmToken();
    SoftHsmToken(const SoftHsmToken&) = delete;
    SoftHsmToken& operator=(const SoftHsmToken&) = delete;

    // Imports `keyPem` (unencrypted PKCS#8) as a new object; returns the settings a desk would hold for it.
    // With `certificatePem`, the certificate goes in beside it under the same label and id, as a CA's token
    // carries it (needs pkcs11-tool: throws std::runtime_error without it; CanImportCertificates says).
    reports::Pkcs11Settings Import(const std::string& keyPem, const std::string& certificatePem = {});
    static bool CanImportCertificates();
    const std::string& Label() const { return m_label; }

private:
    SoftHsmToken();

    std::filesystem::path m_folder;
    std::string m_label;
    int m_keys = 0;
};

}  // namespace motcua::test
