// The encoder's element-wise kernels, compiled twice: for baseline x86-64 and with AVX2 + FMA (chosen once, at
// first use, by what the CPU supports). Swift code is compiled for baseline x86-64, where these loops run four
// floats at a time without fused multiply-add; here the compiler vectorizes them eight at a time. The arithmetic
// (a rational erf, gelu_math.h, and a polynomial exp) is the same in both versions and in the Swift reference
// kernels.

#include "CKernels.h"
#include "gelu_math.h"
#include <math.h>

#define BODIES(SUFFIX)                                                                                                 \
    static inline float exp32_##SUFFIX(float value) {                                                                  \
        float x = fmaxf(value, -87.3f);                                                                                \
        float k = rintf(x * 1.44269504088896341f);                                                                     \
        float r = (x - k * 0.693359375f) - k * -2.12194440e-4f;                                                        \
        float p = 1.9875691500e-4f;                                                                                    \
        p = p * r + 1.3981999507e-3f;                                                                                  \
        p = p * r + 8.3334519073e-3f;                                                                                  \
        p = p * r + 4.1665795894e-2f;                                                                                  \
        p = p * r + 1.6666665459e-1f;                                                                                  \
        p = p * r + 5.0000001201e-1f;                                                                                  \
        p = p * r * r + r + 1.0f;                                                                                      \
        union { unsigned u; float f; } scale = {.u = (unsigned)((int)k + 127) << 23};                                  \
        return p * scale.f;                                                                                            \
    }                                                                                                                  \
    static void gelu_##SUFFIX(float *x, long count) {                                                                  \
        for (long i = 0; i < count; i++) {                                                                             \
            x[i] = CHATLAB_GELU_OF(float, x[i]);                                                                       \
        }                                                                                                              \
    }                                                                                                                  \
    static void layer_norm_##SUFFIX(float *x, const float *residual, long first, long last, long width,                \
                                    const float *gamma, const float *beta, float epsilon) {                            \
        _Pragma("clang fp reassociate(on)")                                                                            \
        for (long row = first; row < last; row++) {                                                                    \
            float *r = x + row * width;                                                                                \
            if (residual) {                                                                                            \
                const float *s = residual + row * width;                                                               \
                for (long i = 0; i < width; i++) r[i] += s[i];                                                         \
            }                                                                                                          \
            float sum = 0;                                                                                             \
            for (long i = 0; i < width; i++) sum += r[i];                                                              \
            float mean = sum / (float)width;                                                                           \
            float squares = 0;                                                                                         \
            for (long i = 0; i < width; i++) {                                                                         \
                float d = r[i] - mean;                                                                                 \
                squares += d * d;                                                                                      \
            }                                                                                                          \
            float scale = 1.0f / sqrtf(squares / (float)width + epsilon);                                              \
            for (long i = 0; i < width; i++) r[i] = (r[i] - mean) * scale * gamma[i] + beta[i];                        \
        }                                                                                                              \
    }                                                                                                                  \
    static void softmax_##SUFFIX(float *x, long rows, long width) {                                                    \
        _Pragma("clang fp reassociate(on)")                                                                            \
        for (long row = 0; row < rows; row++) {                                                                        \
            float *r = x + row * width;                                                                                \
            float top = r[0];                                                                                          \
            for (long i = 1; i < width; i++) top = r[i] > top ? r[i] : top;                                            \
            float sum = 0;                                                                                             \
            for (long i = 0; i < width; i++) {                                                                         \
                float e = exp32_##SUFFIX(r[i] - top);                                                                  \
                r[i] = e;                                                                                              \
                sum += e;                                                                                              \
            }                                                                                                          \
            float scale = 1.0f / sum;                                                                                  \
            for (long i = 0; i < width; i++) r[i] *= scale;                                                            \
        }                                                                                                              \
    }

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
BODIES(avx2)
#pragma clang attribute pop
#endif
BODIES(base)

static int vectorized = -1;
static int baseline_only = 0;

int chatlab_kernels_vectorized(void) {
#if defined(__x86_64__)
    if (vectorized < 0) {
        __builtin_cpu_init();
        vectorized = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return vectorized && !baseline_only;
#else
    return 0;
#endif
}

void chatlab_kernels_use_baseline(int baseline) { baseline_only = baseline != 0; }

void chatlab_gelu(float *x, long count) {
#if defined(__x86_64__)
    if (chatlab_kernels_vectorized()) {
        gelu_avx2(x, count);
        return;
    }
#endif
    gelu_base(x, count);
}

void chatlab_add_layer_norm(float *x, const float *residual, long first, long last, long width, const float *gamma,
                            const float *beta, float epsilon) {
#if defined(__x86_64__)
    if (chatlab_kernels_vectorized()) {
        layer_norm_avx2(x, residual, first, last, width, gamma, beta, epsilon);
        return;
    }
#endif
    layer_norm_base(x, residual, first, last, width, gamma, beta, epsilon);
}

void chatlab_softmax_rows(float *x, long rows, long width) {
#if defined(__x86_64__)
    if (chatlab_kernels_vectorized()) {
        softmax_avx2(x, rows, width);
        return;
    }
#endif
    softmax_base(x, rows, width);
}
