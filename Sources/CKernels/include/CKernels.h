#ifndef CHATLAB_KERNELS_H
#define CHATLAB_KERNELS_H

/// The encoder's element-wise kernels (see kernels.c): run with AVX2 and FMA where the CPU has them.

/// GELU with the error function, x · (1 + erf(x / √2)) / 2, in place.
void chatlab_gelu(float *x, long count);

/// x[row] = layerNorm(x[row] + residual[row]) · gamma + beta for rows [first, last); residual may be NULL.
void chatlab_add_layer_norm(float *x, const float *residual, long first, long last, long width, const float *gamma,
                            const float *beta, float epsilon);

/// Softmax of each row of a [rows, width] matrix, in place.
void chatlab_softmax_rows(float *x, long rows, long width);

/// 1 when the AVX2 and FMA versions run (the CPU has them and the baseline was not asked for).
int chatlab_kernels_vectorized(void);

/// Runs the baseline versions from now on (1) or the best the CPU allows (0): for tests comparing the two.
void chatlab_kernels_use_baseline(int baseline);

#endif
