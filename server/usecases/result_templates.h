// The result template of each procedure: the shipped ones compiled in, a province's own from a folder, checked once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/procedure.h"
#include "reports/result_template.h"

namespace motcua::server {

class ResultTemplates {
public:
    // `folder` holds a province's templates (<name>.tpl), which take the place of shipped ones of the same name;
    // empty: the shipped ones only.
    explicit ResultTemplates(std::string folder = {});

    // Loads and checks the template of every procedure against its form (the server does this at start-up, so a
    // bad template stops it before anything is issued). Throws Error(BadInput) naming the template, the procedure
    // and the line of the first fault, or the template that does not exist.
    void CheckAll(const std::vector<Procedure>& procedures);

    // The procedure's template, loaded and checked on first use (a procedure added after start-up).
    std::shared_ptr<const reports::ResultTemplate> For(const Procedure& procedure);

private:
    std::string Text(const std::string& name) const;

    std::string m_folder;
    std::mutex m_mutex;
    // By procedure: a template is checked against the procedure's own form fields.
    std::map<std::int64_t, std::shared_ptr<const reports::ResultTemplate>> m_byProcedure;
};

}  // namespace motcua::server
