#include "server/usecases/result_templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/error.h"
#include "reports/shipped_templates.h"

namespace motcua::server {

ResultTemplates::ResultTemplates(std::string folder) : m_folder(std::move(folder)) {}

std::string ResultTemplates::Text(const std::string& name) const
{
    if (!m_folder.empty()) {
        const std::filesystem::path path = std::filesystem::path(m_folder) / (name + ".tpl");
        std::ifstream in(path, std::ios::binary);
        if (in) {
            std::ostringstream text;
            text << in.rdbuf();
            return text.str();
        }
    }
    if (const auto shipped = reports::ShippedTemplate(name))
        return std::string(*shipped);
    throw Error::Formatted(ErrorCategory::BadInput, N_("There is no result template named \"{name}\""),
                           {{"name", name}}, "resultTemplate", m_folder);
}

void ResultTemplates::CheckAll(const std::vector<Procedure>& procedures)
{
    for (const Procedure& procedure : procedures)
        (void)For(procedure);
}

std::shared_ptr<const reports::ResultTemplate> ResultTemplates::For(const Procedure& procedure)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_byProcedure.find(procedure.id);
    if (found != m_byProcedure.end())
        return found->second;
    std::vector<std::string> formKeys;
    formKeys.reserve(procedure.formFields.size());
    for (const FormField& field : procedure.formFields)
        formKeys.push_back(field.key);
    try {
        auto layout = std::make_shared<const reports::ResultTemplate>(
            reports::ResultTemplate::Parse(Text(procedure.resultTemplate), reports::ResultVocabulary(formKeys)));
        m_byProcedure.emplace(procedure.id, layout);
        return layout;
    } catch (const Error& e) {
        // Which file and which procedure: the line alone does not tell provincial IT where to look.
        throw Error::Formatted(e.Category(), e.MessageId(), e.Args(), "resultTemplate",
                               procedure.resultTemplate + ".tpl, procedure " + procedure.code + " " + procedure.name);
    }
}

}  // namespace motcua::server
