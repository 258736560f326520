// Search over PostgreSQL: by code, citizen ID, phone and name words (with or without diacritics, any normal form),
// through both name paths (the dictionary's matches by equality, and the scan for very common fragments), with
// filters, keyset pages newest first, and never another agency's dossier.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "model/search_key.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

struct SearchFixture : StoreFixture {
    SearchFixture()
    {
        const Instant base = VietnamTime(2026, 3, 2, 8, 0);
        // clang-format off
        const char* names[] = {"Nguyễn Thị Ánh", "Đặng Văn Hùng", "Trần Thị Thùy Trang", "Lê Văn Ngân",
                               "Nguyễn Văn Hùng", "Nguyễn Thị Ánh Tuyết",
                               "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Hoa",  // decomposed: Nguyễn Thị Hoa
                               "Phạm Anh"};
        // clang-format on
        std::vector<Dossier> dossiers;
        for (int i = 0; i < 64; ++i) {
            const Agency& agency = i % 4 == 3 ? c.otherCommune : c.commune;
            Dossier d = MakeNewDossier(i % 2 ? c.landDispute : c.birthRegistration, agency, i,
                                       base + std::chrono::hours{24 * (i % 8)});
            char sequence[16];
            std::snprintf(sequence, sizeof sequence, "%04d", i + 1);
            d.code = agency.code + "-26030" + std::to_string(2 + i % 8) + "-" + sequence;
            d.applicant.fullName = names[i % 8];
            d.applicant.phone = i % 8 == 5 ? "+84987654321" : "0912345678";
            d.status = i % 3 == 0 ? NationalStatus::Returned : NationalStatus::Processing;
            d.subState = d.status == NationalStatus::Processing ? SubState::Appraising : SubState::None;
            dossiers.push_back(std::move(d));
        }
        seeder.BulkInsertDossiers(dossiers, {});
        all = dossiers;
    }

    // Codes found by `text` (and the other fields of `search`), every page read with page size `limit`.
    std::vector<std::string> Find(const std::string& text, pg::DossierSearch search = {}, int limit = 5)
    {
        search.agencyId = c.commune.id;
        if (!text.empty())
            search.key = ParseSearchKey(text);
        search.limit = limit;
        std::vector<std::string> codes;
        std::vector<std::int64_t> ids;
        do {
            const pg::SearchPage page = store.SearchDossiers(search);
            for (const InboxRow& row : page.rows) {
                codes.push_back(row.code);
                ids.push_back(row.id);
            }
            search.afterId = page.next;
        } while (search.afterId);
        BOOST_TEST(std::is_sorted(ids.rbegin(), ids.rend()));  // newest first
        BOOST_TEST(std::set<std::int64_t>(ids.begin(), ids.end()).size() == ids.size());
        return codes;
    }

    // Codes of the commune's dossiers whose index in `all` satisfies `keep`, newest first.
    template <typename Keep>
    std::vector<std::string> Expect(Keep keep) const
    {
        std::vector<std::string> codes;
        for (int i = static_cast<int>(all.size()) - 1; i >= 0; --i)
            if (i % 4 != 3 && keep(i))
                codes.push_back(all[static_cast<std::size_t>(i)].code);
        return codes;
    }

    std::vector<Dossier> all;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_search, SearchFixture)

