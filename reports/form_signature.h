// A signature block on a printed form: who signs, in what capacity, and the note under the title.
#pragma once

#include <string>

namespace motcua::reports {

struct FormSignature {
    std::string title;  // "NGƯỜI TIẾP NHẬN HỒ SƠ", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"
    std::string note = "(Ký và ghi rõ họ tên)";  // "(Ký, ghi rõ họ tên và đóng dấu)" where a seal goes
    std::string name;                            // printed under the space left for the signature
};

// Where a form left room for its issuer's signature: a page (0 = the first) and the space between the signer's title
// and name, in PDF points from the page's bottom-left corner. A digital signature's visible box goes there.
struct SignaturePlace {
    int page = -1;  // -1: the form has no signature space
    double left = 0;
    double bottom = 0;
    double width = 0;
    double height = 0;

    bool Found() const noexcept { return page >= 0; }
};

// The unsigned signature field a result document leaves above the signer's name for the official's own signature
// (their token, at the desk), under the room of the agency's signature the server adds: its /T.
inline constexpr const char* kOfficialSignatureField = "Chữ ký người có thẩm quyền";

}  // namespace motcua::reports
