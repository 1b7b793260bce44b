// Self-attention of one head over one text, for the encoder: small enough (a text's tokens by 32 columns) that a
// plain loop beats two general matrix products with their call and packing costs. Built for baseline x86-64 and
// for AVX2 + FMA like kernels.c.

#include "CKernels.h"

#define ATTENTION_BODY(SUFFIX)                                                                                         \
    static void attention_##SUFFIX(const float *q, const float *k, const float *v, long n, long d, long stride,        \
                                   float scale, float *context, long ldc, float *scores) {                              \
        _Pragma("clang fp reassociate(on)")                                                                            \
        for (long i = 0; i < n; i++) {                                                                                 \
            const float *query = q + i * stride;                                                                       \
            for (long j = 0; j < n; j++) {                                                                             \
                const float *key = k + j * stride;                                                                     \
                float dot = 0;                                                                                         \
                for (long c = 0; c < d; c++) dot += query[c] * key[c];                                                 \
                scores[j] = scale * dot;                                                                               \
            }                                                                                                          \
            chatlab_softmax_rows(scores, 1, n);                                                                        \
            float *out = context + i * ldc;                                                                            \
            for (long c = 0; c < d; c++) out[c] = 0;                                                                   \
            for (long j = 0; j < n; j++) {                                                                             \
                const float *value = v + j * stride;                                                                   \
                float p = scores[j];                                                                                   \
                for (long c = 0; c < d; c++) out[c] += p * value[c];                                                   \
            }                                                                                                          \
        }                                                                                                              \
    }

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
ATTENTION_BODY(avx2)
#pragma clang attribute pop
#endif
ATTENTION_BODY(base)

void chatlab_attention_head(const float *q, const float *k, const float *v, long n, long d, long stride, float scale,
                            float *context, long ldc, float *scores) {
#if defined(__x86_64__)
    if (chatlab_kernels_vectorized()) {
        attention_avx2(q, k, v, n, d, stride, scale, context, ldc, scores);
        return;
    }
#endif
    attention_base(q, k, v, n, d, stride, scale, context, ldc, scores);
}
