#include "tests/support/local_http_server.h"

#include <utility>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>

namespace motcua::test {

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(const LocalHttpServer::Handle& handle) : m_handle(handle) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        m_handle(request, response);
    }

private:
    const LocalHttpServer::Handle& m_handle;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(LocalHttpServer::Handle handle) : m_handle(std::move(handle)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Handler(m_handle);
    }

private:
    LocalHttpServer::Handle m_handle;
};

}  // namespace

LocalHttpServer::LocalHttpServer(Handle handle, int maxThreads) : m_socket(Poco::Net::SocketAddress("127.0.0.1", 0))
{
    auto params = Poco::Net::HTTPServerParams::Ptr(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(maxThreads);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(handle)), m_socket, params);
    m_server->start();
}

LocalHttpServer::~LocalHttpServer()
{
    m_server->stopAll(true);
}

std::uint16_t LocalHttpServer::Port() const
{
    return m_socket.address().port();
}

std::string LocalHttpServer::Url() const
{
    return "http://127.0.0.1:" + std::to_string(Port());
}

}  // namespace motcua::test
