/*
 * C baseline for the rnnmem benchmark harness: the full type-II fractional difference
 *
 *     y_t = sum_{j=0}^{t-1} pi_j x_{t-j},   t = 1..n,
 *     pi_0 = 1,  pi_j = pi_{j-1} (j - 1 - d) / j            (Hosking 1981, Biometrika 68:165-176)
 *
 * as a linear convolution through FFTW r2c/c2r transforms (Jensen & Nielsen 2014, JTSA 35:428-436),
 * zero-padded to the smallest 2^a 3^b 5^c 7^e length N >= 2n - 1. No demeaning.
 *
 * This is the "plain C program" baseline of the fracdiff target: one thread, FFTW_ESTIMATE plans, in-place
 * transforms (two buffers of N + 2 doubles). Two timings:
 *   c-fftw       (default) the plans and buffers are made once, before timing, and reused, as a library
 *                with a plan cache does; a timed call computes the weights, copies and pads the input,
 *                runs the three transforms and copies the result out. This is the baseline of the
 *                "within 1.3x of plain C" target.
 *   c-fftw-plan  (--per-call-plans) every timed call also allocates, plans and frees (a one-shot program).
 *
 * Build:  cc -O2 -o fracdiff_fftw fracdiff_fftw.c -lfftw3 -lm
 * Usage:  fracdiff_fftw --input FILE --n N [--d 0.4] [--repeats R] [--per-call-plans]   prints one RESULT line
 *         fracdiff_fftw --input FILE --n N [--d 0.4] --check OUTFILE    writes y for the demeaned input
 * The input file holds raw little-endian float64 values; the first n are used.
 */
#include <errno.h>
#include <fftw3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Peak resident set size of this process (VmHWM), in MB (10^6 bytes). */
static double peak_rss_mb(void) {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return -1.0;
    return (double)usage.ru_maxrss * 1024.0 / 1e6; /* ru_maxrss is in KiB on Linux */
}

/* Smallest m >= target whose only prime factors are 2, 3, 5, 7. */
static size_t smooth_length(size_t target) {
    if (target <= 1) return 1;
    size_t best = (size_t)-1;
    for (size_t p7 = 1; p7 < best; p7 *= 7)
        for (size_t p5 = p7; p5 < best; p5 *= 5)
            for (size_t p3 = p5; p3 < best; p3 *= 3) {
                size_t m = p3;
                while (m < target) m *= 2;
                if (m < best) best = m;
                if (p3 >= target) break;
            }
    return best;
}

/* Buffers and plans for one length n: two in-place buffers of N + 2 doubles (weights, data). */
typedef struct {
    size_t n, N, half;
    double *w, *v;
    fftw_plan forward_w, forward_v, inverse_v;
} workspace;

static void workspace_destroy(workspace *ws) {
    if (ws->forward_w != NULL) fftw_destroy_plan(ws->forward_w);
    if (ws->forward_v != NULL) fftw_destroy_plan(ws->forward_v);
    if (ws->inverse_v != NULL) fftw_destroy_plan(ws->inverse_v);
    fftw_free(ws->w);
    fftw_free(ws->v);
    memset(ws, 0, sizeof *ws);
}

static int workspace_create(workspace *ws, size_t n) {
    memset(ws, 0, sizeof *ws);
    ws->n = n;
    ws->N = smooth_length(2 * n - 1);
    ws->half = ws->N / 2 + 1;
    ws->w = fftw_malloc(sizeof(double) * 2 * ws->half);
    ws->v = fftw_malloc(sizeof(double) * 2 * ws->half);
    if (ws->w == NULL || ws->v == NULL) { workspace_destroy(ws); return -1; }
    int N = (int)ws->N;
    ws->forward_w = fftw_plan_dft_r2c_1d(N, ws->w, (fftw_complex *)ws->w, FFTW_ESTIMATE);
    ws->forward_v = fftw_plan_dft_r2c_1d(N, ws->v, (fftw_complex *)ws->v, FFTW_ESTIMATE);
    ws->inverse_v = fftw_plan_dft_c2r_1d(N, (fftw_complex *)ws->v, ws->v, FFTW_ESTIMATE);
    if (ws->forward_w == NULL || ws->forward_v == NULL || ws->inverse_v == NULL) { workspace_destroy(ws); return -2; }
    return 0;
}

/* y[0..n-1] = type-II (1-B)^d applied to x[0..n-1], with the workspace's buffers and plans. */
static void fracdiff_execute(workspace *ws, const double *x, double d, double *y) {
    const size_t n = ws->n, half = ws->half;
    double *w = ws->w, *v = ws->v;
    /* weights pi_0..pi_{n-1}, zero padding to N */
    w[0] = 1.0;
    for (size_t j = 1; j < n; j++) w[j] = w[j - 1] * (((double)j - 1.0 - d) / (double)j);
    memset(w + n, 0, sizeof(double) * (2 * half - n));
    memcpy(v, x, sizeof(double) * n);
    memset(v + n, 0, sizeof(double) * (2 * half - n));

    fftw_execute(ws->forward_w);
    fftw_execute(ws->forward_v);
    const double scale = 1.0 / (double)ws->N;
    fftw_complex *W = (fftw_complex *)w;
    fftw_complex *V = (fftw_complex *)v;
    for (size_t k = 0; k < half; k++) {
        double re = W[k][0] * V[k][0] - W[k][1] * V[k][1];
        double im = W[k][0] * V[k][1] + W[k][1] * V[k][0];
        V[k][0] = re * scale;
        V[k][1] = im * scale;
    }
    fftw_execute(ws->inverse_v);
    memcpy(y, v, sizeof(double) * n);
}

