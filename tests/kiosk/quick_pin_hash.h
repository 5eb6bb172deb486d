// A staff PIN's Argon2id hash made with the cheapest parameters, for tests
// of what is behind the PIN rather than of the hash (a real one costs 0.1 s).
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <string>

namespace ih::kiosk::testing {

inline std::string quick_pin_hash(const char* pin) {
  EXPECT_GE(sodium_init(), 0);
  char out[crypto_pwhash_STRBYTES];
  EXPECT_EQ(crypto_pwhash_str_alg(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  return out;
}

}  // namespace ih::kiosk::testing
