#include "demo/citizen_request.h"

#include <chrono>
#include <cstdio>

#include "demo/person_generator.h"
#include "model/error.h"

namespace motcua::demo {
namespace {

std::string Escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out;
}

std::string Quote(const std::string& text)
{
    return "\"" + Escape(text) + "\"";
}

const std::vector<const char*> kPurposes = {"Bổ sung hồ sơ xin việc", "Hoàn thiện hồ sơ vay vốn ngân hàng",
                                            "Làm thủ tục nhập học cho con", "Sử dụng cá nhân",
                                            "Hoàn thiện hồ sơ mua bán nhà đất"};

}  // namespace

const char* ToString(RequestFlaw flaw) noexcept
{
    switch (flaw) {
    case RequestFlaw::None: return "none";
    case RequestFlaw::MalformedJson: return "malformed-json";
    case RequestFlaw::MissingField: return "missing-field";
    case RequestFlaw::InvalidCitizenId: return "invalid-citizen-id";
    case RequestFlaw::UnknownProcedure: return "unknown-procedure";
    case RequestFlaw::ImpossibleDate: return "impossible-date";
    case RequestFlaw::WrongType: return "wrong-type";
    case RequestFlaw::UnknownDocumentForm: return "unknown-document-form";
    }
    return "unknown";
}

CitizenRequestFactory::CitizenRequestFactory(const DemoProvince& catalogue, std::uint64_t seed,
                                             std::optional<std::string> agencyCode)
    : m_catalogue(catalogue),
      m_random(seed)
{
    std::vector<std::int64_t> allOnline;
    std::vector<std::int64_t> upperOnline;
    for (const auto& p : catalogue.procedures) {
        if (p.online) {
            allOnline.push_back(p.id);
            if (p.competentLevel != AgencyLevel::Commune) {
                upperOnline.push_back(p.id);
            }
        }
    }
    auto proceduresOf = [&](const Agency& a, bool centre) {
        std::vector<std::int64_t> ids;
        for (const auto& p : catalogue.procedures) {
            if (!p.online) {
                continue;
            }
            const bool commune = p.competentLevel == AgencyLevel::Commune;
            if ((a.level == AgencyLevel::Commune && commune) ||
                (a.level != AgencyLevel::Commune && !commune && (centre || catalogue.DepartmentOf(p.id) == a.id))) {
                ids.push_back(p.id);
            }
        }
        return ids;
    };
    std::int64_t centreId = 0;
    for (const auto& a : catalogue.agencies) {
        if (a.level == AgencyLevel::Department) {
            centreId = a.id;
            break;
        }
    }
    if (agencyCode) {
        for (const auto& a : catalogue.agencies) {
            if (a.code == *agencyCode) {
                auto ids = proceduresOf(a, a.id == centreId || a.level == AgencyLevel::Province);
                // Đ14.2: any centre may take any dossier of the province, so an agency without procedures of its
                // own still receives.
                m_targets.push_back({a.code, ids.empty() ? allOnline : ids});
                m_weights.push_back(1);
                return;
            }
        }
        throw Error(ErrorCategory::NotFound, N_("The demo province has no agency with this code"), "agency",
                    *agencyCode);
    }
    std::size_t communes = 0;
    std::size_t departments = 0;
    for (const auto& a : catalogue.agencies) {
        if (a.id == catalogue.demoAgencyId) {
            continue;
        }
        communes += a.level == AgencyLevel::Commune ? 1 : 0;
        departments += a.level == AgencyLevel::Department && !proceduresOf(a, a.id == centreId).empty() ? 1 : 0;
    }
    for (const auto& a : catalogue.agencies) {
        auto ids = proceduresOf(a, a.id == centreId);
        if (ids.empty() || a.level == AgencyLevel::Province) {
            continue;
        }
        double weight = 0;
        if (a.id == catalogue.demoAgencyId) {
            weight = 35;
        } else if (a.level == AgencyLevel::Commune) {
            weight = 40.0 / static_cast<double>(communes);
        } else {
            weight = 25.0 / static_cast<double>(departments);
        }
        m_targets.push_back({a.code, std::move(ids)});
        m_weights.push_back(weight);
    }
}

