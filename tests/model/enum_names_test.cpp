// Every enum's name table walked both ways against keys written out by hand, and unknown keys refused as before.
#include "model/enum_names.h"

#include <functional>
#include <set>
#include <string_view>
#include <type_traits>

#include <boost/test/unit_test.hpp>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/error.h"
#include "model/procedure.h"
#include "model/workflow.h"
#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// One expected row, by hand: what the database, the API and the screens rely on.
template <typename E>
struct Expected {
    E value;
    const char* key;
    const char* vietnamese = "";
    const char* english = "";
};

// The table holds exactly `expected` (same order), its keys and values are unique, ToString gives the key, and the
// key gives the value back through `fromString` (the enum's own parser, where it has one) and ValueOf.
template <typename E, std::size_t N>
void WalkBothWays(const EnumName<E> (&table)[N], const std::type_identity_t<std::vector<Expected<E>>>& expected,
                  const std::type_identity_t<std::function<E(const std::string&)>>& fromString)
{
    BOOST_TEST_REQUIRE(N == expected.size());
    std::set<std::string> keys;
    std::set<int> values;
    for (std::size_t i = 0; i < N; ++i) {
        const Expected<E>& want = expected[i];
        BOOST_TEST_CONTEXT("row " << i << ", key " << want.key)
        {
            BOOST_TEST((table[i].value == want.value));
            BOOST_TEST(std::string(table[i].key) == want.key);
            BOOST_TEST(std::string(table[i].vietnamese) == want.vietnamese);
            BOOST_TEST(std::string(table[i].english) == want.english);
            BOOST_TEST(std::string(ToString(want.value)) == want.key);
            BOOST_TEST((ValueOf(table, want.key, "unused", "unused") == want.value));
            BOOST_TEST(HasName(table, want.value));
            if (fromString)
                BOOST_TEST((fromString(want.key) == want.value));
        }
        keys.insert(table[i].key);
        values.insert(static_cast<int>(table[i].value));
    }
    BOOST_TEST(keys.size() == N);
    BOOST_TEST(values.size() == N);
}

static_assert(std::string_view(NameOf(kRoleNames, Role::Signer, "")) == "signer", "the lookup works at compile time");

}  // namespace

BOOST_AUTO_TEST_SUITE(enum_names)

BOOST_AUTO_TEST_CASE(roles_and_actions)
{
    // clang-format off
    WalkBothWays(kRoleNames, {
        {Role::Clerk, "clerk"},
        {Role::Handler, "handler"},
        {Role::Manager, "manager"},
        {Role::Signer, "signer"},
        {Role::Admin, "admin"},
        {Role::Citizen, "citizen"},
        {Role::System, "system"},
        {Role::Auditor, "auditor"},
    }, RoleFromString);
    WalkBothWays(kActionNames, {
        {Action::Submit, "submit"},
        {Action::Accept, "accept"},
        {Action::RequestSupplement, "request_supplement"},
        {Action::Refuse, "refuse"},
        {Action::Supplement, "supplement"},
        {Action::Assign, "assign"},
        {Action::ProposeResult, "propose_result"},
        {Action::Approve, "approve"},
        {Action::ReturnResult, "return_result"},
        {Action::Stop, "stop"},
        {Action::Withdraw, "withdraw"},
        {Action::RequestFees, "request_fees"},
        {Action::PayFees, "pay_fees"},
        {Action::Claim, "claim"},
        {Action::Forward, "forward"},
        {Action::ReturnForRework, "return_for_rework"},
        {Action::Reschedule, "reschedule"},
        {Action::CloseUnsupplied, "close_unsupplied"},
        {Action::Consult, "consult"},
        {Action::AnswerConsultation, "answer_consultation"},
    }, ActionFromString);
    // clang-format on
}

