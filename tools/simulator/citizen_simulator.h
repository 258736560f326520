// The citizen-app simulator: posts dossiers to motcua-server at a steady rate and reports each answer on one line.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include "tools/simulator/simulator_options.h"

namespace motcua::tools {

struct SimulatorTally {
    int sent = 0;
    int created = 0;            // 201
    int refusedAsExpected = 0;  // a flawed request answered with a 4xx problem
    int unexpected = 0;         // a valid one refused, a flawed one accepted, a 5xx, or no answer
    int retries = 0;            // resends after a connection failure or a 503
    int gaveUp = 0;             // with retries: still no answer after the last one
};

class CitizenSimulator {
public:
    CitizenSimulator(SimulatorOptions options, std::ostream& out);
    // Runs until `count` submissions or until `stop` becomes true (checked at least every 100 ms).
    SimulatorTally Run(const std::atomic<bool>& stop);

private:
    // One attempt's outcome: an HTTP answer, or the connection failure in `error`.
    struct Answer {
        int status = 0;
        std::string reason;
        Poco::JSON::Object::Ptr json;
        std::string error;
    };
    struct Body {
        std::string text;
        std::string contentType;
    };
    // The request's JSON as it goes out: as it is, or in a multipart form with an attachment (--attachment-bytes).
    Body WithAttachment(const std::string& json, bool malformed) const;
    Answer Send(const Poco::URI& base, const std::string& path, const std::string& body, const std::string& contentType,
                const std::string& key) const;

    SimulatorOptions m_options;
    std::ostream& m_out;
};

}  // namespace motcua::tools
