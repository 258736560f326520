#include "server/http/http_service.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>
#include <sstream>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include "model/error.h"
#include "server/http/http_error.h"
#include "server/http/multipart_form.h"

namespace motcua::server {

namespace {

std::mutex g_logMutex;

std::string Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "application/json" with optional parameters (a charset other than UTF-8 is refused: we only read UTF-8).
bool IsJsonMediaType(const std::string& contentType)
{
    const std::string value = Lower(contentType);
    const std::size_t semicolon = value.find(';');
    std::string type = value.substr(0, semicolon);
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    if (type != "application/json")
        return false;
    const std::size_t charset = value.find("charset=");
    if (charset == std::string::npos)
        return true;
    std::string name = value.substr(charset + 8);
    name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
    name = name.substr(0, name.find(';'));
    name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
    return name == "utf-8" || name == "utf8";
}

class RequestHandler final : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(const Router& router, const ProblemResponder& problems, const HttpServiceOptions& options)
        : m_router(router),
          m_problems(problems),
          m_options(options)
    {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
    {
        const auto started = std::chrono::steady_clock::now();
        HttpRequest request;
        request.method = in.getMethod();
        HttpResponse response;
        bool bodyConsumed = false;
        try {
            request.target = in.getURI();
            ParseUri(request.target, request);
            request.authorization = in.get("Authorization", "");
            for (const auto& [name, value] : in)
                request.headers[Lower(name)] = value;
            request.contentType = in.getContentType();
            request.clientAddress = in.clientAddress().host().toString();
            ReadBody(in, request, bodyConsumed);
            response = m_router.Route(request);
        } catch (...) {
            response = m_problems.ToResponse(m_problems.FromCurrentException());
        }
        Write(response, out, bodyConsumed);
        if (m_options.logRequests)
            Log(request, response.status, started);
    }

private:
    static void ParseUri(const std::string& text, HttpRequest& request)
    {
        try {
            Poco::URI uri(text);
            request.path = uri.getPath();
            for (const auto& [name, value] : uri.getQueryParameters())
                request.query[name] = value;
        } catch (const Poco::Exception& e) {
            throw HttpError(400, ErrorCategory::BadInput, N_("The request address is not valid"), {}, e.message());
        }
    }

    // `consumed` stays false when the body was left (partly) unread: then the connection cannot be reused.
    void ReadBody(Poco::Net::HTTPServerRequest& in, HttpRequest& request, bool& consumed)
    {
        const bool hasBody = in.hasContentLength() ? in.getContentLength64() > 0 : in.getChunkedTransferEncoding();
        if (!hasBody) {
            consumed = true;
            return;
        }
        // A multipart body (attachments) has its own, larger limit, only where it is taken.
        const bool multipart = m_options.acceptsMultipart && IsMultipartFormData(in.getContentType()) &&
                               m_options.acceptsMultipart(request.path);
        const std::size_t limitBytes = multipart ? m_options.maxMultipartBodyBytes : m_options.maxBodyBytes;
        const auto limit = static_cast<std::streamsize>(limitBytes);
        std::istream& stream = in.stream();
        if (in.hasContentLength() && in.getContentLength64() > limit) {
            consumed = Drain(stream);
            throw TooLarge(limitBytes);
        }
        std::string body;
        // One byte more than allowed tells a body longer than it said; no need to zero the whole limit each time.
        const std::streamsize room = (in.hasContentLength() ? in.getContentLength64() : limit) + 1;
        body.resize(static_cast<std::size_t>(room));
        stream.read(body.data(), room);
        const std::streamsize got = stream.gcount();
        if (got > limit) {
            consumed = Drain(stream);
            throw TooLarge(limitBytes);
        }
        consumed = true;
        body.resize(static_cast<std::size_t>(got));
        request.body = std::move(body);
        if (!multipart && !IsJsonMediaType(in.getContentType()))
            throw HttpError(415, ErrorCategory::BadInput, N_("The request body must be JSON (application/json)"), {},
                            in.getContentType());
    }

    // Reads and discards what is left of a refused body, up to a bound. Closing a socket with unread input makes
    // the kernel reset the connection, and the client would then lose our 413 answer; a hostile sender of a huge
    // body is cut off instead. Returns true when the body was read to its end.
    bool Drain(std::istream& stream) const
    {
        const std::streamsize bound = static_cast<std::streamsize>(m_options.maxBodyBytes) * 8;
        char buffer[16384];
        std::streamsize total = 0;
        for (;;) {
            stream.read(buffer, sizeof buffer);
            total += stream.gcount();
            if (!stream)
                return stream.eof();
            if (total >= bound)
                return false;
        }
    }

    static HttpError TooLarge(std::size_t limit)
    {
        return HttpError(413, ErrorCategory::BadInput, N_("The request body is too large"), {},
                         "at most " + std::to_string(limit) + " bytes");
    }

    static void Write(const HttpResponse& response, Poco::Net::HTTPServerResponse& out, bool bodyConsumed)
    {
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        for (const auto& [name, value] : response.headers)
            out.set(name, value);
        if (!bodyConsumed)
            out.setKeepAlive(false);
        if (response.status == 204) {
            out.send();
            return;
        }
        if (!response.contentType.empty())
            out.setContentType(response.contentType);
        out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
        out.send().write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    }

    static void Log(const HttpRequest& request, int status, std::chrono::steady_clock::time_point started)
    {
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
        std::ostringstream line;
        line << request.method << ' ' << (request.path.empty() ? "-" : request.path) << ' ' << status << ' '
             << micros / 1000 << '.' << (micros % 1000) / 100 << " ms\n";
        std::lock_guard lock(g_logMutex);
        std::cerr << line.str() << std::flush;
    }

    const Router& m_router;
    const ProblemResponder& m_problems;
    const HttpServiceOptions& m_options;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    HandlerFactory(const Router& router, const ProblemResponder& problems, const HttpServiceOptions& options)
        : m_router(router),
          m_problems(problems),
          m_options(options)
    {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new RequestHandler(m_router, m_problems, m_options);
    }

private:
    const Router& m_router;
    const ProblemResponder& m_problems;
    const HttpServiceOptions& m_options;
};

}  // namespace

HttpService::HttpService(const Router& router, const ProblemResponder& problems, HttpServiceOptions options)
    : m_router(router),
      m_problems(problems),
      m_options(std::move(options))
{
    m_options.threads = std::max(1, m_options.threads);
}

HttpService::~HttpService()
{
    Stop();
}

void HttpService::Start(std::uint16_t port, const std::string& host)
{
    if (m_server)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "HttpService started twice");
    Poco::Net::ServerSocket socket;
    try {
        socket.bind(Poco::Net::SocketAddress(host, port), true);
        socket.listen(64);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::Environment, N_("Cannot listen on the given address"), "--listen",
                    host + ":" + std::to_string(port) + ": " + e.displayText());
    }
    m_port = socket.address().port();
    m_pool = std::make_unique<Poco::ThreadPool>(1, m_options.threads);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_options.threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(m_router, m_problems, m_options), *m_pool,
                                                       socket, params);
    m_server->start();
}

std::uint16_t HttpService::Port() const
{
    return m_port;
}

void HttpService::Stop()
{
    if (!m_server)
        return;
    m_server->stopAll(true);
    m_pool->joinAll();
    m_server.reset();
    m_pool.reset();
}

}  // namespace motcua::server
