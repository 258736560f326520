// Greedy word wrap of styled UTF-8 text into lines no wider than a box; pure, the width function comes from the caller.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::reports {

// Italic and BoldItalic are drawn as slanted Regular/Bold: the forms need italics only for short notes.
enum class FontFace { Regular, Bold, Italic, BoldItalic };

struct TextRun {
    std::string text;
    FontFace face = FontFace::Regular;
};

// One piece of a laid-out line drawn in a single face; x is relative to the start of the line.
struct LineFragment {
    std::string text;
    FontFace face = FontFace::Regular;
    double x = 0;
    double width = 0;
};

struct TextLine {
    std::vector<LineFragment> fragments;
    double width = 0;
};

// Width of `text` drawn in `face` at the size being laid out.
using MeasureText = std::function<double(std::string_view text, FontFace face)>;

// Breaks at spaces (runs of ASCII whitespace count as one space) and at '\n'; a word wider than maxWidth is split
// between code points, never inside a UTF-8 sequence or before a combining mark. Runs are joined as written: text
// that runs together across two runs is one word. Lines keep no leading or trailing space. Empty text gives no lines.
std::vector<TextLine> LayoutText(const std::vector<TextRun>& runs, double maxWidth, const MeasureText& measure);

}  // namespace motcua::reports
