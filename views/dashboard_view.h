// The managers' dashboard as its presenter sees it: the period and agency choosers, the KPI tiles, two charts and two
// rankings, each handed over as ready text and numbers, and a listener for what the user picks. No wx here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/time.h"

namespace motcua::views {

enum class PeriodKind { Month, Quarter, Year, Custom };

// What a tile, bar or ranking row opens: an index the presenter gave it, or kNoDrill for nothing.
inline constexpr int kNoDrill = -1;

struct DashboardTile {
    std::string label;   // "On-time rate"
    std::string value;   // "87.5 %"
    std::string note;    // "resolved late: 3"
    bool alarm = false;  // a figure that calls for action: drawn in the warning colour, bold in print
    int drill = kNoDrill;
    bool operator==(const DashboardTile&) const = default;
};

struct ChartBar {
    std::string label;      // under the bar: "11/2026", an agency's name
    double value = 0;       // the bar's height, in the chart's own unit
    std::string valueText;  // written on the bar, so that a grey print still reads
    int drill = kNoDrill;
    bool operator==(const ChartBar&) const = default;
};

// Bars, and optionally a rate (0 … 1, one per bar, empty where undefined) drawn as a line against a 0–100 % axis.
struct ChartData {
    std::string title;
    std::string barLegend;
    std::vector<ChartBar> bars;
    std::string lineLegend;
    std::vector<std::optional<double>> line;
    bool operator==(const ChartData&) const = default;
};

struct RankingRow {
    std::vector<std::string> cells;  // one per heading
    int drill = kNoDrill;
    bool operator==(const RankingRow&) const = default;
};

struct RankingTable {
    std::string title;
    std::vector<std::string> headings;
    std::vector<RankingRow> rows;
};

class IDashboardListener {
public:
    virtual ~IDashboardListener() = default;
    virtual void PeriodKindChosen(PeriodKind kind) = 0;
    // The dates shown were changed: for a month, quarter or year the period holding `from`; else the two dates.
    virtual void DatesChosen(Date from, Date to) = 0;
    virtual void AgencyChosen(std::size_t index) = 0;
    // A tile, bar or ranking row was clicked (or chosen with the keyboard): the drill index it was given.
    virtual void DrillChosen(int drill) = 0;
};

class IDashboardView {
public:
    virtual ~IDashboardView() = default;
    virtual void SetListener(IDashboardListener* listener) = 0;
    // The agencies the user may choose (indented by depth), and the one chosen.
    virtual void SetAgencies(const std::vector<std::string>& names, std::size_t selected) = 0;
    // The period shown; the end date can be edited only for a custom period.
    virtual void SetPeriod(PeriodKind kind, Date from, Date to) = 0;
    virtual void SetHeading(const std::string& text) = 0;  // "UBND phường X — 01/11/2026 – 30/11/2026"
    virtual void ShowTiles(const std::vector<DashboardTile>& tiles) = 0;
    virtual void ShowTrend(const ChartData& chart) = 0;
    virtual void ShowOverdue(const ChartData& chart) = 0;
    virtual void ShowAgencyRanking(const RankingTable& table) = 0;
    virtual void ShowProcedureRanking(const RankingTable& table) = 0;
    virtual void SetStatus(const std::string& text) = 0;
};

}  // namespace motcua::views
