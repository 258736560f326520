// The navigation pane as its presenter sees it: the work queues with their counts, one of them chosen.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace motcua::views {

struct NavEntry {
    std::string title;    // "Việc của tôi"
    std::string count;    // "12", "1000+"; "" while unknown
    std::string overdue;  // "3 quá hạn"; "" when none
};

class INavViewListener {
public:
    virtual ~INavViewListener() = default;
    virtual void OnQueueChosen(std::size_t index) = 0;
};

class INavView {
public:
    virtual ~INavView() = default;
    virtual void SetListener(INavViewListener* listener) = 0;
    // Replaces the entries' texts; the same number of entries keeps the selection.
    virtual void SetEntries(const std::vector<NavEntry>& entries) = 0;
    // Marks an entry chosen without telling the listener; nullopt: none (search results are shown).
    virtual void SelectEntry(std::optional<std::size_t> index) = 0;
    virtual void SetBusy(bool busy) = 0;
};

}  // namespace motcua::views
