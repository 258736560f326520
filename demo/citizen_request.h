// Citizen-app submissions for the simulator: believable dossiers, and now and then a deliberately bad one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_province.h"
#include "demo/demo_random.h"
#include "model/time.h"

namespace motcua::demo {

// What is wrong with a request on purpose; each one the server must refuse with a clear problem and write nothing.
enum class RequestFlaw {
    None = 0,
    MalformedJson,       // the body is cut short
    MissingField,        // applicant.fullName left out
    InvalidCitizenId,    // the birth-year digits disagree with the date of birth
    UnknownProcedure,    // a procedure code the catalogue does not have
    ImpossibleDate,      // "YYYY-02-30"
    WrongType,           // documents[0].count as a string
    UnknownDocumentForm  // documents[0].form = "photocopy"
};
const char* ToString(RequestFlaw flaw) noexcept;  // "none", "malformed-json", …

struct CitizenRequest {
    std::string body;  // UTF-8 JSON for POST /citizen/v1/dossiers
    RequestFlaw flaw = RequestFlaw::None;
    std::string field;          // the field the server should name for a flawed request ("" for malformed JSON)
    std::string procedureName;  // for the simulator's log line
    std::string applicantName;
};

class CitizenRequestFactory {
public:
    // `agencyCode` pins the receiving agency; otherwise about a third of the requests go to the demo clerk's ward
    // (so its inbox visibly fills) and the rest spread over the province. Only online procedures are used.
    // Throws Error(NotFound, "agency") for a code the demo province does not have.
    CitizenRequestFactory(const DemoProvince& catalogue, std::uint64_t seed,
                          std::optional<std::string> agencyCode = std::nullopt);

    // A flawed request with probability `badShare` (0..1), otherwise a valid one; `today` bounds the birth dates.
    CitizenRequest Next(double badShare, Date today);

private:
    struct Target {
        std::string agencyCode;
        std::vector<std::int64_t> procedures;  // procedure ids that agency takes online
    };
    Target& PickTarget();

    const DemoProvince& m_catalogue;
    DemoRandom m_random;
    std::vector<Target> m_targets;
    std::vector<double> m_weights;
};

}  // namespace motcua::demo
