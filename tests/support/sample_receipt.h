// A realistic form 01 (a Hà Nội ward's one-stop desk registering a birth), shared by the reports tests and bench.
#pragma once

#include "reports/receipt_form.h"

namespace motcua::test {

inline constexpr const char* kSampleReceiptLookupUrl = "https://motcua.example.vn/tra-cuu?ma=000.00.00.H41-261127-0001";

reports::ReceiptForm SampleReceipt();

}  // namespace motcua::test
