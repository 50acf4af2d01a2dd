#ifndef AURA_CCRYPTO_SHIM_H
#define AURA_CCRYPTO_SHIM_H
/* Declarations only: the functions are defined in CAuraOpenSSL, which loads libcrypto on first
   use (no `link` in module.modulemap). */
#include <openssl/evp.h>
#include <openssl/crypto.h>
#endif
