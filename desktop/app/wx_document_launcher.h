// Opens saved documents (receipt PDFs) in the system's default viewer.
#pragma once

#include "desktop/receipt_opener.h"

namespace motcua::desktop {

class WxDocumentLauncher final : public IDocumentLauncher {
public:
    void OpenDocument(const std::filesystem::path& file) override;
};

}  // namespace motcua::desktop