BOOST_AUTO_TEST_CASE(names_with_or_without_diacritics_in_any_form)
{
    const auto anh = Expect([](int i) { return i % 8 == 0 || i % 8 == 5; });
    BOOST_TEST(Find("nguyen thi anh") == anh, boost::test_tools::per_element());
    BOOST_TEST(Find("Nguyễn Thị Ánh") == anh, boost::test_tools::per_element());
    BOOST_TEST(Find("anh nguyen") == anh, boost::test_tools::per_element());  // any order
    BOOST_TEST(Find("NGUYEN THI ANH TUYET") == Expect([](int i) { return i % 8 == 5; }),
               boost::test_tools::per_element());
    BOOST_TEST(Find("dang") == Expect([](int i) { return i % 8 == 1; }), boost::test_tools::per_element());
    BOOST_TEST(Find("Đặng") == Expect([](int i) { return i % 8 == 1; }), boost::test_tools::per_element());
    // The start of a word: "hung" finds Hùng, "ngan" Ngân; "uyen" starts no word.
    BOOST_TEST(Find("hung") == Expect([](int i) { return i % 8 == 1 || i % 8 == 4; }),
               boost::test_tools::per_element());
    BOOST_TEST(Find("ngan") == Expect([](int i) { return i % 8 == 3; }), boost::test_tools::per_element());
    BOOST_TEST(Find("uyen").empty());
    // Stored decomposed, found precomposed and folded; asked decomposed, found too.
    const auto hoa = Expect([](int i) { return i % 8 == 6; });
    BOOST_TEST(Find("Nguyễn Thị Hoa") == hoa, boost::test_tools::per_element());
    BOOST_TEST(Find("nguyen hoa") == hoa, boost::test_tools::per_element());
    BOOST_TEST(Find("Thi\xCC\xA3 Hoa") == hoa, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(common_fragments_take_the_scan_and_find_the_same)
{
    for (const char* text : {"nguyen", "thi", "van hung", "anh"}) {
        BOOST_TEST_CONTEXT(text)
        {
            pg::DossierSearch scan;
            scan.namesForEquality = 0;  // every name fragment takes the scan of the agency's dossiers
            const std::vector<std::string> byEquality = Find(text);
            BOOST_TEST(!byEquality.empty());
            BOOST_TEST(Find(text, scan) == byEquality, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(codes_ids_and_phones)
{
    BOOST_TEST(Find(all[4].code) == std::vector<std::string>{all[4].code}, boost::test_tools::per_element());
    std::string lower = all[4].code;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char ch) { return static_cast<char>(std::tolower(ch)); });
    BOOST_TEST(Find(lower) == std::vector<std::string>{all[4].code}, boost::test_tools::per_element());
    BOOST_TEST(Find(all[3].code).empty());  // another agency's
    BOOST_TEST(Find(all[9].applicant.citizenId) == std::vector<std::string>{all[9].code},
               boost::test_tools::per_element());
    BOOST_TEST(Find("0987 654 321") == Expect([](int i) { return i % 8 == 5; }), boost::test_tools::per_element());
    BOOST_TEST(Find("+84912345678") == Expect([](int i) { return i % 8 != 5; }), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filters_narrow_and_scope_holds)
{
    pg::DossierSearch finished;
    finished.status = NationalStatus::Returned;
    BOOST_TEST(Find("nguyen", finished) ==
                   Expect([](int i) { return (i % 8 == 0 || i % 8 == 4 || i % 8 == 5 || i % 8 == 6) && i % 3 == 0; }),
               boost::test_tools::per_element());
    pg::DossierSearch land;
    land.procedureId = c.landDispute.id;
    BOOST_TEST(Find("", land) == Expect([](int i) { return i % 2 == 1; }), boost::test_tools::per_element());
    pg::DossierSearch days;
    days.submittedFrom = VietnamTime(2026, 3, 4, 0, 0);  // days 2 and 3 of the 8
    days.submittedTo = VietnamTime(2026, 3, 6, 0, 0);
    BOOST_TEST(Find("", days, 3) == Expect([](int i) { return i % 8 == 2 || i % 8 == 3; }),
               boost::test_tools::per_element());
    BOOST_TEST(Find("").size() == 48u);  // the commune's 48 of 64
    pg::DossierSearch other;
    other.agencyId = c.otherCommune.id;
    other.key = ParseSearchKey("nguyen thi anh");
    other.limit = 50;
    for (const InboxRow& row : store.SearchDossiers(other).rows)
        BOOST_TEST(row.code.rfind(c.otherCommune.code, 0) == 0u);
}

BOOST_AUTO_TEST_CASE(new_and_renamed_names_enter_the_dictionary)
{
    db.AdminExecute("UPDATE dossier SET applicant_name = 'Võ Thị Sáu' WHERE code = '" + all[0].code + "'");
    BOOST_TEST(Find("vo thi sau") == std::vector<std::string>{all[0].code}, boost::test_tools::per_element());
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_name") == 9);  // 8 names and the new one
}

BOOST_AUTO_TEST_SUITE_END()
