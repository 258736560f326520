// motcua-simulator's command line: the server, the pace and the mix of the submissions, parsed without I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_seeder.h"

namespace motcua::tools {

struct SimulatorOptions {
    std::string server;                      // base URL, e.g. "http://127.0.0.1:8080"
    double rate = 0.2;                       // submissions per second
    int count = 0;                           // stop after this many; 0 = until stopped
    std::uint64_t seed = 0;                  // same seed → same submissions
    std::optional<std::string> agency;       // pin the receiving agency
    double badShare = 0.05;                  // share of deliberately invalid submissions
    std::string client = demo::kDemoClient;  // the citizen-app client that signs (X-MotCua-Client)
    std::string secret = demo::kDemoClientSecret;
    std::size_t attachmentBytes = 0;  // > 0: valid submissions go as multipart with a PDF of about this size
    int retries = 0;  // resends of one submission (same Idempotency-Key) after a connection failure or a 503
};

struct SimulatorCommandLine {
    std::optional<SimulatorOptions> options;  // empty: --help or --version was asked for
    bool version = false;                     // --version (else --help)
};

// Parses the arguments (without the program name): "--name value" or "--name=value", full names only; throws
// Error(BadInput, option) with a message for the user.
SimulatorCommandLine ParseSimulatorOptions(const std::vector<std::string>& args, std::uint64_t defaultSeed);
const char* SimulatorUsage() noexcept;

}  // namespace motcua::tools