CitizenRequestFactory::Target& CitizenRequestFactory::PickTarget()
{
    return m_targets[m_random.Weighted(m_weights)];
}

CitizenRequest CitizenRequestFactory::Next(double badShare, Date today)
{
    const Target& target = PickTarget();
    const Procedure& procedure = m_catalogue.ProcedureById(target.procedures[m_random.Index(target.procedures.size())]);
    PersonGenerator people(m_random);
    Person person = people.MakePerson(today, 18, 80);
    // Communes and wards are the last 100 agencies (demo_catalogue.cpp).
    const Agency& home = m_catalogue.agencies[m_catalogue.agencies.size() - 1 - m_random.Index(100)];
    std::string place = home.name.substr(std::string("UBND ").size());
    if (!place.empty() && place[0] >= 'a' && place[0] <= 'z') {
        place[0] = static_cast<char>(place[0] - 'a' + 'A');
    }
    const std::string address = people.Address(place, m_catalogue.name);

    CitizenRequest request;
    request.procedureName = procedure.name;
    request.applicantName = person.fullName;
    if (m_random.Chance(badShare)) {
        request.flaw = static_cast<RequestFlaw>(m_random.Between(1, 7));
    }
    std::string procedureCode = procedure.code;
    std::string citizenId = person.citizenId;
    std::string dateOfBirth = FormatDate(person.dateOfBirth);
    switch (request.flaw) {
    case RequestFlaw::None:
    case RequestFlaw::MalformedJson: break;
    case RequestFlaw::MissingField: request.field = "applicant.fullName"; break;
    case RequestFlaw::InvalidCitizenId: {
        // Same layout, but the year digits point ten years away from the date of birth.
        const int year = (std::stoi(citizenId.substr(4, 2)) + 10) % 100;
        citizenId.replace(4, 2, (year < 10 ? "0" : "") + std::to_string(year));
        request.field = "applicant.citizenId";
        break;
    }
    case RequestFlaw::UnknownProcedure:
        procedureCode = "9.999999";
        request.field = "procedureCode";
        break;
    case RequestFlaw::ImpossibleDate:
        dateOfBirth = dateOfBirth.substr(0, 4) + "-02-30";
        request.field = "applicant.dateOfBirth";
        break;
    case RequestFlaw::WrongType: request.field = "documents[0].count"; break;
    case RequestFlaw::UnknownDocumentForm: request.field = "documents[0].form"; break;
    }

    std::string body = R"({"procedureCode":)" + Quote(procedureCode) + R"(,"agencyCode":)" + Quote(target.agencyCode) +
                       R"(,"applicant":{)";
    if (request.flaw != RequestFlaw::MissingField) {
        body += R"("fullName":)" + Quote(person.fullName) + ",";
    }
    body += R"("citizenId":)" + Quote(citizenId) + R"(,"dateOfBirth":)" + Quote(dateOfBirth) + R"(,"address":)" +
            Quote(address) + R"(,"phone":)" + Quote(person.phone);
    if (!person.email.empty()) {
        body += R"(,"email":)" + Quote(person.email);
    }
    body += R"(},"formData":{"purpose":)" + Quote(m_random.Pick(kPurposes)) + R"(,"copies":)" +
            std::to_string(m_random.Between(1, 3)) + R"(},"documents":[)";
    bool first = true;
    for (const auto& doc : procedure.documents) {
        if (!doc.mandatory && !m_random.Chance(0.4)) {
            continue;
        }
        std::string form = ToString(doc.form);
        std::string count = std::to_string(doc.count);
        if (first && request.flaw == RequestFlaw::UnknownDocumentForm) {
            form = "photocopy";
        }
        if (first && request.flaw == RequestFlaw::WrongType) {
            count = Quote("một");
        }
        body += std::string(first ? "" : ",") + R"({"name":)" + Quote(doc.name) + R"(,"form":)" + Quote(form) +
                R"(,"count":)" + count + "}";
        first = false;
    }
    body += "]}";
    if (request.flaw == RequestFlaw::MalformedJson) {
        body.resize(body.size() / 2);
    }
    request.body = std::move(body);
    return request;
}

}  // namespace motcua::demo
