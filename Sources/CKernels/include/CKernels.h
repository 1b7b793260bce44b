#ifndef CHATLAB_KERNELS_H
#define CHATLAB_KERNELS_H

/// The encoder's kernels: element-wise ones (kernels.c: run with AVX2 and FMA where the CPU has them), matrix
/// products on prepacked weights and attention through them (gemm.c), and the worker team's barrier (barrier.c).

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


/// The builds of the matrix product.
enum { CHATLAB_GEMM_BASE = 0, CHATLAB_GEMM_AVX2 = 1, CHATLAB_GEMM_AVX512 = 2 };

/// 1 when this CPU runs `build`.
int chatlab_gemm_supported(int build);

/// The fastest build this CPU runs.
int chatlab_gemm_best(void);

/// Output columns per packed panel in `build` (a product splits over threads by whole panels).
long chatlab_gemm_panel_width(int build);

/// Floats chatlab_gemm_pack writes for an [n, k] weight and its bias.
long chatlab_gemm_packed_size(int build, long n, long k);

/// Packs a linear layer, weight [n outputs, k inputs] (PyTorch's layout) and bias [n], for `build`.
void chatlab_gemm_pack(int build, const float *weight, const float *bias, long n, long k, float *packed);

/// Floats of scratch one thread's chatlab_gemm needs for k inputs.
long chatlab_gemm_scratch_size(int build, long k);

/// y[rows, n] (row stride ldy), output panels [panel_first, panel_last) only, = x[rows, k] · weightᵀ + bias, then
/// GELU in place when gelu is 1. `packed` comes from chatlab_gemm_pack with the same build.
void chatlab_gemm(int build, const float *x, long rows, long k, const float *packed, long n, long panel_first,
                  long panel_last, float *y, long ldy, int gelu, float *scratch);

/// context[n, d] (row stride ldc) = softmax(scale · q·kᵀ) · v for one head of one text of n tokens (n ≤ `longest`
/// of the scratch size), through `build`'s products; the rows of q, k and v are `stride` floats apart. `scratch`
/// holds chatlab_attention_scratch_size floats, `product_scratch` chatlab_gemm_scratch_size(build, max(n, d)).
void chatlab_attention_head(int build, const float *q, const float *k, const float *v, long n, long d, long stride,
                            float scale, float *context, long ldc, float *scratch, float *product_scratch);

/// Floats of attention scratch for texts of up to `longest` tokens and heads of d columns.
long chatlab_attention_scratch_size(int build, long longest, long d);

/// A barrier for a fixed number of threads, reusable.
typedef struct chatlab_barrier chatlab_barrier;

/// A new barrier for `threads` threads (NULL when out of memory); free it with chatlab_barrier_free.
chatlab_barrier *chatlab_barrier_new(int threads);
void chatlab_barrier_free(chatlab_barrier *barrier);

/// Returns once all `threads` threads have called it (for this round).
void chatlab_barrier_wait(chatlab_barrier *barrier);

#endif
