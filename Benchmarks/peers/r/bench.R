# R peers of the rnnmem benchmark (single-threaded: base R's fft and acf do not use threads).
#
# Timing mode (one workload, one size, one implementation per process, so the peak RSS belongs to it):
#   Rscript bench.R --workload fracdiff --n 1000000 --impl R --input FILE [--repeats 9]
# prints  RESULT <workload> <n> R <median_seconds> <peak_rss_mb> [key=value ...]
# or      UNAVAILABLE <workload> <n> R <reason>
# Verification mode:  Rscript bench.R --check OUTDIR --n 1000 --input FILE   (writes OUTDIR/<workload>-R.txt)
# Versions:           Rscript bench.R --versions
#
# Workloads:
#   fracdiff      fracdiff::diffseries(x, 0.4): FFT type-II filter of (1-B)^d padded to nextn(2n-1), which
#                 DEMEANS x first (Maechler, fracdiff package); rnnmem and the other peers do not demean.
#   acf100        stats::acf(x, lag.max = 100, plot = FALSE): demeaned, divisor n, direct O(n * lags) sums.
#   periodogram   |fft(x)[j + 1]|^2 / (2 pi n), j = 1..floor(n/2)   (stats::fft, complex transform).
#   davies_harte  Davies & Harte (1987) with stats::fft and rnorm, same algorithm as the Python peer.
#   hr            fracdiff::fracdiff(y, nar = 0, nma = 0, M = 100): Haslett & Raftery (1989) approximate MLE of
#                 ARFIMA(0,d,0) on y = (1-B)^{-0.3} x, the type-II fractional integration of the input (made once
#                 with stats::fft, not timed; no demeaning).

D <- 0.4
HR_INTEGRATION_D <- 0.3
ACF_LAGS <- 100L
MIN_SAMPLE_SECONDS <- 0.02
DAVIES_HARTE_SEED <- 20250101L

parse_args <- function(argv) {
  options <- list(repeats = 9L, impl = "R")
  i <- 1L
  while (i <= length(argv)) {
    key <- argv[[i]]
    if (key == "--versions") { options$versions <- TRUE; i <- i + 1L; next }
    if (i + 1L > length(argv)) stop(sprintf("missing value after %s", key))
    value <- argv[[i + 1L]]
    switch(key,
      "--workload" = options$workload <- value,
      "--n" = options$n <- as.numeric(value),
      "--impl" = options$impl <- value,
      "--input" = options$input <- value,
      "--repeats" = options$repeats <- as.integer(value),
      "--check" = options$check <- value,
      stop(sprintf("unknown argument %s", key)))
    i <- i + 2L
  }
  options
}

# Peak resident set size (VmHWM) in MB (10^6 bytes).
peak_rss_mb <- function() {
  status <- readLines("/proc/self/status")
  line <- grep("^VmHWM:", status, value = TRUE)
  if (length(line) != 1L) return(NA_real_)
  as.numeric(gsub("[^0-9]", "", line)) * 1024 / 1e6
}

now <- function() as.numeric(Sys.time())  # microsecond resolution (proc.time has milliseconds)

read_input <- function(path, n) {
  connection <- file(path, "rb")
  on.exit(close(connection))
  x <- readBin(connection, what = "double", n = n, size = 8L, endian = "little")
  if (length(x) != n) stop(sprintf("%s holds %d float64 values, fewer than n = %.0f", path, length(x), n))
  x
}

fracdiff_R <- function(x) fracdiff::diffseries(x, D)

acf_R <- function(x) stats::acf(x, lag.max = ACF_LAGS, plot = FALSE)$acf[, 1L, 1L]

periodogram_R <- function(x) {
  n <- length(x)
  spectrum <- stats::fft(x)[2L:(n %/% 2L + 1L)]
  (Re(spectrum)^2 + Im(spectrum)^2) / (2 * pi * n)
}

# gamma(0) = Gamma(1-2d)/Gamma(1-d)^2, rho(k) = rho(k-1)(k-1+d)/(k-d) (Hosking 1981), sigma^2 = 1.
arfima0d0_acvf <- function(n, d = D) {
  gamma0 <- exp(lgamma(1 - 2 * d) - 2 * lgamma(1 - d))
  k <- seq_len(n - 1L)
  gamma0 * c(1, cumprod((k - 1 + d) / (k - d)))
}

# Davies & Harte (1987), Biometrika 74:95-101; see Benchmarks/README.md for the exact convention.
davies_harte_R <- function(n, d = D, noise = NULL) {
  gamma <- arfima0d0_acvf(n, d)
  m <- 2L * (n - 1L)
  embedding <- c(gamma, gamma[(n - 1L):2L])
  mu <- Re(stats::fft(embedding))
  if (min(mu) < 0) stop(sprintf("circulant embedding not non-negative: min eigenvalue %g", min(mu)))
  if (is.null(noise)) {
    z <- complex(real = stats::rnorm(m), imaginary = stats::rnorm(m))
  } else {
    z <- complex(real = noise[[1L]], imaginary = noise[[2L]])
  }
  Re(stats::fft(sqrt(mu / m) * z))[seq_len(n)]
}

