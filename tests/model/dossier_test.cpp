// Dossier vocabulary (statuses, sub-states, channels) and ValidateNewDossier field by field.
#include "model/dossier.h"

#include <set>

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

namespace {

const Date kToday = D(2026, 11, 27);

Dossier Valid()
{
    Dossier d;
    d.channel = Channel::Online;
    d.applicant.fullName = "Nguyễn Văn An";
    d.applicant.citizenId = "001090001234";
    d.applicant.dateOfBirth = D(1990, 5, 12);
    d.applicant.address = "Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội";
    d.applicant.phone = "0912345678";
    d.applicant.email = "an@example.vn";
    d.formDataJson = R"({"lyDo": "Khai sinh"})";
    d.documents = {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1},
                   {"Giấy chứng sinh", DocumentForm::CertifiedCopy, 2}};
    return d;
}

template <class Change>
std::string Invalid(Change change, const std::string& field)
{
    Dossier d = Valid();
    change(d);
    return ExpectBadInput([&] { ValidateNewDossier(d, kToday); }, field);
}

std::string Repeat(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dossier)

BOOST_AUTO_TEST_CASE(status_vocabulary)
{
    const char* vietnamese[] = {"Mới đăng ký",
                                "Được tiếp nhận",
                                "Không được tiếp nhận",
                                "Đang xử lý",
                                "Yêu cầu bổ sung giấy tờ",
                                "Yêu cầu thực hiện nghĩa vụ tài chính",
                                "Công dân yêu cầu rút hồ sơ",
                                "Dừng xử lý",
                                "Đã xử lý xong",
                                "Đã trả kết quả"};
    std::set<std::string> keys, english;
    for (int code = 1; code <= 10; ++code) {
        const NationalStatus s = NationalStatusFromInt(code);
        BOOST_TEST(static_cast<int>(s) == code);
        BOOST_TEST(std::string(VietnameseName(s)) == vietnamese[code - 1]);
        keys.insert(ToString(s));
        english.insert(EnglishName(s));
    }
    BOOST_TEST(keys.size() == 10u);
    BOOST_TEST(english.size() == 10u);
    BOOST_TEST(std::string(ToString(NationalStatus::New)) == "new");
    BOOST_TEST(std::string(ToString(NationalStatus::SupplementRequested)) == "supplement_requested");
    ExpectBadInput([] { NationalStatusFromInt(0); }, "status");
    ExpectBadInput([] { NationalStatusFromInt(11); }, "status");
    // Open = in some work queue: the inbox statuses of the HTTP contract (1, 2, 4, 5, 6, 7, 9).
    std::set<int> open;
    for (int code = 1; code <= 10; ++code)
        if (IsOpen(NationalStatusFromInt(code)))
            open.insert(code);
    BOOST_TEST((open == std::set<int>{1, 2, 4, 5, 6, 7, 9}));
}

BOOST_AUTO_TEST_CASE(sub_states_and_channels_round_trip)
{
    std::set<std::string> names;
    for (int i = 0; i <= 8; ++i) {
        const auto s = static_cast<SubState>(i);
        BOOST_TEST((SubStateFromString(ToString(s)) == s));
        names.insert(ToString(s));
    }
    BOOST_TEST(names.size() == 9u);
    BOOST_TEST(std::string(ToString(SubState::AwaitingIntakeCheck)) == "awaiting_intake_check");
    BOOST_TEST(std::string(ToString(SubState::AwaitingAssignment)) == "awaiting_assignment");
    ExpectBadInput([] { SubStateFromString("Appraising"); }, "subState");
    for (Channel c : {Channel::InPerson, Channel::Online, Channel::Post})
        BOOST_TEST((ChannelFromString(ToString(c), "channel") == c));
    BOOST_TEST(std::string(ToString(Channel::InPerson)) == "in_person");
    ExpectBadInput([] { ChannelFromString("email", "dossier.channel"); }, "dossier.channel");
}

