// The search box (Ctrl+F) and its filters: what was typed and chosen becomes a search the list shows.
#pragma once

#include "desktop/dossier_list_presenter.h"
#include "views/search_view.h"

namespace motcua::desktop {

// Told when the user searches or clears the search; the shell shows the results in the list, or the queue again.
class ISearchListener {
public:
    virtual ~ISearchListener() = default;
    virtual void SearchRequested(const ListSource& source) = 0;
    virtual void SearchCleared() = 0;
};

class SearchPresenter final : public views::ISearchViewListener {
public:
    // `view` and `listener` must outlive the presenter.
    SearchPresenter(views::ISearchView& view, ISearchListener& listener);
    ~SearchPresenter() override;
    SearchPresenter(const SearchPresenter&) = delete;
    SearchPresenter& operator=(const SearchPresenter&) = delete;

    void OnSearchPressed() override;
    void OnSearchCleared() override;

    // The query for the fields, or a message and the field it is about when they cannot make one.
    static SearchQuery QueryOf(const views::SearchFields& fields, std::string& message, std::string& field);

private:
    views::ISearchView& m_view;
    ISearchListener& m_listener;
};

}  // namespace motcua::desktop
