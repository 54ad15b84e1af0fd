#ifndef RNNMEM_CLAPACKE_SHIM_H
#define RNNMEM_CLAPACKE_SHIM_H
/* LAPACKE's C interface. lapack_int is a macro (int on Debian's LP64 build): Swift sees Int32. Complex arrays
   arrive as OpaquePointer because lapack_complex_double is a C99 _Complex type. */
#include <lapacke.h>
#endif
