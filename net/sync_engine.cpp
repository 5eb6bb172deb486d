#include "net/sync_engine.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>

#include "api/field_rules.h"
#include "api/secret.h"
#include "net/api_client.h"
#include "net/log.h"
#include "net/replies.h"

namespace ih::net {
namespace {

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Replies after which the entry is kept and tried again later.
bool is_transient(long status) {
  return status == 408 || status == 425 || status == 429 || status >= 500;
}

// At most `max` bytes of `s`, cut before a UTF-8 continuation byte.
std::string clipped(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

Refusal refusal_of(const HttpResponse& response) {
  Refusal r;
  r.status = static_cast<int>(response.status);
  if (auto problem = parse_problem(response.body)) {
    r.problem_type = clipped(std::move(problem->type), 100);
    r.problem_title = clipped(std::move(problem->title), 200);
    r.fields = std::move(problem->fields);
  }
  return r;
}

}  // namespace

SyncEngine::SyncEngine(Outbox& outbox, HttpConfig config, TerminalIdentity identity,
                       SyncOptions options)
    : outbox_(outbox),
      config_(std::move(config)),
      identity_(std::move(identity)),
      options_(std::move(options)),
      heartbeat_interval_ms_(options_.heartbeat_interval_ms) {
  outbox_.prune_dead_letters(unix_now());
  status_.waiting = outbox_.depth();
  status_.dead_letters = outbox_.dead_letter_summary();
}

SyncEngine::~SyncEngine() {
  stop();
}

void SyncEngine::start() {
  std::lock_guard lock(mutex_);
  if (running_) return;
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void SyncEngine::stop() {
  {
    std::lock_guard lock(mutex_);
    running_ = false;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncEngine::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

SyncStatus SyncEngine::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void SyncEngine::set_status(SyncState state, const std::string& error) {
  const int64_t waiting = outbox_.depth();
  std::lock_guard lock(mutex_);
  status_.state = state;
  status_.waiting = waiting;
  status_.last_error = error;
}

namespace {

// What of a status a person or staff sees: a change of anything else (the
// error text, the retry countdown) draws no frame.
bool same_for_people(const SyncStatus& a, const SyncStatus& b) {
  return a.state == b.state && a.waiting == b.waiting && a.delivered == b.delivered &&
         a.rejected == b.rejected && a.last_contact == b.last_contact &&
         a.dead_letters.total == b.dead_letters.total &&
         a.dead_letters.untold == b.dead_letters.untold;
}

}  // namespace

void SyncEngine::tell_if_changed() {
  {
    std::lock_guard lock(mutex_);
    if (same_for_people(status_, told_)) return;
    told_ = status_;
  }
  if (options_.on_change) options_.on_change();
}

int64_t SyncEngine::next_backoff_ms() {
  // Exponential from first_backoff_ms, capped; "equal jitter" (half fixed,
  // half random) so that terminals that lost the network together do not
  // come back in step.
  const int shift = std::min(failures_, 20);
  const int64_t ceiling = std::min(options_.max_backoff_ms, options_.first_backoff_ms << shift);
  ++failures_;
  const int64_t half = std::max<int64_t>(ceiling / 2, 1);
  return half + static_cast<int64_t>(randombytes_uniform(
                    static_cast<uint32_t>(std::min<int64_t>(half, UINT32_MAX))));
}

bool SyncEngine::deliver_round(HttpClient& client) {
  const auto heads = outbox_.heads(options_.lanes_per_round);
  for (const OutboxEntry& entry : heads) {
    {
      std::lock_guard lock(mutex_);
      if (!running_) return true;
      status_.state = SyncState::Sending;
    }
    tell_if_changed();
    const std::string body = nlohmann::json{{"sealed", api::to_base64(entry.sealed)}}.dump();
    const HttpResponse response = client.send(
        make_request("POST", "/v1/envelopes", {identity_.credential(), {}}, body, entry.key));
    if (response.transport != Transport::Ok) {
      set_status(SyncState::Offline, transport_name(response.transport));
      return false;
    }
    const bool opened = response.header("envelope-opened") == "true";
    if (is_transient(response.status) || !opened) {
      const auto wait_s = parse_retry_after(response.retry_after, unix_now());
      {
        std::lock_guard lock(mutex_);
        retry_after_ms_ = wait_s ? *wait_s * 1000 : 0;
      }
      const auto problem = parse_problem(response.body);
      set_status(SyncState::Offline, "server answered " + std::to_string(response.status) +
                                         (problem ? " " + problem->type : std::string()));
      return false;
    }
    // A final answer: accepted, or refused for good (keeping it in the
    // queue would block the person's later changes forever, so it becomes a
    // dead letter). A refused logout (a session the server never had, when
    // the profile was refused) holds nothing of the person's to keep: it is
    // dropped, and counts as neither.
    const bool accepted = response.status < 300;
    const bool dropped = !accepted && entry.kind == EntryKind::Logout;
    if (dropped)
      log(LogLevel::Info,
          "dropped a logout the server refused with " + std::to_string(response.status));
    const Refusal refusal = accepted || dropped ? Refusal{} : refusal_of(response);
    const bool moved = accepted || dropped
                           ? outbox_.remove(entry.seq)
                           : outbox_.move_to_dead_letters(entry.seq, refusal, unix_now());
    if (!moved) {
      // The server has answered; sending it again is harmless (the hub
      // answers from its idempotency store), but not in a tight loop.
      set_status(SyncState::Offline, "cannot write the outbox");
      return false;
    }
    if (!accepted && !dropped) {
      std::string fields;
      for (const std::string& f : refusal.fields) fields += (fields.empty() ? " (" : ", ") + f;
      log(LogLevel::Warning, "kept a dead letter: " + std::string(kind_name(entry.kind)) +
                                 " refused with " + std::to_string(refusal.status) + " " +
                                 refusal.problem_type + fields + (fields.empty() ? "" : ")"));
    }
    const DeadLetterSummary dead =
        accepted || dropped ? DeadLetterSummary{} : outbox_.dead_letter_summary();
    // What waits changes with what was delivered, in the same snapshot.
    const int64_t waiting = outbox_.depth();
    {
      std::lock_guard lock(mutex_);
      status_.waiting = waiting;
      status_.last_contact = unix_now();
      if (accepted) {
        ++status_.delivered;
      } else if (!dropped) {
        ++status_.rejected;
        status_.dead_letters = dead;
      }
    }
    tell_if_changed();
  }
  return true;
}

void SyncEngine::heartbeat(HttpClient& client) {
  std::string last_error;
  {
    std::lock_guard lock(mutex_);
    last_error = status_.last_error;
  }
  const std::string body =
      nlohmann::json{{"version", options_.version.empty() ? "unknown" : options_.version},
                     {"outbox_depth", outbox_.depth()},
                     // Within api::kLastError, whatever a server's problem type made of it.
                     {"last_error", clipped(last_error, api::kLastError.max_bytes)}}
          .dump();
  const HttpResponse response =
      client.send(make_request("POST", "/v1/terminals/self/heartbeat", {identity_.credential(), {}},
                               body, api::mint_idempotency_key()));
  // The platform may ask for heartbeats more often than configured here,
  // never less often: the configured interval is the staff's promise.
  if (response.transport == Transport::Ok && response.status == 200) {
    {
      std::lock_guard lock(mutex_);
      status_.last_contact = unix_now();
    }
    if (const auto reply = parse_heartbeat_reply(response.body)) {
      heartbeat_interval_ms_ =
          std::min<int64_t>(options_.heartbeat_interval_ms, reply->heartbeat_interval_s * 1000LL);
    }
  }
}

void SyncEngine::run() {
  HttpClient client(config_);
  auto next_heartbeat = std::chrono::steady_clock::now();
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (!running_) return;
      woken_ = false;
    }
    if (std::chrono::steady_clock::now() >= next_heartbeat) {
      heartbeat(client);
      next_heartbeat =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(heartbeat_interval_ms_);
    }
    int64_t wait_ms = 0;
    bool ok = true;
    bool more = false;
    while (ok) {
      ok = deliver_round(client);
      more = ok && outbox_.depth() > 0;
      if (!more) break;
      std::lock_guard lock(mutex_);
      if (!running_) return;
    }
    // Also after the kiosk marked some told.
    const DeadLetterSummary dead = outbox_.dead_letter_summary();
    {
      std::lock_guard lock(mutex_);
      status_.dead_letters = dead;
    }
    if (ok) {
      failures_ = 0;
      set_status(SyncState::Online, "");
      std::lock_guard lock(mutex_);
      status_.retry_in_ms = 0;
      wait_ms = heartbeat_interval_ms_;
    } else {
      const int64_t backoff = next_backoff_ms();
      std::lock_guard lock(mutex_);
      wait_ms = std::max(retry_after_ms_, backoff);
      status_.retry_in_ms = wait_ms;
    }
    // Online or offline, the last contact, the dead letters: shown before the wait.
    tell_if_changed();
    std::unique_lock lock(mutex_);
    const bool honour_server = !ok && retry_after_ms_ > 0;
    retry_after_ms_ = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    // wake() cuts a backoff short (the network may be back), but not a wait
    // the server asked for.
    wakeup_.wait_until(
        lock,
        std::min(deadline,
                 std::chrono::time_point_cast<std::chrono::steady_clock::duration>(next_heartbeat)),
        [&] { return !running_ || (woken_ && !honour_server); });
    if (honour_server) {
      wakeup_.wait_until(lock, deadline, [&] { return !running_; });
    }
  }
}

}  // namespace ih::net
