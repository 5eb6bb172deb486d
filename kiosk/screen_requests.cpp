#include "kiosk/screen_requests.h"

#include <chrono>

#include "kiosk/link.h"
#include "kiosk/shell.h"

namespace ih::kiosk {

namespace {

using namespace std::chrono;

// Noon (UTC) on 6 December 2026: the calendar and "today" look the same in
// every picture, whenever it is taken.
system_clock::time_point sample_day() {
  return sys_days{year{2026} / 12 / 6} + hours(12);
}

int64_t unix_at(system_clock::time_point t) {
  return duration_cast<seconds>(t.time_since_epoch()).count();
}

RequestInfo sample(const char* id, const char* category, const char* date, const char* part,
                   RequestState state, int64_t created_at) {
  return {id, {category, date, part, "Dresden", "ar", {}}, state, created_at};
}

}  // namespace

std::vector<std::string_view> request_screen_names() {
  return {"request",          "request-when",         "request-day",  "request-part",
          "request-language", "request-town",         "request-text", "request-review",
          "request-sent",     "request-sent-offline", "my-requests",  "request-withdraw"};
}

std::unique_ptr<Screen> make_request_screen(std::string_view name, const Settings& settings) {
  bool known = false;
  for (std::string_view n : request_screen_names()) known = known || n == name;
  if (!known) return nullptr;
  const bool online = name == "request-sent";
  AccountServices accounts;
  accounts.normalize_code = personal_code_rule();
  accounts.rules = field_rules();
  accounts.requests.wall_clock = [] { return sample_day(); };
  accounts.sync_status = [online]() -> std::optional<SyncStatus> {
    return SyncStatus{online ? SyncState::Online : SyncState::Offline, online ? 0 : 1, 0};
  };
  const auto at = Clock::now();
  auto shell = std::make_unique<Shell>(
      ShellOptions{settings, [at] { return at; }, std::move(accounts), {}, silent_speech()});
  shell->session().display_name = "Amal";
  shell->session().languages = {"ar", "de"};
  shell->session().town = settings.places.empty() ? std::string() : settings.places[0];
  shell->show(Page::Home);
  using Step = RequestForm::Step;
  using When = RequestForm::When;
  const int64_t now = unix_at(sample_day());
  MyRequests& mine = shell->session().requests;
  if (name == "request-sent" || name == "request-sent-offline") {
    mine.queued.push_back(sample("r_sample0000000000001", "doctor", "2026-12-07", "morning",
                                 RequestState::Waiting, now));
    mine.delivered = online ? 1 : 0;
    shell->requests().sent_id = "r_sample0000000000001";
    if (online) shell->requests().fitting = 3;
    shell->show(Page::RequestSent);
    return shell;
  }
  if (name == "my-requests" || name == "request-withdraw") {
    mine.queued.push_back(sample("r_sample0000000000004", "legal_advice", "", "afternoon",
                                 RequestState::Waiting, now - 60));
    mine.listed = {
        sample("r_sample0000000000003", "doctor", "2026-12-07", "morning", RequestState::Open,
               now - 3600),
        sample("r_sample0000000000002", "housing", "2026-12-10", "evening", RequestState::Answered,
               now - 86400),
        sample("r_sample0000000000001", "clothes", "", "afternoon", RequestState::Withdrawn,
               now - 3 * 86400),
    };
    shell->show(Page::Requests);
    if (name == "request-withdraw") shell->requests().list.confirm = "r_sample0000000000003";
    return shell;
  }
  shell->apply(Action::NewRequest);
  RequestForm& form = shell->requests().form;
  const std::string text = "Termin beim Hausarzt um 10 Uhr 🙏";
  if (name == "request-when") form.show_sample(Step::When, "doctor", When::Unset, {}, {});
  if (name == "request-day") form.show_sample(Step::Day, "doctor", When::Day, {}, {});
  if (name == "request-part") form.show_sample(Step::Part, "doctor", When::Tomorrow, {}, {});
  if (name == "request-language")
    form.show_sample(Step::Language, "doctor", When::Tomorrow, "morning", {});
  if (name == "request-town") form.show_sample(Step::Town, "doctor", When::Tomorrow, "morning", {});
  if (name == "request-text")
    form.show_sample(Step::Text, "doctor", When::Tomorrow, "morning", text);
  if (name == "request-review")
    form.show_sample(Step::Review, "doctor", When::Tomorrow, "morning", text);
  return shell;
}

}  // namespace ih::kiosk
