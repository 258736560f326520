// The demo province's fixed reference data: its agencies and its procedure catalogue (internal to motcua_demo).
#pragma once

#include "demo/demo_province.h"

namespace motcua::demo {

inline constexpr const char* kProvinceName = "Tỉnh Hưng Yên";
// The province's suffix in agency codes. Demo data: a real-style code, not the province's official one.
inline constexpr const char* kProvinceCodeSuffix = "H41";

// Appends the province, its 20 departments and its 100 communes and wards (ids = position + 1, parents first).
void AddAgencies(DemoProvince& province);
// Appends the 50 procedures with their handling department and popularity; needs the agencies.
void AddProcedures(DemoProvince& province);

}  // namespace motcua::demo
