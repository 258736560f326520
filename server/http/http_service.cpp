#include "server/http/http_service.h"

#include <algorithm>
#include <chrono>
#include <semaphore>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include "model/error.h"
#include "server/http/busy_responder.h"
#include "server/http/connection_deadlines.h"
#include "server/http/http_error.h"
#include "server/http/log_escape.h"
#include "server/http/multipart_form.h"
#include "server/http/request_log.h"
#include "server/http/tls_context.h"

namespace motcua::server {

namespace {

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

// What the connections and request handlers share with the service while it runs.
struct Shared {
    Shared(const Router& r, const ProblemResponder& p, Metrics& m, const HttpServiceOptions& o)
        : router(r),
          problems(p),
          metrics(m),
          options(o)
    {
        for (const HttpServiceOptions::Limit& limit : o.limits)
            slots.push_back(std::make_unique<std::counting_semaphore<>>(std::max(1, limit.concurrent)));
    }
    const Router& router;
    const ProblemResponder& problems;
    Metrics& metrics;
    const HttpServiceOptions& options;
    ConnectionDeadlines deadlines;
    std::vector<std::unique_ptr<std::counting_semaphore<>>> slots;  // free places under each of options.limits
    Poco::Net::TCPServer* server = nullptr;                         // set before it starts
};

HttpError Busy(std::chrono::seconds retryAfter)
{
    HttpError error(503, ErrorCategory::Environment, N_("The server is busy; please try again shortly"));
    error.headers.emplace_back("Retry-After", std::to_string(retryAfter.count()));
    return error;
}

// The 503 written to a connection refused before its request was read, head and body.
std::string BusyAnswer(const ProblemResponder& problems, std::chrono::seconds retryAfter)
{
    const HttpResponse r = problems.ToResponse(problems.FromError(Busy(retryAfter)));
    std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: " + r.contentType +
                         "\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\nConnection: close\r\n";
    for (const auto& [name, value] : r.headers)
        answer += name + ": " + value + "\r\n";
    return answer + "\r\n" + r.body;
}

// A place among the requests of a limited path prefix for as long as it lives. A request waits a little for one (a
// burst is smoothed, and a waiting request holds no database connection); then 503.
class LimitSlot {
public:
    LimitSlot(Shared& shared, const std::string& path)
    {
        for (std::size_t i = 0; i < shared.options.limits.size(); ++i) {
            const HttpServiceOptions::Limit& limit = shared.options.limits[i];
            if (path.rfind(limit.pathPrefix, 0) != 0)
                continue;
            if (!shared.slots[i]->try_acquire_for(limit.wait)) {
                shared.metrics.CountRejected(limit.name);
                throw Busy(shared.options.retryAfter);
            }
            m_taken = shared.slots[i].get();
            return;
        }
    }
    ~LimitSlot()
    {
        if (m_taken)
            m_taken->release();
    }
    LimitSlot(const LimitSlot&) = delete;
    LimitSlot& operator=(const LimitSlot&) = delete;

private:
    std::counting_semaphore<>* m_taken = nullptr;
};

class InFlight {
public:
    explicit InFlight(Metrics& metrics) : m_metrics(metrics) { m_metrics.RequestStarted(); }
    ~InFlight() { m_metrics.RequestFinished(); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

private:
    Metrics& m_metrics;
};

class RequestHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit RequestHandler(Shared& shared) : m_shared(shared), m_options(shared.options) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
    {
        const auto started = std::chrono::steady_clock::now();
        const InFlight inFlight(m_shared.metrics);
        // Poco's server always hands its own request type, which knows the connection.
        Poco::Net::StreamSocket& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(in).socket();
        HttpRequest request;
        request.method = in.getMethod();
        request.clientAddress = in.clientAddress().host().toString();
        const std::string requestId = RequestIdFrom(in.get("X-Request-Id", ""));
        HttpResponse response;
        bool bodyConsumed = false;
        try {
            if (in.getVersion() != Poco::Net::HTTPMessage::HTTP_1_0 &&
                in.getVersion() != Poco::Net::HTTPMessage::HTTP_1_1) {
                out.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);  // Poco would echo whatever the client wrote
                throw HttpError(400, ErrorCategory::BadInput, N_("The request is not HTTP/1.0 or HTTP/1.1"));
            }
            request.target = in.getURI();
            ParseUri(request.target, request);
            request.authorization = in.get("Authorization", "");
            for (const auto& [name, value] : in)
                request.headers[Lower(name)] = value;
            request.contentType = in.getContentType();
            m_shared.deadlines.Arm(socket, m_options.bodyTimeout);
            ReadBody(in, socket, request, bodyConsumed);
            m_shared.deadlines.Disarm(socket);
            const LimitSlot slot(m_shared, request.path);
            response = m_shared.router.Route(request);
        } catch (...) {
            response = m_shared.problems.ToResponse(m_shared.problems.FromCurrentException());
        }
        m_shared.deadlines.Disarm(socket);  // writing is bounded by the socket's send timeout
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        m_shared.metrics.ObserveRequest(request.route, request.method, response.status, seconds);
        if (response.takeOver) {
            m_shared.deadlines.Forget(socket);
            response.takeOver(static_cast<Poco::Net::HTTPServerRequestImpl&>(in).detachSocket());
            if (m_options.logRequests)
                Log(request, requestId, response.status, started);
            return;
        }
        // The client (or the proxy in front) can quote it when reporting a problem: it is in the log line.
        response.headers.emplace_back("X-Request-Id", requestId);
        // While connections wait for a thread, this one gives its thread up after answering.
        Write(response, out, bodyConsumed && m_shared.server->queuedConnections() == 0);
        m_shared.deadlines.Arm(socket, m_options.keepAliveTimeout + m_options.headTimeout);
        if (m_options.logRequests)
            Log(request, requestId, response.status, started);
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
    void ReadBody(Poco::Net::HTTPServerRequest& in, const Poco::Net::StreamSocket& socket, HttpRequest& request,
                  bool& consumed)
    {
        const bool hasBody = in.hasContentLength() ? in.getContentLength64() > 0 : in.getChunkedTransferEncoding();
        if (!hasBody) {
            consumed = true;
            return;
        }
        // A multipart body (attachments) has its own, larger limit, only where it is taken.
        const bool multipart = m_options.acceptsMultipart && IsMultipartFormData(in.getContentType()) &&
                               m_options.acceptsMultipart(request.path);
        const bool pdf =
            m_options.acceptsPdf && IsPdfMediaType(in.getContentType()) && m_options.acceptsPdf(request.path);
        const std::size_t limitBytes = multipart || pdf ? m_options.maxMultipartBodyBytes : m_options.maxBodyBytes;
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
        if (stream.bad() || (in.hasContentLength() && got < in.getContentLength64()))
            throw CutShort(stream.bad() || m_shared.deadlines.Expired(socket));
        consumed = true;
        body.resize(static_cast<std::size_t>(got));
        request.body = std::move(body);
        if (!multipart && !pdf && !IsJsonMediaType(in.getContentType()))
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

    // The body stopped before its end: `late` when its deadline passed or the client fell silent (408), else the
    // client closed its side early.
    HttpError CutShort(bool late) const
    {
        if (late)
            return HttpError(408, ErrorCategory::BadInput, N_("The request took too long to arrive"), {},
                             "within " + std::to_string(m_options.bodyTimeout.count()) + " s");
        return HttpError(400, ErrorCategory::BadInput, N_("The request body ended before its declared length"));
    }

    static HttpError TooLarge(std::size_t limit)
    {
        return HttpError(413, ErrorCategory::BadInput, N_("The request body is too large"), {},
                         "at most " + std::to_string(limit) + " bytes");
    }

    static void Write(const HttpResponse& response, Poco::Net::HTTPServerResponse& out, bool keepAlive)
    {
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        for (const auto& [name, value] : response.headers)
            out.set(name, value);
        if (!keepAlive)
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

    static void Log(const HttpRequest& request, const std::string& requestId, int status,
                    std::chrono::steady_clock::time_point started)
    {
        LogRequest(RequestLogEntry{
            requestId, request.clientAddress, request.method, request.route, request.path, status,
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)});
    }

    Shared& m_shared;
    const HttpServiceOptions& m_options;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(Shared& shared) : m_shared(shared) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new RequestHandler(m_shared);
    }
    // Every connection shuts its socket, which ends a wait for the next request or a blocked read.
    void AbortAll()
    {
        const bool abort = true;
        serverStopped(this, abort);
    }

private:
    Shared& m_shared;
};

// Poco's HTTP connection, with the deadline for its first request head and its tracking for as long as it runs.
class GuardedConnection final : public Poco::Net::HTTPServerConnection {
public:
    GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, ConnectionDeadlines& deadlines,
                      std::chrono::seconds headTimeout)
        : HTTPServerConnection(socket, std::move(params), std::move(handlers)),
          m_deadlines(deadlines),
          m_headTimeout(headTimeout)
    {}
    void run() override
    {
        struct Tracked {
            ConnectionDeadlines& deadlines;
            Poco::Net::StreamSocket& socket;
            ~Tracked() { deadlines.Forget(socket); }
        } tracked{m_deadlines, socket()};
        m_deadlines.Arm(socket(), m_headTimeout);
        // A Content-Length Poco cannot read (abc, beyond 64 bits) throws past its own 400 for bad heads, after its
        // session has closed the socket: such a client sees the connection closed, as for any garbage.
        HTTPServerConnection::run();
    }

private:
    ConnectionDeadlines& m_deadlines;
    std::chrono::seconds m_headTimeout;
};

class ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
public:
    ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                      Shared& shared)
        : m_params(std::move(params)),
          m_handlers(std::move(handlers)),
          m_shared(shared)
    {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new GuardedConnection(socket, m_params, m_handlers, m_shared.deadlines, m_shared.options.headTimeout);
    }

