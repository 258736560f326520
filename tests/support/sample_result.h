// A day's result document data as the server fills it in (FormPrinter::Result), for the tests that render the
// shipped result templates.
#pragma once

#include <string>
#include <vector>

#include "reports/result_template.h"

namespace motcua::test {

// The form fields the shipped templates name ("form.<key>").
const std::vector<std::string>& SampleResultFormKeys();
// A household business, a birth and a decision's values for dossier 000.00.00.H41-261127-0001, signed 30/11/2026.
reports::TemplateData SampleResultData();

}  // namespace motcua::test
