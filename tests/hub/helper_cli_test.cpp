// `ichhelfe-hub helper …` (hub/helper_cli.h) against the reference hub over
// HTTPS: a seeded helper logs in, finds a fitting request, answers it, writes,
// and reads what the person wrote back at their terminal. And against a
// server that breaks the contract.
#include "hub/helper_cli.h"

#include <gtest/gtest.h>
#include <microhttpd.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
};

class HelperCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (hub.remote()) GTEST_SKIP() << "needs the reference hub's demo helpers";
    terminal = hub.enrol(dir.path);
    const std::string code = *api::make_personal_code(terminal.identity.code_prefix, 1);
    const json account = {{"personal_code", code}, {"display_name", "Amira"},
                          {"languages", {"ar"}},   {"town", "Dresden"},
                          {"pin", "1234"},         {"session_token", person_token}};
    ASSERT_EQ(hub.send("POST", "/v1/accounts", {terminal.identity.credential(), {}}, account.dump(),
                       key())
                  .status,
              201);
    for (auto& [profile, credentials] : hub::seed_demo_helpers(hub.hub())) {
      helpers[profile.display_name] = credentials;
    }
  }

  net::Caller person() const { return {terminal.identity.credential(), person_token}; }

  Outcome helper(std::vector<std::string> args, const std::string& default_session = {}) {
    std::ostringstream out, err;
    Outcome run;
    run.status = hub::run_helper_command(args, default_session, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

  // Logs the seeded helper `name` in; the path of their session file.
  std::string log_in(const std::string& name) {
    const std::string session = (dir.path / (name + ".session")).string();
    const auto& c = helpers.at(name);
    const Outcome run = helper({"login", "--code", c.personal_code, "--password", c.secret,
                                "--server", "https://127.0.0.1:" + std::to_string(hub.port()),
                                "--ca", test_ca_file(), "--session", session});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("logged in as " + name), std::string::npos) << run.out;
    return session;
  }

  // A request for a doctor in Dresden with a German-speaking helper.
  std::string request(const std::string& text) {
    const json body = {{"category", "doctor"},
                       {"when", {{"part_of_day", "morning"}, {"date", "2026-12-08"}}},
                       {"town", "Dresden"},
                       {"helper_language", "de"},
                       {"text", text}};
    const auto r = hub.send("POST", "/v1/requests", person(), body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return hub.json(r).value("id", "");
  }

  json messages_at_the_terminal(const std::string& conversation) {
    return hub.json(
        hub.send("GET", "/v1/conversations/" + conversation + "/messages", person()))["items"];
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  std::string person_token = api::mint_secret();
  std::map<std::string, hub::Credentials> helpers;
};

TEST_F(HelperCli, AHelperFindsAFittingRequestAnswersItWritesAndReadsTheReply) {
  const std::string id = request("Termin beim Kinderarzt");
  const std::string jonas = log_in("Jonas");  // Dresden, de ar, doctor

  const Outcome listed = helper({"requests", "--session", jonas});
  ASSERT_EQ(listed.status, 0) << listed.err;
  EXPECT_NE(listed.out.find(id + "  doctor  in Dresden (0 km)  speaks de  2026-12-08 morning"),
            std::string::npos)
      << listed.out;
  EXPECT_NE(listed.out.find("    Termin beim Kinderarzt"), std::string::npos) << listed.out;

  const Outcome offered =
      helper({"offer", id, "Ich kann am Dienstag mitkommen.", "--session", jonas});
  ASSERT_EQ(offered.status, 0) << offered.err;
  ASSERT_EQ(offered.out.rfind("conversation c_", 0), 0u) << offered.out;
  const std::string conversation = offered.out.substr(13, offered.out.find(' ', 13) - 13);
  EXPECT_NE(offered.out.find(" with Amira about doctor"), std::string::npos) << offered.out;

  const Outcome said = helper({"say", conversation, "Um 9 Uhr am Eingang?", "--session", jonas});
  ASSERT_EQ(said.status, 0) << said.err;
  const json at_terminal = messages_at_the_terminal(conversation);
  ASSERT_EQ(at_terminal.size(), 2u);
  EXPECT_EQ(at_terminal[0]["text"], "Ich kann am Dienstag mitkommen.");
  EXPECT_EQ(at_terminal[1]["text"], "Um 9 Uhr am Eingang?");

  // The person answers at the terminal.
  ASSERT_EQ(hub.send("POST", "/v1/conversations/" + conversation + "/messages", person(),
                     json{{"text", "نعم، شكراً"}}.dump(), key())
                .status,
            201);
  const Outcome replies =
      helper({"replies", conversation}, jonas);  // the session from the environment
  ASSERT_EQ(replies.status, 0) << replies.err;
  EXPECT_NE(replies.out.find("conversation " + conversation + " with Amira"), std::string::npos);
  const auto mine = replies.out.find("me: Um 9 Uhr am Eingang?");
  const auto theirs = replies.out.find("Amira: نعم، شكراً");
  EXPECT_NE(mine, std::string::npos) << replies.out;
  EXPECT_NE(theirs, std::string::npos) << replies.out;
  EXPECT_LT(mine, theirs) << "oldest first";
  // What the helper was shown is read, and the terminal learns so.
  EXPECT_TRUE(messages_at_the_terminal(conversation)[2]["read"]);

  const Outcome listed_conversations = helper({"conversations", "--session", jonas});
  EXPECT_NE(listed_conversations.out.find(conversation + "  Amira  doctor  0 unread  (request " +
                                          id + ")"),
            std::string::npos)
      << listed_conversations.out;
  // An answered request leaves the feed.
  EXPECT_EQ(helper({"requests", "--session", jonas}).out, "No open request fits Jonas now.\n");
}

TEST_F(HelperCli, AHelperTheRequestDoesNotFitNeitherSeesNorTakesIt) {
  const std::string id = request("");
  const std::string anke = log_in("Anke");  // authority, housing, work applications
  EXPECT_EQ(helper({"requests", "--session", anke}).out, "No open request fits Anke now.\n");
  const Outcome offered = helper({"offer", id, "Hallo", "--session", anke});
  EXPECT_EQ(offered.status, 1);
  EXPECT_NE(offered.err.find("refused (403 request-does-not-fit)"), std::string::npos)
      << offered.err;
}

TEST_F(HelperCli, TheSessionFileIsTheHelpersAlone) {
  const std::string jonas = log_in("Jonas");
  struct stat st {};
  ASSERT_EQ(stat(jonas.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(HelperCli, CommandsSayWhatIsMissingOrWrong) {
  const Outcome no_session = helper({"requests"});
  EXPECT_EQ(no_session.status, 1);
  EXPECT_NE(no_session.err.find("ICHHELFE_HELPER_SESSION"), std::string::npos) << no_session.err;
  EXPECT_EQ(helper({"offer", "r_x"}).status, 2) << "a message is missing";
  EXPECT_EQ(helper({"say", "../accounts/me", "hi"}).status, 2) << "not an id";
  EXPECT_EQ(helper({"dance"}).status, 2);

  const auto& c = helpers.at("Jonas");
  const Outcome wrong = helper({"login", "--code", c.personal_code, "--password", "wrong",
                                "--server", "https://127.0.0.1:" + std::to_string(hub.port()),
                                "--ca", test_ca_file(), "--session", (dir.path / "x").string()});
  EXPECT_EQ(wrong.status, 1);
  EXPECT_NE(wrong.err.find("401 invalid-credentials"), std::string::npos) << wrong.err;
  const Outcome untrusted = helper({"login", "--code", c.personal_code, "--password", c.secret,
                                    "--server", "https://127.0.0.1:" + std::to_string(hub.port()),
                                    "--session", (dir.path / "y").string()});
  EXPECT_EQ(untrusted.status, 1);
  EXPECT_NE(untrusted.err.find("--ca FILE"), std::string::npos) << untrusted.err;
}

// A server that is not the reference hub and does not keep the contract: the
// commands show what it sends without letting it drive the terminal, and a
// reply of the wrong shape is a failure, not a crash.
class HostileServer : public ::testing::Test {
 protected:
  void SetUp() override {
    // Any request gets `feed`, as it is, with 200.
    server = MHD_start_daemon(
        MHD_USE_TLS | MHD_USE_INTERNAL_POLLING_THREAD, 0, nullptr, nullptr,
        [](void* cls, MHD_Connection* connection, const char*, const char*, const char*,
           const char*, size_t*, void**) {
          const std::string& feed = static_cast<HostileServer*>(cls)->feed;
          MHD_Response* response = MHD_create_response_from_buffer(
              feed.size(), const_cast<char*>(feed.data()), MHD_RESPMEM_MUST_COPY);
          MHD_add_response_header(response, "Content-Type", "application/json");
          const MHD_Result queued = MHD_queue_response(connection, 200, response);
          MHD_destroy_response(response);
          return queued;
        },
        this, MHD_OPTION_HTTPS_MEM_CERT, test_identity().certificate_pem.c_str(),
        MHD_OPTION_HTTPS_MEM_KEY, test_identity().private_key_pem.c_str(), MHD_OPTION_END);
    ASSERT_NE(server, nullptr);
    const int port = MHD_get_daemon_info(server, MHD_DAEMON_INFO_BIND_PORT)->port;
    session = (dir.path / "session").string();
    std::ofstream(session) << json{{"server", "https://127.0.0.1:" + std::to_string(port)},
                                   {"ca_file", test_ca_file()},
                                   {"token", "t"},
                                   {"helper", "Mira"}};
  }
  void TearDown() override {
    if (server) MHD_stop_daemon(server);
  }

  Outcome requests() {
    std::ostringstream out, err;
    Outcome o;
    o.status = hub::run_helper_command({"requests", "--session", session}, {}, out, err);
    o.out = out.str();
    o.err = err.str();
    return o;
  }

  TempDir dir;
  MHD_Daemon* server = nullptr;
  std::string session;
  std::string feed;
};

TEST_F(HostileServer, TextFromTheServerCannotDriveTheTerminal) {
  // Clear the screen (ESC), a C1 control sequence introducer (U+009B), a bell.
  feed = json{{"items",
               {{{"request",
                  {{"id", "r_1\x1b[2J"},
                   {"category", "doctor"},
                   {"town", "Dresden\u009b31m"},
                   {"helper_language", "de"},
                   {"when", {{"part_of_day", "any"}}},
                   {"text", "Hallo\x07\nzweite Zeile"}}},
                 {"distance_km", 0}}}}}
             .dump();
  const Outcome o = requests();
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out.find('\x1b'), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find('\x07'), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("\u009b"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("r_1\uFFFD[2J  doctor  in Dresden\uFFFD31m"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("    Hallo\uFFFD\n    zweite Zeile"), std::string::npos) << o.out;
}

TEST_F(HostileServer, AReplyOfTheWrongShapeIsAFailureNotACrash) {
  feed = R"({"items":[{"request":{"id":7,"category":["doctor"]},"distance_km":"far"}]})";
  const Outcome o = requests();
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("not what the contract says"), std::string::npos) << o.err;
}

}  // namespace
}  // namespace ih::test