private:
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_handlers;
    Shared& m_shared;
};

// Runs on the accepting thread, the only one that queues connections, so the queue cannot grow between this check
// and Poco's own (whose limit is one higher): a connection Poco would drop without a word gets a 503 here instead.
class RoomFilter final : public Poco::Net::TCPServerConnectionFilter {
public:
    RoomFilter(Shared& shared, BusyResponder& busy) : m_shared(shared), m_busy(busy) {}
    bool accept(const Poco::Net::StreamSocket& socket) override
    {
        if (m_shared.server->queuedConnections() < m_shared.options.queued)
            return true;
        m_shared.metrics.CountRejected("connections");
        m_busy.Answer(socket);
        return false;
    }

private:
    Shared& m_shared;
    BusyResponder& m_busy;
};

}  // namespace

struct HttpService::Running {
    Running(const Router& router, const ProblemResponder& problems, Metrics& metrics, const HttpServiceOptions& options)
        : shared(router, problems, metrics, options),
          busy([&problems, retryAfter = options.retryAfter] { return BusyAnswer(problems, retryAfter); }),
          pool(1, options.connections),
          handlers(new HandlerFactory(shared))
    {}
    Shared shared;
    BusyResponder busy;
    Poco::ThreadPool pool;
    Poco::SharedPtr<HandlerFactory> handlers;
    std::unique_ptr<Poco::Net::TCPServer> server;
};

