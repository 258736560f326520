// A token bucket per client address: how the public lookup keeps one address from reading codes in bulk.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/time.h"

namespace motcua::server {

class RateLimiter {
public:
    // `perMinute` requests at once, then one more every 60/perMinute seconds; 0 or less lets everything through.
    // At most `maxClients` buckets are kept: a full bucket is forgotten first (it is as good as a new one), then the
    // one idle longest.
    explicit RateLimiter(int perMinute, std::size_t maxClients = 10000);

    // Takes one request of `client`'s allowance at `now`: zero when it may go ahead, otherwise the whole seconds until
    // it may (for Retry-After; nothing is taken). Safe from many threads.
    std::chrono::seconds Take(const std::string& client, Instant now);
    std::size_t Clients() const;  // how many buckets are held now

private:
    struct Bucket {
        double tokens = 0;
        Instant at{};  // when `tokens` was counted
    };
    double Refilled(const Bucket& bucket, Instant now) const;
    void MakeRoom(Instant now);

    double m_capacity;
    double m_perSecond;
    std::size_t m_maxClients;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace motcua::server