BOOST_AUTO_TEST_CASE(a_valid_dossier_passes)
{
    BOOST_CHECK_NO_THROW(ValidateNewDossier(Valid(), kToday));
    Dossier noEmail = Valid();
    noEmail.applicant.email.clear();
    BOOST_CHECK_NO_THROW(ValidateNewDossier(noEmail, kToday));
    Dossier spacedJson = Valid();
    spacedJson.formDataJson = " \n\t{}";
    BOOST_CHECK_NO_THROW(ValidateNewDossier(spacedJson, kToday));
}

BOOST_AUTO_TEST_CASE(full_name)
{
    const char* good[] = {
        "Nguyễn Văn An",
        "Đặng Thị Ánh Tuyết",
        "NGUYỄN VĂN ĐỨC",
        "Hoàng Thị Thu Hà",
        "Trương Ưng Ơn",
        "Lê Quý Đôn",
        "H'Hen Niê",  // Ê Đê name with an apostrophe inside a word
        "Y Ngông Niê Kdăm",
        "Nguye\xCC\x82\xCC\x83n Van An",  // decomposed: e + combining circumflex + combining tilde
        "An",
    };
    for (const char* name : good)
        BOOST_TEST_CONTEXT(name)
        {
            BOOST_CHECK_NO_THROW(ValidateFullName(name));
        }

    const std::string required = ExpectBadInput([] { ValidateFullName(""); }, "applicant.fullName");
    BOOST_TEST(ExpectBadInput([] { ValidateFullName("   "); }, "applicant.fullName") == required);
    const std::string letters = ExpectBadInput([] { ValidateFullName("Nguyen Van 2"); }, "applicant.fullName");
    const char* notLetters[] = {"Nguyễn, An",
                                "An.",
                                "An-Bình",
                                "An_Bình",
                                "'An",
                                "An'",
                                "An ' Bình",
                                "\u0301An" /* a combining accent first */,
                                "An\u00D7B" /* × */,
                                "An\xC3",
                                "An \xF0\x9F\x98\x80" /* emoji */};
    for (const char* name : notLetters)
        BOOST_TEST_CONTEXT(name)
        {
            BOOST_TEST(ExpectBadInput([name] { ValidateFullName(name); }, "applicant.fullName") == letters);
        }
    const std::string spaces = ExpectBadInput([] { ValidateFullName(" An"); }, "applicant.fullName");
    BOOST_TEST(ExpectBadInput([] { ValidateFullName("An "); }, "applicant.fullName") == spaces);
    BOOST_TEST(ExpectBadInput([] { ValidateFullName("Nguyễn  An"); }, "applicant.fullName") == spaces);
    BOOST_TEST(ExpectBadInput([] { ValidateFullName("Nguyễn\tAn"); }, "applicant.fullName") == spaces);
    // 200 code points are fine even when they are 2-3 bytes each; 201 are not.
    BOOST_CHECK_NO_THROW(ValidateFullName(Repeat("Ễ", 200)));
    const std::string tooLong = ExpectBadInput([] { ValidateFullName(Repeat("Ễ", 201)); }, "applicant.fullName");
    BOOST_TEST((std::set<std::string>{required, letters, spaces, tooLong}.size() == 4u));
    ExpectBadInput([] { ValidateFullName("", "representative.fullName"); }, "representative.fullName");
    BOOST_TEST(NormalizeSpaces("  Nguyễn \t Văn\n An  ") == "Nguyễn Văn An");
    BOOST_TEST(NormalizeSpaces("   ").empty());
    BOOST_CHECK_NO_THROW(ValidateFullName(NormalizeSpaces("  Nguyễn   Văn An ")));
}