BOOST_AUTO_TEST_CASE(dossier_statuses_sub_states_and_channels)
{
    using S = NationalStatus;
    // clang-format off
    WalkBothWays(kNationalStatusNames, {
        {S::New, "new", "Mới đăng ký", "Newly submitted"},
        {S::Received, "received", "Được tiếp nhận", "Received"},
        {S::RefusedAtIntake, "refused_at_intake", "Không được tiếp nhận", "Refused at intake"},
        {S::Processing, "processing", "Đang xử lý", "Being processed"},
        {S::SupplementRequested, "supplement_requested", "Yêu cầu bổ sung giấy tờ", "Supplement requested"},
        {S::FeesDue, "fees_due", "Yêu cầu thực hiện nghĩa vụ tài chính", "Fees due"},
        {S::WithdrawalRequested, "withdrawal_requested", "Công dân yêu cầu rút hồ sơ", "Withdrawal requested"},
        {S::Stopped, "stopped", "Dừng xử lý", "Processing stopped"},
        {S::ResultReady, "result_ready", "Đã xử lý xong", "Result ready"},
        {S::Returned, "returned", "Đã trả kết quả", "Result returned"},
    }, {});
    WalkBothWays(kSubStateNames, {
        {SubState::None, "none"},
        {SubState::AwaitingIntakeCheck, "awaiting_intake_check"},
        {SubState::AwaitingAssignment, "awaiting_assignment"},
        {SubState::Appraising, "appraising"},
        {SubState::AwaitingSignature, "awaiting_signature"},
        {SubState::AwaitingOtherAgency, "awaiting_other_agency"},
        {SubState::SupplementedAwaitingCheck, "supplemented_awaiting_check"},
        {SubState::SupplementAtIntake, "supplement_at_intake"},
        {SubState::SupplementAfterAppraisal, "supplement_after_appraisal"},
    }, SubStateFromString);
    WalkBothWays(kChannelNames, {
        {Channel::InPerson, "in_person"},
        {Channel::Online, "online"},
        {Channel::Post, "post"},
    }, [](const std::string& key) { return ChannelFromString(key, "channel"); });
    // clang-format on
    // The display names come from the same rows, through the public functions too.
    for (const EnumName<NationalStatus>& row : kNationalStatusNames)
        BOOST_TEST_CONTEXT(row.key)
        {
            BOOST_TEST(std::string(VietnameseName(row.value)) == row.vietnamese);
            BOOST_TEST(std::string(EnglishName(row.value)) == row.english);
            BOOST_TEST((NationalStatusFromInt(static_cast<int>(row.value)) == row.value));
        }
}

BOOST_AUTO_TEST_CASE(procedure_and_agency_vocabulary)
{
    // clang-format off
    WalkBothWays(kDurationUnitNames, {
        {DurationUnit::WorkingDays, "working_days"},
        {DurationUnit::CalendarDays, "calendar_days"},
    }, DurationUnitFromString);
    WalkBothWays(kDocumentFormNames, {
        {DocumentForm::Original, "original", "Bản chính"},
        {DocumentForm::CertifiedCopy, "certified_copy", "Bản sao chứng thực"},
        {DocumentForm::Copy, "copy", "Bản sao"},
    }, [](const std::string& key) { return DocumentFormFromString(key, "form"); });
    WalkBothWays(kAgencyLevelNames, {
        {AgencyLevel::Province, "province"},
        {AgencyLevel::Department, "department"},
        {AgencyLevel::Commune, "commune"},
    }, AgencyLevelFromString);
    // clang-format on
    for (const EnumName<DocumentForm>& row : kDocumentFormNames)
        BOOST_TEST(std::string(VietnameseName(row.value)) == row.vietnamese);
}

BOOST_AUTO_TEST_CASE(error_categories)
{
    // clang-format off
    WalkBothWays(kErrorCategoryNames, {
        {ErrorCategory::BadInput, "bad-input"},
        {ErrorCategory::NotFound, "not-found"},
        {ErrorCategory::Unauthenticated, "unauthenticated"},
        {ErrorCategory::NotAllowed, "not-allowed"},
        {ErrorCategory::Conflict, "conflict"},
        {ErrorCategory::Environment, "environment"},
        {ErrorCategory::Internal, "internal"},
    }, {});
    // clang-format on
}

