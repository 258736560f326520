// How the desk writes values for people: local dates "dd/MM/yyyy HH:mm", translated status, role and action names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/dossier.h"
#include "model/procedure.h"
#include "model/time.h"
#include "model/workflow.h"

namespace motcua::desktop {

// "27/11/2026 09:30" in the province's time (+07:00); "—" when there is no time.
std::string FormatDeskDateTime(const std::optional<Instant>& t);
// "YYYY-MM-DD" → "12/05/1990"; other text is returned as it came.
std::string FormatDeskDate(const std::string& isoDate);
// Translated name of a national status ("Mới đăng ký" in Vietnamese).
std::string StatusText(NationalStatus status);
// The same, marked when the dossier is overdue: "Received (overdue)".
std::string StatusText(NationalStatus status, bool overdue);
// Translated names of the model's vocabulary, one per enumerator (the client parsed the server's words into them).
std::string ActionText(Action action);
std::string RoleText(Role role);
std::string DocumentFormText(DocumentForm form);
std::string ChannelText(Channel channel);
std::string ProcessingTimeText(int amount, DurationUnit unit);
// An issued document by its kind as the server lists it: "Request for supplement (form 02)"; a kind from a newer
// server: "Document (form <form>)".
std::string OutputKindText(const std::string& kind, const std::string& form);
// What a print job, a preview or a failure calls one of a dossier's documents: "Receipt of dossier <code>".
std::string OutputTitle(const std::string& kind, const std::string& dossierCode);
// What the user typed without the spaces and line breaks around it.
std::string TrimmedText(const std::string& text);
// "50.000 đ" style grouping; "Free" when zero.
std::string FeeText(std::int64_t vnd);

}  // namespace motcua::desktop
