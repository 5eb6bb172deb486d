// The hub's own keys: the X25519 key pair that opens every envelope, and the
// key of the fingerprints and reply copies of the idempotency records. The
// database holds the two secret keys only sealed (crypto_secretbox) with a
// key that lives in a file of its own, Config::key_path (32 random bytes,
// mode 0600): a copy of the database alone (a backup, a replica, a disk image
// of the database's volume) opens no envelope. The key file can live on other
// storage than the database; losing it loses the envelopes still on their
// way, so it is backed up apart from the database.
#pragma once

#include <string>

#include "hub/state.h"

namespace ih::hub {

// Reads the keys into `hub` (box_public, box_secret, fingerprint_key), making
// them and the key file on first start. A database whose keys an earlier hub
// kept in the clear has them sealed now and the clear copies overwritten.
// False and *error if the key file is missing or not the one that sealed
// them, or the store fails. Call once, before the hub serves.
bool load_or_make_keys(Hub& hub, std::string* error);

}  // namespace ih::hub
