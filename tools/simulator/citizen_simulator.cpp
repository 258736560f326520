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
