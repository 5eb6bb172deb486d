#include "net/staff.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "api/personal_code.h"
#include "api/secret.h"
#include "net/api_client.h"
#include "net/log.h"
#include "net/replies.h"

namespace ih::net {
namespace {

// Serialises `body`; the caller overwrites the text after sending it.
std::string dump(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void overwrite(std::string& text) {
  if (!text.empty()) sodium_memzero(text.data(), text.size());
  text.clear();
}

PinResetResult failed(PinResetError error, std::string detail = {}) {
  PinResetResult r;
  r.error = error;
  r.detail = std::move(detail);
  return r;
}

// The category of an answer that is not one the screen names.
std::string category(const HttpResponse& response) {
  if (response.transport != Transport::Ok) return transport_name(response.transport);
  const auto problem = parse_problem(response.body);
  return "server answered " + std::to_string(response.status) +
         (problem ? " " + problem->type : std::string());
}

}  // namespace

const char* pin_reset_error_name(PinResetError error) {
  switch (error) {
    case PinResetError::None:
      return "none";
    case PinResetError::WrongStaffPin:
      return "wrong staff PIN";
    case PinResetError::NotStaff:
      return "not staff";
    case PinResetError::PersonNotFound:
      return "person not found";
    case PinResetError::PinRefused:
      return "PIN refused";
    case PinResetError::Locked:
      return "locked";
    case PinResetError::Offline:
      return "offline";
    case PinResetError::Failed:
      return "failed";
  }
  return "failed";
}

PinResetResult reset_pin(HttpClient& client, const TerminalIdentity& identity,
                         const PinReset& reset, int64_t now) {
  // A code that is not a code names no one; no login is spent on it.
  const auto person = api::normalize_personal_code(reset.personal_code);
  if (!person) return failed(PinResetError::PersonNotFound);

  // [SECTION] The staff member logs in, bound to this terminal.
  const std::string token = api::mint_secret();
  std::string body = dump(
      {{"personal_code", reset.staff_code}, {"pin", reset.staff_pin}, {"session_token", token}});
  HttpResponse login = client.send(make_request("POST", "/v1/sessions", {identity.credential(), {}},
                                                body, api::mint_idempotency_key()));
  overwrite(body);
  if (login.transport != Transport::Ok) return failed(PinResetError::Offline, category(login));
  if (login.status == 429) {
    PinResetResult r = failed(PinResetError::Locked);
    r.retry_after_s = parse_retry_after(login.retry_after, now).value_or(60);
    return r;
  }
  const auto problem = parse_problem(login.body);
  // 401 invalid-credentials is a wrong code or PIN; a refused terminal
  // credential is a 401 too, but not the staff member's doing.
  if (login.status == 401 && problem && problem->type == "invalid-credentials")
    return failed(PinResetError::WrongStaffPin);
  // An empty or overlong code or PIN: nothing the platform could check.
  if (login.status == 400 || login.status == 422) return failed(PinResetError::WrongStaffPin);
  if (login.status != 201) return failed(PinResetError::Failed, category(login));
  const auto session = parse_session(login.body);
  overwrite(login.body);
  const Caller staff{identity.credential(), token};
  if (!session) {
    logout(client, staff);
    return failed(PinResetError::Failed, "unreadable reply");
  }

  // [SECTION] The new PIN, then the staff session ends whatever happened.
  PinResetResult result;
  if (session->role != "staff") {
    result = failed(PinResetError::NotStaff);
  } else {
    body = dump({{"new_pin", reset.new_pin}});
    HttpResponse answer = client.send(make_request("POST", "/v1/accounts/" + *person + "/pin-reset",
                                                   staff, body, api::mint_idempotency_key()));
    overwrite(body);
    if (answer.transport != Transport::Ok) {
      result = failed(PinResetError::Offline, category(answer));
    } else if (answer.status == 200) {
      const auto reply = nlohmann::json::parse(answer.body, nullptr, false);
      if (reply.is_object() && reply.contains("sessions_ended") &&
          reply["sessions_ended"].is_number_integer())
        result.sessions_ended = reply["sessions_ended"].get<int64_t>();
    } else if (answer.status == 404) {
      result = failed(PinResetError::PersonNotFound);
    } else if (answer.status == 403) {
      result = failed(PinResetError::NotStaff);
    } else if (answer.status == 400 || answer.status == 422) {
      result = failed(PinResetError::PinRefused);
    } else {
      result = failed(PinResetError::Failed, category(answer));
    }
  }
  logout(client, staff);
  if (!result.ok())
    log(LogLevel::Warning, std::string("a PIN reset failed: ") +
                               pin_reset_error_name(result.error) +
                               (result.detail.empty() ? "" : " (" + result.detail + ")"));
  return result;
}

}  // namespace ih::net
