// Attachments in the store: written in the dossier's transaction (all or nothing), listed without their bytes, read
// back only while their SHA-256 still matches.
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
constexpr const char* kAbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

Attachment File(int document, const std::string& name, const std::string& bytes)
{
    return {document, name, kPdfMediaType, std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
}

struct AttachmentFixture : StoreFixture {
    Dossier Create(const std::vector<Attachment>& attachments)
    {
        const Instant now = VietnamTime(2026, 3, 10, 9, 30);
        return store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code,
                                   DossierCodeFormat(), now, attachments);
    }
    long long Rows(const char* table) const { return db.AdminCount(std::string("SELECT count(*) FROM ") + table); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_attachments, AttachmentFixture)

BOOST_AUTO_TEST_CASE(stored_with_the_dossier_and_read_back)
{
    const std::string bytes = std::string("%PDF-1.4\0\xFF binary", 17);
    const Dossier created = Create({File(1, "to-khai.pdf", "abc"), File(1, "Giấy chứng sinh.pdf", bytes)});
    const std::vector<AttachmentInfo> listed = store.Attachments(created.id);
    BOOST_TEST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed[0].dossierId == created.id);
    BOOST_TEST(listed[0].position == 1);
    BOOST_TEST(listed[0].documentPosition == 1);
    BOOST_TEST(listed[0].fileName == "to-khai.pdf");
    BOOST_TEST(listed[0].mediaType == kPdfMediaType);
    BOOST_TEST(listed[0].size == 3);
    BOOST_TEST(listed[0].sha256Hex == kAbcSha256);
    BOOST_TEST(listed[1].position == 2);
    BOOST_TEST(listed[1].fileName == "Giấy chứng sinh.pdf");
    BOOST_TEST(listed[1].size == 17);

    const auto second = store.LoadAttachment(created.id, 2);
    BOOST_TEST_REQUIRE(second.has_value());
    BOOST_TEST(second->first.fileName == "Giấy chứng sinh.pdf");
    BOOST_TEST((second->second == std::vector<std::uint8_t>(bytes.begin(), bytes.end())));
    BOOST_TEST(!store.LoadAttachment(created.id, 3));
    BOOST_TEST(!store.LoadAttachment(created.id + 1, 1));
    BOOST_TEST(store.Attachments(created.id + 1).empty());
}

BOOST_AUTO_TEST_CASE(all_or_nothing_with_the_dossier)
{
    // A later step of the same transaction fails: neither the dossier nor its files stay.
    BOOST_CHECK_THROW(store.InOneTransaction([&] {
        Create({File(1, "to-khai.pdf", "abc")});
        throw std::runtime_error("a later step fails");
    }),
                      std::exception);
    // A file naming a document the dossier does not have: refused by the database, nothing written.
    BOOST_CHECK_THROW(Create({File(1, "to-khai.pdf", "abc"), File(99, "ghost.pdf", "abc")}), Error);
    BOOST_TEST(Rows("dossier") == 0);
    BOOST_TEST(Rows("dossier_document") == 0);
    BOOST_TEST(Rows("dossier_attachment") == 0);
    // Without files, as before.
    Create({});
    BOOST_TEST(Rows("dossier") == 1);
    BOOST_TEST(Rows("dossier_attachment") == 0);
}

BOOST_AUTO_TEST_CASE(a_refused_dossier_leaves_no_files)
{
    // The files are written first, in their own statement (binary bytes), before the dossier: a dossier refused
    // afterwards takes them back with it.
    const Instant now = VietnamTime(2026, 3, 10, 9, 30);
    const std::vector<Attachment> files{File(1, "to-khai.pdf", "abc"), File(2, "giay-chung-sinh.pdf", "abc")};
    const Error unknown = CaptureError([&] {
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), "KHONG.CO", DossierCodeFormat(),
                            now, files);
    });
    BOOST_TEST((unknown.Category() == ErrorCategory::BadInput));
    BOOST_TEST(unknown.Field() == "agencyCode");

    const DossierCodeFormat oneDigit("{agency}-{yymmdd}-{seq:1}");
    for (int i = 1; i <= 9; ++i)
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, i, now), c.commune.code, oneDigit, now);
    const Error exhausted = CaptureError([&] {
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 10, now), c.commune.code, oneDigit, now,
                            files);
    });
    BOOST_TEST((exhausted.Category() == ErrorCategory::Environment));
    BOOST_TEST(std::string(exhausted.what()) == "The daily dossier sequence of this agency is exhausted");
    BOOST_TEST(Rows("dossier") == 9);
    BOOST_TEST(Rows("dossier_document") == 27);
    BOOST_TEST(Rows("dossier_attachment") == 0);
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter") == 9);
}

BOOST_AUTO_TEST_CASE(damaged_bytes_are_never_served)
{
    const Dossier created = Create({File(1, "a.pdf", "abc"), File(1, "b.pdf", "abc")});
    db.AdminExecute("UPDATE dossier_attachment SET bytes = '\\x616263ff' WHERE position = 1");  // one byte more
    db.AdminExecute("UPDATE dossier_attachment SET bytes = '\\x616264' WHERE position = 2");    // one bit flipped
    for (const int position : {1, 2}) {
        BOOST_TEST_CONTEXT("attachment " << position)
        {
            try {
                store.LoadAttachment(created.id, position);
                BOOST_ERROR("damaged bytes were served");
            } catch (const Error& e) {
                BOOST_TEST((e.Category() == ErrorCategory::Internal));
                BOOST_TEST(std::string(e.what()) == "The stored attachment is damaged");
            }
        }
    }
    // The listing still shows what was stored, digest included.
    BOOST_TEST(store.Attachments(created.id).at(1).sha256Hex == kAbcSha256);
}

BOOST_AUTO_TEST_SUITE_END()
