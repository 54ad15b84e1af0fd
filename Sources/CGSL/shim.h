#ifndef RNNMEM_CGSL_SHIM_H
#define RNNMEM_CGSL_SHIM_H
/* GSL ships its own CBLAS declarations whose enums clash with OpenBLAS's: include OpenBLAS's header first and
   mark GSL's as already included. */
#include <cblas.h>
#define __GSL_CBLAS_H__
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sf_hyperg.h>
#include <gsl/gsl_sf_zeta.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_integration.h>
#endif
