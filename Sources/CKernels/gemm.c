// The encoder's matrix products on prepacked weights, in three builds of one template (gemm_body.h): baseline
// (four floats per vector), AVX2 + FMA (eight) and AVX-512 (sixteen), chosen once by what the CPU supports. Every
// build adds the inputs in the same order (blocks of GEMM_KC inputs summed in order), with fused multiply-adds where
// the build has them, so the AVX2 and AVX-512 builds agree to the bit and all differ from a plain loop by float
// rounding only.
//
// Packing the weights once (at model load) is what makes small products fast: a general sgemm packs its operands on
// every call, which for a pass of one short text costs as much as the multiplication.

#include "CKernels.h"
#include "gelu_math.h"
#include <stddef.h>

#ifndef GEMM_MC
#define GEMM_MC 96
#endif
#ifndef GEMM_KC
#define GEMM_KC 384
#endif
/// Input steps ahead that the first tile of a panel prefetches the panel (the weights of a small pass come from
/// memory once; later tiles find them in cache).
#ifndef GEMM_PREFETCH
#define GEMM_PREFETCH 32
#endif

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))), apply_to = function)
#define SUFFIX avx512
#define VW 16
#define MR 12
#define FUSED 1
#include "gemm_body.h"
#undef SUFFIX
#undef VW
#undef MR
#undef FUSED
#pragma clang attribute pop

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define SUFFIX avx2
#define VW 8
#define MR 6
#define FUSED 1
#include "gemm_body.h"
#undef SUFFIX
#undef VW
#undef MR
#undef FUSED
#pragma clang attribute pop
#endif

#define SUFFIX base
#define VW 4
#define MR 6
#if defined(__aarch64__) || defined(__FMA__)
#define FUSED 1
#else
#define FUSED 0
#endif
#include "gemm_body.h"
#undef SUFFIX
#undef VW
#undef MR
#undef FUSED

int chatlab_gemm_supported(int build) {
    switch (build) {
    case CHATLAB_GEMM_BASE: return 1;
#if defined(__x86_64__)
    case CHATLAB_GEMM_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case CHATLAB_GEMM_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
    default: return 0;
    }
}

int chatlab_gemm_best(void) {
    if (chatlab_gemm_supported(CHATLAB_GEMM_AVX512)) return CHATLAB_GEMM_AVX512;
    if (chatlab_gemm_supported(CHATLAB_GEMM_AVX2)) return CHATLAB_GEMM_AVX2;
    return CHATLAB_GEMM_BASE;
}

long chatlab_gemm_panel_width(int build) {
    switch (build) {
    case CHATLAB_GEMM_AVX512: return 32;
    case CHATLAB_GEMM_AVX2: return 16;
    default: return 8;
    }
}

long chatlab_gemm_packed_size(int build, long n, long k) {
    long width = chatlab_gemm_panel_width(build);
    long padded = (n + width - 1) / width * width;
    return padded * k + padded;
}

// Packs W[n, k], element (o, i) at source[o * row_stride + i * column_stride], times `scale`, and a bias (zeros
// when NULL).
static void pack(int build, const float *source, long row_stride, long column_stride, float scale, const float *bias,
                 long n, long k, float *packed) {
    long width = chatlab_gemm_panel_width(build);
    long panels = (n + width - 1) / width;
    for (long p = 0; p < panels; p++)
        for (long i = 0; i < k; i++)
            for (long j = 0; j < width; j++) {
                long column = p * width + j;
                packed[(p * k + i) * width + j] =
                    column < n ? source[column * row_stride + i * column_stride] * scale : 0;
            }
    float *packedBias = packed + panels * width * k;
    for (long j = 0; j < panels * width; j++) packedBias[j] = bias && j < n ? bias[j] : 0;
}

void chatlab_gemm_pack(int build, const float *weight, const float *bias, long n, long k, float *packed) {
    pack(build, weight, k, 1, 1, bias, n, k, packed);
}

long chatlab_gemm_scratch_size(int build, long k) {
    (void)build;
    long kc = k < GEMM_KC ? k : GEMM_KC;
    return (GEMM_MC + 12) * kc;
}

static void product(int build, const float *x, long lda, long rows, long k, const float *packed, long n,
                    long panel_first, long panel_last, float *y, long ldy, int gelu, float *scratch) {
    switch (build) {
#if defined(__x86_64__)
    case CHATLAB_GEMM_AVX512:
        gemm_avx512(x, lda, rows, k, packed, n, panel_first, panel_last, y, ldy, gelu, scratch);
        return;
    case CHATLAB_GEMM_AVX2:
        gemm_avx2(x, lda, rows, k, packed, n, panel_first, panel_last, y, ldy, gelu, scratch);
        return;
#endif
    default: gemm_base(x, lda, rows, k, packed, n, panel_first, panel_last, y, ldy, gelu, scratch); return;
    }
}

void chatlab_gemm(int build, const float *x, long rows, long k, const float *packed, long n, long panel_first,
                  long panel_last, float *y, long ldy, int gelu, float *scratch) {
    product(build, x, k, rows, k, packed, n, panel_first, panel_last, y, ldy, gelu, scratch);
}

long chatlab_attention_scratch_size(int build, long longest, long d) {
    long width = chatlab_gemm_panel_width(build);
    long keys = (longest + width - 1) / width * width;
    long columns = (d + width - 1) / width * width;
    return keys * d + keys + columns * longest + columns + longest * longest;
}

// Attention of one head as two products through the same tiles as the linear layers: the keys packed (scaled by
// 1/√d) as the "weights" of S = Q·Kᵀ, a softmax over each row of S, then the values packed as those of S·V.
void chatlab_attention_head(int build, const float *q, const float *k, const float *v, long n, long d, long stride,
                            float scale, float *context, long ldc, float *scratch, float *product_scratch) {
    long width = chatlab_gemm_panel_width(build);
    long keyPanels = (n + width - 1) / width;
    long valuePanels = (d + width - 1) / width;
    float *keys = scratch;
    float *values = keys + keyPanels * width * (d + 1);
    float *scores = values + valuePanels * width * (n + 1);
    pack(build, k, stride, 1, scale, NULL, n, d, keys);
    pack(build, v, 1, stride, 1, NULL, d, n, values);
    product(build, q, stride, n, d, keys, n, 0, keyPanels, scores, n, 0, product_scratch);
    chatlab_softmax_rows(scores, n, n);
    product(build, scores, n, n, n, values, d, 0, valuePanels, context, ldc, 0, product_scratch);
}
