// Replaces the allocation functions of the test binary (the executable's definitions win over
// glibc's for every library in the process) and forwards each call to glibc's own entry. An
// allocation made on a watched thread adds one to that thread's slot, so a test counts what one
// event loop thread allocates while other tests run in parallel on other threads.
#define _GNU_SOURCE
#include "CAuraAllocationCounter.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define AURA_ALLOCATION_COUNTER_OFF 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define AURA_ALLOCATION_COUNTER_OFF 1
#endif

static _Atomic(pthread_t) watched[AURA_ALLOCATION_COUNTER_SLOTS];
static _Atomic(int64_t) counts[AURA_ALLOCATION_COUNTER_SLOTS];
static _Atomic(int) watching[AURA_ALLOCATION_COUNTER_SLOTS];

static int valid(int slot) { return slot >= 0 && slot < AURA_ALLOCATION_COUNTER_SLOTS; }

void aura_allocation_counter_watch_current_thread(int slot) {
    if (!valid(slot)) return;
    atomic_store(&watched[slot], pthread_self());
    atomic_store(&counts[slot], 0);
    atomic_store(&watching[slot], 1);
}

void aura_allocation_counter_reset(int slot) {
    if (valid(slot)) atomic_store(&counts[slot], 0);
}

int64_t aura_allocation_counter_count(int slot) { return valid(slot) ? atomic_load(&counts[slot]) : 0; }

void aura_allocation_counter_unwatch(int slot) {
    if (valid(slot)) atomic_store(&watching[slot], 0);
}

#ifdef AURA_ALLOCATION_COUNTER_OFF

bool aura_allocation_counter_available(void) { return false; }

#else

bool aura_allocation_counter_available(void) { return true; }

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static inline void count_allocation(void) {
    pthread_t self = pthread_self();
    for (int slot = 0; slot < AURA_ALLOCATION_COUNTER_SLOTS; slot++) {
        if (atomic_load_explicit(&watching[slot], memory_order_relaxed)
            && pthread_equal(atomic_load_explicit(&watched[slot], memory_order_relaxed), self)) {
            atomic_fetch_add_explicit(&counts[slot], 1, memory_order_relaxed);
        }
    }
}

void *malloc(size_t size) {
    count_allocation();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    count_allocation();
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    count_allocation();
    return __libc_realloc(pointer, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_allocation();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    count_allocation();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

#endif