HttpService::HttpService(const Router& router, const ProblemResponder& problems, Metrics& metrics,
                         HttpServiceOptions options)
    : m_router(router),
      m_problems(problems),
      m_metrics(metrics),
      m_options(std::move(options))
{
    m_options.connections = std::max(1, m_options.connections);
    m_options.queued = std::max(1, m_options.queued);
    m_metrics.RegisterGauge("motcua_http_connections", "Open HTTP connections, each holding a thread.",
                            [this] { return OpenConnections(); });
    m_metrics.RegisterGauge("motcua_http_connections_queued", "Accepted connections waiting for a thread.",
                            [this] { return QueuedConnections(); });
}

HttpService::~HttpService()
{
    try {
        Stop();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; Stop only fails on a broken socket
    }
}

void HttpService::Start(std::uint16_t port, const std::string& host)
{
    if (m_running)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "HttpService started twice");
    // Read first: a bad certificate or key stops the start before the port is taken.
    Poco::Net::ServerSocket socket;
    if (Secure())
        socket =
            Poco::Net::SecureServerSocket(MakeServerTlsContext(m_options.tlsCertificateFile, m_options.tlsKeyFile));
    try {
        // SO_REUSEADDR lets a restart bind while old connections linger in TIME_WAIT; SO_REUSEPORT stays off, so
        // a second server on a port already in use fails here instead of sharing it (Poco's bind(address, true)
        // would set both).
        socket.bind(Poco::Net::SocketAddress(host, port), true, false);
        socket.listen(1024);  // reconnect storms of the event streams
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::Environment, N_("Cannot listen on the given address"), "--listen",
                    host + ":" + std::to_string(port) + ": " + e.displayText());
    }
    m_port = socket.address().port();
    auto running = std::make_unique<Running>(m_router, m_problems, m_metrics, m_options);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_options.connections);
    params->setMaxQueued(m_options.queued + 1);  // RoomFilter refuses first, with an answer
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(m_options.keepAliveTimeout.count(), 0));
    params->setTimeout(Poco::Timespan(m_options.headTimeout.count(), 0));  // each receive and send
    running->server = std::make_unique<Poco::Net::TCPServer>(
        new ConnectionFactory(params, running->handlers, running->shared), running->pool, socket, params);
    running->shared.server = running->server.get();
    running->server->setConnectionFilter(new RoomFilter(running->shared, running->busy));
    running->server->start();
    m_running = std::move(running);
}

std::uint16_t HttpService::Port() const
{
    return m_port;
}

int HttpService::OpenConnections() const
{
    return m_running ? m_running->server->currentConnections() : 0;
}

int HttpService::QueuedConnections() const
{
    return m_running ? m_running->server->queuedConnections() : 0;
}

void HttpService::Stop()
{
    if (!m_running)
        return;
    m_running->server->stop();
    m_running->handlers->AbortAll();
    m_running->pool.joinAll();
    m_running.reset();
}

}  // namespace motcua::server
