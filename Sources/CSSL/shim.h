#ifndef AURA_CSSL_SHIM_H
#define AURA_CSSL_SHIM_H
/* Declarations only: the functions are defined in CAuraOpenSSL, which loads libssl on first use
   (no `link` in module.modulemap). */
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

// OpenSSL spells these as macros, which Swift does not import.
static inline int aura_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long aura_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
static inline int aura_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}
static inline int aura_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}
static inline void aura_bio_set_retry_read(BIO *bio) { BIO_set_retry_read(bio); }
static inline void aura_bio_clear_retry_flags(BIO *bio) { BIO_clear_retry_flags(bio); }
/// The error-queue reason code OpenSSL uses for a received alert (its text: "tlsv13 alert certificate required", ...).
static inline unsigned long aura_ssl_alert_reason(int description) {
    return ERR_PACK(ERR_LIB_SSL, 0, SSL_AD_REASON_OFFSET + description);
}
static inline uint64_t aura_ssl_op_cipher_server_preference(void) { return SSL_OP_CIPHER_SERVER_PREFERENCE; }
#endif