BOOST_AUTO_TEST_CASE(phone)
{
    const char* good[] = {"0912345678",  "0387654321",  "0567890123",   "0701234567",   "0812345678",
                          "02438251234", "02363822222", "+84912345678", "+842438251234"};
    for (const char* p : good)
        BOOST_TEST_CONTEXT(p)
        {
            BOOST_CHECK_NO_THROW(ValidatePhone(p));
        }
    ExpectBadInput([] { ValidatePhone(""); }, "applicant.phone");
    const char* bad[] = {"091234567",     "09123456789",  "0412345678",   "0612345678",
                         "0112345678",    "1912345678",   "0243825123",   "+8491234567",
                         "+840912345678", "+85912345678", "0912 345 678", "0912.345.678",
                         "091234567a",    "84912345678",  "+84",          "0"};
    for (const char* p : bad)
        BOOST_TEST_CONTEXT(p)
        {
            ExpectBadInput([p] { ValidatePhone(p); }, "applicant.phone");
        }
}

BOOST_AUTO_TEST_CASE(email)
{
    const char* good[] = {"", "an@example.vn", "a.b+c@sub.example.com.vn", "AN_99@Example-Mail.VN", "x@y.co"};
    for (const char* e : good)
        BOOST_TEST_CONTEXT(e)
        {
            BOOST_CHECK_NO_THROW(ValidateEmail(e));
        }
    const char* bad[] = {"an",
                         "an@",
                         "@example.vn",
                         "an@example",
                         "an@@example.vn",
                         "an@b@example.vn",
                         "an@exa mple.vn",
                         "an @example.vn",
                         "an@.example.vn",
                         "an@example..vn",
                         ".an@example.vn",
                         "an.@example.vn",
                         "a..n@example.vn",
                         "an@-example.vn",
                         "an@example-.vn",
                         "an@example.vn.",
                         "an@ví-dụ.vn",
                         "an(x)@example.vn"};
    for (const char* e : bad)
        BOOST_TEST_CONTEXT(e)
        {
            ExpectBadInput([e] { ValidateEmail(e); }, "applicant.email");
        }
    ExpectBadInput([] { ValidateEmail(std::string(65, 'a') + "@example.vn"); }, "applicant.email");
    ExpectBadInput([] { ValidateEmail("a@" + std::string(250, 'b') + ".vn"); }, "applicant.email");
}

