#include "hub/tls_identity.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "api/secret.h"
#include "hub/private_files.h"

namespace ih::hub {
namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

bool add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool is_ip_address(const std::string& name) {
  return name.find(':') != std::string::npos ||
         name.find_first_not_of("0123456789.") == std::string::npos;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<TlsIdentity> make_development_identity(const std::vector<std::string>& names,
                                                     std::string* error) {
  Key key(EVP_EC_gen("P-256"));
  Cert cert(X509_new());
  if (!key || !cert) {
    *error = "OpenSSL cannot make a key";
    return std::nullopt;
  }
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  // A random serial, so that two development certificates never look alike.
  randombytes_buf(serial, sizeof serial);
  serial[0] &= 0x7f;
  BIGNUM* serial_bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(serial_bn, X509_get_serialNumber(cert.get()));
  BN_free(serial_bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("ichhelfe.jetzt development"),
                             -1, -1, 0);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("ichhelfe-hub"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), subject);
  std::string alt_names;
  for (const std::string& name : names) {
    if (!alt_names.empty()) alt_names += ',';
    alt_names += (is_ip_address(name) ? "IP:" : "DNS:") + name;
  }
  // A self-signed certificate that terminals trust directly (their CA file),
  // and that may not sign anything else.
  if (!add_extension(cert.get(), NID_subject_alt_name, alt_names) ||
      !add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
      !add_extension(cert.get(), NID_ext_key_usage, "serverAuth") ||
      X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    *error = "OpenSSL cannot make a certificate";
    return std::nullopt;
  }
  Bio cert_bio(BIO_new(BIO_s_mem()));
  Bio key_bio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509(cert_bio.get(), cert.get()) ||
      !PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
    *error = "OpenSSL cannot write PEM";
    return std::nullopt;
  }
  return TlsIdentity{bio_text(cert_bio.get()), bio_text(key_bio.get())};
}

std::optional<TlsIdentity> load_identity(const std::string& certificate_path,
                                         const std::string& key_path, std::string* error) {
  auto cert = read_file(certificate_path);
  auto key = read_file(key_path);
  if (!cert || !key) {
    *error = "cannot read " + (cert ? key_path : certificate_path);
    return std::nullopt;
  }
  if (!public_key_pin(*cert)) {
    *error = certificate_path + " is not a PEM certificate";
    return std::nullopt;
  }
  return TlsIdentity{std::move(*cert), std::move(*key)};
}

std::optional<TlsIdentity> load_or_make_development_identity(const std::string& folder,
                                                             std::string* error) {
  const std::string cert_path = folder + "/dev-cert.pem";
  const std::string key_path = folder + "/dev-key.pem";
  std::error_code ec;
  if (std::filesystem::exists(cert_path, ec) && std::filesystem::exists(key_path, ec)) {
    return load_identity(cert_path, key_path, error);
  }
  auto identity = make_development_identity({"localhost", "127.0.0.1", "::1"}, error);
  if (!identity || !make_private_folder(folder, error)) return std::nullopt;
  {
    // Both files private before any byte is in them, like the rest of the
    // state folder (the key above all).
    const mode_t old_mask = umask(077);
    std::ofstream key_out(key_path, std::ios::binary | std::ios::trunc);
    key_out << identity->private_key_pem;
    std::ofstream cert_out(cert_path, std::ios::binary | std::ios::trunc);
    cert_out << identity->certificate_pem;
    umask(old_mask);
    if (!key_out || !cert_out) {
      *error = "cannot write the development certificate to " + folder;
      return std::nullopt;
    }
  }
  return identity;
}

std::optional<std::string> public_key_pin(const std::string& certificate_pem) {
  Bio bio(BIO_new_mem_buf(certificate_pem.data(), static_cast<int>(certificate_pem.size())));
  Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) return std::nullopt;
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(X509_get0_pubkey(cert.get()), &der);
  if (size <= 0) return std::nullopt;
  std::vector<unsigned char> digest(SHA256_DIGEST_LENGTH);
  SHA256(der, static_cast<size_t>(size), digest.data());
  OPENSSL_free(der);
  return "sha256//" + api::to_base64(digest);
}

}  // namespace ih::hub
