// The managers' dashboard window: the period and agency choosers over the KPI tiles, the 12-month trend and the
// overdue dossiers by agency (drawn natively), and the rankings of agencies and procedures; it only wires small
// panels and prints what it shows.
#pragma once

#include <vector>

#include <wx/frame.h>

#include "views/dashboard_view.h"

class wxChoice;
class wxDC;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;

namespace motcua::views {

class FigurePanel;

class DashboardFrame final : public wxFrame, public IDashboardView {
public:
    explicit DashboardFrame(wxWindow* parent);

    void SetListener(IDashboardListener* listener) override { m_listener = listener; }
    void SetAgencies(const std::vector<std::string>& names, std::size_t selected) override;
    void SetPeriod(PeriodKind kind, Date from, Date to) override;
    void SetHeading(const std::string& text) override;
    void ShowTiles(const std::vector<DashboardTile>& tiles) override;
    void ShowTrend(const ChartData& chart) override;
    void ShowOverdue(const ChartData& chart) override;
    void ShowAgencyRanking(const RankingTable& table) override;
    void ShowProcedureRanking(const RankingTable& table) override;
    void SetStatus(const std::string& text) override;

    // The page as printed, drawn on `dc` in a logical area of `size` (the printout; the GUI test's bitmap).
    void RenderPage(wxDC& dc, const wxSize& size) const;
    // The print dialog, then the page (File → Print of this window).
    void Print();

    FigurePanel* Tiles() const { return m_tiles; }
    FigurePanel* Trend() const { return m_trend; }
    FigurePanel* Overdue() const { return m_overdue; }
    wxListCtrl* AgencyRanking() const { return m_agencies.list; }
    wxListCtrl* ProcedureRanking() const { return m_procedures.list; }
    wxChoice* PeriodChoice() const { return m_kind; }
    wxChoice* AgencyChoice() const { return m_agency; }

private:
    struct Ranking {
        RankingTable table;
        wxListCtrl* list = nullptr;
    };
    void MakeRanking(wxWindow* parent, const wxString& name, Ranking& ranking);
    void FillRanking(Ranking& ranking, const RankingTable& table);
    void DatesChanged();
    void Drill(int drill);

    IDashboardListener* m_listener = nullptr;
    wxChoice* m_kind = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxChoice* m_agency = nullptr;
    wxStaticText* m_heading = nullptr;
    FigurePanel* m_tiles = nullptr;
    FigurePanel* m_trend = nullptr;
    FigurePanel* m_overdue = nullptr;
    std::vector<DashboardTile> m_tileData;
    ChartData m_trendData;
    ChartData m_overdueData;
    Ranking m_agencies;
    Ranking m_procedures;
};

}  // namespace motcua::views
