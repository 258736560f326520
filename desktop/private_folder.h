// A folder for the documents the desk downloads to show or print (receipts, results): only its user can enter it,
// its name cannot be guessed, files are created exclusively (never through a planted file or link), and it is
// removed with its files when the desk exits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace motcua::desktop {

class PrivateFolder {
public:
    // A new folder "motcua-desk-XXXXXX" (mode 0700, random suffix) under `parent`, made on first use and removed by
    // the destructor. `parent` empty: $XDG_RUNTIME_DIR (per user) when usable, else the system temporary folder.
    explicit PrivateFolder(std::filesystem::path parent = {});
    // `folder` itself (tests choose where files go): created with mode 0700 when missing, never removed.
    static PrivateFolder At(std::filesystem::path folder);
    ~PrivateFolder();
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    PrivateFolder(PrivateFolder&& other) noexcept;
    PrivateFolder& operator=(PrivateFolder&&) = delete;

    // The folder, made now if not yet. Throws Error(Environment).
    std::filesystem::path Path();
    // Writes `bytes` to the file `fileName` in the folder and returns it: written to a new file of a random name
    // created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600), then renamed to `fileName`, so an earlier copy
    // or a planted file or link is replaced, never written through. Any thread. Throws Error(Environment).
    std::filesystem::path Write(const std::string& fileName, const std::vector<std::uint8_t>& bytes);
    // Removes the folder and its files (a folder given to At is kept); the next Path makes a new one.
    void Remove() noexcept;

private:
    PrivateFolder(std::filesystem::path folder, bool owned);
    std::filesystem::path MakeFolder();  // under m_mutex

    std::mutex m_mutex;
    std::filesystem::path m_parent;  // where a new folder goes (owned folders)
    std::filesystem::path m_folder;  // empty until made (owned folders)
    bool m_owned = true;
};

}  // namespace motcua::desktop
