// The staff menu (staff.h): the terminal's state, one fact a line, and the
// ways on: enrolment, settings, a PIN reset (ShowStaffPage), registering the
// person at the staff member's side (RegisterPerson), leaving (LeaveStaff).
#include <algorithm>
#include <cmath>

#include "kiosk/screens/staff_pages.h"

namespace ih::kiosk::staff {

using i18n::msg;

namespace {

// What the platform refused, for staff: "request 1× 422 validation-failed;
// profile 1× 422 …". Technical words, like staff mode's other error details.
std::string refusals(const DeadLetters& dead) {
  std::string out;
  for (const DeadLetterCount& d : dead.counts) {
    if (!out.empty()) out += "; ";
    out += std::string(entry_kind_name(d.kind)) + " " + std::to_string(d.count) + "× " +
           std::to_string(d.status) + (d.problem_type.empty() ? "" : " " + d.problem_type);
  }
  return out;
}

}  // namespace

std::optional<Action> draw_menu(PageContext& c, const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
  float y = page_heading(c, str.text(msg("Staff mode")), c.area.min.y + c.m.margin) + c.m.gap / 2;

  // The terminal's state, one fact a line.
  struct Fact {
    std::string text;
    bool refused = false;  // in the error colour, after its warning sign
  };
  std::vector<Fact> facts;
  const std::optional<SyncStatus> status = services.status ? services.status() : std::nullopt;
  std::string_view connection;
  if (!status)
    // TRANSLATORS: Staff menu: the terminal has no network settings or is not
    // enrolled, so nothing is sent.
    connection = str.text(msg("Connection: none (nothing is sent)"));
  else if (status->state == SyncState::Online)
    // TRANSLATORS: Staff menu: the terminal reaches the platform.
    connection = str.text(msg("Connection: online"));
  else if (status->state == SyncState::Sending)
    // TRANSLATORS: Staff menu: the terminal is sending what people entered.
    connection = str.text(msg("Connection: sending"));
  else
    // TRANSLATORS: Staff menu: the terminal cannot reach the platform now.
    connection = str.text(msg("Connection: offline"));
  facts.push_back({std::string(connection)});
  if (status) {
    facts.push_back({str.format(msg("Waiting to be sent: {count}"), {{"count", status->waiting}})});
    if (status->dead_letters.total > 0)
      facts.push_back(
          {"⚠ " +
               // TRANSLATORS: Staff menu, shown only when there are any: entries
               // the platform refused for good, kept on the terminal (sealed, staff
               // cannot read them). {untold}: how many the person was not yet told
               // of at a login. {reasons}: technical, in English, e.g. "request 1×
               // 422 validation-failed".
               str.format(msg("Refused by the platform and kept here: {total} ({untold} not yet "
                              "told to the person). {reasons}"),
                          {{"total", status->dead_letters.total},
                           {"untold", status->dead_letters.untold},
                           {"reasons", refusals(status->dead_letters)}}),
           true});
    if (status->last_contact > 0) {
      const i18n::Timestamp then{std::chrono::seconds(status->last_contact)};
      facts.push_back(
          {// TRANSLATORS: Staff menu: when the platform last answered, e.g. "Last
           // contact with the platform: 5 minutes ago".
           str.format(msg("Last contact with the platform: {when}"),
                      {{"when", str.formats().relative(then, services.wall_clock())}})});
    } else {
      // TRANSLATORS: Staff menu: the platform has not answered since the
      // kiosk started.
      facts.push_back({std::string(str.text(msg("Last contact with the platform: not yet")))});
    }
  }
  if (services.version)
    // TRANSLATORS: Staff menu: the kiosk software's version, e.g. "Version: 1.4.2".
    facts.push_back({str.format(msg("Version: {version}"), {{"version", services.version()}})});
  const bool enrolled = services.enrolled && services.enrolled();
  facts.push_back(
      {std::string(enrolled
                       // TRANSLATORS: Staff menu: the terminal is registered with the platform.
                       ? str.text(msg("This terminal is enrolled."))
                       // TRANSLATORS: Staff menu: the terminal is not registered with the
                       // platform yet; staff enrol it with a code from the platform team.
                       : str.text(msg("This terminal is not enrolled yet.")))});
  redraw_by(c, c.now + kStatusRefresh);

  // The ways on, in a grid that ends at the bottom of the page.
  struct Way {
    const char* id;
    std::string_view text;
  };
  const Way ways[] = {
      // TRANSLATORS: Staff menu button: register this terminal with the platform.
      {"menu-enrol", str.text(msg("Enrol terminal"))},
      // TRANSLATORS: Staff menu button: the terminal's settings.
      {"menu-settings", str.text(msg("Settings"))},
      // TRANSLATORS: Staff menu button: set a new PIN for a person who forgot theirs.
      {"menu-reset", str.text(msg("Reset a PIN"))},
      // TRANSLATORS: Staff menu button: make a profile for a person at the
      // staff member's side.
      {"menu-register", str.text(msg("Register someone"))},
      // TRANSLATORS: Staff menu button: close staff mode.
      {"menu-leave", str.text(msg("Leave staff mode"))},
  };
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const int columns = landscape ? 3 : 1;
  const int count = static_cast<int>(std::size(ways));
  const int rows = (count + columns - 1) / columns;
  const float bottom = c.area.max.y - c.m.margin;
  // The buttons keep their full height; the facts above them are drawn
  // smaller together where they would reach them (large scripts, a long
  // reason).
  const float top = bottom - rows * c.m.button - (rows - 1) * c.m.gap;
  const float h = c.m.button;
  std::vector<PageBlock> blocks;
  for (const Fact& f : facts)
    blocks.push_back(
        {f.text, c.m.body, f.refused ? std::optional(c.frame.ui.theme.error) : std::nullopt, 0});
  page_blocks(c, blocks, y, top - c.m.gap);
  std::optional<Action> action;
  for (int i = 0; i < count; ++i) {
    const int row = i / columns;
    const i18n::Span x = i18n::cell(c.direction(), content(c), i % columns, columns, c.m.gap);
    const float t = top + static_cast<float>(row) * (h + c.m.gap);
    if (!page_button(c, ways[i].id, ways[i].text, {ImVec2(x.left, t), ImVec2(x.right(), t + h)}))
      continue;
    switch (i) {
      case 0:
        action = Action{Action::ShowStaffPage, StaffPage::Enrol};
        break;
      case 1:
        action = Action{Action::ShowStaffPage, StaffPage::Settings};
        break;
      case 2:
        action = Action{Action::ShowStaffPage, StaffPage::ResetPin};
        break;
      case 3:
        action = Action::RegisterPerson;
        break;
      case 4:
        action = Action::LeaveStaff;
        break;
    }
  }
  return action;
}

}  // namespace ih::kiosk::staff
