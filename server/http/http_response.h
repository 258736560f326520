// One HTTP response as a handler returns it; HttpService writes it out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace motcua::server {

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;  // bytes; JSON bodies are UTF-8
    std::vector<std::pair<std::string, std::string>> headers;

    static HttpResponse Json(int status, std::string json);
    static HttpResponse NoContent();
    static HttpResponse Binary(std::string mediaType, const std::vector<std::uint8_t>& bytes);
};

}  // namespace motcua::server
