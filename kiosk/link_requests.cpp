// The Link's part in a person's requests for help: queueing a request and its
// withdrawal into the outbox (works offline), counting what of theirs still
// waits there, and asking the platform for their list and the helpers who fit.
#include <algorithm>
#include <chrono>

#include "kiosk/link.h"
#include "kiosk/link_support.h"
#include "kiosk/wipe.h"
#include "net/api_client.h"

namespace ih::kiosk {

namespace {

RequestState state_of(const std::string& status) {
  if (status == "answered") return RequestState::Answered;
  if (status == "withdrawn") return RequestState::Withdrawn;
  return RequestState::Open;
}

RequestInfo to_kiosk(net::RequestInfo&& r) {
  RequestInfo out;
  out.id = std::move(r.id);
  out.request = {std::move(r.category), std::move(r.when.date),       std::move(r.when.part_of_day),
                 std::move(r.town),     std::move(r.helper_language), std::move(r.text)};
  out.state = state_of(r.status);
  out.created_at = r.created_at;
  wipe(r.place);
  return out;
}

}  // namespace

std::optional<std::string> Link::queue_request(const PersonSession& session, const NewRequest& r) {
  poll_enrolment();
  if (!identity_) return std::nullopt;
  nlohmann::json when{{"part_of_day", r.part_of_day}};
  if (!r.date.empty()) when["date"] = r.date;
  nlohmann::json body{{"category", r.category},
                      {"when", when},
                      {"town", r.town},
                      {"helper_language", r.helper_language}};
  if (!r.text.empty()) body["text"] = r.text;
  net::PersonSession person = to_net(session);
  std::optional<std::string> id =
      net::queue_request(*outbox_, *identity_, person, std::move(body), Link::unix_now());
  wipe_net(person);
  if (id) engine_->wake();
  return id;
}

bool Link::withdraw_request(const PersonSession& session, const std::string& id) {
  poll_enrolment();
  if (!identity_) return false;
  net::PersonSession person = to_net(session);
  const bool queued = net::queue_withdrawal(*outbox_, *identity_, person, id, Link::unix_now());
  wipe_net(person);
  if (queued) engine_->wake();
  return queued;
}

int64_t Link::requests_waiting(const PersonSession& session) {
  const std::vector<net::EntryKind> kinds = outbox_->waiting_in_lane(session.lane);
  return std::count(kinds.begin(), kinds.end(), net::EntryKind::Request);
}

std::future<RequestList> Link::list_requests(const PersonSession& session) {
  poll_enrolment();
  if (!identity_) return ready(RequestList{});
  return worker_->post([caller = net::Caller{identity_->credential(), session.token}](
                           net::HttpClient& client) mutable {
    RequestList out;
    std::string cursor;
    // Every page: a person has a few requests, the platform pages by 50.
    for (int pages = 0; pages < 20; ++pages) {
      net::ApiResult<net::RequestPage> page = net::list_requests(client, caller, cursor);
      if (!page.value) {
        out.ok = false;
        break;
      }
      out.ok = true;
      for (net::RequestInfo& r : page.value->items) out.items.push_back(to_kiosk(std::move(r)));
      cursor = std::move(page.value->next_cursor);
      if (cursor.empty()) break;
    }
    wipe(caller.session_token);
    return out;
  });
}

std::future<MatchAnswer> Link::count_matches(const PersonSession& session, const std::string& id) {
  poll_enrolment();
  if (!identity_) return ready(MatchAnswer{});
  return worker_->post([caller = net::Caller{identity_->credential(), session.token},
                        id](net::HttpClient& client) mutable -> MatchAnswer {
    const net::ApiResult<net::MatchCount> count = net::count_matches(client, caller, id);
    wipe(caller.session_token);
    if (!count.value) return std::nullopt;
    return count.value->fitting_helpers;
  });
}

RequestServices Link::request_services() {
  RequestServices s;
  s.queue = [this](const PersonSession& p, const NewRequest& r) { return queue_request(p, r); };
  s.withdraw = [this](const PersonSession& p, const std::string& id) {
    return withdraw_request(p, id);
  };
  s.waiting = [this](const PersonSession& p) { return requests_waiting(p); };
  s.list = [this](const PersonSession& p) { return list_requests(p); };
  s.matches = [this](const PersonSession& p, const std::string& id) {
    return count_matches(p, id);
  };
  return s;
}

}  // namespace ih::kiosk
