#include "aura_openssl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

// OpenSSL 3's shared libraries, loaded on first use (see aura_openssl.h).
enum library { LIBCRYPTO, LIBSSL };

static const char *const library_names[2] = {"libcrypto.so.3", "libssl.so.3"};
static void *handles[2];
static char failures[2][256];
static pthread_once_t loaded[2] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void open_library(enum library library) {
    handles[library] = dlopen(library_names[library], RTLD_NOW | RTLD_LOCAL);
    if (handles[library] == NULL) {
        const char *reason = dlerror();
        snprintf(failures[library], sizeof failures[library], "cannot load OpenSSL 3 (%s): %s", library_names[library],
                 reason ? reason : "unknown error");
    }
}

static void open_libcrypto(void) { open_library(LIBCRYPTO); }
static void open_libssl(void) { open_library(LIBSSL); }

static const char *load(enum library library) {
    pthread_once(&loaded[library], library == LIBSSL ? open_libssl : open_libcrypto);
    return handles[library] != NULL ? NULL : failures[library];
}

const char *aura_openssl_load(int ssl) {
    const char *failure = load(LIBCRYPTO);
    if (failure == NULL && ssl) failure = load(LIBSSL);
    return failure;
}

__attribute__((noinline, cold)) static void *resolve(enum library library, const char *name, void **slot) {
    const char *failure = load(library);
    void *function = failure == NULL ? dlsym(handles[library], name) : NULL;
    if (function == NULL) {
        fprintf(stderr, "aura: %s\n", failure ? failure : dlerror());
        abort();
    }
    __atomic_store_n(slot, function, __ATOMIC_RELEASE);
    return function;
}

static inline void *symbol(enum library library, const char *name, void **slot) {
    void *function = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    return function != NULL ? function : resolve(library, name, slot);
}

