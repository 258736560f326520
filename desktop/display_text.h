// How the desk writes values for people: local dates "dd/MM/yyyy HH:mm", translated status, role and action names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/dossier.h"
#include "model/time.h"

namespace motcua::desktop {

// "27/11/2026 09:30" in the province's time (+07:00); "—" when there is no time.
std::string FormatDeskDateTime(const std::optional<Instant>& t);
// "YYYY-MM-DD" → "12/05/1990"; other text is returned as it came.
std::string FormatDeskDate(const std::string& isoDate);
// Translated name of a national status ("Mới đăng ký" in Vietnamese).
std::string StatusText(NationalStatus status);
// Translated names of the server's snake_case vocabulary; unknown words are shown as they came.
std::string ActionText(const std::string& action);
std::string RoleText(const std::string& role);
std::string DocumentFormText(const std::string& form);
std::string ChannelText(const std::string& channel);
std::string ProcessingTimeText(int amount, const std::string& unit);
// "50.000 đ" style grouping; "Free" when zero.
std::string FeeText(std::int64_t vnd);

}  // namespace motcua::desktop
