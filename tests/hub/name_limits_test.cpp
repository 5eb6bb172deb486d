// A name the kiosk takes is never refused by the hub: 40 graphemes in every
// script and with every kind of cluster are accepted, 41 are refused with a
// 422 that says so in graphemes, both through the API over HTTPS and through
// a sealed envelope (how the kiosk creates accounts, net/terminal.h).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "api/field_rules.h"
#include "api/personal_code.h"
#include "api/secret.h"
#include "net/envelope.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

struct Script {
  const char* name;
  std::vector<const char*> graphemes;  // one grapheme cluster each
};

const Script kScripts[] = {
    {"Arabic", {"ع", "ب", "د", " ", "ا", "ل", "ر", "ح", "م", "ن"}},
    {"Tigrinya", {"ሰ", "ላ", "ም", " ", "ተ", "ስ", "ፋ", "ዬ"}},
    {"Georgian", {"ნ", "ი", "ნ", "ო", " ", "ბ", "ე", "რ", "ი", "ძ", "ე"}},
    {"EmojiSequences",
     {"👩‍👩‍👧‍👦", "🇪🇷", "🇺🇦", "🏳️‍🌈", "👍🏽", "🧑🏿‍🦱"}},
    {"CombiningMarks", {"e\u0323\u0302", "a\u0301", "n\u0303", "بَ", "مُّ", "ኣ"}},
};

// `count` graphemes, cycling through the script's.
std::string name_of(const Script& script, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += script.graphemes[i % script.graphemes.size()];
  return out;
}

class NameLimits : public ::testing::Test {
 protected:
  void SetUp() override { terminal = hub.enrol(dir.path); }

  json account(const std::string& name) {
    return {{"personal_code", *api::make_personal_code(terminal.identity.code_prefix, ++codes)},
            {"display_name", name},
            {"languages", {"ti", "ar"}},
            {"town", "Dresden"},
            {"pin", "2468"},
            {"session_token", api::mint_secret()}};
  }

  net::Caller terminal_caller() const { return {terminal.identity.credential(), {}}; }

  net::HttpResponse create_directly(const json& body) {
    return hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key());
  }

  // As the kiosk does it: sealed to the hub's key, delivered as an envelope.
  net::HttpResponse create_sealed(const json& body) {
    net::QueuedCall call{"POST", "/v1/accounts", key(), {}, body, hub.now()};
    const auto sealed = net::seal_call(call, terminal.identity.server_box_key);
    EXPECT_TRUE(sealed);
    return hub.send("POST", "/v1/envelopes", terminal_caller(),
                    json{{"sealed", api::to_base64(*sealed)}}.dump(), call.idempotency_key);
  }

  // The name the hub keeps for a session's account.
  std::string stored_name(const json& body) {
    const auto me =
        hub.send("GET", "/v1/accounts/me", {terminal.identity.credential(), body["session_token"]});
    EXPECT_EQ(me.status, 200) << me.body;
    return hub.json(me).value("display_name", "");
  }

  void expect_too_long(const net::HttpResponse& r, const std::string& name) {
    ASSERT_EQ(r.status, 422) << r.body;
    const json errors = hub.json(r)["errors"];
    ASSERT_EQ(errors.size(), 1u) << r.body;
    EXPECT_EQ(errors[0]["field"], "display_name");
    EXPECT_EQ(errors[0]["reason"], "too_long");
    EXPECT_EQ(errors[0]["unit"], "graphemes");
    EXPECT_EQ(errors[0]["limit"], 40);
    EXPECT_EQ(r.body.find(name), std::string::npos) << "a problem never repeats a value";
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  uint32_t codes = 0;
};

TEST_F(NameLimits, FortyGraphemesAreAcceptedInEveryScriptOverHttps) {
  for (const Script& script : kScripts) {
    SCOPED_TRACE(script.name);
    const std::string name = name_of(script, 40);
    ASSERT_EQ(api::count_graphemes(name), 40);
    const json body = account(name);
    const auto r = create_directly(body);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(stored_name(body), name);
  }
}

TEST_F(NameLimits, FortyGraphemesAreAcceptedInEveryScriptFromASealedEnvelope) {
  for (const Script& script : kScripts) {
    SCOPED_TRACE(script.name);
    const std::string name = name_of(script, 40);
    const json body = account(name);
    const auto r = create_sealed(body);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.header("envelope-opened"), "true");
    EXPECT_EQ(stored_name(body), name);
  }
}

TEST_F(NameLimits, FortyOneGraphemesAreRefusedInGraphemesBothWays) {
  for (const Script& script : kScripts) {
    SCOPED_TRACE(script.name);
    const std::string name = name_of(script, 41);
    expect_too_long(create_directly(account(name)), name);
    const auto sealed = create_sealed(account(name));
    EXPECT_EQ(sealed.header("envelope-opened"), "true");
    expect_too_long(sealed, name);
  }
}

