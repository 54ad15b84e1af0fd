# Reference values of R's fracdiff package (and base R's acf) for Tests/LongMemoryTests/PeerReferenceTests.swift.
#
# Run from the package root (Debian 12: apt-get install r-cran-fracdiff, which brings R 4.2 and fracdiff 1.5):
#   Rscript scripts/reference/peer_references_fracdiff.R
# It writes
#   Tests/LongMemoryTests/Fixtures/fracdiff-sim.csv       a series drawn by fracdiff.sim (R's RNG, seed 20250101),
#                                                         so that Swift and Python read the same numbers
#   Tests/LongMemoryTests/Fixtures/peer-fracdiff-R.json   the values the tests compare with
# and prints the main values. The tests read only the committed files: they need neither R nor this script.
#
# Conventions (the LongMemory documentation, Conventions article): R fracdiff writes the MA polynomial with the
# Box-Jenkins sign, theta(z) = 1 - theta_1 z - ..., the opposite of rnnmem's; the fits below are ARFIMA(0, d, 0),
# where the sign does not enter. `diffseries` subtracts the sample mean before filtering (rnnmem: demean = true).

suppressPackageStartupMessages(library(fracdiff))

fixtures <- "Tests/LongMemoryTests/Fixtures"
if (!dir.exists(fixtures)) stop("run from the package root (no ", fixtures, ")")

number <- function(v) sprintf("%.17g", v)
array_json <- function(v) paste0("[", paste(number(v), collapse = ", "), "]")

nile <- read.csv("data/nile_min_622_1284.csv")$min_level
stopifnot(length(nile) == 663)

# A simulated ARFIMA(0, 0.3, 0) series: only its values matter (they are stored), not how they were drawn.
set.seed(20250101)
sim <- fracdiff.sim(2000, d = 0.3)$series
writeLines(c("x", number(sim)), file.path(fixtures, "fracdiff-sim.csv"))

# Haslett & Raftery (1989) approximate maximum likelihood, ARFIMA(0, d, 0), M = 100 (fracdiff's default).
# dtol = 1e-10 makes the d search converge (fracdiff's default dtol = eps^(1/4) = 1.2e-4 stops early); the value at
# the default tolerance is recorded too.
hr <- function(name, x) {
  tight <- fracdiff(x, nar = 0, nma = 0, M = 100, dtol = 1e-10)
  default <- fracdiff(x, nar = 0, nma = 0, M = 100)
  cat(sprintf("fracdiff %s: d = %.12f (default dtol: %.12f)\n", name, tight$d, default$d))
  sprintf('    {"series": "%s", "n": %d, "M": 100, "dtol": 1e-10, "d": %s, "d_default_dtol": %s}',
          name, length(x), number(tight$d), number(default$d))
}
hr_rows <- c(hr("nile", nile), hr("sim", sim))

# diffseries(x, d): (1 - B)^d of x - mean(x), type II (zero before the sample), by FFT.
diff_nile <- diffseries(nile, 0.4)
cat(sprintf("diffseries nile d = 0.4: first values %s\n", paste(format(head(diff_nile, 3), digits = 10), collapse = ", ")))

# Sample autocorrelation (demeaned, divisor n), lags 0..20.
acf_nile <- stats::acf(nile, lag.max = 20, plot = FALSE)$acf[, 1, 1]

json <- c(
  "{",
  '  "generator": "scripts/reference/peer_references_fracdiff.R",',
  sprintf('  "r_version": "%s",', R.version.string),
  sprintf('  "fracdiff_version": "%s",', as.character(packageVersion("fracdiff"))),
  '  "series": {"nile": "data/nile_min_622_1284.csv, column min_level", "sim": "Fixtures/fracdiff-sim.csv"},',
  '  "haslett_raftery": [',
  paste(hr_rows, collapse = ",\n"),
  "  ],",
  sprintf('  "diffseries": {"series": "nile", "d": 0.4, "values": %s},', array_json(diff_nile)),
  sprintf('  "acf": {"series": "nile", "lag_max": 20, "values": %s}', array_json(acf_nile)),
  "}"
)
writeLines(json, file.path(fixtures, "peer-fracdiff-R.json"))
cat("wrote", file.path(fixtures, "fracdiff-sim.csv"), "and", file.path(fixtures, "peer-fracdiff-R.json"), "\n")