BOOST_AUTO_TEST_CASE(each_field_is_named)
{
    struct Case {
        const char* label;
        void (*spoil)(Dossier&);
        const char* field;
    };
    // clang-format off
    const Case cases[] = {
        {"empty name", [](Dossier& d) { d.applicant.fullName = ""; }, "applicant.fullName"},
        {"short citizen id", [](Dossier& d) { d.applicant.citizenId = "12345"; }, "applicant.citizenId"},
        {"born tomorrow", [](Dossier& d) { d.applicant.dateOfBirth = D(2026, 11, 28); }, "applicant.dateOfBirth"},
        {"30 February", [](Dossier& d) { d.applicant.dateOfBirth = D(1990, 2, 30); }, "applicant.dateOfBirth"},
        {"born in 1899", [](Dossier& d) { d.applicant.dateOfBirth = D(1899, 12, 31); d.applicant.citizenId = "001099001234"; }, "applicant.dateOfBirth"},
        {"id year mismatch", [](Dossier& d) { d.applicant.dateOfBirth = D(1991, 5, 12); }, "applicant.citizenId"},
        {"blank address", [](Dossier& d) { d.applicant.address = " "; }, "applicant.address"},
        {"address of 501 code points", [](Dossier& d) { d.applicant.address = Repeat("đ", 501); }, "applicant.address"},
        {"address with broken UTF-8", [](Dossier& d) { d.applicant.address = "Số 1 \xC3"; }, "applicant.address"},
        {"short phone", [](Dossier& d) { d.applicant.phone = "12345"; }, "applicant.phone"},
        {"no phone", [](Dossier& d) { d.applicant.phone.clear(); }, "applicant.phone"},
        {"email without a dot", [](Dossier& d) { d.applicant.email = "an@example"; }, "applicant.email"},
        {"unknown channel", [](Dossier& d) { d.channel = static_cast<Channel>(9); }, "channel"},
        {"no documents", [](Dossier& d) { d.documents.clear(); }, "documents"},
        {"zero copies", [](Dossier& d) { d.documents[1].count = 0; }, "documents[1].count"},
        {"negative copies", [](Dossier& d) { d.documents[0].count = -3; }, "documents[0].count"},
        {"blank document name", [](Dossier& d) { d.documents[0].name = "  "; }, "documents[0].name"},
        {"unknown document form", [](Dossier& d) { d.documents[1].form = static_cast<DocumentForm>(0); }, "documents[1].form"},
        {"form data an array", [](Dossier& d) { d.formDataJson = "[]"; }, "formData"},
        {"form data empty", [](Dossier& d) { d.formDataJson = ""; }, "formData"},
        {"form data null", [](Dossier& d) { d.formDataJson = "null"; }, "formData"},
        {"form data a string", [](Dossier& d) { d.formDataJson = "  \"{}\""; }, "formData"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            Invalid(c.spoil, c.field);
        }
}

BOOST_AUTO_TEST_CASE(date_of_birth_limits)
{
    Dossier today = Valid();
    today.applicant.dateOfBirth = kToday;
    today.applicant.citizenId = "001226001234";
    BOOST_CHECK_NO_THROW(ValidateNewDossier(today, kToday));
    Dossier old = Valid();
    old.applicant.dateOfBirth = D(1900, 1, 1);
    old.applicant.citizenId = "001100001234";
    BOOST_CHECK_NO_THROW(ValidateNewDossier(old, kToday));
    const std::string future =
        Invalid([](Dossier& d) { d.applicant.dateOfBirth = D(2027, 1, 1); }, "applicant.dateOfBirth");
    const std::string tooOld = Invalid(
        [](Dossier& d) {
            d.applicant.dateOfBirth = D(1850, 1, 1);
            d.applicant.citizenId = "001050001234";
        },
        "applicant.dateOfBirth");
    BOOST_TEST(future != tooOld);
}

BOOST_AUTO_TEST_CASE(the_first_bad_field_in_order_is_reported)
{
    Dossier d = Valid();
    d.applicant.phone = "x";
    d.documents.clear();
    d.formDataJson = "[]";
    ExpectBadInput([&] { ValidateNewDossier(d, kToday); }, "applicant.phone");
    d.applicant.fullName = "1";
    ExpectBadInput([&] { ValidateNewDossier(d, kToday); }, "applicant.fullName");
}

BOOST_AUTO_TEST_CASE(outputs_carry_their_form_number)
{
    BOOST_TEST(FormNumber(OutputKind::Receipt) == "01");
    BOOST_TEST(FormNumber(OutputKind::ControlSheet) == "06");
}

BOOST_AUTO_TEST_CASE(a_supplement_request_names_every_missing_document)
{
    BOOST_TEST(SupplementRequestNote({"Giấy chứng sinh"}, "") == "Thiếu: Giấy chứng sinh");
    BOOST_TEST(SupplementRequestNote({"Giấy chứng sinh", "Tờ khai"}, "Bản chụp bị mờ") ==
               "Thiếu: Giấy chứng sinh; Tờ khai. Bản chụp bị mờ");
}

BOOST_AUTO_TEST_CASE(a_proposal_reads_in_the_language_of_the_forms)
{
    BOOST_TEST(ProposalNote(Outcome::Grant, "") == "Đề xuất giải quyết");
    BOOST_TEST(ProposalNote(Outcome::Grant, "Đủ điều kiện") == "Đề xuất giải quyết: Đủ điều kiện");
    BOOST_TEST(ProposalNote(Outcome::Refuse, "Không cư trú tại phường") == "Đề xuất từ chối: Không cư trú tại phường");
}

BOOST_AUTO_TEST_SUITE_END()
