#ifndef RNNMEM_CFFTW_SHIM_H
#define RNNMEM_CFFTW_SHIM_H
#include <fftw3.h>
#endif