// Each function the Swift modules call, defined here with OpenSSL's own prototype (the compiler
// checks it against the header) and hidden, so only this program's code binds to it: libssl's
// own calls into libcrypto still go straight there. A function missing from this list is a
// link error ("undefined reference"), never a silent fallback.
#define FORWARD(library, result, name, parameters, arguments)                 \
    __attribute__((visibility("hidden"))) result name parameters {           \
        static void *slot;                                                    \
        return ((__typeof__(&name))symbol(LIB##library, #name, &slot))arguments; \
    }
#define FORWARD_VOID(library, name, parameters, arguments)                    \
    __attribute__((visibility("hidden"))) void name parameters {             \
        static void *slot;                                                    \
        ((__typeof__(&name))symbol(LIB##library, #name, &slot))arguments;    \
    }

FORWARD(SSL, int, OPENSSL_init_ssl, (uint64_t opts, const OPENSSL_INIT_SETTINGS *settings), (opts, settings))
FORWARD(SSL, const char *, SSL_CIPHER_get_name, (const SSL_CIPHER *c), (c))
FORWARD(SSL, uint16_t, SSL_CIPHER_get_protocol_id, (const SSL_CIPHER *c), (c))
FORWARD(SSL, long, SSL_ctrl, (SSL *ssl, int cmd, long larg, void *parg), (ssl, cmd, larg, parg))
FORWARD(SSL, int, SSL_CTX_check_private_key, (const SSL_CTX *ctx), (ctx))
FORWARD(SSL, long, SSL_CTX_ctrl, (SSL_CTX *ctx, int cmd, long larg, void *parg), (ctx, cmd, larg, parg))
FORWARD_VOID(SSL, SSL_CTX_free, (SSL_CTX *a0), (a0))
FORWARD(SSL, int, SSL_CTX_load_verify_locations, (SSL_CTX *ctx, const char *CAfile, const char *CApath), (ctx, CAfile, CApath))
FORWARD(SSL, SSL_CTX *, SSL_CTX_new, (const SSL_METHOD *meth), (meth))
FORWARD(SSL, int, SSL_CTX_set_ciphersuites, (SSL_CTX *ctx, const char *str), (ctx, str))
FORWARD_VOID(SSL, SSL_CTX_set_client_CA_list, (SSL_CTX *ctx, STACK_OF(X509_NAME) *name_list), (ctx, name_list))
FORWARD(SSL, int, SSL_CTX_set_default_verify_paths, (SSL_CTX *ctx), (ctx))
FORWARD_VOID(SSL, SSL_CTX_set_keylog_callback, (SSL_CTX *ctx, SSL_CTX_keylog_cb_func cb), (ctx, cb))
FORWARD(SSL, int, SSL_CTX_set_num_tickets, (SSL_CTX *ctx, size_t num_tickets), (ctx, num_tickets))
FORWARD(SSL, uint64_t, SSL_CTX_set_options, (SSL_CTX *ctx, uint64_t op), (ctx, op))
FORWARD(SSL, int, SSL_CTX_set_session_id_context, (SSL_CTX *ctx, const unsigned char *sid_ctx, unsigned int sid_ctx_len), (ctx, sid_ctx, sid_ctx_len))
FORWARD_VOID(SSL, SSL_CTX_set_verify, (SSL_CTX *ctx, int mode, SSL_verify_cb callback), (ctx, mode, callback))
FORWARD(SSL, int, SSL_CTX_use_certificate_chain_file, (SSL_CTX *ctx, const char *file), (ctx, file))
FORWARD(SSL, int, SSL_CTX_use_PrivateKey_file, (SSL_CTX *ctx, const char *file, int type), (ctx, file, type))
FORWARD(SSL, int, SSL_do_handshake, (SSL *s), (s))
FORWARD_VOID(SSL, SSL_free, (SSL *ssl), (ssl))
FORWARD(SSL, X509_VERIFY_PARAM *, SSL_get0_param, (SSL *ssl), (ssl))
FORWARD(SSL, X509 *, SSL_get1_peer_certificate, (const SSL *s), (s))
FORWARD(SSL, const SSL_CIPHER *, SSL_get_current_cipher, (const SSL *s), (s))
FORWARD(SSL, int, SSL_get_error, (const SSL *s, int ret_code), (s, ret_code))
FORWARD(SSL, void *, SSL_get_ex_data, (const SSL *ssl, int idx), (ssl, idx))
FORWARD(SSL, int, SSL_get_key_update_type, (const SSL *s), (s))
FORWARD(SSL, long, SSL_get_verify_result, (const SSL *ssl), (ssl))
FORWARD(SSL, const char *, SSL_get_version, (const SSL *s), (s))
FORWARD(SSL, int, SSL_has_pending, (const SSL *s), (s))
FORWARD(SSL, int, SSL_key_update, (SSL *s, int updatetype), (s, updatetype))
FORWARD(SSL, STACK_OF(X509_NAME) *, SSL_load_client_CA_file, (const char *file), (file))
FORWARD(SSL, SSL *, SSL_new, (SSL_CTX *ctx), (ctx))
FORWARD(SSL, int, SSL_pending, (const SSL *s), (s))
FORWARD(SSL, int, SSL_read, (SSL *ssl, void *buf, int num), (ssl, buf, num))
FORWARD(SSL, int, SSL_set1_host, (SSL *s, const char *hostname), (s, hostname))
FORWARD_VOID(SSL, SSL_set_accept_state, (SSL *s), (s))
FORWARD_VOID(SSL, SSL_set_bio, (SSL *s, BIO *rbio, BIO *wbio), (s, rbio, wbio))
FORWARD_VOID(SSL, SSL_set_connect_state, (SSL *s), (s))
FORWARD(SSL, int, SSL_set_ex_data, (SSL *ssl, int idx, void *data), (ssl, idx, data))
FORWARD(SSL, int, SSL_shutdown, (SSL *s), (s))
FORWARD(SSL, int, SSL_version, (const SSL *ssl), (ssl))
FORWARD(SSL, int, SSL_want, (const SSL *s), (s))
FORWARD(SSL, int, SSL_write, (SSL *ssl, const void *buf, int num), (ssl, buf, num))
FORWARD(SSL, const SSL_METHOD *, TLS_client_method, (void), ())
FORWARD(SSL, const SSL_METHOD *, TLS_server_method, (void), ())
FORWARD_VOID(CRYPTO, BIO_clear_flags, (BIO *b, int flags), (b, flags))
FORWARD(CRYPTO, void *, BIO_get_data, (BIO *a), (a))
FORWARD(CRYPTO, int, BIO_get_new_index, (void), ())
FORWARD(CRYPTO, BIO_METHOD *, BIO_meth_new, (int type, const char *name), (type, name))
FORWARD(CRYPTO, int, BIO_meth_set_ctrl, (BIO_METHOD *biom, long (*ctrl)(BIO *, int, long, void *)), (biom, ctrl))
FORWARD(CRYPTO, int, BIO_meth_set_read, (BIO_METHOD *biom, int (*read)(BIO *, char *, int)), (biom, read))
FORWARD(CRYPTO, int, BIO_meth_set_write, (BIO_METHOD *biom, int (*write)(BIO *, const char *, int)), (biom, write))
FORWARD(CRYPTO, BIO *, BIO_new, (const BIO_METHOD *type), (type))
FORWARD_VOID(CRYPTO, BIO_set_data, (BIO *a, void *ptr), (a, ptr))
FORWARD_VOID(CRYPTO, BIO_set_flags, (BIO *b, int flags), (b, flags))
FORWARD_VOID(CRYPTO, BIO_set_init, (BIO *a, int init), (a, init))
FORWARD_VOID(CRYPTO, CRYPTO_free, (void *ptr, const char *file, int line), (ptr, file, line))
FORWARD(CRYPTO, int, CRYPTO_get_ex_new_index, (int class_index, long argl, void *argp, CRYPTO_EX_new *new_func, CRYPTO_EX_dup *dup_func, CRYPTO_EX_free *free_func), (class_index, argl, argp, new_func, dup_func, free_func))
FORWARD_VOID(CRYPTO, ERR_clear_error, (void), ())
FORWARD_VOID(CRYPTO, ERR_error_string_n, (unsigned long e, char *buf, size_t len), (e, buf, len))
FORWARD(CRYPTO, unsigned long, ERR_get_error, (void), ())
FORWARD(CRYPTO, const char *, ERR_reason_error_string, (unsigned long e), (e))
FORWARD(CRYPTO, const EVP_CIPHER *, EVP_aes_256_gcm, (void), ())
FORWARD(CRYPTO, int, EVP_CIPHER_CTX_ctrl, (EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr), (ctx, type, arg, ptr))
FORWARD_VOID(CRYPTO, EVP_CIPHER_CTX_free, (EVP_CIPHER_CTX *c), (c))
FORWARD(CRYPTO, EVP_CIPHER_CTX *, EVP_CIPHER_CTX_new, (void), ())
FORWARD(CRYPTO, EVP_CIPHER *, EVP_CIPHER_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties))
FORWARD(CRYPTO, int, EVP_DecryptFinal_ex, (EVP_CIPHER_CTX *ctx, unsigned char *outm, int *outl), (ctx, outm, outl))
FORWARD(CRYPTO, int, EVP_DecryptInit_ex, (EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, ENGINE *impl, const unsigned char *key, const unsigned char *iv), (ctx, cipher, impl, key, iv))
FORWARD(CRYPTO, int, EVP_DecryptUpdate, (EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl), (ctx, out, outl, in, inl))
FORWARD(CRYPTO, int, EVP_EncryptFinal_ex, (EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl), (ctx, out, outl))
FORWARD(CRYPTO, int, EVP_EncryptInit_ex, (EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, ENGINE *impl, const unsigned char *key, const unsigned char *iv), (ctx, cipher, impl, key, iv))
FORWARD(CRYPTO, int, EVP_EncryptUpdate, (EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl), (ctx, out, outl, in, inl))
FORWARD(CRYPTO, int, EVP_MD_get_size, (const EVP_MD *md), (md))
FORWARD(CRYPTO, const EVP_MD *, EVP_sha256, (void), ())
FORWARD(CRYPTO, const EVP_MD *, EVP_sha384, (void), ())
FORWARD(CRYPTO, unsigned char *, HMAC, (const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data, size_t data_len, unsigned char *md, unsigned int *md_len), (evp_md, key, key_len, data, data_len, md, md_len))
FORWARD_VOID(CRYPTO, OPENSSL_cleanse, (void *ptr, size_t len), (ptr, len))
FORWARD_VOID(CRYPTO, X509_free, (X509 *a), (a))
FORWARD(CRYPTO, X509_NAME *, X509_get_subject_name, (const X509 *a), (a))
FORWARD(CRYPTO, char *, X509_NAME_oneline, (const X509_NAME *a, char *buf, int size), (a, buf, size))
FORWARD(CRYPTO, const char *, X509_verify_cert_error_string, (long n), (n))
FORWARD(CRYPTO, int, X509_VERIFY_PARAM_set1_ip_asc, (X509_VERIFY_PARAM *param, const char *ipasc), (param, ipasc))