# y_t = sum_{j<t} psi_j x_{t-j}, psi_0 = 1, psi_j = psi_{j-1} (j - 1 + d)/j: (1-B)^{-d} as a linear convolution
# by FFT (zero padding to nextn(2n - 1)).
integrate_fractionally <- function(x, d = HR_INTEGRATION_D) {
  n <- length(x)
  size <- stats::nextn(2L * n - 1L)
  j <- seq_len(n - 1L)
  psi <- c(1, cumprod((j - 1 + d) / j))
  y <- Re(stats::fft(stats::fft(c(psi, numeric(size - n))) * stats::fft(c(x, numeric(size - n))), inverse = TRUE)) / size
  y[seq_len(n)]
}

hr_R <- function(y) fracdiff::fracdiff(y, nar = 0L, nma = 0L, M = 100L)$d

run_timing <- function(options) {
  workload <- options$workload
  n <- as.integer(options$n)
  if (workload %in% c("fracdiff", "hr") && !requireNamespace("fracdiff", quietly = TRUE)) {
    cat(sprintf("UNAVAILABLE %s %d R the R package fracdiff is not installed\n", workload, n))
    return(invisible(0))
  }
  x <- if (workload == "davies_harte") NULL else read_input(options$input, n)
  if (workload == "hr") x <- integrate_fractionally(x)
  call <- switch(workload,
    fracdiff = function() fracdiff_R(x),
    acf100 = function() acf_R(x),
    periodogram = function() periodogram_R(x),
    davies_harte = function() davies_harte_R(n),
    hr = function() hr_R(x),
    stop(sprintf("unknown workload %s", workload)))
  set.seed(DAVIES_HARTE_SEED)
  invisible(gc())
  base <- peak_rss_mb()
  invisible(call())  # warm-up
  start <- now()
  invisible(call())
  single <- now() - start
  batch <- if (single >= MIN_SAMPLE_SECONDS) 1L else as.integer(ceiling(MIN_SAMPLE_SECONDS / max(single, 1e-7)))
  samples <- numeric(options$repeats)
  result <- NULL
  for (r in seq_len(options$repeats)) {
    start <- now()
    for (b in seq_len(batch)) result <- call()
    samples[[r]] <- (now() - start) / batch
  }
  cat(sprintf("RESULT %s %d R %.6e %.1f base_rss_mb=%.1f repeats=%d batch=%d min_s=%.6e checksum=%.6e\n",
              workload, n, stats::median(samples), peak_rss_mb(), base, options$repeats, batch,
              min(samples), sum(result)))
  invisible(0)
}

write_values <- function(path, values) {
  writeLines(sprintf("%.17g", values), path)
}

run_check <- function(options) {
  n <- as.integer(options$n)
  m <- 2L * (n - 1L)
  data <- read_input(options$input, max(n, 2L * m))
  x <- data[seq_len(n)]
  out <- options$check
  dir.create(out, showWarnings = FALSE, recursive = TRUE)
  if (requireNamespace("fracdiff", quietly = TRUE)) {
    write_values(file.path(out, "fracdiff-R.txt"), fracdiff_R(x - mean(x)))
    write_values(file.path(out, "hr-R.txt"), hr_R(integrate_fractionally(x)))
  }
  write_values(file.path(out, "acf100-R.txt"), acf_R(x))
  write_values(file.path(out, "periodogram-R.txt"), periodogram_R(x))
  noise <- list(data[seq_len(m)], data[m + seq_len(m)])
  write_values(file.path(out, "davies_harte-R.txt"), davies_harte_R(n, noise = noise))
  invisible(0)
}

run_versions <- function() {
  cat(sprintf("VERSION R %s\n", paste(R.version$major, R.version$minor, sep = ".")))
  version <- tryCatch(as.character(utils::packageVersion("fracdiff")),
                      error = function(e) "unavailable (not installed)")
  cat(sprintf("VERSION r-fracdiff %s\n", version))
  invisible(0)
}

main <- function() {
  options <- parse_args(commandArgs(trailingOnly = TRUE))
  if (isTRUE(options$versions)) return(run_versions())
  if (is.null(options$n) || is.na(options$n) || options$n < 2 || is.null(options$input)) {
    stop("--n (>= 2) and --input are required")
  }
  if (!is.null(options$check)) return(run_check(options))
  if (is.null(options$workload)) stop("--workload is required in timing mode")
  if (is.na(options$repeats) || options$repeats < 1L) stop("--repeats must be positive")
  run_timing(options)
}

invisible(main())
