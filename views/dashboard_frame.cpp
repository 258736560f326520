#include "views/dashboard_frame.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/control.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/print.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "views/choice_items.h"
#include "views/dashboard_drawing.h"
#include "views/figure_panel.h"

namespace motcua::views {
namespace {

wxDateTime ToWx(Date d)
{
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(d.day())),
                      static_cast<wxDateTime::Month>(static_cast<unsigned>(d.month()) - 1), static_cast<int>(d.year()));
}

Date FromWx(const wxDateTime& t)
{
    return Date{std::chrono::year{t.GetYear()}, std::chrono::month{static_cast<unsigned>(t.GetMonth()) + 1},
                std::chrono::day{static_cast<unsigned>(t.GetDay())}};
}

// The logical size of a printed page: the screen's proportions at a width the fonts read well in.
const wxSize kPage(1100, 1500);

class DashboardPrintout final : public wxPrintout {
public:
    explicit DashboardPrintout(const DashboardFrame& frame) : wxPrintout(frame.GetTitle()), m_frame(frame) {}
    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* minPage, int* maxPage, int* from, int* to) override { *minPage = *maxPage = *from = *to = 1; }
    bool OnPrintPage(int) override
    {
        wxDC* dc = GetDC();
        if (!dc)
            return false;
        FitThisSizeToPageMargins(kPage, wxPageSetupDialogData());
        m_frame.RenderPage(*dc, kPage);
        return true;
    }

private:
    const DashboardFrame& m_frame;
};

// A ranking as printed: the headings, then a line per row, the first column wide and the others right-aligned.
int DrawTable(wxDC& dc, const wxRect& area, const RankingTable& table)
{
    const int line = dc.GetCharHeight() + 2;
    int y = area.GetY();
    wxFont bold = dc.GetFont();
    bold.SetWeight(wxFONTWEIGHT_BOLD);
    const wxFont plain = dc.GetFont();
    dc.SetFont(bold);
    dc.DrawText(wxString::FromUTF8(table.title), area.GetX(), y);
    y += line;
    const int columns = static_cast<int>(table.headings.size());
    if (columns == 0)
        return y;
    const int first = area.GetWidth() * 2 / 5;
    const int other = columns > 1 ? (area.GetWidth() - first) / (columns - 1) : 0;
    auto row = [&](const std::vector<std::string>& cells) {
        for (int c = 0; c < columns && c < static_cast<int>(cells.size()); ++c) {
            const wxString text = wxString::FromUTF8(cells[static_cast<std::size_t>(c)]);
            if (c == 0) {
                dc.DrawText(wxControl::Ellipsize(text, dc, wxELLIPSIZE_END, first - 8), area.GetX(), y);
            } else {
                const int right = area.GetX() + first + other * c;
                dc.DrawText(text, right - dc.GetTextExtent(text).GetWidth() - 4, y);
            }
        }
        y += line;
    };
    row(table.headings);
    dc.SetFont(plain);
    dc.SetPen(wxPen(wxColour(0xB0, 0xB0, 0xB0)));
    dc.DrawLine(area.GetX(), y, area.GetRight(), y);
    for (const RankingRow& r : table.rows) {
        if (y + line > area.GetBottom())
            break;
        row(r.cells);
    }
    return y;
}

}  // namespace

