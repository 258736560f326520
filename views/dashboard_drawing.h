// The dashboard's figures drawn on any wxDC (the screen, a bitmap, a printed page): tiles and bar charts with a
// rate line, black text and values written out, so that a grey print reads as well as the screen.
#pragma once

#include <vector>

#include <wx/dc.h>
#include <wx/gdicmn.h>

#include "views/dashboard_view.h"

namespace motcua::views {

// Where a figure was drawn and what it opens (DashboardTile::drill, ChartBar::drill).
struct HitArea {
    wxRect rect;
    int drill = kNoDrill;
};

// The tiles in one row when `area` is wide enough, else in rows of four. `hits` (may be null) receives each tile.
void DrawTiles(wxDC& dc, const wxRect& area, const std::vector<DashboardTile>& tiles, std::vector<HitArea>* hits);
// The bars (values written above them, labels below, shortened to fit) and the rate line against a 0–100 % axis on
// the right. `hits` (may be null) receives each bar's column.
void DrawChart(wxDC& dc, const wxRect& area, const ChartData& chart, std::vector<HitArea>* hits);

}  // namespace motcua::views
