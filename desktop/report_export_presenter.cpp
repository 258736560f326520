#include "desktop/report_export_presenter.h"

#include <fstream>

#include "desktop/dashboard_presenter.h"
#include "desktop/delegation_presenter.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "model/error.h"

namespace motcua::desktop {
namespace {

// A path the view gave as UTF-8 text, as the file system takes it on every platform.
std::filesystem::path PathOf(const std::string& utf8)
{
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

}  // namespace

ReportExportPresenter::ReportExportPresenter(views::IReportExportView& view, IKpiApi& api, ITaskRunner& tasks,
                                             views::Alert& alert, ISessionRenewal& renewal, const Clock& clock,
                                             StaffMember staff)
    : m_view(view),
      m_api(api),
      m_alert(alert),
      m_clock(clock),
      m_staff(std::move(staff)),
      m_calls(tasks, alert, renewal, [this](bool busy) { m_view.SetBusy(busy); })
{
    m_view.SetListener(this);
}

ReportExportPresenter::~ReportExportPresenter()
{
    m_view.SetListener(nullptr);
}

void ReportExportPresenter::Start()
{
    const Date today = LocalDate(m_clock.Now());
    const Date first{today.year(), today.month(), std::chrono::day{1}};
    m_view.SetForm({CalendarDayOf(first), CalendarDayOf(today), 0, false});
    // One's own agency (the server's default) until the directory says which agencies lie below it.
    m_agencies = {{AgencyRef{m_staff.agencyId, {}, m_staff.agencyName}, 0}};
    m_view.ShowAgencies({m_staff.agencyName}, 0);
    m_calls.Run<std::vector<std::pair<AgencyRef, int>>>(
        [api = &m_api, staff = m_staff] {
            return AgencySubtree(api->Agencies(), staff.agencyId, OverseesSubtree(staff.role));
        },
        [this](const std::vector<std::pair<AgencyRef, int>>& agencies) {
            if (agencies.empty())
                return;
            const int chosen = m_view.GetForm().agency;
            m_agencies = agencies;
            m_view.ShowAgencies(AgencyChoiceNames(m_agencies), chosen < 0 ? 0 : static_cast<std::size_t>(chosen));
        },
        _("The agencies could not be loaded: %s"), [this] { Start(); });
}

void ReportExportPresenter::OnExportPressed()
{
    if (Busy())
        return;
    const views::ReportExportForm form = m_view.GetForm();
    const std::optional<Date> from = DateOf(form.from);
    const std::optional<Date> to = DateOf(form.to);
    if (!from || !to) {
        m_view.ShowFormError(_("Choose the first and the last day of the period."));
        return;
    }
    if (*to < *from) {
        m_view.ShowFormError(_("The end of the period must not be before its start."));
        return;
    }
    m_view.ShowFormError({});
    const std::size_t index = form.agency < 0 ? 0 : static_cast<std::size_t>(form.agency);
    // One's own agency is the server's default: its code is asked only once the directory has given it.
    const std::string code = index < m_agencies.size() ? m_agencies[index].first.code : std::string();
    const KpiQuery query{FormatDate(*from), FormatDate(*to), code};
    const std::string name =
        "bao-cao-" + query.from + "-" + query.to + (form.xlsx ? std::string(".xlsx") : std::string(".pdf"));
    const std::string path = m_view.AskSavePath(name, form.xlsx);
    if (path.empty())
        return;
    Export(query, form.xlsx, path);
}

void ReportExportPresenter::Export(const KpiQuery& query, bool xlsx, const std::string& file)
{
    m_calls.RunVoid(
        [api = &m_api, query, xlsx, file] {
            const std::vector<std::uint8_t> bytes = api->PeriodicReport(query, xlsx);
            std::ofstream out(PathOf(file), std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
            out.close();
            if (!out)
                throw Error(ErrorCategory::Environment, N_("The file could not be written"), {}, file);
        },
        [this, file] { m_alert.ShowInfo(FormatText(_("The report is saved in %s."), {file})); },
        _("The report was not exported: %s"), [this, query, xlsx, file] { Export(query, xlsx, file); });
}

}  // namespace motcua::desktop
