#include "desktop/display_text.h"

#include <chrono>
#include <cstdio>
#include <string_view>

#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

std::string TwoDigits(unsigned value)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02u", value % 100u);
    return buffer;
}

struct Word {
    std::string_view key;
    const char* msgid;
};

template <std::size_t N>
std::string Lookup(const Word (&table)[N], const std::string& key)
{
    for (const Word& w : table)
        if (w.key == key)
            return Translate(w.msgid);
    return key;
}

}  // namespace

std::string FormatDeskDateTime(const std::optional<Instant>& t)
{
    if (!t)
        return "—";
    using namespace std::chrono;
    const LocalTime local = ToLocal(*t);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{local - day};
    return TwoDigits(static_cast<unsigned>(ymd.day())) + "/" + TwoDigits(static_cast<unsigned>(ymd.month())) + "/" +
           std::to_string(static_cast<int>(ymd.year())) + " " + TwoDigits(static_cast<unsigned>(hms.hours().count())) +
           ":" + TwoDigits(static_cast<unsigned>(hms.minutes().count()));
}

std::string FormatDeskDate(const std::string& isoDate)
{
    // "YYYY-MM-DD" only; anything else is shown untouched rather than guessed at.
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-')
        return isoDate;
    return isoDate.substr(8, 2) + "/" + isoDate.substr(5, 2) + "/" + isoDate.substr(0, 4);
}

std::string StatusText(NationalStatus status)
{
    switch (status) {
    // TRANSLATORS: national dossier status 1 (Mới đăng ký)
    case NationalStatus::New: return _("Newly submitted");
    // TRANSLATORS: national dossier status 2 (Được tiếp nhận)
    case NationalStatus::Received: return _("Received");
    // TRANSLATORS: national dossier status 3 (Không được tiếp nhận)
    case NationalStatus::RefusedAtIntake: return _("Refused at intake");
    // TRANSLATORS: national dossier status 4 (Đang xử lý)
    case NationalStatus::Processing: return _("Being processed");
    // TRANSLATORS: national dossier status 5 (Yêu cầu bổ sung giấy tờ)
    case NationalStatus::SupplementRequested: return _("Supplement requested");
    // TRANSLATORS: national dossier status 6 (Yêu cầu thực hiện nghĩa vụ tài chính)
    case NationalStatus::FeesDue: return _("Fees due");
    // TRANSLATORS: national dossier status 7 (Công dân yêu cầu rút hồ sơ)
    case NationalStatus::WithdrawalRequested: return _("Withdrawal requested");
    // TRANSLATORS: national dossier status 8 (Dừng xử lý)
    case NationalStatus::Stopped: return _("Processing stopped");
    // TRANSLATORS: national dossier status 9 (Đã xử lý xong)
    case NationalStatus::ResultReady: return _("Result ready");
    // TRANSLATORS: national dossier status 10 (Đã trả kết quả)
    case NationalStatus::Returned: return _("Result returned");
    }
    return std::to_string(static_cast<int>(status));
}

std::string ActionText(const std::string& action)
{
    static const Word kActions[] = {
        {"submit", N_("Submitted")},
        {"accept", N_("Accepted at intake")},
        {"request_supplement", N_("Supplement requested")},
        {"refuse", N_("Refused at intake")},
        {"supplement", N_("Supplement provided")},
        {"assign", N_("Assigned")},
        {"propose_result", N_("Result proposed")},
        {"approve", N_("Approved")},
        {"return_result", N_("Result returned")},
        {"stop", N_("Processing stopped")},
        {"withdraw", N_("Withdrawn")},
    };
    return Lookup(kActions, action);
}

std::string RoleText(const std::string& role)
{
    static const Word kRoles[] = {
        // TRANSLATORS: staff role who receives dossiers at the one-stop desk (cán bộ tiếp nhận)
        {"clerk", N_("Intake clerk")}, {"handler", N_("Handling officer")}, {"manager", N_("Manager")},
        {"signer", N_("Signer")},      {"admin", N_("Administrator")},      {"citizen", N_("Citizen")},
    };
    return Lookup(kRoles, role);
}

std::string DocumentFormText(const std::string& form)
{
    static const Word kForms[] = {
        {"original", N_("Original")},
        {"certified_copy", N_("Certified copy")},
        {"copy", N_("Copy")},
    };
    return Lookup(kForms, form);
}

std::string ChannelText(const std::string& channel)
{
    static const Word kChannels[] = {
        {"online", N_("Online")},
        {"in_person", N_("In person")},
        {"post", N_("By post")},
    };
    return Lookup(kChannels, channel);
}

std::string ProcessingTimeText(int amount, const std::string& unit)
{
    if (amount == 0)
        return _("On the spot");
    if (unit == "calendar_days")
        return FormatText(_("%s calendar days"), {std::to_string(amount)});
    return FormatText(_("%s working days"), {std::to_string(amount)});
}

std::string FeeText(std::int64_t vnd)
{
    if (vnd == 0)
        return _("No fee");
    std::string digits = std::to_string(vnd < 0 ? -vnd : vnd);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += '.';
        grouped += digits[i];
    }
    if (vnd < 0)
        grouped.insert(grouped.begin(), '-');
    // TRANSLATORS: an amount of Vietnamese đồng, e.g. "50.000 VND"
    return FormatText(_("%s VND"), {grouped});
}

}  // namespace motcua::desktop
