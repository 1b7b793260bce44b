// GELU, 0.5·v·(1 + erf(v/√2)), with erf as a rational function on [-4, 4] (clamped outside, where erf is ±1 in
// float), written once for a float or a vector of floats (`T`): the element-wise kernels apply it to a row, the matrix
// product to a tile still in registers. With fused multiply-add each step `p * x2 + c` is one rounding.

#ifndef CHATLAB_GELU_MATH_H
#define CHATLAB_GELU_MATH_H

#define CHATLAB_GELU_OF(T, value)                                                                                      \
    ({                                                                                                                 \
        T v_ = (value);                                                                                                \
        T x_ = __builtin_elementwise_min(__builtin_elementwise_max(v_ * 0.70710678118654752f, (T)-4.0f), (T)4.0f);     \
        T x2_ = x_ * x_;                                                                                               \
        T p_ = (T)-2.72614225801306e-10f;                                                                              \
        p_ = p_ * x2_ + 2.77068142495902e-08f;                                                                         \
        p_ = p_ * x2_ + -2.10102402082508e-06f;                                                                        \
        p_ = p_ * x2_ + -5.69250639462346e-05f;                                                                        \
        p_ = p_ * x2_ + -7.34990630326855e-04f;                                                                        \
        p_ = p_ * x2_ + -2.95459980854025e-03f;                                                                        \
        p_ = p_ * x2_ + -1.60960333262415e-02f;                                                                        \
        p_ = p_ * x_;                                                                                                  \
        T q_ = (T)-1.45660718464996e-05f;                                                                              \
        q_ = q_ * x2_ + -2.13374055278905e-04f;                                                                        \
        q_ = q_ * x2_ + -1.68282697438203e-03f;                                                                        \
        q_ = q_ * x2_ + -7.37332916720468e-03f;                                                                        \
        q_ = q_ * x2_ + -1.42647390514189e-02f;                                                                        \
        0.5f * v_ * (1.0f + p_ / q_);                                                                                  \
    })

#endif
