#include "model/postgres/conninfo.h"

#include <memory>

#include <libpq-fe.h>

#include "model/error.h"

namespace motcua::pg {
namespace {

struct OptionsDeleter {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using Options = std::unique_ptr<PQconninfoOption, OptionsDeleter>;

Options Parse(const std::string& conninfo)
{
    char* error = nullptr;
    Options options(PQconninfoParse(conninfo.c_str(), &error));
    if (!options) {
        // libpq's message does not repeat the string, so a password in it is not echoed either.
        const std::string why = error ? error : "out of memory";
        PQfreemem(error);
        throw Error(ErrorCategory::BadInput, N_("The database connection string is not valid"), "--db", why);
    }
    return options;
}

// A value in single quotes, with backslashes and quotes escaped (libpq's key=value syntax).
std::string Quoted(const std::string& value)
{
    std::string out = "'";
    for (const char c : value) {
        if (c == '\\' || c == '\'')
            out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

bool ConninfoHasPassword(const std::string& conninfo)
{
    const Options options = Parse(conninfo);
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (std::string(o->keyword) == "password" && o->val)
            return true;
    return false;
}

std::string ConninfoWithPassword(const std::string& conninfo, const std::string& password)
{
    const Options options = Parse(conninfo);
    std::string out;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val || std::string(o->keyword) == "password")
            continue;
        out += std::string(o->keyword) + "=" + Quoted(o->val) + " ";
    }
    return out + "password=" + Quoted(password);
}

}  // namespace motcua::pg
