#include "views/dashboard_drawing.h"

#include <algorithm>
#include <cmath>

#include <wx/control.h>
#include <wx/intl.h>

namespace motcua::views {
namespace {

const wxColour kInk(0x20, 0x20, 0x20);
const wxColour kMuted(0x55, 0x55, 0x55);
const wxColour kFrame(0xB0, 0xB0, 0xB0);
const wxColour kBar(0x4A, 0x7D, 0xB5);
const wxColour kBarEdge(0x1F, 0x3F, 0x66);
const wxColour kLine(0xC0, 0x50, 0x10);
const wxColour kAlarm(0xB0, 0x1C, 0x1C);

wxFont Scaled(const wxFont& base, double factor, bool bold)
{
    wxFont font = base;
    font.SetFractionalPointSize(base.GetFractionalPointSize() * factor);
    if (bold)
        font.SetWeight(wxFONTWEIGHT_BOLD);
    return font;
}

// `text` shortened with an ellipsis to fit `width` in the DC's current font.
wxString Fitted(wxDC& dc, const wxString& text, int width)
{
    if (dc.GetTextExtent(text).GetWidth() <= width)
        return text;
    return wxControl::Ellipsize(text, dc, wxELLIPSIZE_END, std::max(width, 1));
}

void CentredText(wxDC& dc, const wxString& text, int centreX, int y)
{
    const wxSize size = dc.GetTextExtent(text);
    dc.DrawText(text, centreX - size.GetWidth() / 2, y);
}

}  // namespace

void DrawTiles(wxDC& dc, const wxRect& area, const std::vector<DashboardTile>& tiles, std::vector<HitArea>* hits)
{
    if (tiles.empty())
        return;
    const wxFont base = dc.GetFont();
    const int gap = std::max(area.GetHeight() / 30, 4);
    const int count = static_cast<int>(tiles.size());
    const int columns = area.GetWidth() / count >= area.GetHeight() * 3 / 2 || count <= 4 ? count : 4;
    const int rows = (count + columns - 1) / columns;
    const int width = (area.GetWidth() - gap * (columns - 1)) / columns;
    const int height = (area.GetHeight() - gap * (rows - 1)) / rows;
    const wxFont labelFont = Scaled(base, 0.9, false);
    const wxFont valueFont = Scaled(base, 1.8, true);
    const wxFont noteFont = Scaled(base, 0.85, false);
    for (int i = 0; i < count; ++i) {
        const DashboardTile& tile = tiles[static_cast<std::size_t>(i)];
        const wxRect r(area.GetX() + (i % columns) * (width + gap), area.GetY() + (i / columns) * (height + gap), width,
                       height);
        dc.SetPen(wxPen(tile.alarm ? kAlarm : kFrame, tile.alarm ? 2 : 1));
        dc.SetBrush(*wxWHITE_BRUSH);
        dc.DrawRoundedRectangle(r, 4);
        const int pad = std::max(width / 16, 4);
        int y = r.GetY() + pad / 2;
        dc.SetFont(labelFont);
        dc.SetTextForeground(kMuted);
        dc.DrawText(Fitted(dc, wxString::FromUTF8(tile.label), width - 2 * pad), r.GetX() + pad, y);
        y += dc.GetCharHeight() + pad / 4;
        dc.SetFont(valueFont);
        dc.SetTextForeground(tile.alarm ? kAlarm : kInk);
        dc.DrawText(wxString::FromUTF8(tile.value), r.GetX() + pad, y);
        y += dc.GetCharHeight();
        dc.SetFont(noteFont);
        dc.SetTextForeground(kMuted);
        dc.DrawText(Fitted(dc, wxString::FromUTF8(tile.note), width - 2 * pad), r.GetX() + pad, y);
        if (hits && tile.drill != kNoDrill)
            hits->push_back({r, tile.drill});
    }
    dc.SetFont(base);
    dc.SetTextForeground(kInk);
}

void DrawChart(wxDC& dc, const wxRect& area, const ChartData& chart, std::vector<HitArea>* hits)
{
    const wxFont base = dc.GetFont();
    dc.SetPen(wxPen(kFrame));
    dc.SetBrush(*wxWHITE_BRUSH);
    dc.DrawRectangle(area);
    const int line = dc.GetCharHeight();
    const int pad = line / 2;
    dc.SetTextForeground(kInk);
    dc.SetFont(Scaled(base, 1.05, true));
    dc.DrawText(wxString::FromUTF8(chart.title), area.GetX() + pad, area.GetY() + pad / 2);
    dc.SetFont(Scaled(base, 0.85, false));
    const int small = dc.GetCharHeight();

    // The legend: a swatch of the bars and a stroke of the line, with their names.
    int x = area.GetX() + pad;
    const int legendY = area.GetY() + pad / 2 + line + 2;
    if (!chart.barLegend.empty()) {
        dc.SetPen(wxPen(kBarEdge));
        dc.SetBrush(wxBrush(kBar));
        dc.DrawRectangle(x, legendY + small / 4, small, small / 2 + 1);
        x += small + 4;
        dc.DrawText(wxString::FromUTF8(chart.barLegend), x, legendY);
        x += dc.GetTextExtent(wxString::FromUTF8(chart.barLegend)).GetWidth() + 2 * small;
    }
    if (!chart.line.empty()) {
        dc.SetPen(wxPen(kLine, 2, wxPENSTYLE_SHORT_DASH));
        dc.DrawLine(x, legendY + small / 2, x + small * 2, legendY + small / 2);
        x += small * 2 + 4;
        dc.DrawText(wxString::FromUTF8(chart.lineLegend), x, legendY);
    }

    const bool rates = !chart.line.empty();
    const int axis = dc.GetTextExtent("100 %").GetWidth() + pad;
    const wxRect plot(area.GetX() + pad, legendY + small + pad, area.GetWidth() - 2 * pad - (rates ? axis : 0),
                      area.GetBottom() - (legendY + small + pad) - 2 * small - pad);
    if (chart.bars.empty() || plot.GetWidth() < 10 || plot.GetHeight() < 10) {
        dc.SetTextForeground(kMuted);
        if (chart.bars.empty())
            CentredText(dc, _("No figures yet"), area.GetX() + area.GetWidth() / 2, area.GetY() + area.GetHeight() / 2);
        dc.SetFont(base);
        dc.SetTextForeground(kInk);
        return;
    }

    double top = 0;
    for (const ChartBar& bar : chart.bars)
        top = std::max(top, bar.value);
    top = top <= 0 ? 1 : top * 1.15;  // room for the values written above the bars
    dc.SetPen(wxPen(kFrame));
    dc.DrawLine(plot.GetLeft(), plot.GetBottom(), plot.GetRight(), plot.GetBottom());
    if (rates) {
        dc.SetTextForeground(kMuted);
        for (const int percent : {0, 50, 100}) {
            const int y = plot.GetBottom() - plot.GetHeight() * percent / 100;
            dc.SetPen(wxPen(kFrame, 1, wxPENSTYLE_DOT));
            dc.DrawLine(plot.GetLeft(), y, plot.GetRight(), y);
            dc.DrawText(wxString::Format("%d %%", percent), plot.GetRight() + 4, y - small / 2);
        }
    }

    const int count = static_cast<int>(chart.bars.size());
    const double slot = static_cast<double>(plot.GetWidth()) / count;
    const int barWidth = std::max(static_cast<int>(slot * 0.6), 2);
    std::vector<wxPoint> points;
    for (int i = 0; i < count; ++i) {
        const ChartBar& bar = chart.bars[static_cast<std::size_t>(i)];
        const int centre = plot.GetLeft() + static_cast<int>(slot * i + slot / 2);
        const int height = static_cast<int>(plot.GetHeight() * bar.value / top);
        dc.SetPen(wxPen(kBarEdge));
        dc.SetBrush(wxBrush(kBar));
        if (height > 0)
            dc.DrawRectangle(centre - barWidth / 2, plot.GetBottom() - height, barWidth, height);
        dc.SetTextForeground(kInk);
        CentredText(dc, wxString::FromUTF8(bar.valueText), centre, plot.GetBottom() - height - small - 1);
        dc.SetTextForeground(kMuted);
        CentredText(dc, Fitted(dc, wxString::FromUTF8(bar.label), static_cast<int>(slot) - 4), centre,
                    plot.GetBottom() + 3);
        if (hits && bar.drill != kNoDrill)
            hits->push_back({wxRect(static_cast<int>(plot.GetLeft() + slot * i), plot.GetTop(), static_cast<int>(slot),
                                    plot.GetHeight() + small + 3),
                             bar.drill});
        if (rates && static_cast<std::size_t>(i) < chart.line.size() && chart.line[static_cast<std::size_t>(i)])
            points.emplace_back(
                centre, plot.GetBottom() -
                            static_cast<int>(std::lround(plot.GetHeight() * *chart.line[static_cast<std::size_t>(i)])));
        else if (rates)
            points.emplace_back(centre, -1);  // a gap: the rate is undefined that month
    }
    dc.SetPen(wxPen(kLine, 2, wxPENSTYLE_SHORT_DASH));
    for (std::size_t i = 1; i < points.size(); ++i)
        if (points[i - 1].y >= 0 && points[i].y >= 0)
            dc.DrawLine(points[i - 1], points[i]);
    dc.SetPen(wxPen(kLine, 2));
    dc.SetBrush(*wxWHITE_BRUSH);
    for (const wxPoint& p : points)
        if (p.y >= 0)
            dc.DrawCircle(p, std::max(small / 4, 3));
    dc.SetFont(base);
    dc.SetTextForeground(kInk);
}

}  // namespace motcua::views
