#include "server/http/http_response.h"

namespace motcua::server {

HttpResponse HttpResponse::Json(int status, std::string json)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = std::move(json);
    return r;
}

HttpResponse HttpResponse::NoContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

HttpResponse HttpResponse::Binary(std::string mediaType, const std::vector<std::uint8_t>& bytes)
{
    HttpResponse r;
    r.status = 200;
    r.contentType = std::move(mediaType);
    r.body.assign(bytes.begin(), bytes.end());
    return r;
}

}  // namespace motcua::server
