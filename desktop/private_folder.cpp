#include "desktop/private_folder.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <system_error>

#ifdef _WIN32
#include <io.h>
#include <sys/stat.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "desktop/gettext_macros.h"
#include "model/error.h"

namespace motcua::desktop {
namespace {

[[noreturn]] void CannotSave(const std::string& detail)
{
    throw Error(ErrorCategory::Environment, N_("The document could not be saved to a temporary file."), {}, detail);
}

std::filesystem::path DefaultParent()
{
#ifndef _WIN32
    // The per-user runtime folder (tmpfs, mode 0700, emptied at logout): the right home for such files.
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime == '/') {
        struct stat info {};
        if (::stat(runtime, &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::getuid())
            return runtime;
    }
#endif
    std::error_code ec;
    std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    if (ec)
        CannotSave(ec.message());
    return temp;
}

// Opens `file` for writing only if it does not exist yet, never following a link; -1 with errno set otherwise.
int CreateExclusive(const std::filesystem::path& file)
{
#ifdef _WIN32
    return ::_wopen(file.c_str(), _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
#else
    return ::open(file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
#endif
}

bool WriteAll(int fd, const std::vector<std::uint8_t>& bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
#ifdef _WIN32
        const int wrote = ::_write(fd, bytes.data() + done, static_cast<unsigned>(bytes.size() - done));
#else
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
#endif
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
        done += static_cast<std::size_t>(wrote);
    }
    return true;
}

int CloseFile(int fd)
{
#ifdef _WIN32
    return ::_close(fd);
#else
    return ::close(fd);
#endif
}

}  // namespace

PrivateFolder::PrivateFolder(std::filesystem::path parent) : m_parent(std::move(parent)) {}

PrivateFolder::PrivateFolder(std::filesystem::path folder, bool owned) : m_folder(std::move(folder)), m_owned(owned) {}

PrivateFolder PrivateFolder::At(std::filesystem::path folder)
{
    return PrivateFolder(std::move(folder), false);
}

PrivateFolder::PrivateFolder(PrivateFolder&& other) noexcept
    : m_parent(std::move(other.m_parent)),
      m_folder(std::move(other.m_folder)),
      m_owned(other.m_owned)
{
    other.m_folder.clear();
}

PrivateFolder::~PrivateFolder()
{
    Remove();
}

void PrivateFolder::Remove() noexcept
{
    const std::lock_guard lock(m_mutex);
    if (!m_owned || m_folder.empty())
        return;
    std::error_code ec;
    std::filesystem::remove_all(m_folder, ec);
    m_folder.clear();
}

std::filesystem::path PrivateFolder::Path()
{
    const std::lock_guard lock(m_mutex);
    return MakeFolder();
}

std::filesystem::path PrivateFolder::MakeFolder()
{
    if (!m_owned) {
        std::error_code ec;
        if (!std::filesystem::is_directory(m_folder, ec)) {
            std::filesystem::create_directories(m_folder, ec);
            if (ec)
                CannotSave(m_folder.string() + ": " + ec.message());
            std::filesystem::permissions(m_folder, std::filesystem::perms::owner_all, ec);
        }
        return m_folder;
    }
    if (!m_folder.empty())
        return m_folder;
    const std::filesystem::path parent = m_parent.empty() ? DefaultParent() : m_parent;
#ifdef _WIN32
    std::random_device random;  // NOLINT(misc-const-correctness): drawing from it changes it
    for (int attempt = 0; attempt < 100 && m_folder.empty(); ++attempt) {
        const std::filesystem::path candidate = parent / ("motcua-desk-" + std::to_string(random()));
        std::error_code ec;
        if (std::filesystem::create_directory(candidate, ec))
            m_folder = candidate;  // under the user's own %TEMP%, which other users cannot enter
    }
    if (m_folder.empty())
        CannotSave(parent.string());
#else
    // mkdtemp: a name no one can predict, made exclusively, mode 0700.
    std::string pattern = (parent / "motcua-desk-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        CannotSave(parent.string() + ": " + std::strerror(errno));
    m_folder = pattern;
#endif
    return m_folder;
}

std::filesystem::path PrivateFolder::Write(const std::string& fileName, const std::vector<std::uint8_t>& bytes)
{
    const std::lock_guard lock(m_mutex);
    const std::filesystem::path folder = MakeFolder();
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
        // A new file under a random name, created exclusively, then renamed to its name: an earlier copy (a viewer
        // may still show it) or anything planted there is replaced as a whole, never written through.
        const std::filesystem::path part =
            folder / (".part-" + std::to_string(random()) + "-" + std::to_string(random()));
        const int fd = CreateExclusive(part);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            CannotSave(part.string() + ": " + std::strerror(errno));
        }
        const bool written = WriteAll(fd, bytes);
        std::error_code ec;
        if (CloseFile(fd) != 0 || !written) {
            std::filesystem::remove(part, ec);
            CannotSave(part.string());
        }
        std::filesystem::path file = folder / fileName;
        std::filesystem::rename(part, file, ec);
        if (ec) {
            std::filesystem::remove(part, ec);
            CannotSave(file.string() + ": " + ec.message());
        }
        return file;
    }
    CannotSave(folder.string() + ": no free temporary name");
}

}  // namespace motcua::desktop
