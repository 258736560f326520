#include "model/enum_names.h"

#include "model/error.h"

namespace motcua::detail {

void ThrowUnknownName(const char* message, const std::string& field)
{
    ThrowBadInput(message, field);
}

}  // namespace motcua::detail
