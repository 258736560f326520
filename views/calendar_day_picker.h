// A CalendarDay as a wxDatePickerCtrl holds it and back, for the dialogs that ask for days.
#pragma once

#include <wx/datetime.h>

#include "views/delegation_view.h"

namespace motcua::views {

// wxDefaultDateTime for a day that is not one.
inline wxDateTime DateTimeOf(const CalendarDay& day)
{
    if (day.month < 1 || day.month > 12 || day.day < 1)
        return wxDefaultDateTime;
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day.day), static_cast<wxDateTime::Month>(day.month - 1),
                      day.year);
}

// The zero day for an invalid date.
inline CalendarDay DayOf(const wxDateTime& date)
{
    if (!date.IsValid())
        return {};
    return {date.GetYear(), static_cast<int>(date.GetMonth()) + 1, static_cast<int>(date.GetDay())};
}

}  // namespace motcua::views
