#include "server/usecases/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace motcua::server {

RateLimiter::RateLimiter(int perMinute, std::size_t maxClients)
    : m_capacity(perMinute),
      m_perSecond(perMinute / 60.0),
      m_maxClients(std::max<std::size_t>(maxClients, 1))
{}

double RateLimiter::Refilled(const Bucket& bucket, Instant now) const
{
    // A clock moved back refills nothing rather than taking tokens away.
    const double elapsed = std::max(0.0, static_cast<double>((now - bucket.at).count()));
    return std::min(m_capacity, bucket.tokens + elapsed * m_perSecond);
}

void RateLimiter::MakeRoom(Instant now)
{
    std::erase_if(m_buckets, [&](const auto& entry) { return Refilled(entry.second, now) >= m_capacity; });
    if (m_buckets.size() < m_maxClients)
        return;
    const auto idlest = std::min_element(m_buckets.begin(), m_buckets.end(),
                                         [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
    m_buckets.erase(idlest);
}

std::chrono::seconds RateLimiter::Take(const std::string& client, Instant now)
{
    if (m_capacity <= 0)
        return std::chrono::seconds{0};
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(client);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxClients)
            MakeRoom(now);
        it = m_buckets.emplace(client, Bucket{m_capacity, now}).first;
    }
    Bucket& bucket = it->second;
    bucket.tokens = Refilled(bucket, now);
    bucket.at = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::chrono::seconds{0};
    }
    return std::chrono::seconds{static_cast<long long>(std::ceil((1 - bucket.tokens) / m_perSecond))};
}

std::size_t RateLimiter::Clients() const
{
    const std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace motcua::server
