#ifndef EARTHBOX_MATH_H
#define EARTHBOX_MATH_H

/* The square root as the one instruction IEEE 754 defines it (correctly rounded, NaN below zero).

   Swift's Double.squareRoot() on Linux is C's sqrt, which must set errno for a negative argument: every call
   site compares, branches and keeps a call to libm's sqrt. That call is opaque to the optimiser, which then keeps
   a retain and a release of the ocean columns around the carbon step's arithmetic (2.6 % of an ensemble's time).
   Same bits: libm's sqrt is that instruction too. */
#if __has_builtin(__builtin_elementwise_sqrt)
static inline double eb_sqrt(double x) { return __builtin_elementwise_sqrt(x); }
#else
#include <math.h>
static inline double eb_sqrt(double x) { return sqrt(x); }
#endif

#endif
