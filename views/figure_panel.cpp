#include "views/figure_panel.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

namespace motcua::views {

FigurePanel::FigurePanel(wxWindow* parent, const wxString& name, Painter painter)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE, name),
      m_painter(std::move(painter))
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &FigurePanel::OnPaint, this);
    Bind(wxEVT_LEFT_UP, &FigurePanel::OnClick, this);
    Bind(wxEVT_MOTION, &FigurePanel::OnMotion, this);
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) && !m_hits.empty() &&
            m_onDrill)
            m_onDrill(m_hits.front().drill);
        else
            event.Skip();
    });
}

void FigurePanel::Redraw()
{
    Refresh();
}

void FigurePanel::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    dc.SetFont(GetFont());
    m_hits.clear();
    m_painter(dc, wxRect(GetClientSize()).Deflate(FromDIP(4)), &m_hits);
}

const HitArea* FigurePanel::HitAt(const wxPoint& at) const
{
    for (const HitArea& hit : m_hits)
        if (hit.rect.Contains(at))
            return &hit;
    return nullptr;
}

void FigurePanel::OnClick(wxMouseEvent& event)
{
    if (const HitArea* hit = HitAt(event.GetPosition()); hit && m_onDrill)
        m_onDrill(hit->drill);
}

void FigurePanel::OnMotion(wxMouseEvent& event)
{
    SetCursor(HitAt(event.GetPosition()) ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
}

}  // namespace motcua::views
