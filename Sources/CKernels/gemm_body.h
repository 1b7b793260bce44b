// The encoder's matrix product, as a template included once per instruction set by gemm.c. Before including,
// define SUFFIX (the name suffix), VW (floats per vector), MR (rows per tile, at most 12) and FUSED (1 where the
// build has fused multiply-add instructions; without them each step rounds twice, as a plain loop would). A tile
// is MR rows by NR = 2·VW columns, kept in 2·MR vector registers; the weights come packed (see chatlab_gemm_pack):
// panels of NR output columns, each stored input by input, so a tile reads its panel front to back.

#define GEMM_CAT_(a, b) a##_##b
#define GEMM_CAT(a, b) GEMM_CAT_(a, b)
#define FN(name) GEMM_CAT(name, SUFFIX)
#define NR (2 * VW)

typedef float FN(vec) __attribute__((ext_vector_type(VW), aligned(4)));
#define V FN(vec)

// R rows of a tile: c[R, NR] = start[R, NR] + a[kc, MR (R used)] · b[kc, NR], where `start` is a broadcast bias
// row (lds 0) or the partial sums of earlier input blocks (lds = ldc); GELU applied in registers when G. With PF
// (the first tile of a panel) it also prefetches its own panel a few steps ahead into L1 and, step for step, the
// panel read next (`next`) into L2: the weights, larger than the caches, then stream from memory while a panel
// is computed instead of stalling the first tile of the next one.
static inline __attribute__((always_inline)) void FN(tile)(
    const int PF, const int G, const int R, const float *a, const float *b, long kc, float *c, long ldc, const float *start,
    long lds, const float *next) {
    V acc0[MR], acc1[MR];
    for (int r = 0; r < R; r++) {
        acc0[r] = *(const V *)(start + r * lds);
        acc1[r] = *(const V *)(start + r * lds + VW);
    }
    for (long k = 0; k < kc; k++) {
        if (PF) {
            __builtin_prefetch(b + (k + GEMM_PREFETCH) * NR);
            __builtin_prefetch(next + k * NR, 0, 2);
#if NR * 4 > 64 // a step of the panel spans two cache lines
            __builtin_prefetch(b + (k + GEMM_PREFETCH) * NR + VW);
            __builtin_prefetch(next + k * NR + VW, 0, 2);
#endif
        }
        V b0 = *(const V *)(b + k * NR);
        V b1 = *(const V *)(b + k * NR + VW);
        for (int r = 0; r < R; r++) {
            V av = a[k * MR + r];
#if FUSED
            acc0[r] = __builtin_elementwise_fma(av, b0, acc0[r]);
            acc1[r] = __builtin_elementwise_fma(av, b1, acc1[r]);
#else
            acc0[r] = acc0[r] + av * b0;
            acc1[r] = acc1[r] + av * b1;
#endif
        }
    }
    if (G)
        for (int r = 0; r < R; r++) {
            acc0[r] = CHATLAB_GELU_OF(V, acc0[r]);
            acc1[r] = CHATLAB_GELU_OF(V, acc1[r]);
        }
    for (int r = 0; r < R; r++) {
        *(V *)(c + r * ldc) = acc0[r];
        *(V *)(c + r * ldc + VW) = acc1[r];
    }
}

static void FN(tile_rows)(int prefetch, int gelu, int rows, const float *a, const float *b, long kc, float *c,
                          long ldc, const float *start, long lds, const float *next) {
    switch (rows) {
#define GEMM_CASE(n) \
    case n: \
        if (gelu) { \
            if (prefetch) FN(tile)(1, 1, n, a, b, kc, c, ldc, start, lds, next); \
            else FN(tile)(0, 1, n, a, b, kc, c, ldc, start, lds, next); \
        } else { \
            if (prefetch) FN(tile)(1, 0, n, a, b, kc, c, ldc, start, lds, next); \
            else FN(tile)(0, 0, n, a, b, kc, c, ldc, start, lds, next); \
        } \
        break;
        GEMM_CASE(1) GEMM_CASE(2) GEMM_CASE(3) GEMM_CASE(4) GEMM_CASE(5) GEMM_CASE(6)
#if MR > 6
        GEMM_CASE(7) GEMM_CASE(8) GEMM_CASE(9) GEMM_CASE(10) GEMM_CASE(11) GEMM_CASE(12)
#endif
#undef GEMM_CASE
    }
}

// y[rows, n] (row stride ldy), output panels [panel_first, panel_last) only, = x[rows, k] (row stride lda) · Wᵀ
// + bias, then GELU when `gelu`. Rows go in blocks of GEMM_MC, inputs in blocks of GEMM_KC; each block of x is
// copied tile by tile into `scratch` (GEMM_MC + MR rows by GEMM_KC floats) so a tile reads its rows as one stream.
static void FN(gemm)(const float *x, long lda, long rows, long k, const float *packed, long n, long panel_first,
                     long panel_last, float *y, long ldy, int gelu, float *scratch) {
    const float *bias = packed + ((n + NR - 1) / NR) * NR * k;
    for (long m0 = 0; m0 < rows; m0 += GEMM_MC) {
        long mc = rows - m0 < GEMM_MC ? rows - m0 : GEMM_MC;
        for (long k0 = 0; k0 < k; k0 += GEMM_KC) {
            long kc = k - k0 < GEMM_KC ? k - k0 : GEMM_KC;
            int last = k0 + kc == k;
            for (long r0 = 0; r0 < mc; r0 += MR) {
                int R = (int)(mc - r0 < MR ? mc - r0 : MR);
                float *tile = scratch + r0 * kc;
                for (int r = 0; r < R; r++) {
                    const float *source = x + (m0 + r0 + r) * lda + k0;
                    for (long i = 0; i < kc; i++) tile[i * MR + r] = source[i];
                }
            }
            for (long p = panel_first; p < panel_last; p++) {
                const float *panel = packed + p * NR * k + k0 * NR;
                // The panel the tiles read after this one, prefetched by this panel's first tile.
                const float *next = p + 1 < panel_last ? panel + NR * k
                                    : k0 + kc < k       ? packed + panel_first * NR * k + (k0 + kc) * NR
                                    : m0 + mc < rows    ? packed + panel_first * NR * k
                                                        : panel;
                long cols = n - p * NR < NR ? n - p * NR : NR;
                for (long r0 = 0; r0 < mc; r0 += MR) {
                    int R = (int)(mc - r0 < MR ? mc - r0 : MR);
                    float *out = y + (m0 + r0) * ldy + p * NR;
                    const float *start = k0 == 0 ? bias + p * NR : out;
                    long lds = k0 == 0 ? 0 : ldy;
                    int g = gelu && last;
                    if (cols == NR) {
                        FN(tile_rows)(r0 == 0, g, R, scratch + r0 * kc, panel, kc, out, ldy, start, lds, next);
                    } else {
                        float part[MR * NR];
                        for (int r = 0; r < R; r++)
                            for (int j = 0; j < NR; j++) part[r * NR + j] = j < cols ? start[r * lds + j] : 0;
                        FN(tile_rows)(r0 == 0, g, R, scratch + r0 * kc, panel, kc, part, NR, part, NR, next);
                        for (int r = 0; r < R; r++)
                            for (int j = 0; j < cols; j++) out[r * ldy + j] = part[r * NR + j];
                    }
                }
            }
        }
    }
}

#undef V
#undef NR
#undef FN
#undef GEMM_CAT
#undef GEMM_CAT_
