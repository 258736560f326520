// A signature block on a printed form: who signs, in what capacity, and the note under the title.
#pragma once

#include <string>

namespace motcua::reports {

struct FormSignature {
    std::string title;  // "NGƯỜI TIẾP NHẬN HỒ SƠ", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"
    std::string note = "(Ký và ghi rõ họ tên)";  // "(Ký, ghi rõ họ tên và đóng dấu)" where a seal goes
    std::string name;                            // printed under the space left for the signature
};

}  // namespace motcua::reports
