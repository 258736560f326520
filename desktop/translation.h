// The desk's translation hook: presenters have no wx, so the shell plugs wxGetTranslation in here.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>

namespace motcua::desktop {

using Translator = std::function<std::string(const char* msgid)>;

// Installs the translator (nullptr: identity) and says whether the UI language is Vietnamese.
void SetTranslator(Translator translator, bool vietnamese);
std::string Translate(const char* msgid);
bool UiIsVietnamese() noexcept;

// Replaces each "%s" of `format` with the next argument, in order ("%%" gives "%"); enough for catalogue strings,
// and the same placeholder syntax xgettext marks as c-format so msgfmt --check verifies translations keep them.
std::string FormatText(const std::string& format, std::initializer_list<std::string> args);

}  // namespace motcua::desktop
