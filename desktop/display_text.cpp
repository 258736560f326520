#include "desktop/display_text.h"

#include <chrono>
#include <cstdio>

#include "desktop/gettext_macros.h"
#include "desktop/translation.h"
#include "model/text.h"

namespace motcua::desktop {
namespace {

struct OutputTexts {
    OutputKind kind;
    const char* name;
    const char* title;
};
// clang-format off
constexpr OutputTexts kOutputTexts[] = {
    {OutputKind::Receipt,           N_("Receipt and appointment (form 01)"),     N_("Receipt of dossier %s")},
    {OutputKind::SupplementRequest, N_("Request for supplement (form 02)"),      N_("Request for supplement of dossier %s")},
    {OutputKind::Refusal,           N_("Refusal (form 03)"),                     N_("Refusal of dossier %s")},
    {OutputKind::Apology,           N_("Apology and new appointment (form 04)"), N_("Apology for dossier %s")},
    {OutputKind::StopNotice,        N_("Notice of stopping (form 05)"),          N_("Notice of stopping dossier %s")},
    {OutputKind::ControlSheet,      N_("Control sheet (form 06)"),               N_("Control sheet of dossier %s")},
    {OutputKind::Result,            N_("Result document"),                       N_("Result of dossier %s")},
};
// clang-format on

const OutputTexts* FindOutputTexts(const std::string& kind)
{
    const std::optional<OutputKind> known = FindValue(kOutputKindNames, kind);
    for (const OutputTexts& t : kOutputTexts)
        if (known && t.kind == *known)
            return &t;
    return nullptr;
}

std::string TwoDigits(unsigned value)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02u", value % 100u);
    return buffer;
}

}  // namespace

std::string FormatDeskDateTime(const std::optional<Instant>& t)
{
    if (!t)
        return "—";
    using namespace std::chrono;
    const LocalTime local = ToLocal(*t);
    const year_month_day ymd = LocalDate(*t);
    const hh_mm_ss<seconds> hms{local - floor<days>(local)};
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
    // The model's status table holds the msgids (marked N_ beside the portal's Vietnamese names).
    if (!HasName(kNationalStatusNames, status))
        return std::to_string(static_cast<int>(status));
    return _(EnglishName(status));
}

std::string StatusText(NationalStatus status, bool overdue)
{
    if (!overdue)
        return StatusText(status);
    // TRANSLATORS: status of a dossier past its due time, e.g. "Received (overdue)"
    return FormatText(_("%s (overdue)"), {StatusText(status)});
}

std::string ActionText(Action action)
{
    switch (action) {
    case Action::Submit: return _("Submitted");
    case Action::Accept: return _("Accepted at intake");
    case Action::RequestSupplement: return _("Supplement requested");
    case Action::Refuse: return _("Refused at intake");
    case Action::Supplement: return _("Supplement provided");
    case Action::Assign: return _("Assigned");
    case Action::ProposeResult: return _("Result proposed");
    case Action::Approve: return _("Approved");
    case Action::ReturnResult: return _("Result returned");
    case Action::Stop: return _("Processing stopped");
    case Action::Withdraw: return _("Withdrawn");
    // TRANSLATORS: history step: the handler asked for fees or taxes before the result (yêu cầu nộp phí, lệ phí)
    case Action::RequestFees: return _("Fees requested");
    // TRANSLATORS: history step: the fees were paid (đã nộp phí, lệ phí)
    case Action::PayFees: return _("Fees paid");
    // TRANSLATORS: history step: a handler took an unassigned dossier (nhận xử lý)
    case Action::Claim: return _("Claimed");
    // TRANSLATORS: history step: handed to another competent agency (chuyển liên thông)
    case Action::Forward: return _("Forwarded to another agency");
    // TRANSLATORS: history step: the signer sent the proposal back to the handler
    case Action::ReturnForRework: return _("Returned for rework");
    // TRANSLATORS: history step: apology and new appointment (xin lỗi, hẹn lại)
    case Action::Reschedule: return _("Rescheduled");
    // TRANSLATORS: history step: closed by the system, the supplement did not come within 15 days
    case Action::CloseUnsupplied: return _("Closed: no supplement");
    // TRANSLATORS: history step: another agency was asked for its part, in parallel (lấy ý kiến liên thông)
    case Action::Consult: return _("Another agency consulted");
    // TRANSLATORS: history step: the consulted agency gave its answer (trả lời liên thông)
    case Action::AnswerConsultation: return _("Consultation answered");
    }
    return ToString(action);
}

std::string RoleText(Role role)
{
    switch (role) {
    // TRANSLATORS: staff role who receives dossiers at the one-stop desk (cán bộ tiếp nhận)
    case Role::Clerk: return _("Intake clerk");
    case Role::Handler: return _("Handling officer");
    case Role::Manager: return _("Manager");
    case Role::Signer: return _("Signer");
    case Role::Admin: return _("Administrator");
    case Role::Citizen: return _("Citizen");
    // TRANSLATORS: who did a history step: the server's own scheduled job
    case Role::System: return _("System");
    case Role::Auditor: return _("Auditor");
    }
    return ToString(role);
}

std::string DocumentFormText(DocumentForm form)
{
    switch (form) {
    case DocumentForm::Original: return _("Original");
    case DocumentForm::CertifiedCopy: return _("Certified copy");
    case DocumentForm::Copy: return _("Copy");
    }
    return ToString(form);
}

std::string ChannelText(Channel channel)
{
    switch (channel) {
    case Channel::Online: return _("Online");
    case Channel::InPerson: return _("In person");
    case Channel::Post: return _("By post");
    }
    return ToString(channel);
}

std::string OutputKindText(const std::string& kind, const std::string& form)
{
    if (const OutputTexts* texts = FindOutputTexts(kind))
        return _(texts->name);
    return form.empty() ? _("Document") : FormatText(_("Document (form %s)"), {form});
}

std::string OutputTitle(const std::string& kind, const std::string& dossierCode)
{
    const OutputTexts* texts = FindOutputTexts(kind);
    return FormatText(texts ? _(texts->title) : _("Document of dossier %s"), {dossierCode});
}

std::string ProcessingTimeText(int amount, DurationUnit unit)
{
    if (amount == 0)
        return _("On the spot");
    if (unit == DurationUnit::CalendarDays)
        return FormatText(_("%s calendar days"), {std::to_string(amount)});
    return FormatText(_("%s working days"), {std::to_string(amount)});
}

std::string FeeText(std::int64_t vnd)
{
    if (vnd == 0)
        return _("No fee");
    // TRANSLATORS: an amount of Vietnamese đồng, e.g. "50.000 VND"
    return FormatText(_("%s VND"), {GroupThousands(vnd)});
}

std::string TrimmedText(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

}  // namespace motcua::desktop
