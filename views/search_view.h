// The search box and its filters as the search presenter sees them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace motcua::views {

// What the user typed and chose; dates "YYYY-MM-DD" or "".
struct SearchFields {
    std::string text;
    int status = 0;  // national status 1..10; 0: any
    std::string procedure;
    std::string agency;
    std::string fromDate;
    std::string toDate;
};

class ISearchViewListener {
public:
    virtual ~ISearchViewListener() = default;
    virtual void OnSearchPressed() = 0;
    virtual void OnSearchCleared() = 0;
};

class ISearchView {
public:
    virtual ~ISearchView() = default;
    virtual void SetListener(ISearchViewListener* listener) = 0;
    // The status filter's choices: (0, "any status") first, then each national status.
    virtual void SetStatusChoices(const std::vector<std::pair<int, std::string>>& choices) = 0;
    virtual SearchFields Fields() const = 0;
    virtual void ClearFields() = 0;
    // A message under the box ("" hides it); `field` names the control to focus.
    virtual void ShowMessage(const std::string& message, const std::string& field) = 0;
};

}  // namespace motcua::views
