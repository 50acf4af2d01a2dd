#ifndef C_AURA_ALLOCATION_COUNTER_H
#define C_AURA_ALLOCATION_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

/// The number of threads that can be watched at once.
#define AURA_ALLOCATION_COUNTER_SLOTS 3

/// True when this test binary really replaces malloc (not under a sanitizer, which brings its own).
bool aura_allocation_counter_available(void);

/// From now on, counts the allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc)
/// made on the calling thread into `slot`, and resets the slot's count.
void aura_allocation_counter_watch_current_thread(int slot);

/// Sets the count of `slot` to zero.
void aura_allocation_counter_reset(int slot);

/// Allocations counted in `slot` since it was watched or reset.
int64_t aura_allocation_counter_count(int slot);

/// Stops counting into `slot`.
void aura_allocation_counter_unwatch(int slot);

#endif
