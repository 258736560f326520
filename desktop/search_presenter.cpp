#include "desktop/search_presenter.h"

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "desktop/translation.h"

namespace motcua::desktop {
SearchPresenter::SearchPresenter(views::ISearchView& view, ISearchListener& listener)
    : m_view(view),
      m_listener(listener)
{
    std::vector<std::pair<int, std::string>> choices{{0, _("Any status")}};
    for (const auto& status : kNationalStatusNames)
        choices.emplace_back(static_cast<int>(status.value), StatusText(status.value));
    m_view.SetStatusChoices(choices);
    m_view.SetListener(this);
}

SearchPresenter::~SearchPresenter()
{
    m_view.SetListener(nullptr);
}

SearchQuery SearchPresenter::QueryOf(const views::SearchFields& fields, std::string& message, std::string& field)
{
    SearchQuery query;
    query.text = TrimmedText(fields.text);
    if (fields.status >= 1 && fields.status <= 10)
        query.status = static_cast<NationalStatus>(fields.status);
    query.procedureCode = TrimmedText(fields.procedure);
    query.agencyCode = TrimmedText(fields.agency);
    query.fromDate = fields.fromDate;
    query.toDate = fields.toDate;
    message.clear();
    field.clear();
    if (query == SearchQuery{}) {
        message = _("Type a dossier code, citizen ID, phone number or name, or choose a filter.");
        field = "text";
    } else if (!query.fromDate.empty() && !query.toDate.empty() && query.fromDate > query.toDate) {
        // ISO dates compare as text.
        message = _("The start date is after the end date.");
        field = "from";
    }
    return query;
}

void SearchPresenter::OnSearchPressed()
{
    std::string message;
    std::string field;
    ListSource source;
    source.kind = ListSource::Kind::Search;
    source.search = QueryOf(m_view.Fields(), message, field);
    m_view.ShowMessage(message, field);
    if (!message.empty())
        return;
    source.title = source.search.text.empty() ? std::string(_("Search results"))
                                              : FormatText(_("Search results for \"%s\""), {source.search.text});
    m_listener.SearchRequested(source);
}

void SearchPresenter::OnSearchCleared()
{
    m_view.ClearFields();
    m_view.ShowMessage({}, {});
    m_listener.SearchCleared();
}

}  // namespace motcua::desktop
