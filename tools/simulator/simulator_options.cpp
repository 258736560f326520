#include "tools/simulator/simulator_options.h"

#include <cstdlib>

#include <Poco/URI.h>

#include "cli/argument_splitter.h"
#include "model/error.h"

namespace motcua::tools {
namespace {

double ParseNumber(const std::string& text, const std::string& option)
{
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end == nullptr || *end != '\0') {
        ThrowBadInput(N_("Expected a number"), option);
    }
    return value;
}

}  // namespace

const char* SimulatorUsage() noexcept
{
    return "Usage: motcua-simulator --server URL [--rate PER_SECOND] [--count N] [--seed S] [--agency CODE]\n"
           "                        [--bad-share FRACTION]\n"
           "Submits citizen-app dossiers to POST URL/citizen/v1/dossiers, one line per answer.\n"
           "  --server URL        motcua-server base URL, e.g. http://127.0.0.1:8080\n"
           "  --rate R            submissions per second (default 0.2, at most 50)\n"
           "  --count N           stop after N submissions (default: until SIGTERM or Ctrl-C)\n"
           "  --seed S            random seed (default: from the clock)\n"
           "  --agency CODE       receiving agency code, e.g. 000.00.04.H41 (default: spread over the province)\n"
           "  --bad-share F       share of deliberately invalid submissions, 0..1 (default 0.05)\n"
           "  --client ID         citizen-app client that signs the requests (default demo-app)\n"
           "  --secret S          its HMAC secret (default demo-app-secret)\n"
           "  --attachment-bytes N  send each valid submission as multipart/form-data with a PDF of about N\n"
           "                      bytes named by its first document (default 0: JSON without attachments)\n"
           "  --retries N         resend a submission up to N times (same Idempotency-Key) when the connection\n"
           "                      fails or the server answers 503 (default 0)\n"
           "  --help, --version   print this text, or the version\n"
           "Each submission is signed (X-MotCua-* headers) and carries its own Idempotency-Key.\n"
           "Exit status: 0 when every answer was as expected (with --retries, a submission still failing to\n"
           "connect after them is counted as given up, not unexpected), 1 otherwise, 2 for bad options.\n";
}

SimulatorCommandLine ParseSimulatorOptions(const std::vector<std::string>& args, std::uint64_t defaultSeed)
{
    SimulatorOptions options;
    options.seed = defaultSeed;
    const cli::OptionNames names =
        cli::OptionNames::WithHelpAndVersion({"--server", "--rate", "--count", "--seed", "--agency", "--client",
                                              "--secret", "--retries", "--bad-share", "--attachment-bytes"});
    cli::SplitArguments split;
    try {
        split = cli::SplitCommandLine(args, names);
    } catch (const cli::ArgumentError& e) {
        const std::string& field = e.Option().empty() ? e.Argument() : e.Option();
        ThrowBadInput(N_("Unknown option or missing value"), field);
    }
    for (const cli::SplitOption& option : split.options) {
        const std::string& arg = option.name;
        const std::string& value = option.value;
        if (arg == "--help" || arg == "--version") {
            SimulatorCommandLine answer;
            answer.version = arg == "--version";
            return answer;
        }
        if (arg == "--server") {
            options.server = value;
        } else if (arg == "--rate") {
            options.rate = ParseNumber(value, arg);
            if (!(options.rate > 0 && options.rate <= 50)) {
                ThrowBadInput(N_("The rate must be above 0 and at most 50 per second"), arg);
            }
        } else if (arg == "--count") {
            const double count = ParseNumber(value, arg);
            if (count < 0 || count > 1e9 || count != static_cast<double>(static_cast<int>(count))) {
                ThrowBadInput(N_("The count must be a whole number, 0 or more"), arg);
            }
            options.count = static_cast<int>(count);
        } else if (arg == "--seed") {
            const double seed = ParseNumber(value, arg);
            if (seed < 0) {
                ThrowBadInput(N_("The seed must not be negative"), arg);
            }
            options.seed = static_cast<std::uint64_t>(seed);
        } else if (arg == "--agency") {
            options.agency = value;
        } else if (arg == "--attachment-bytes") {
            const double bytes = ParseNumber(value, arg);
            if (bytes < 0 || bytes > 10e6 || bytes != static_cast<double>(static_cast<long>(bytes))) {
                ThrowBadInput(N_("The attachment size must be a whole number of bytes up to 10 000 000"), arg);
            }
            options.attachmentBytes = static_cast<std::size_t>(bytes);
        } else if (arg == "--retries") {
            const double retries = ParseNumber(value, arg);
            if (retries < 0 || retries > 1000 || retries != static_cast<double>(static_cast<int>(retries))) {
                ThrowBadInput(N_("The retries must be a whole number from 0 to 1000"), arg);
            }
            options.retries = static_cast<int>(retries);
        } else if (arg == "--client") {
            options.client = value;
        } else if (arg == "--secret") {
            options.secret = value;
        } else if (arg == "--bad-share") {
            options.badShare = ParseNumber(value, arg);
            if (!(options.badShare >= 0 && options.badShare <= 1)) {
                ThrowBadInput(N_("The bad share must be between 0 and 1"), arg);
            }
        }
    }
    if (options.server.empty()) {
        ThrowBadInput(N_("The server URL is required"), "--server");
    }
    const Poco::URI uri(options.server);
    if (uri.getScheme() != "http" || uri.getHost().empty()) {
        ThrowBadInput(N_("The server URL must look like http://host:port"), "--server");
    }
    SimulatorCommandLine result;
    result.options = options;
    return result;
}

}  // namespace motcua::tools
