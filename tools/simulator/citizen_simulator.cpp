#include "tools/simulator/citizen_simulator.h"

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/UUIDGenerator.h>

#include "demo/citizen_request.h"
#include "demo/demo_province.h"
#include "model/clock.h"
#include "model/error.h"
#include "server/usecases/request_signature.h"

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

std::string ClockNow()
{
    // "2026-11-27T09:30:00+07:00" → "09:30:00"
    return FormatIso8601(SystemClock().Now()).substr(11, 8);
}

Date Today()
{
    return LocalDate(SystemClock().Now());
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

std::optional<SimulatorOptions> ParseSimulatorOptions(int argc, char** argv, std::uint64_t defaultSeed)
{
    SimulatorOptions options;
    options.seed = defaultSeed;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            return std::nullopt;
        }
        if (i + 1 >= argc) {
            ThrowBadInput(N_("Unknown option or missing value"), arg);
        }
        const std::string value = argv[++i];
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
        } else {
            ThrowBadInput(N_("Unknown option or missing value"), arg);
        }
    }
    if (options.server.empty()) {
        ThrowBadInput(N_("The server URL is required"), "--server");
    }
    const Poco::URI uri(options.server);
    if (uri.getScheme() != "http" || uri.getHost().empty()) {
        ThrowBadInput(N_("The server URL must look like http://host:port"), "--server");
    }
    return options;
}

CitizenSimulator::CitizenSimulator(SimulatorOptions options, std::ostream& out)
    : m_options(std::move(options)),
      m_out(out)
{}

CitizenSimulator::Answer CitizenSimulator::Send(const Poco::URI& base, const std::string& path, const std::string& body,
                                                const std::string& contentType, const std::string& key) const
{
    Answer answer;
    try {
        Poco::Net::HTTPClientSession session(base.getHost(), base.getPort());
        session.setTimeout(Poco::Timespan(10, 0));
        Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
        post.setContentType(contentType);
        post.setContentLength(static_cast<std::streamsize>(body.size()));
        // A service call (no citizen header): the app files on the applicant's behalf. Each attempt is signed
        // anew (a signature is accepted once).
        const std::string timestamp = std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(SystemClock().Now().time_since_epoch()).count());
        for (const auto& [name, value] :
             server::SignatureHeaderValues(m_options.client, m_options.secret, {"POST", path, timestamp, "", body}))
            post.set(name, value);
        post.set("Idempotency-Key", key);
        session.sendRequest(post) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        std::string text;
        Poco::StreamCopier::copyToString(in, text);
        answer.status = static_cast<int>(response.getStatus());
        answer.reason = response.getReason();
        try {
            answer.json = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
        } catch (const Poco::Exception&) {
            answer.json = nullptr;
        }
    } catch (const Poco::Exception& e) {
        answer.error = e.displayText();
    }
    return answer;
}

CitizenSimulator::Body CitizenSimulator::WithAttachment(const std::string& json, bool malformed) const
{
    if (m_options.attachmentBytes == 0 || malformed)
        return {json, "application/json; charset=utf-8"};
    // The first document names a scanned PDF, sent as its own part (the contract's multipart form).
    Poco::JSON::Object::Ptr dossier = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Array::Ptr documents = dossier->getArray("documents");
    if (documents && documents->size() > 0 && documents->getObject(0))
        documents->getObject(0)->set("attachment", "ban-scan.pdf");
    std::ostringstream text;
    dossier->stringify(text);

    // A PDF a reader accepts, padded with comment lines to the size asked for.
    std::string pdf =
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n";
    while (pdf.size() + 80 < m_options.attachmentBytes)
        pdf += "% scanned page data " + std::string(58, static_cast<char>('a' + pdf.size() % 26)) + "\n";
    pdf += "trailer <</Root 1 0 R>>\n%%EOF\n";

    Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    form.addPart("dossier", new Poco::Net::StringPartSource(text.str(), "application/json"));
    form.addPart("file0", new Poco::Net::StringPartSource(pdf, "application/pdf", "ban-scan.pdf"));
    const std::string boundary = "MotCuaSimulator-" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    std::ostringstream out;
    form.write(out, boundary);
    return {out.str(), "multipart/form-data; boundary=" + boundary};
}

SimulatorTally CitizenSimulator::Run(const std::atomic<bool>& stop)
{
    const demo::DemoProvince catalogue = demo::GenerateCatalogue(1);
    demo::CitizenRequestFactory factory(catalogue, m_options.seed, m_options.agency);
    const Poco::URI base(m_options.server);
    std::string path = base.getPath();
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    path += "/citizen/v1/dossiers";
    const auto interval = std::chrono::duration<double>(1.0 / m_options.rate);

    SimulatorTally tally;
    auto next = std::chrono::steady_clock::now();
    while (!stop && (m_options.count == 0 || tally.sent < m_options.count)) {
        const demo::CitizenRequest request = factory.Next(m_options.badShare, Today());
        ++tally.sent;
        const bool flawed = request.flaw != demo::RequestFlaw::None;
        // One key per submission, kept over its retries: a retry after a lost answer must not file it twice.
        const std::string key = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        const Body body = WithAttachment(request.body, request.flaw == demo::RequestFlaw::MalformedJson);
        std::ostringstream line;
        line << ClockNow() << ' ';
        Answer answer;
        for (int attempt = 0;; ++attempt) {
            answer = Send(base, path, body.text, body.contentType, key);
            const bool retryable = !answer.error.empty() || answer.status == 503;
            if (!retryable || attempt >= m_options.retries || stop)
                break;
            ++tally.retries;
            // Back-off: 100 ms, 200 ms, … up to 1 s, while the server restarts.
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1000, 100 * (attempt + 1))));
        }
        if (!answer.error.empty()) {
            if (m_options.retries > 0) {
                ++tally.gaveUp;
                line << "ERR gave up after " << m_options.retries << " retries: " << answer.error << " key=" << key;
            } else {
                ++tally.unexpected;
                line << "ERR " << answer.error;
            }
        } else {
            const int status = answer.status;
            const Poco::JSON::Object::Ptr& json = answer.json;
            line << status << ' ';
            if (status == 201 && json) {
                line << json->optValue<std::string>("code", "?") << "  " << request.procedureName << " — "
                     << request.applicantName << "  key=" << key;
            } else if (json) {
                line << json->optValue<std::string>("title", answer.reason);
                const auto field = json->optValue<std::string>("field", "");
                if (!field.empty()) {
                    line << " [" << field << ']';
                }
            } else {
                line << answer.reason;
            }
            if (flawed) {
                line << "  (sent on purpose: " << demo::ToString(request.flaw) << ')';
            }
            // A refused flawed request must also name the field that was spoiled (malformed JSON names none).
            const bool rightField = json && json->optValue<std::string>("field", "") == request.field;
            if (status == 201 && !flawed) {
                ++tally.created;
            } else if (flawed && status >= 400 && status < 500 && rightField) {
                ++tally.refusedAsExpected;
            } else if (flawed && status >= 400 && status < 500) {
                ++tally.unexpected;
                line << "  UNEXPECTED: the field should be " << (request.field.empty() ? "empty" : request.field);
            } else {
                ++tally.unexpected;
                line << "  UNEXPECTED";
            }
        }
        m_out << line.str() << std::endl;

        next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
        while (!stop && std::chrono::steady_clock::now() < next &&
               (m_options.count == 0 || tally.sent < m_options.count)) {
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                std::chrono::milliseconds(100), next - std::chrono::steady_clock::now()));
        }
    }
    return tally;
}

}  // namespace motcua::tools
