// Everything motcua-server can be told at start: where to listen, the public URL, threads, limits, costs, locale.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/dossier_code.h"
#include "server/usecases/password_hasher.h"
#include "server/usecases/secret_box.h"

namespace motcua::server {

struct ServerConfig {
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 8080;  // 0: any free port (tests)
    std::string publicUrl;            // base of lookup links printed on forms; empty: http(s)://<listen>
    // --tls-cert and --tls-key (PEM: the certificate chain, the unencrypted key): both set, the server speaks only
    // HTTPS (TLS 1.2 and later); both empty, plain HTTP (behind a TLS-terminating proxy, or on loopback).
    std::string tlsCertificateFile;
    std::string tlsKeyFile;
    int threads = 8;             // database connections: requests that can run at once
    std::string localeDir;       // --locale-dir; empty: search next to the executable, then the build tree
    std::string calendarFile;    // --calendar; empty: search next to the executable, then the build tree
    std::string templateFolder;  // --templates: the province's result templates; empty: the shipped ones
    // --timestamp-url: the RFC 3161 service (http://) that timestamps the server's signatures (PAdES B-T); empty:
    // they are B-B. A service that fails stops the issuing of the document being signed (503).
    std::string timestampUrl;
    std::string executablePath;  // for the locale and calendar searches; empty: not searched there
    std::chrono::seconds sessionLifetime{8 * 3600};
    std::chrono::seconds sessionIdleTimeout{30 * 60};  // a session unused this long is refused (--session-idle-minutes)
    ScryptCost kdfCost;  // for hashing new passwords; checks use the cost stored in each hash
    std::size_t maxBodyBytes = std::size_t{1024} * 1024;  // a JSON body
    // Attachments of a submission (multipart/form-data): each file, and all of one submission together; the body
    // of such a request may be maxDossierBytes + maxBodyBytes (the JSON part and the parts' headers).
    std::size_t maxAttachmentBytes = std::size_t{10} * 1024 * 1024;
    std::size_t maxDossierBytes = std::size_t{30} * 1024 * 1024;
    std::string dossierCodePattern = DossierCodeFormat::kDefaultPattern;
    int inboxDefaultLimit = 50;
    int inboxMaxLimit = 200;
    int publicLookupsPerMinute = 30;  // per client address, on the public lookup by code; 0: no limit
    bool logRequests = true;
    // Holding up against slow clients and floods. Each open connection holds a thread, idle ones too: many more
    // connections than database connections, each with deadlines, and a bounded queue beyond which connections are
    // answered 503 with Retry-After.
    int connectionThreads = 64;
    int connectionQueue = 2048;                  // a reconnect storm of the desks' event streams must not be refused
    std::chrono::seconds headTimeout{10};        // for the whole request line and headers
    std::chrono::seconds bodyTimeout{30};        // for the whole body
    std::chrono::seconds keepAliveTimeout{5};    // idle between two requests on one connection
    std::chrono::seconds overloadRetryAfter{1};  // the Retry-After of a 503 for want of room
    // Citizen API requests handled at once, so the citizen app's peaks leave the desk its database connections; one
    // more waits up to citizenWait for a place, then gets 503 with Retry-After. 0: three quarters of `threads` (at
    // least one).
    int citizenConcurrency = 0;
    std::chrono::milliseconds citizenWait{3000};
    // The key that seals the citizen-app clients' secrets in the database (64 hex digits): from clientKeyHex
    // (MOTCUA_CLIENT_KEY, tests) or else the file clientKeyFile names; without either, signed calls answer 503.
    std::string clientKeyHex;
    std::string clientKeyFile;
    // The box over the key clientKeyHex or else clientKeyFile gives; an unusable box when neither is set.
    SecretBox ClientKey() const;
    std::chrono::seconds requestSkew{300};  // how far a signed request's timestamp may be from the server's clock
    // How often seen signatures and old idempotent answers are forgotten; 0 turns the job off (tests).
    std::chrono::seconds housekeepingInterval{300};
    std::chrono::hours idempotencyLifetime{48};  // how long a write's first answer is replayed to its retries
    // How often the server looks for dossiers to close for want of a supplement; 0 turns the job off (tests).
    std::chrono::seconds closingInterval{600};
    // How often the outbox's due events are posted to the clients' callbacks; 0 turns the dispatcher off (tests).
    std::chrono::seconds outboxInterval{1};
    int outboxBatchSize = 32;                        // events locked and posted per transaction
    std::chrono::hours outboxKeepDelivered{7 * 24};  // how long housekeeping keeps delivered events (for inquiries)
    std::chrono::milliseconds eventHeartbeat{15000};
    // How often new audit rows are chained; 0 turns the job off (tests that chain by hand).
    std::chrono::seconds auditSealInterval{1};  // the `: hb` comment on every staff event stream

    // citizenConcurrency, or its default when 0.
    int EffectiveCitizenConcurrency() const;
    // publicUrl without a trailing slash, or the listen address when none was given.
    std::string EffectivePublicUrl() const;
    // "host:port" or ":port" or "port"; throws Error(BadInput, "--listen").
    void SetListen(const std::string& text);
};

}  // namespace motcua::server
