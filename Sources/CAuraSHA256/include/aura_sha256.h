#ifndef AURA_SHA256_H
#define AURA_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// A SHA-256 computation in progress (FIPS 180-4). Plain data: copy it to fork a computation.
typedef struct {
    uint32_t state[8];
    uint64_t length;    // bytes hashed so far
    uint8_t block[64];  // the partial block, `length % 64` bytes
} aura_sha256_context;

/// Starts a computation.
void aura_sha256_init(aura_sha256_context *context);

/// Hashes `length` more bytes at `data`.
void aura_sha256_update(aura_sha256_context *context, const void *data, size_t length);

/// Writes the 32-byte digest to `digest`; the context must be started again before reuse.
void aura_sha256_final(aura_sha256_context *context, uint8_t digest[32]);

/// Compresses `count` whole blocks with the portable code, always: for tests, and to compare
/// against the SHA extensions on a machine that has them.
void aura_sha256_blocks_portable(uint32_t state[8], const uint8_t *blocks, size_t count);

/// 1 when this machine compresses with the x86 SHA extensions (chosen once at load).
int aura_sha256_is_hardware(void);

#endif
