#include "kiosk/requests.h"

#include <algorithm>

namespace ih::kiosk {

void note_waiting(MyRequests& mine, int64_t waiting) {
  const auto n = static_cast<int64_t>(mine.queued.size());
  const int64_t ours = std::min(n, std::max<int64_t>(0, waiting));
  mine.delivered = std::max(mine.delivered, static_cast<size_t>(n - ours));
  mine.waiting_before = std::max<int64_t>(0, waiting - n);
}

bool delivered(const MyRequests& mine, const std::string& id) {
  for (size_t i = 0; i < mine.queued.size(); ++i)
    if (mine.queued[i].id == id) return i < mine.delivered;
  return false;
}

std::vector<RequestInfo> shown(const MyRequests& mine) {
  std::vector<RequestInfo> out = mine.listed;
  for (size_t i = 0; i < mine.queued.size(); ++i) {
    const RequestInfo& q = mine.queued[i];
    const bool listed =
        std::any_of(out.begin(), out.end(), [&](const RequestInfo& r) { return r.id == q.id; });
    if (listed) continue;
    RequestInfo r = q;
    r.state = i < mine.delivered ? RequestState::Open : RequestState::Waiting;
    out.push_back(std::move(r));
  }
  for (RequestInfo& r : out)
    if (std::find(mine.withdrawn.begin(), mine.withdrawn.end(), r.id) != mine.withdrawn.end())
      r.state = RequestState::Withdrawn;
  std::stable_sort(out.begin(), out.end(), [](const RequestInfo& a, const RequestInfo& b) {
    return a.created_at > b.created_at;
  });
  return out;
}

}  // namespace ih::kiosk