TEST_F(NameLimits, TwentyOneArabicLettersAreANameNotFortyTwoBytesTooMany) {
  const std::string name = "عبدالرحمنمحمدعلىحسنين";  // 21 letters, 42 bytes
  ASSERT_EQ(api::count_graphemes(name), 21);
  ASSERT_EQ(name.size(), 42u);
  EXPECT_EQ(create_sealed(account(name)).status, 201);
}

TEST_F(NameLimits, AGraphemeStuffedWithMarksIsRefusedByItsBytes) {
  std::string stuffed = "a";
  for (int i = 0; i < 2000; ++i) stuffed += "\u0301";
  const auto r = create_directly(account(stuffed));
  ASSERT_EQ(r.status, 422) << r.body;
  const json error = hub.json(r)["errors"][0];
  EXPECT_EQ(error["field"], "display_name");
  EXPECT_EQ(error["reason"], "too_long");
  EXPECT_EQ(error["unit"], "bytes");
  EXPECT_EQ(error["limit"], api::kDisplayName.max_bytes);
}

TEST_F(NameLimits, EveryWrongFieldIsNamedWithItsReason) {
  json body = account("");
  body["languages"] = {"de", "xx"};
  body["town"] = "Dres\nden";
  body["phone"] = "0176-555";
  body["pin"] = "123";
  body["personal_code"] = *api::make_personal_code("YYY", 1);
  const auto r = create_directly(body);
  ASSERT_EQ(r.status, 422) << r.body;
  std::map<std::string, json> by_field;
  const json reply = hub.json(r);
  for (const json& e : reply["errors"]) by_field[e["field"]] = e;
  EXPECT_EQ(by_field.size(), 6u) << r.body;
  EXPECT_EQ(by_field["display_name"]["reason"], "too_short");
  EXPECT_EQ(by_field["display_name"]["unit"], "graphemes");
  EXPECT_EQ(by_field["languages"]["reason"], "unknown_value");
  EXPECT_EQ(by_field["town"]["reason"], "control_character");
  EXPECT_EQ(by_field["phone"]["reason"], "bad_character");
  EXPECT_EQ(by_field["pin"]["reason"], "too_short");
  EXPECT_EQ(by_field["pin"]["unit"], "characters");
  EXPECT_EQ(by_field["pin"]["limit"], 4);
  EXPECT_EQ(by_field["personal_code"]["reason"], "wrong_terminal");
  EXPECT_EQ(r.body.find("Dres"), std::string::npos) << "a problem never repeats a value";
}

TEST_F(NameLimits, RequestAndMessageTextsAreCountedInGraphemes) {
  const json person = account("Selam");
  ASSERT_EQ(create_directly(person).status, 201);
  const net::Caller caller{terminal.identity.credential(), person["session_token"]};
  json request = {{"category", "doctor"},
                  {"when", {{"part_of_day", "any"}}},
                  {"town", "Dresden"},
                  {"helper_language", "ti"}};
  std::string text;
  for (int i = 0; i < 500; ++i) text += "ሰ";  // 1500 bytes
  request["text"] = text;
  EXPECT_EQ(hub.send("POST", "/v1/requests", caller, request.dump(), key()).status, 201);
  request["text"] = text + "ሰ";
  const auto refused = hub.send("POST", "/v1/requests", caller, request.dump(), key());
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(hub.json(refused)["errors"][0]["field"], "text");
  EXPECT_EQ(hub.json(refused)["errors"][0]["limit"], 500);
}

TEST_F(NameLimits, NulAndBidiOverridesAreRefusedNotStored) {
  const auto spoof = create_directly(account("\u202Eariam"));
  ASSERT_EQ(spoof.status, 422) << spoof.body;
  EXPECT_EQ(hub.json(spoof)["errors"][0]["field"], "display_name");
  EXPECT_EQ(hub.json(spoof)["errors"][0]["reason"], "bad_character");
  const auto unpaired = create_directly(account("\u2067Amira"));
  ASSERT_EQ(unpaired.status, 422) << unpaired.body;
  EXPECT_EQ(hub.json(unpaired)["errors"][0]["reason"], "bad_format");

  const json person = account("Selam");
  ASSERT_EQ(create_directly(person).status, 201);
  const net::Caller caller{terminal.identity.credential(), person["session_token"]};
  json request = {{"category", "doctor"},
                  {"when", {{"part_of_day", "any"}}},
                  {"town", "Dresden"},
                  {"helper_language", "ti"},
                  {"text", std::string("Termin\0um 9", 11)}};
  const auto nul = hub.send("POST", "/v1/requests", caller, request.dump(), key());
  ASSERT_EQ(nul.status, 422) << nul.body;
  EXPECT_EQ(hub.json(nul)["errors"][0]["field"], "text");
  EXPECT_EQ(hub.json(nul)["errors"][0]["reason"], "control_character");
  if (hub.remote()) return;
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM accounts"), 1);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 0);
}

}  // namespace
}  // namespace ih::test