DashboardFrame::DashboardFrame(wxWindow* parent)
    : wxFrame(parent, wxID_ANY, _("Dashboard"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "dashboard_frame")
{
    auto* panel = new wxPanel(this);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    const int gap = FromDIP(6);
    top->Add(new wxStaticText(panel, wxID_ANY, _("Period:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_kind = new wxChoice(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                          "dashboard_period");
    m_kind->Append(_("Month"));
    m_kind->Append(_("Quarter"));
    m_kind->Append(_("Year"));
    m_kind->Append(_("Custom"));
    m_kind->SetSelection(0);
    top->Add(m_kind, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    top->Add(new wxStaticText(panel, wxID_ANY, _("From:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_from = new wxDatePickerCtrl(panel, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, "dashboard_from");
    top->Add(m_from, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    top->Add(new wxStaticText(panel, wxID_ANY, _("To:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_to = new wxDatePickerCtrl(panel, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, "dashboard_to");
    top->Add(m_to, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    top->Add(new wxStaticText(panel, wxID_ANY, _("Agency:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_agency = new wxChoice(panel, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(260), -1), 0, nullptr, 0,
                            wxDefaultValidator, "dashboard_agency");
    top->Add(m_agency, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    auto* print = new wxButton(panel, wxID_ANY, _("&Print..."));  // not the stock id: GTK would put its own label
    top->Add(print, 0, wxALIGN_CENTER_VERTICAL);

    m_heading = new wxStaticText(panel, wxID_ANY, wxString());
    wxFont headingFont = m_heading->GetFont();
    headingFont.SetWeight(wxFONTWEIGHT_BOLD);
    headingFont.SetFractionalPointSize(headingFont.GetFractionalPointSize() * 1.2);
    m_heading->SetFont(headingFont);

    m_tiles = new FigurePanel(
        panel, "dashboard_tiles",
        [this](wxDC& dc, const wxRect& area, std::vector<HitArea>* hits) { DrawTiles(dc, area, m_tileData, hits); });
    m_tiles->SetMinSize(wxSize(-1, FromDIP(96)));
    m_trend = new FigurePanel(
        panel, "dashboard_trend",
        [this](wxDC& dc, const wxRect& area, std::vector<HitArea>* hits) { DrawChart(dc, area, m_trendData, hits); });
    m_overdue = new FigurePanel(
        panel, "dashboard_overdue",
        [this](wxDC& dc, const wxRect& area, std::vector<HitArea>* hits) { DrawChart(dc, area, m_overdueData, hits); });
    for (FigurePanel* figures : {m_tiles, m_trend, m_overdue})
        figures->SetOnDrill([this](int drill) { Drill(drill); });
    MakeRanking(panel, "dashboard_agency_ranking", m_agencies);
    MakeRanking(panel, "dashboard_procedure_ranking", m_procedures);

    auto* charts = new wxBoxSizer(wxHORIZONTAL);
    charts->Add(m_trend, 3, wxEXPAND | wxRIGHT, gap);
    charts->Add(m_overdue, 2, wxEXPAND);
    auto* rankings = new wxBoxSizer(wxHORIZONTAL);
    rankings->Add(m_agencies.list, 1, wxEXPAND | wxRIGHT, gap);
    rankings->Add(m_procedures.list, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);
    sizer->Add(m_heading, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(m_tiles, 0, wxEXPAND | wxALL, gap);
    sizer->Add(charts, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(rankings, 2, wxEXPAND | wxALL, gap);
    panel->SetSizer(sizer);
    CreateStatusBar(1);

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (m_listener && event.GetSelection() >= 0)
            m_listener->PeriodKindChosen(static_cast<PeriodKind>(event.GetSelection()));
    });
    m_from->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { DatesChanged(); });
    m_to->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { DatesChanged(); });
    m_agency->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (m_listener && event.GetSelection() >= 0)
            m_listener->AgencyChosen(static_cast<std::size_t>(event.GetSelection()));
    });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });

    SetSize(FromDIP(wxSize(1240, 780)));
    SetMinSize(FromDIP(wxSize(900, 600)));
}

void DashboardFrame::MakeRanking(wxWindow* parent, const wxString& name, Ranking& ranking)
{
    ranking.list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES, wxDefaultValidator, name);
    ranking.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this, &ranking](wxListEvent& event) {
        const long row = event.GetIndex();
        if (row >= 0 && static_cast<std::size_t>(row) < ranking.table.rows.size())
            Drill(ranking.table.rows[static_cast<std::size_t>(row)].drill);
    });
}

void DashboardFrame::FillRanking(Ranking& ranking, const RankingTable& table)
{
    ranking.table = table;
    wxListCtrl* list = ranking.list;
    list->Freeze();
    list->ClearAll();
    for (std::size_t c = 0; c < table.headings.size(); ++c)
        list->InsertColumn(static_cast<long>(c), wxString::FromUTF8(table.headings[c]),
                           c == 0 ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::vector<std::string>& cells = table.rows[r].cells;
        const long item =
            list->InsertItem(static_cast<long>(r), cells.empty() ? wxString() : wxString::FromUTF8(cells[0]));
        for (std::size_t c = 1; c < cells.size(); ++c)
            list->SetItem(item, static_cast<int>(c), wxString::FromUTF8(cells[c]));
    }
    // The figures as wide as their headings (the names take what is left, at least a readable width).
    int used = 0;
    for (int c = 1; c < list->GetColumnCount(); ++c) {
        list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        used += list->GetColumnWidth(c);
    }
    if (list->GetColumnCount() > 0)
        list->SetColumnWidth(0, std::max(FromDIP(120), list->GetClientSize().GetWidth() - used - FromDIP(4)));
    list->Thaw();
}

void DashboardFrame::SetAgencies(const std::vector<std::string>& names, std::size_t selected)
{
    FillChoice(m_agency, names, selected);
}

void DashboardFrame::SetPeriod(PeriodKind kind, Date from, Date to)
{
    m_kind->SetSelection(static_cast<int>(kind));
    m_from->SetValue(ToWx(from));
    m_to->SetValue(ToWx(to));
    m_to->Enable(kind == PeriodKind::Custom);
}

void DashboardFrame::SetHeading(const std::string& text)
{
    m_heading->SetLabel(wxString::FromUTF8(text));
    SetTitle(_("Dashboard") + wxString::FromUTF8(" — ") + wxString::FromUTF8(text));
}

void DashboardFrame::ShowTiles(const std::vector<DashboardTile>& tiles)
{
    m_tileData = tiles;
    m_tiles->Redraw();
}

void DashboardFrame::ShowTrend(const ChartData& chart)
{
    m_trendData = chart;
    m_trend->Redraw();
}

void DashboardFrame::ShowOverdue(const ChartData& chart)
{
    m_overdueData = chart;
    m_overdue->Redraw();
}

void DashboardFrame::ShowAgencyRanking(const RankingTable& table)
{
    FillRanking(m_agencies, table);
}

void DashboardFrame::ShowProcedureRanking(const RankingTable& table)
{
    FillRanking(m_procedures, table);
}

void DashboardFrame::SetStatus(const std::string& text)
{
    SetStatusText(wxString::FromUTF8(text));
}

void DashboardFrame::DatesChanged()
{
    if (m_listener)
        m_listener->DatesChosen(FromWx(m_from->GetValue()), FromWx(m_to->GetValue()));
}

void DashboardFrame::Drill(int drill)
{
    if (m_listener && drill != kNoDrill)
        m_listener->DrillChosen(drill);
}

void DashboardFrame::RenderPage(wxDC& dc, const wxSize& size) const
{
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    wxFont font = GetFont();
    font.SetPointSize(10);
    dc.SetFont(font);
    dc.SetTextForeground(*wxBLACK);
    const int margin = 20;
    const int width = size.GetWidth() - 2 * margin;
    int y = margin;
    wxFont heading = font;
    heading.SetWeight(wxFONTWEIGHT_BOLD);
    heading.SetPointSize(13);
    dc.SetFont(heading);
    dc.DrawText(m_heading->GetLabel(), margin, y);
    y += dc.GetCharHeight() + 10;
    dc.SetFont(font);
    DrawTiles(dc, wxRect(margin, y, width, 190), m_tileData, nullptr);
    y += 200;
    DrawChart(dc, wxRect(margin, y, width, 360), m_trendData, nullptr);
    y += 370;
    DrawChart(dc, wxRect(margin, y, width, 300), m_overdueData, nullptr);
    y += 320;
    const int half = (width - 20) / 2;
    const int bottom = size.GetHeight() - margin;
    DrawTable(dc, wxRect(margin, y, half, bottom - y), m_agencies.table);
    DrawTable(dc, wxRect(margin + half + 20, y, half, bottom - y), m_procedures.table);
}

void DashboardFrame::Print()
{
    wxPrinter printer;
    DashboardPrintout printout(*this);
    if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR)
        SetStatusText(_("The dashboard could not be printed."));
}

}  // namespace motcua::views