/* One timed call. per_call: allocate, plan, execute, free (a one-shot C program);
 * otherwise execute with the workspace made once before timing (a plan cache, as a library keeps). */
static int fracdiff_call(workspace *cached, int per_call, const double *x, size_t n, double d, double *y) {
    if (!per_call) {
        fracdiff_execute(cached, x, d, y);
        return 0;
    }
    workspace ws;
    int status = workspace_create(&ws, n);
    if (status != 0) return status;
    fracdiff_execute(&ws, x, d, y);
    workspace_destroy(&ws);
    return 0;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void usage(void) {
    fprintf(stderr, "usage: fracdiff_fftw --input FILE --n N [--d D] [--repeats R] [--per-call-plans] [--check OUTFILE]\n");
}

static double median_of(double *values, int count) {
    qsort(values, (size_t)count, sizeof(double), compare_doubles);
    return (count % 2) ? values[count / 2] : 0.5 * (values[count / 2 - 1] + values[count / 2]);
}

int main(int argc, char **argv) {
    const char *input = NULL, *check = NULL;
    long long n_arg = 0;
    int repeats = 9, per_call = 0;
    double d = 0.4;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--per-call-plans") == 0) { per_call = 1; continue; }
        const char *value = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (value == NULL) { usage(); return 2; }
        if (strcmp(a, "--input") == 0) input = value;
        else if (strcmp(a, "--n") == 0) n_arg = atoll(value);
        else if (strcmp(a, "--d") == 0) d = atof(value);
        else if (strcmp(a, "--repeats") == 0) repeats = atoi(value);
        else if (strcmp(a, "--check") == 0) check = value;
        else { usage(); return 2; }
        i++;
    }
    if (input == NULL || n_arg < 2 || n_arg > 500000000LL || repeats < 1) { usage(); return 2; }
    size_t n = (size_t)n_arg;
    const char *impl = per_call ? "c-fftw-plan" : "c-fftw";

    FILE *f = fopen(input, "rb");
    if (f == NULL) { fprintf(stderr, "fracdiff_fftw: cannot open %s: %s\n", input, strerror(errno)); return 2; }
    double *x = malloc(sizeof(double) * n);
    double *y = malloc(sizeof(double) * n);
    if (x == NULL || y == NULL) { fprintf(stderr, "fracdiff_fftw: out of memory\n"); return 1; }
    if (fread(x, sizeof(double), n, f) != n) {
        fprintf(stderr, "fracdiff_fftw: %s holds fewer than %zu float64 values\n", input, n);
        return 2;
    }
    fclose(f);

    if (check != NULL) {
        /* verification mode: filter the demeaned input (so that R's diffseries, which demeans, is comparable) */
        double mean = 0.0;
        for (size_t t = 0; t < n; t++) mean += x[t];
        mean /= (double)n;
        for (size_t t = 0; t < n; t++) x[t] -= mean;
        if (fracdiff_call(NULL, 1, x, n, d, y) != 0) { fprintf(stderr, "fracdiff_fftw: FFTW failure\n"); return 1; }
        FILE *out = fopen(check, "w");
        if (out == NULL) { fprintf(stderr, "fracdiff_fftw: cannot write %s\n", check); return 1; }
        for (size_t t = 0; t < n; t++) fprintf(out, "%.17g\n", y[t]);
        fclose(out);
        return 0;
    }

    double base_rss = peak_rss_mb();
    workspace cached;
    memset(&cached, 0, sizeof cached);
    double t0 = now_seconds();
    if (!per_call && workspace_create(&cached, n) != 0) { fprintf(stderr, "fracdiff_fftw: FFTW failure\n"); return 1; }
    double plan_seconds = now_seconds() - t0;
    /* warm-up (page faults, FFTW's twiddle caches), untimed */
    if (fracdiff_call(&cached, per_call, x, n, d, y) != 0) { fprintf(stderr, "fracdiff_fftw: FFTW failure\n"); return 1; }
    t0 = now_seconds();
    if (fracdiff_call(&cached, per_call, x, n, d, y) != 0) return 1;
    double single = now_seconds() - t0;
    /* batch short calls so that one sample lasts at least 20 ms */
    int batch = single >= 0.02 ? 1 : (int)ceil(0.02 / (single > 1e-7 ? single : 1e-7));
    double *samples = malloc(sizeof(double) * (size_t)repeats);
    if (samples == NULL) return 1;
    for (int r = 0; r < repeats; r++) {
        t0 = now_seconds();
        for (int b = 0; b < batch; b++)
            if (fracdiff_call(&cached, per_call, x, n, d, y) != 0) return 1;
        samples[r] = (now_seconds() - t0) / batch;
    }
    double median = median_of(samples, repeats);
    /* a checksum keeps the optimiser honest and lets a reader spot a broken run */
    double checksum = 0.0;
    for (size_t t = 0; t < n; t++) checksum += y[t];
    printf("RESULT fracdiff %zu %s %.6e %.1f base_rss_mb=%.1f repeats=%d batch=%d min_s=%.6e fft_n=%zu",
           n, impl, median, peak_rss_mb(), base_rss, repeats, batch, samples[0], smooth_length(2 * n - 1));
    if (!per_call) printf(" plan_s=%.3e", plan_seconds);
    printf(" checksum=%.6e\n", checksum);
    if (!per_call) workspace_destroy(&cached);
    free(samples);
    free(x);
    free(y);
    return 0;
}
