#include "hub/helper_cli.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "api/secret.h"
#include "hub/private_files.h"
#include "net/http_client.h"

namespace ih::hub {

std::string helper_usage(std::string_view self) {
  static const char* const kLines[] = {
      "login --code CODE --password PASSWORD --session FILE [--server URL] [--ca FILE]",
      "requests [--session FILE]",
      "offer REQUEST_ID MESSAGE [--session FILE]",
      "conversations [--session FILE]",
      "say CONVERSATION_ID MESSAGE [--session FILE]",
      "replies CONVERSATION_ID [--session FILE]",
  };
  std::string out;
  for (const char* line : kLines) {
    out += (out.empty() ? "usage: " : "       ") + std::string(self) + " helper " + line + '\n';
  }
  return out;
}

namespace {

using nlohmann::json;

// What a session file holds.
struct Session {
  std::string server;   // "https://host:port"
  std::string ca_file;  // absolute; empty: the system's certificates
  std::string token;
  std::string name;  // the helper's display name, for what is shown
};

// One HTTP answer; status 0 when none came (`error` says why).
struct Answer {
  int status = 0;
  std::string body;
  std::string error;
  bool untrusted = false;  // the server's certificate did not verify
  int retry_after_s = 0;
};

// The words and options of one command line.
struct Args {
  std::vector<std::string> words;
  std::map<std::string, std::string> options;
};

std::optional<Args> parse_args(const std::vector<std::string>& args) {
  static const char* const kOptions[] = {"--session", "--code", "--password", "--server", "--ca"};
  Args out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    bool known = false;
    for (const char* option : kOptions) known = known || arg == option;
    if (known) {
      if (i + 1 == args.size()) return std::nullopt;
      out.options[arg] = args[++i];
    } else if (arg.rfind("--", 0) == 0) {
      return std::nullopt;
    } else {
      out.words.push_back(arg);
    }
  }
  return out;
}

// Whether `text` goes into a URL as it is: base64url characters, as the ids
// and cursors the hub makes are.
bool url_safe(std::string_view text) {
  if (text.empty() || text.size() > 256) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Text from the server as it may be printed: C0 and C1 controls other than
// line feed and tab become U+FFFD, so no text can move the cursor, change
// colours or retitle the window. A line feed continues the text indented.
std::string shown(std::string_view text, std::string_view indent = "") {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c == '\n') {
      out += '\n';
      out += indent;
    } else if ((c < 0x20 && c != '\t') || c == 0x7F || c1) {
      out += "\xEF\xBF\xBD";
      if (c1) ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// "2026-12-06T20:31:00Z" as "2026-12-06 20:31".
std::string short_time(const std::string& rfc3339) {
  if (rfc3339.size() < 16) return shown(rfc3339);
  return shown(rfc3339.substr(0, 10) + ' ' + rfc3339.substr(11, 5));
}

// A request's `when`: "2026-12-08 morning", "soon, any time of day".
std::string when_text(const json& when) {
  const std::string part = when.value("part_of_day", "any");
  return (when.contains("date") ? shown(when.value("date", "")) + ' ' : std::string("soon, ")) +
         (part == "any" ? std::string("any time of day") : shown(part));
}

// The hub's API as a helper's app calls it: net/'s HTTPS client, which
// verifies the certificate (against the session's CA file, if any).
class Client {
 public:
  Client(const std::string& server, const std::string& ca_file) : http_(config(server, ca_file)) {}

  Answer get(const std::string& path, const std::string& token) {
    return answer(http_.send({"GET", path, headers(token, {}), {}}));
  }

  // POSTs with a fresh idempotency key; a 503 (the hub is busy hashing) is
  // tried again with the same key after Retry-After, a few times.
  Answer post(const std::string& path, const std::string& token, const json& body) {
    const std::string key = api::mint_idempotency_key();
    Answer out;
    for (int attempt = 0; attempt < 5; ++attempt) {
      out = answer(http_.send({"POST", path, headers(token, key), body.dump()}));
      if (out.status != 503) break;
      std::this_thread::sleep_for(std::chrono::seconds(std::max(1, out.retry_after_s)));
    }
    return out;
  }

 private:
  static net::HttpConfig config(const std::string& server, const std::string& ca_file) {
    net::HttpConfig c;
    c.base_url = server;
    c.ca_file = ca_file;
    c.connect_timeout_ms = 5'000;
    c.total_timeout_ms = 30'000;
    return c;
  }

  static std::vector<std::pair<std::string, std::string>> headers(const std::string& token,
                                                                  const std::string& key) {
    std::vector<std::pair<std::string, std::string>> h;
    if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
    if (!key.empty()) h.emplace_back("Idempotency-Key", key);
    return h;
  }

  static Answer answer(const net::HttpResponse& response) {
    Answer out;
    if (response.transport != net::Transport::Ok) {
      out.untrusted = response.transport == net::Transport::Tls;
      out.error = net::transport_name(response.transport);
      return out;
    }
    out.status = static_cast<int>(response.status);
    out.body = response.body;
    out.retry_after_s = std::atoi(response.retry_after.c_str());
    return out;
  }

  net::HttpClient http_;
};

// Says why a call failed, from its problem body, and returns 1.
int refused(const Answer& a, const std::string& server, std::ostream& err) {
  if (a.status == 0) {
    err << "helper: cannot reach " << server << ": " << a.error << '\n';
    if (a.untrusted) {
      err << "helper: the hub's certificate is not trusted; log in with --ca FILE\n";
    }
    return 1;
  }
  const json p = json::parse(a.body, nullptr, false);
  std::string type = p.is_object() ? p.value("type", "") : "";
  if (const auto slash = type.rfind('/'); slash != std::string::npos) type = type.substr(slash + 1);
  err << "helper: refused (" << a.status;
  if (!type.empty()) err << ' ' << shown(type);
  err << ')';
  if (p.is_object() && p.contains("title")) err << ": " << shown(p.value("title", ""));
  if (p.is_object() && p.contains("detail")) err << " (" << shown(p.value("detail", "")) << ')';
  err << '\n';
  if (a.status == 401 && type != "invalid-credentials") {
    err << "helper: log in again with `ichhelfe-hub helper login`\n";
  }
  return 1;
}

json body_of(const Answer& a) {
  return json::parse(a.body, nullptr, false);
}

std::optional<Session> read_session(const std::string& path, std::ostream& err) {
  if (path.empty()) {
    err << "helper: no session: give --session FILE or set ICHHELFE_HELPER_SESSION "
           "(make one with `helper login`)\n";
    return std::nullopt;
  }
  std::ifstream in(path);
  const json j = json::parse(in, nullptr, false);
  if (!in || !j.is_object() || !j.contains("server") || !j.contains("token")) {
    err << "helper: " << path << " is not a session file (make one with `helper login`)\n";
    return std::nullopt;
  }
  return Session{j.value("server", ""), j.value("ca_file", ""), j.value("token", ""),
                 j.value("helper", "")};
}

int login(const Args& a, std::ostream& out, std::ostream& err) {
  const auto option = [&](const char* name, const char* fallback = "") {
    const auto found = a.options.find(name);
    return found == a.options.end() ? std::string(fallback) : found->second;
  };
  const std::string code = option("--code");
  const std::string password = option("--password");
  const std::string path = option("--session");
  if (code.empty() || password.empty() || path.empty() || a.words.size() != 1) {
    err << helper_usage("ichhelfe-hub");
    return 2;
  }
  Session session;
  session.server = option("--server", "https://127.0.0.1:8443");
  const std::string ca = option("--ca");
  session.ca_file = ca.empty() ? "" : std::filesystem::absolute(ca).string();
  session.token = api::mint_secret();
  Client client(session.server, session.ca_file);
  const json body = {{"personal_code", code}, {"pin", password}, {"session_token", session.token}};
  const Answer answer = client.post("/v1/sessions", "", body);
  if (answer.status != 201) return refused(answer, session.server, err);
  const json reply = body_of(answer);
  if (reply.value("role", "") != "helper") {
    err << "helper: this code is not a helper's\n";
    return 1;
  }
  session.name = reply.value("display_name", "");
  std::string error;
  if (!make_private_file(path, &error)) {
    err << "helper: " << error << '\n';
    return 1;
  }
  std::ofstream file(path, std::ios::trunc);
  file << json{{"server", session.server},
               {"ca_file", session.ca_file},
               {"token", session.token},
               {"helper", session.name}}
              .dump(2)
       << '\n';
  if (!file.flush()) {
    err << "helper: cannot write " << path << '\n';
    return 1;
  }
  out << "logged in as " << shown(session.name) << " until "
      << short_time(reply.value("expires_at", "")) << " UTC; session in " << path << '\n';
  return 0;
}

int requests(const Session& s, std::ostream& out, std::ostream& err) {
  Client client(s.server, s.ca_file);
  const Answer answer = client.get("/v1/matching/feed?limit=50", s.token);
  if (answer.status != 200) return refused(answer, s.server, err);
  const json page = body_of(answer);
  const json items = page.value("items", json::array());
  if (items.empty()) {
    out << "No open request fits " << shown(s.name) << " now.\n";
    return 0;
  }
  for (const json& item : items) {
    const json r = item.value("request", json::object());
    const json when = r.value("when", json::object());
    out << shown(r.value("id", "")) << "  " << shown(r.value("category", "")) << "  in "
        << shown(r.value("town", "")) << " (" << item.value("distance_km", 0) << " km)  speaks "
        << shown(r.value("helper_language", "")) << "  " << when_text(when) << '\n';
    if (const std::string place = r.value("place", ""); !place.empty()) {
      out << "    at " << shown(place, "    ") << '\n';
    }
    if (const std::string text = r.value("text", ""); !text.empty()) {
      out << "    " << shown(text, "    ") << '\n';
    }
  }
  if (page.contains("next_cursor")) out << "(and more)\n";
  return 0;
}

int offer(const Session& s, const Args& a, std::ostream& out, std::ostream& err) {
  Client client(s.server, s.ca_file);
  const Answer answer =
      client.post("/v1/requests/" + a.words[1] + "/offers", s.token, {{"message", a.words[2]}});
  if (answer.status != 201) return refused(answer, s.server, err);
  const json c = body_of(answer);
  out << "conversation " << shown(c.value("id", "")) << " with "
      << shown(c.value("counterpart", "")) << " about " << shown(c.value("category", "")) << '\n';
  return 0;
}

// My conversations (at most the first 10 pages), most recently active first.
std::optional<json> conversations_of(Client& client, const Session& s, std::ostream& err) {
  json all = json::array();
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    const Answer answer = client.get(
        "/v1/conversations?limit=100" + (cursor.empty() ? "" : "&cursor=" + cursor), s.token);
    if (answer.status != 200) {
      refused(answer, s.server, err);
      return std::nullopt;
    }
    const json body = body_of(answer);
    for (const json& c : body.value("items", json::array())) all.push_back(c);
    cursor = body.value("next_cursor", "");
    if (cursor.empty() || !url_safe(cursor)) break;
  }
  return all;
}

int conversations(const Session& s, std::ostream& out, std::ostream& err) {
  Client client(s.server, s.ca_file);
  const auto all = conversations_of(client, s, err);
  if (!all) return 1;
  if (all->empty()) out << shown(s.name) << " has no conversations yet.\n";
  for (const json& c : *all) {
    out << shown(c.value("id", "")) << "  " << shown(c.value("counterpart", "")) << "  "
        << shown(c.value("category", "")) << "  " << c.value("unread", 0) << " unread  (request "
        << shown(c.value("request_id", "")) << ")\n";
  }
  return 0;
}

int say(const Session& s, const Args& a, std::ostream& out, std::ostream& err) {
  Client client(s.server, s.ca_file);
  const Answer answer =
      client.post("/v1/conversations/" + a.words[1] + "/messages", s.token, {{"text", a.words[2]}});
  if (answer.status != 201) return refused(answer, s.server, err);
  out << "sent, message " << shown(body_of(answer).value("id", "")) << '\n';
  return 0;
}

int replies(const Session& s, const Args& a, std::ostream& out, std::ostream& err) {
  Client client(s.server, s.ca_file);
  const std::string id = a.words[1];
  std::string counterpart = "them";
  if (const auto all = conversations_of(client, s, err)) {
    for (const json& c : *all) {
      if (c.value("id", "") == id) counterpart = c.value("counterpart", counterpart);
    }
  } else {
    return 1;
  }
  // The list runs oldest first and always has a cursor; a short page is the last.
  json messages = json::array();
  std::string cursor;
  for (int pages = 0; pages < 100; ++pages) {
    const Answer answer = client.get("/v1/conversations/" + id + "/messages?limit=100" +
                                         (cursor.empty() ? "" : "&cursor=" + cursor),
                                     s.token);
    if (answer.status != 200) return refused(answer, s.server, err);
    const json page = body_of(answer);
    const json items = page.value("items", json::array());
    for (const json& m : items) messages.push_back(m);
    cursor = page.value("next_cursor", "");
    if (items.size() < 100 || cursor.empty() || !url_safe(cursor)) break;
  }
  out << "conversation " << shown(id) << " with " << shown(counterpart) << '\n';
  std::string unread_up_to;
  for (const json& m : messages) {
    const bool mine = m.value("mine", false);
    const std::string who = mine ? "me" : counterpart;
    out << "  " << short_time(m.value("sent_at", "")) << "  " << shown(who) << ": "
        << shown(m.value("text", ""), "      ") << '\n';
    if (!mine && !m.value("read", false)) unread_up_to = m.value("id", "");
  }
  // Shown is read: the person sees that at the kiosk.
  if (!unread_up_to.empty()) {
    const Answer marked =
        client.post("/v1/conversations/" + id + "/read", s.token, {{"up_to", unread_up_to}});
    if (marked.status != 200) return refused(marked, s.server, err);
  }
  return 0;
}

int run(const std::vector<std::string>& args, const std::string& default_session, std::ostream& out,
        std::ostream& err) {
  const auto parsed = parse_args(args);
  const auto usage = [&err] {
    err << helper_usage("ichhelfe-hub");
    return 2;
  };
  if (!parsed || parsed->words.empty()) return usage();
  const Args& a = *parsed;
  const std::string& command = a.words[0];
  if (command == "login") return login(a, out, err);
  // Which commands take which words: an id, and a message.
  const std::map<std::string, size_t> kWords = {
      {"requests", 1}, {"conversations", 1}, {"offer", 3}, {"say", 3}, {"replies", 2}};
  const auto words = kWords.find(command);
  if (words == kWords.end() || a.words.size() != words->second) return usage();
  if (a.words.size() > 1 && !url_safe(a.words[1])) {
    err << "helper: " << shown(a.words[1]) << " is not an id the hub gave\n";
    return 2;
  }
  const auto option = a.options.find("--session");
  const auto session =
      read_session(option == a.options.end() ? default_session : option->second, err);
  if (!session) return 1;
  if (command == "requests") return requests(*session, out, err);
  if (command == "conversations") return conversations(*session, out, err);
  if (command == "offer") return offer(*session, a, out, err);
  if (command == "say") return say(*session, a, out, err);
  return replies(*session, a, out, err);
}

}  // namespace

int run_helper_command(const std::vector<std::string>& args, const std::string& default_session,
                       std::ostream& out, std::ostream& err) {
  // nlohmann's value() throws when a field has another type than asked: a
  // reply (or session file) that breaks the contract ends here, not in abort().
  try {
    return run(args, default_session, out, err);
  } catch (const json::exception&) {
    err << "helper: the hub's reply or the session file is not what the contract says\n";
    return 1;
  }
}

}  // namespace ih::hub
