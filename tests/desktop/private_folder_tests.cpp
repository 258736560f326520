// The desk's private folder for downloaded documents: mode 0700 with an unguessable name, files created exclusively
// with mode 0600 and renamed into place (a planted file or link is never written through), everything removed when
// the desk exits; and
// the receipt opener keeping its documents there.
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "desktop/private_folder.h"
#include "desktop/receipt_opener.h"
#include "desktop_fakes.h"

using motcua::desktop::PrivateFolder;
namespace fs = std::filesystem;

namespace {

unsigned ModeOf(const fs::path& path)
{
    struct stat info {};
    BOOST_REQUIRE(::lstat(path.c_str(), &info) == 0);
    return info.st_mode & 07777u;
}

std::string Read(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<std::uint8_t> kPdf{'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n'};

}  // namespace

BOOST_AUTO_TEST_SUITE(private_folder)

BOOST_AUTO_TEST_CASE(the_folder_is_the_user_s_alone_unguessable_and_removed_with_its_files)
{
    const motcua::desktop::test::TempFolder parent;
    fs::create_directories(parent.Path());
    fs::path folder;
    fs::path file;
    {
        PrivateFolder a(parent.Path());
        PrivateFolder b(parent.Path());
        folder = a.Path();
        BOOST_TEST(folder.parent_path() == parent.Path());
        BOOST_TEST(folder.filename().string().rfind("motcua-desk-", 0) == 0);
        BOOST_TEST(folder.filename().string().size() > std::string("motcua-desk-").size() + 5);
        BOOST_TEST(b.Path() != folder);  // a random name, not a fixed one
        BOOST_TEST(ModeOf(folder) == 0700u);
        file = a.Write("C-1-receipt.pdf", kPdf);
        BOOST_TEST(file == folder / "C-1-receipt.pdf");
        BOOST_TEST(ModeOf(file) == 0600u);
        BOOST_TEST(Read(file) == std::string(kPdf.begin(), kPdf.end()));
    }
    BOOST_TEST(!fs::exists(file));
    BOOST_TEST(!fs::exists(folder));
}

BOOST_AUTO_TEST_CASE(files_are_created_exclusively_and_replace_never_write_through_a_planted_link)
{
    const motcua::desktop::test::TempFolder parent;
    fs::create_directories(parent.Path());
    PrivateFolder folder = PrivateFolder::At(parent.Path() / "given");
    const fs::path dir = folder.Path();
    BOOST_TEST(ModeOf(dir) == 0700u);
    // Something already there under the name: a link to a file elsewhere.
    const fs::path victim = parent.Path() / "victim.txt";
    std::ofstream(victim) << "keep me";
    fs::create_symlink(victim, dir / "C-1-receipt.pdf");
    const fs::path first = folder.Write("C-1-receipt.pdf", kPdf);
    BOOST_TEST(first == dir / "C-1-receipt.pdf");
    BOOST_TEST(!fs::is_symlink(first));  // replaced, not followed
    BOOST_TEST(Read(victim) == "keep me");
    BOOST_TEST(Read(first) == std::string(kPdf.begin(), kPdf.end()));
    BOOST_TEST(ModeOf(first) == 0600u);
    // The same document again: the same name, a new file (one a viewer still has open keeps its bytes).
    std::ifstream open(first, std::ios::binary);
    const std::vector<std::uint8_t> newer{'%', 'P', 'D', 'F', '-', '2', '.', '0', '\n'};
    const fs::path second = folder.Write("C-1-receipt.pdf", newer);
    BOOST_TEST(second == first);
    BOOST_TEST(Read(second) == std::string(newer.begin(), newer.end()));
    const std::string kept{std::istreambuf_iterator<char>(open), std::istreambuf_iterator<char>()};
    BOOST_TEST(kept == std::string(kPdf.begin(), kPdf.end()));
    // Nothing half-written is left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
        ++entries;
    BOOST_TEST(entries == 1);
}

BOOST_AUTO_TEST_CASE(the_receipt_opener_keeps_documents_in_its_private_folder_until_it_goes)
{
    motcua::desktop::test::FakeStaffApi api;
    motcua::desktop::test::RecordingLauncher launcher;
    motcua::desktop::test::RecordingPrinter printer;
    fs::path saved;
    {
        motcua::desktop::ReceiptOpener opener(api, launcher, printer);
        saved = opener.SavePdf(kPdf, "000.00.01.H41-261127-0001", "receipt");
        BOOST_TEST(saved.filename().string() == "000.00.01.H41-261127-0001-receipt.pdf");
        BOOST_TEST(saved.parent_path().filename().string().rfind("motcua-desk-", 0) == 0);
        BOOST_TEST(ModeOf(saved.parent_path()) == 0700u);
        BOOST_TEST(ModeOf(saved) == 0600u);
        // Not the shared, predictable folder of before.
        BOOST_TEST(saved.parent_path() != fs::temp_directory_path() / "motcua-desk");
    }
    BOOST_TEST(!fs::exists(saved));
    BOOST_TEST(!fs::exists(saved.parent_path()));
}

BOOST_AUTO_TEST_SUITE_END()
