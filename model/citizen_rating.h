// The citizen's rating of how a dossier was handled: the nine indicators of the one-stop evaluation, each 0, 1 or 2.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/time.h"

namespace motcua {

// One indicator: its key in the API (and its place in the stored array), and its Vietnamese name.
struct RatingIndicator {
    const char* key;
    const char* vietnamese;
};

// The (2018) per-dossier scheme, in its order; the stored scores follow it (migration NNNN_citizen_routes.sql).
// clang-format off
inline constexpr RatingIndicator kRatingIndicators[] = {
    {"totalTime", "Tổng thời gian giải quyết"},
    {"timePerAgency", "Thời gian giải quyết tại từng cơ quan"},
    {"contactCount", "Số lần liên hệ để hoàn thiện hồ sơ"},
    {"agenciesContacted", "Số cơ quan phải liên hệ"},
    {"oneStopReception", "Tiếp nhận, trả kết quả qua bộ phận một cửa"},
    {"procedurePublication", "Công khai thủ tục hành chính"},
    {"staffAttitude", "Thái độ của cán bộ, công chức"},
    {"complaintHandling", "Tiếp nhận, xử lý phản ánh, kiến nghị"},
    {"onlineService", "Cung cấp dịch vụ công trực tuyến"},
};
// clang-format on
inline constexpr std::size_t kRatingIndicatorCount = std::size(kRatingIndicators);
// Each indicator scores 0 (not satisfied), 1 (satisfied) or 2 (very satisfied).
inline constexpr int kRatingMinScore = 0;
inline constexpr int kRatingMaxScore = 2;

struct CitizenRating {
    std::int64_t dossierId = 0;
    std::array<int, kRatingIndicatorCount> scores{};  // in kRatingIndicators' order
    std::string comment;
    Instant ratedAt{};
};

}  // namespace motcua
