// A passive panel that draws figures it is given (tiles or a chart, dashboard_drawing.h) and says which one was
// clicked or chosen with the keyboard (Enter opens the first; Tab moves on).
#pragma once

#include <functional>
#include <vector>

#include <wx/panel.h>

#include "views/dashboard_drawing.h"

namespace motcua::views {

class FigurePanel final : public wxPanel {
public:
    // Draws into the given rectangle; appends where each figure went to the hit list when it is not null.
    using Painter = std::function<void(wxDC& dc, const wxRect& area, std::vector<HitArea>* hits)>;

    FigurePanel(wxWindow* parent, const wxString& name, Painter painter);
    // Called with the drill index of a figure clicked (nullptr: nobody listens).
    void SetOnDrill(std::function<void(int drill)> onDrill) { m_onDrill = std::move(onDrill); }
    // The figures changed: drawn again.
    void Redraw();
    // What was drawn last, by drill (the GUI test clicks where a figure is).
    const std::vector<HitArea>& Hits() const noexcept { return m_hits; }
    // Draws on another DC (a page, a bitmap) at `area`, as on the screen.
    void DrawOn(wxDC& dc, const wxRect& area) const { m_painter(dc, area, nullptr); }

private:
    void OnPaint(wxPaintEvent& event);
    void OnClick(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    const HitArea* HitAt(const wxPoint& at) const;

    Painter m_painter;
    std::function<void(int)> m_onDrill;
    std::vector<HitArea> m_hits;
};

}  // namespace motcua::views
