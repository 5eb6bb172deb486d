// The shell's part in requests for help: starting the wizard, queueing what
// it sends, withdrawing, and taking what the outbox and the platform say.
#include <chrono>

#include "kiosk/requests.h"
#include "kiosk/shell.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

template <typename T>
bool ready(const std::future<T>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// A future's value; a broken promise (the worker was replaced) gives `none`.
template <typename T>
T take(std::future<T>& f, T none) {
  try {
    return f.get();
  } catch (const std::future_error&) {
    return none;
  }
}

}  // namespace

void Shell::open_request_wizard() {
  requests_.form.start(session_.languages, {}, session_.town, options_.settings);
  stack_.push_back(Page::Request);
}

void Shell::open_my_requests() {
  requests_.list = {};
  if (page() == Page::RequestSent)
    stack_.back() = Page::Requests;
  else
    stack_.push_back(Page::Requests);
  const RequestServices& services = options_.accounts.requests;
  if (services.list && !session_.token.empty() && !requests_.listing.valid()) {
    PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
    requests_.listing = services.list(person);
    requests_.listed_delivered = session_.requests.delivered;
    wipe(person);
  }
}

void Shell::send_request(Action& action) {
  NewRequest& r = action.get<NewRequest>();
  const RequestServices& services = options_.accounts.requests;
  std::optional<std::string> id;
  if (services.queue) {
    PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
    id = services.queue(person, r);
    wipe(person);
  }
  if (!id) {
    requests_.form.cannot_save();
    return;
  }
  // Committed to the outbox: only now may the page say "saved".
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(services.wall_clock().time_since_epoch())
          .count();
  session_.requests.queued.push_back({*id, r, RequestState::Waiting, now});
  requests_.sent_id = *id;
  requests_.fitting.reset();
  requests_.matching = {};
  requests_.form.wipe();
  stack_.back() = Page::RequestSent;
}

void Shell::withdraw_request(const std::string& id) {
  const RequestServices& services = options_.accounts.requests;
  if (!services.withdraw) return;
  PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
  if (services.withdraw(person, id)) session_.requests.withdrawn.push_back(id);
  wipe(person);
}

void Shell::poll_requests(ScreenFrame& frame) {
  const Page p = page();
  if (p != Page::RequestSent && p != Page::Requests) return;
  const RequestServices& services = options_.accounts.requests;
  MyRequests& mine = session_.requests;
  PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
  // The outbox is asked each frame these pages draw; frames come only on a
  // touch or when the Link says something changed.
  if (services.waiting) note_waiting(mine, services.waiting(person));

  if (ready(requests_.listing)) {
    RequestList list = take(requests_.listing, RequestList{});
    if (list.ok) {
      wipe(mine.listed);
      mine.listed = std::move(list.items);
    } else {
      wipe(list.items);
    }
    frame.ui.needs_frame = true;
  }
  // A request of this session reached the platform since the list was asked:
  // ask again, so it shows with the platform's state.
  if (p == Page::Requests && services.list && !requests_.listing.valid() &&
      mine.delivered > requests_.listed_delivered && !session_.token.empty()) {
    requests_.listing = services.list(person);
    requests_.listed_delivered = mine.delivered;
  }

  if (p == Page::RequestSent) {
    if (ready(requests_.matching)) {
      requests_.fitting = take(requests_.matching, MatchAnswer{});
      frame.ui.needs_frame = true;
    }
    if (services.matches && !requests_.fitting && !requests_.matching.valid() &&
        delivered(mine, requests_.sent_id) && shown_online_)
      requests_.matching = services.matches(person, requests_.sent_id);
  }
  wipe(person);
}

std::optional<Action> Shell::draw_request_page(PageContext& c) {
  const RequestServices& services = options_.accounts.requests;
  switch (page()) {
    case Page::Request:
      return requests_.form.draw(c, keys_, options_.settings,
                                 i18n::local_date(services.wall_clock()));
    case Page::RequestSent: {
      SentStatus status;
      for (const RequestInfo& r : session_.requests.queued)
        if (r.id == requests_.sent_id) status.request = r;
      status.delivered = delivered(session_.requests, requests_.sent_id);
      status.online = shown_online_;
      status.fitting = requests_.fitting;
      std::optional<Action> action = draw_request_sent(c, status);
      wipe(status.request);
      return action;
    }
    case Page::Requests: {
      std::vector<RequestInfo> items = shown(session_.requests);
      std::optional<Action> action = draw_my_requests(
          c, requests_.list, items, session_.requests.waiting_before, requests_.listing.valid());
      wipe(items);
      return action;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace ih::kiosk
