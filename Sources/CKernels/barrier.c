// A reusable barrier for the encoder's worker team: the threads of one forward pass meet here between steps.
// Waiting spins briefly (a step of a small pass takes microseconds, far less than waking a sleeping thread), then
// sleeps on a futex, so a thread whose partner was descheduled (a busy machine, more threads than cores) gives its
// core to that partner instead of spinning on it.

#include "CKernels.h"
#include <limits.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/// Pause instructions a waiter spins before it sleeps (tens of microseconds).
#define SPINS 2000

struct chatlab_barrier {
    _Atomic int arrived;
    _Atomic int generation;
    _Atomic int sleepers;
    int threads;
};

chatlab_barrier *chatlab_barrier_new(int threads) {
    chatlab_barrier *barrier = malloc(sizeof *barrier);
    if (!barrier) return NULL;
    atomic_init(&barrier->arrived, 0);
    atomic_init(&barrier->generation, 0);
    atomic_init(&barrier->sleepers, 0);
    barrier->threads = threads;
    return barrier;
}

void chatlab_barrier_free(chatlab_barrier *barrier) { free(barrier); }

static void sleep_while(_Atomic int *word, int value) {
#if defined(__linux__)
    syscall(SYS_futex, (int *)word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
#else
    (void)word;
    (void)value;
    sched_yield();
#endif
}

static void wake_all(_Atomic int *word) {
#if defined(__linux__)
    syscall(SYS_futex, (int *)word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
#else
    (void)word;
#endif
}

void chatlab_barrier_wait(chatlab_barrier *barrier) {
    if (barrier->threads <= 1) return;
    int generation = atomic_load(&barrier->generation);
    if (atomic_fetch_add(&barrier->arrived, 1) == barrier->threads - 1) {
        atomic_store(&barrier->arrived, 0);
        atomic_fetch_add(&barrier->generation, 1);
        if (atomic_load(&barrier->sleepers) > 0) wake_all(&barrier->generation);
        return;
    }
    for (int spins = 0; spins < SPINS; spins++) {
        if (atomic_load_explicit(&barrier->generation, memory_order_acquire) != generation) return;
#if defined(__x86_64__)
        __builtin_ia32_pause();
#endif
    }
    // Sequentially consistent: either the last arrival sees this sleeper, or this sleeper sees the new generation
    // (and the futex refuses to sleep on a changed word).
    atomic_fetch_add(&barrier->sleepers, 1);
    while (atomic_load(&barrier->generation) == generation) sleep_while(&barrier->generation, generation);
    atomic_fetch_sub(&barrier->sleepers, 1);
}
