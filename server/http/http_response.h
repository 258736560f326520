// One HTTP response as a handler returns it; HttpService writes it out.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Net {
class StreamSocket;
}

namespace motcua::server {

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;  // bytes; JSON bodies are UTF-8
    std::vector<std::pair<std::string, std::string>> headers;
    // A long-lived stream (server-sent events): when set, the service writes nothing, detaches the connection's
    // socket from Poco's server (its worker thread is free at once) and hands it over; the taker writes the whole
    // response, head included, and closes the socket.
    std::function<void(const Poco::Net::StreamSocket& socket)> takeOver;

    static HttpResponse Json(int status, std::string json);
    static HttpResponse NoContent();
    static HttpResponse Binary(std::string mediaType, const std::vector<std::uint8_t>& bytes);
};

}  // namespace motcua::server
