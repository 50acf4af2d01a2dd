#ifndef AURA_OPENSSL_H
#define AURA_OPENSSL_H

/// Loads libcrypto, and libssl too when `ssl` is nonzero, unless already loaded. Returns NULL
/// once they are, or why they cannot be (the loader's message; valid for the life of the
/// process). Safe from any thread.
///
/// The server calls OpenSSL only for TLS and for encryption at rest, so it does not link it:
/// each OpenSSL function it uses is defined in this target, loads the library on first use
/// and calls through (aura_openssl.c). A server without either never maps libcrypto, whose
/// relocations and symbol tables alone kept about 1.9 MiB resident. Call this before the
/// first OpenSSL call to turn a missing library into a clear error; a call through that
/// finds no library ends the process with the same message.
const char *aura_openssl_load(int ssl);

#endif
