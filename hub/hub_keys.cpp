#include "hub/hub_keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hub/crypto.h"

namespace ih::hub {
namespace {

using Bytes = std::vector<unsigned char>;

constexpr size_t kFileKeyBytes = crypto_secretbox_KEYBYTES;

// The key file's 32 bytes; made if `create` and the file is missing. An
// empty result and *error if it cannot be read or made.
Bytes read_key_file(const std::string& path, bool create, std::string* error) {
  Bytes key(kFileKeyBytes);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create) {
    // Written whole under a name of its own, then linked into place: a hub
    // starting beside this one finds no file or all of it, never a part, and
    // of two hubs making one, the second takes the first one's.
    randombytes_buf(key.data(), key.size());
    const std::string made =
        path + ".new-" + std::to_string(getpid()) + "-" + std::to_string(randombytes_random());
    const int out = open(made.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    const bool written = out >= 0 &&
                         write(out, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                         fsync(out) == 0;
    int why = errno;
    if (out >= 0) close(out);
    const bool placed = written && link(made.c_str(), path.c_str()) == 0;
    if (written && !placed) why = errno;
    unlink(made.c_str());
    if (placed) return key;
    if (!written || why != EEXIST) {
      *error = "cannot write the key file " + path + ": " + std::strerror(why);
      return {};
    }
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) {
    *error = errno == ENOENT
                 ? "the key file " + path + " is missing; without it the hub cannot open its keys"
                 : "cannot read the key file " + path + ": " + std::strerror(errno);
    return {};
  }
  const ssize_t got = read(fd, key.data(), key.size());
  close(fd);
  if (got != static_cast<ssize_t>(key.size())) {
    *error = "the key file " + path + " is not 32 bytes";
    return {};
  }
  return key;
}

// seal_with(file key, box_secret ‖ fingerprint_key)
Bytes seal(const Bytes& file_key, const Bytes& box_secret, const Bytes& fingerprint_key) {
  std::string plain(box_secret.begin(), box_secret.end());
  plain.append(fingerprint_key.begin(), fingerprint_key.end());
  Bytes out = seal_with(file_key, plain);
  sodium_memzero(plain.data(), plain.size());
  return out;
}

bool unseal(const Bytes& file_key, const Bytes& sealed, Hub& hub) {
  auto plain = open_with(file_key, sealed);
  if (!plain || plain->size() != crypto_box_SECRETKEYBYTES + crypto_generichash_KEYBYTES) {
    return false;
  }
  hub.box_secret.assign(plain->begin(), plain->begin() + crypto_box_SECRETKEYBYTES);
  hub.fingerprint_key.assign(plain->begin() + crypto_box_SECRETKEYBYTES, plain->end());
  sodium_memzero(plain->data(), plain->size());
  return true;
}

}  // namespace

bool load_or_make_keys(Hub& hub, std::string* error) {
  const std::string& key_path = hub.config.key_path;
  auto db = hub.store->lease();
  auto st = db->prepare(
      "SELECT box_public, box_secret, fingerprint_key, sealed FROM hub_keys WHERE id = 1");
  const auto step = st.step();
  if (step == Statement::Step::Error) {
    *error = "cannot read the hub's keys: " + db->error();
    return false;
  }
  const bool exists = step == Statement::Step::Row;
  const bool sealed = exists && !st.is_null(3);
  // A key file is made only where nothing is sealed with one yet.
  const Bytes file_key = read_key_file(key_path, !sealed, error);
  if (file_key.empty()) return false;
  if (sealed) {
    hub.box_public = st.blob(0);
    if (!unseal(file_key, st.blob(3), hub)) {
      *error = "the key file " + key_path + " does not open the hub's keys";
      return false;
    }
    return true;
  }
  if (exists) {
    // An earlier hub kept them in the clear.
    hub.box_public = st.blob(0);
    hub.box_secret = st.blob(1);
    hub.fingerprint_key = st.blob(2);
  } else {
    hub.box_public.resize(crypto_box_PUBLICKEYBYTES);
    hub.box_secret.resize(crypto_box_SECRETKEYBYTES);
    hub.fingerprint_key.resize(crypto_generichash_KEYBYTES);
    crypto_box_keypair(hub.box_public.data(), hub.box_secret.data());
    randombytes_buf(hub.fingerprint_key.data(), hub.fingerprint_key.size());
  }
  st = Statement();
  // A new row only if no other hub process made one meanwhile (several share
  // a PostgreSQL database); the clear copies of an older one are overwritten.
  auto store = db->prepare(
      exists ? "UPDATE hub_keys SET box_secret = ?3, fingerprint_key = ?3, sealed = ?2 WHERE id = 1"
             : "INSERT INTO hub_keys (id, box_public, box_secret, fingerprint_key, sealed) "
               "VALUES (1, ?1, ?3, ?3, ?2) ON CONFLICT (id) DO NOTHING");
  store.bind_all(hub.box_public, seal(file_key, hub.box_secret, hub.fingerprint_key), Bytes{});
  if (!db->run_erasing_old_bytes(store)) {
    *error = "cannot store the hub's keys: " + db->error();
    return false;
  }
  if (!exists && db->changes() == 0) return load_or_make_keys(hub, error);
  return true;
}

}  // namespace ih::hub
