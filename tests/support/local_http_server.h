// An HTTP server on a free port of 127.0.0.1 for tests that play the other side of a call: every request goes to one
// function (the outbox tests' callback receiver).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

namespace motcua::test {

class LocalHttpServer {
public:
    // Called on the server's threads, up to `maxThreads` at once.
    using Handle = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

    explicit LocalHttpServer(Handle handle, int maxThreads = 8);
    ~LocalHttpServer();  // waits for the requests being handled
    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;

    std::uint16_t Port() const;
    std::string Url() const;  // "http://127.0.0.1:<port>", no final slash

private:
    Poco::Net::ServerSocket m_socket;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

}  // namespace motcua::test
