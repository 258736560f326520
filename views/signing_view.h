// Signing with the signer's token as presenters see it: the PIN asked once for a batch, in a masked entry.
#pragma once

#include <optional>
#include <string>

namespace motcua::views {

struct PinRequest {
    std::string title;    // "Approve and sign 3 dossiers"
    std::string message;  // what will be signed, one or two sentences
    std::string okLabel;  // "Sign", "Approve and sign"
};

// Implemented by the wx shell (PinDialog) and by test fakes. The PIN goes straight to the token: never stored.
class IPinPrompt {
public:
    virtual ~IPinPrompt() = default;
    // The PIN typed once OK was pressed; nothing when cancelled.
    virtual std::optional<std::string> AskPin(const PinRequest& request) = 0;
};

}  // namespace motcua::views
