#ifndef AURA_CCRYPTO_SHIM_H
#define AURA_CCRYPTO_SHIM_H
/* SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP costs about
   2 µs per small digest (an implementation fetch and a context allocation), seven times the
   hash of a 100-byte text; the result cache hashes every text (AuraCrypto's SHA256Hasher). */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#endif
