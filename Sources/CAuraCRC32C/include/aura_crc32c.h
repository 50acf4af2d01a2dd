#ifndef AURA_CRC32C_H
#define AURA_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// CRC32C (Castagnoli, polynomial 0x1EDC6F41, reflected) of `length` bytes at `data`,
/// continuing from `crc` (0 to start). Uses the SSE4.2 `crc32` instruction when the CPU has it,
/// chosen once at run time, and the portable slicing-by-8 code otherwise.
uint32_t aura_crc32c(uint32_t crc, const void *data, size_t length);

/// The portable slicing-by-8 implementation, always; for tests and for machines without SSE4.2.
uint32_t aura_crc32c_portable(uint32_t crc, const void *data, size_t length);

/// 1 when `aura_crc32c` uses the hardware instruction on this machine.
int aura_crc32c_is_hardware(void);

#endif