// Each parser refuses what is not exactly one of its keys with the error it always gave: BadInput, its own msgid,
// the caller's field.
BOOST_AUTO_TEST_CASE(unknown_keys_are_refused_as_before)
{
    struct Case {
        const char* label;
        std::function<void()> parse;
        const char* field;
        const char* messageId;
    };
    // clang-format off
    const Case cases[] = {
        {"role, capitalised", [] { RoleFromString("Clerk"); }, "role", "Unknown role"},
        {"role, empty", [] { RoleFromString(""); }, "role", "Unknown role"},
        {"action, trailing space", [] { ActionFromString("approve "); }, "action", "Unknown workflow action"},
        {"action, camel case", [] { ActionFromString("requestFees"); }, "action", "Unknown workflow action"},
        {"sub-state, capitalised", [] { SubStateFromString("Appraising"); }, "subState", "Unknown dossier sub-state"},
        {"sub-state, a status key", [] { SubStateFromString("processing"); }, "subState", "Unknown dossier sub-state"},
        {"channel", [] { ChannelFromString("email", "dossier.channel"); }, "dossier.channel",
         "Unknown channel: expected in_person, online or post"},
        {"duration unit", [] { DurationUnitFromString("days"); }, "processingUnit",
         "Unknown processing time unit: expected working_days or calendar_days"},
        {"document form", [] { DocumentFormFromString("scan", "documents[2].form"); }, "documents[2].form",
         "Unknown document form: expected original, certified_copy or copy"},
        {"document form, its Vietnamese name", [] { DocumentFormFromString("Bản chính", "form"); }, "form",
         "Unknown document form: expected original, certified_copy or copy"},
        {"agency level", [] { AgencyLevelFromString("district"); }, "level",
         "Unknown agency level: expected province, department or commune"},
        {"agency level, a prefix", [] { AgencyLevelFromString("prov"); }, "level",
         "Unknown agency level: expected province, department or commune"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            try {
                c.parse();
                BOOST_ERROR("not refused");
            } catch (const Error& e) {
                BOOST_TEST((e.Category() == ErrorCategory::BadInput));
                BOOST_TEST(e.Field() == c.field);
                BOOST_TEST(e.MessageId() == c.messageId);
                BOOST_TEST(std::string(e.what()) == c.messageId);
                BOOST_TEST(e.Args().empty());
            }
        }
}

// A value outside its table (an integer cast from bad data) keeps the name it always had.
BOOST_AUTO_TEST_CASE(values_outside_the_table_keep_their_fallback)
{
    struct Case {
        const char* label;
        const char* name;
        const char* expected;
    };
    // clang-format off
    const Case cases[] = {
        {"role", ToString(static_cast<Role>(0)), "citizen"},
        {"action", ToString(static_cast<Action>(21)), "submit"},
        {"status key", ToString(static_cast<NationalStatus>(11)), ""},
        {"status, Vietnamese", VietnameseName(static_cast<NationalStatus>(0)), ""},
        {"status, English", EnglishName(static_cast<NationalStatus>(0)), ""},
        {"sub-state", ToString(static_cast<SubState>(9)), "none"},
        {"channel", ToString(static_cast<Channel>(0)), "online"},
        {"duration unit", ToString(static_cast<DurationUnit>(3)), "working_days"},
        {"document form", ToString(static_cast<DocumentForm>(0)), "copy"},
        {"document form, Vietnamese", VietnameseName(static_cast<DocumentForm>(4)), "Bản sao"},
        {"agency level", ToString(static_cast<AgencyLevel>(4)), "commune"},
        {"error category", ToString(static_cast<ErrorCategory>(99)), "internal"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(std::string(c.name) == c.expected);
        }
    // Validation asks the tables whether a value is known.
    BOOST_TEST(!HasName(kRoleNames, static_cast<Role>(0)));
    BOOST_TEST(!HasName(kNationalStatusNames, static_cast<NationalStatus>(11)));
    BOOST_TEST(!HasName(kChannelNames, static_cast<Channel>(4)));
    BOOST_TEST(!HasName(kDocumentFormNames, static_cast<DocumentForm>(0)));
    BOOST_TEST(HasName(kSubStateNames, SubState::None));
}

BOOST_AUTO_TEST_SUITE_END()
