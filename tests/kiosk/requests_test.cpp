// What "My requests" shows: the platform's list merged with what this
// terminal queued in the session, each in the state a person is told.
#include "kiosk/requests.h"

#include <gtest/gtest.h>

#include "kiosk/wipe.h"

namespace ih::kiosk {
namespace {

RequestInfo made(const char* id, int64_t at, RequestState state = RequestState::Waiting) {
  return {id, {"doctor", "", "morning", "Dresden", "ar", "Bitte"}, state, at};
}

TEST(RequestsTest, ARequestStillInTheOutboxIsShownAsWaiting) {
  MyRequests mine;
  mine.queued = {made("r_1", 100)};
  note_waiting(mine, 1);
  const auto items = shown(mine);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].state, RequestState::Waiting);
  EXPECT_FALSE(delivered(mine, "r_1"));
}

TEST(RequestsTest, TheOldestLeaveTheOutboxFirst) {
  MyRequests mine;
  mine.queued = {made("r_1", 100), made("r_2", 200)};
  note_waiting(mine, 1);
  EXPECT_TRUE(delivered(mine, "r_1"));
  EXPECT_FALSE(delivered(mine, "r_2"));
  const auto items = shown(mine);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "r_2") << "newest first";
  EXPECT_EQ(items[0].state, RequestState::Waiting);
  EXPECT_EQ(items[1].state, RequestState::Open);
}

TEST(RequestsTest, RequestsWaitingFromEarlierVisitsAreCountedAndKeepOursWaiting) {
  MyRequests mine;
  mine.queued = {made("r_1", 100)};
  note_waiting(mine, 3);
  EXPECT_EQ(mine.waiting_before, 2);
  EXPECT_FALSE(delivered(mine, "r_1"));
}

TEST(RequestsTest, ThePlatformsStateWinsOnceItListsTheRequest) {
  MyRequests mine;
  mine.queued = {made("r_1", 100)};
  note_waiting(mine, 0);
  mine.listed = {made("r_1", 100, RequestState::Answered), made("r_0", 50, RequestState::Open)};
  const auto items = shown(mine);
  ASSERT_EQ(items.size(), 2u) << "listed once, not twice";
  EXPECT_EQ(items[0].state, RequestState::Answered);
  EXPECT_EQ(items[1].id, "r_0");
}

TEST(RequestsTest, AWithdrawalQueuedHereShowsAtOnceEvenWhileTheRequestWaits) {
  MyRequests mine;
  mine.queued = {made("r_1", 100)};
  note_waiting(mine, 1);
  mine.withdrawn = {"r_1"};
  EXPECT_EQ(shown(mine)[0].state, RequestState::Withdrawn);
}

TEST(RequestsTest, WipingForgetsEveryRequestAndItsText) {
  MyRequests mine;
  mine.queued = {made("r_1", 100)};
  mine.listed = {made("r_2", 100, RequestState::Open)};
  mine.withdrawn = {"r_1"};
  note_waiting(mine, 0);
  wipe(mine);
  EXPECT_TRUE(mine.queued.empty());
  EXPECT_TRUE(mine.listed.empty());
  EXPECT_TRUE(mine.withdrawn.empty());
  EXPECT_EQ(mine.delivered, 0u);
}

}  // namespace
}  // namespace ih::kiosk
