#include "aura_crc32c.h"

#include <string.h>

// Slicing-by-8 (Intel's "A Systematic Approach to Building High Performance Software-based CRC
// Generators"): table[k][b] is the CRC of byte b followed by k zero bytes, so eight bytes are
// folded per step with eight lookups.
static uint32_t table[8][256];

static void build_table(void) {
    for (uint32_t byte = 0; byte < 256; byte++) {
        uint32_t crc = byte;
        for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
        table[0][byte] = crc;
    }
    for (uint32_t byte = 0; byte < 256; byte++) {
        for (int k = 1; k < 8; k++) table[k][byte] = (table[k - 1][byte] >> 8) ^ table[0][table[k - 1][byte] & 0xFF];
    }
}

static uint32_t portable(uint32_t crc, const uint8_t *bytes, size_t length) {
    crc = ~crc;
    while (length > 0 && ((uintptr_t)bytes & 7) != 0) {
        crc = (crc >> 8) ^ table[0][(crc ^ *bytes++) & 0xFF];
        length--;
    }
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);  // little-endian x86_64 and arm64
        uint32_t low = (uint32_t)word ^ crc, high = (uint32_t)(word >> 32);
        crc = table[7][low & 0xFF] ^ table[6][(low >> 8) & 0xFF] ^ table[5][(low >> 16) & 0xFF] ^ table[4][low >> 24] ^
              table[3][high & 0xFF] ^ table[2][(high >> 8) & 0xFF] ^ table[1][(high >> 16) & 0xFF] ^ table[0][high >> 24];
        bytes += 8;
        length -= 8;
    }
    while (length-- > 0) crc = (crc >> 8) ^ table[0][(crc ^ *bytes++) & 0xFF];
    return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t hardware(uint32_t crc, const uint8_t *bytes, size_t length) {
    uint64_t state = ~crc;
    while (length > 0 && ((uintptr_t)bytes & 7) != 0) {
        state = __builtin_ia32_crc32qi((uint32_t)state, *bytes++);
        length--;
    }
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        state = __builtin_ia32_crc32di(state, word);
        bytes += 8;
        length -= 8;
    }
    while (length-- > 0) state = __builtin_ia32_crc32qi((uint32_t)state, *bytes++);
    return ~(uint32_t)state;
}
#endif

typedef uint32_t (*implementation)(uint32_t, const uint8_t *, size_t);

static implementation chosen;

// Runs before main (and before any Swift code), so `chosen` and the table need no locking.
__attribute__((constructor)) static void choose(void) {
    build_table();
    chosen = portable;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("sse4.2")) chosen = hardware;
#endif
}

uint32_t aura_crc32c(uint32_t crc, const void *data, size_t length) { return chosen(crc, data, length); }

uint32_t aura_crc32c_portable(uint32_t crc, const void *data, size_t length) { return portable(crc, data, length); }

int aura_crc32c_is_hardware(void) { return chosen != portable; }
