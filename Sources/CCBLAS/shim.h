#ifndef RNNMEM_CCBLAS_SHIM_H
#define RNNMEM_CCBLAS_SHIM_H
/* OpenBLAS's CBLAS header (Debian ships no cblas.pc; the pkg-config name is openblas). It also declares
   openblas_set_num_threads, which MemoryNumerics calls once to pin OpenBLAS to one thread. */
#include <cblas.h>
#endif
