#include "engine/load/input_hash.h"

#include <openssl/evp.h>

#include <memory>

namespace weighbridge {

std::string InputHash(const std::vector<std::pair<std::string, const SourceFile*>>& labelled_files) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  // Each file contributes "label NUL size NUL bytes", so that moving bytes
  // from one file to the next cannot give the same hash.
  for (const auto& [label, file] : labelled_files) {
    std::string header = label + '\0' + std::to_string(file->text().size()) + '\0';
    EVP_DigestUpdate(context.get(), header.data(), header.size());
    EVP_DigestUpdate(context.get(), file->text().data(), file->text().size());
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace weighbridge
