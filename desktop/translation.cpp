#include "desktop/translation.h"

#include <mutex>

namespace motcua::desktop {
namespace {

struct State {
    std::mutex mutex;
    Translator translator;
    bool vietnamese = false;
};

State& TheState()
{
    static State state;
    return state;
}

}  // namespace

void SetTranslator(Translator translator, bool vietnamese)
{
    State& s = TheState();
    std::lock_guard lock(s.mutex);
    s.translator = std::move(translator);
    s.vietnamese = vietnamese;
}

std::string Translate(const char* msgid)
{
    State& s = TheState();
    Translator translator;
    {
        std::lock_guard lock(s.mutex);
        translator = s.translator;
    }
    return translator ? translator(msgid) : std::string(msgid);
}

bool UiIsVietnamese() noexcept
{
    State& s = TheState();
    std::lock_guard lock(s.mutex);
    return s.vietnamese;
}

std::string FormatText(const std::string& format, std::initializer_list<std::string> args)
{
    std::string out;
    out.reserve(format.size() + 32);
    auto next = args.begin();
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '%' && i + 1 < format.size()) {
            if (format[i + 1] == 's') {
                if (next != args.end())
                    out += *next++;
                ++i;
                continue;
            }
            if (format[i + 1] == '%') {
                out += '%';
                ++i;
                continue;
            }
        }
        out += format[i];
    }
    return out;
}

}  // namespace motcua::desktop
