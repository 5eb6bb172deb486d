// The hub's TLS certificate and key: loaded from files given by flags, or, in
// demo mode, a development certificate made with OpenSSL at first start and
// kept in the state folder so the terminals' pin stays valid across restarts.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ih::hub {

struct TlsIdentity {
  std::string certificate_pem;
  std::string private_key_pem;
};

// A self-signed ECDSA P-256 certificate for `names` (DNS names or IP
// addresses), valid for 825 days. nullopt and *error if OpenSSL fails.
std::optional<TlsIdentity> make_development_identity(const std::vector<std::string>& names,
                                                     std::string* error);

// Reads certificate and key PEM files.
std::optional<TlsIdentity> load_identity(const std::string& certificate_path,
                                         const std::string& key_path, std::string* error);

// Loads dev-cert.pem and dev-key.pem from `folder`, making them first if they
// are missing (for localhost, 127.0.0.1 and ::1), in a folder of mode 0700,
// both files 0600.
std::optional<TlsIdentity> load_or_make_development_identity(const std::string& folder,
                                                             std::string* error);

// The pin of the certificate's public key as curl takes it:
// "sha256//" + base64(SHA-256(SubjectPublicKeyInfo DER)).
std::optional<std::string> public_key_pin(const std::string& certificate_pem);

}  // namespace ih::hub
