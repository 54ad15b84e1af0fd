# Figures of rnnmem check (data/djia_daily_1885_2023.csv, column 'close' (abs-log-returns)); run inside this folder: gnuplot close-figures.gp
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key below

set output "close-acf.svg"
set title "Sample ACF, log–log axes: data/djia_daily_1885_2023.csv, column 'close' (abs-log-returns), n = 37930" noenhanced
set xlabel "lag k"
set ylabel "autocorrelation"
set xrange [0.8:*]
plot "close-acf.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with lines lw 1 lc rgb "gray30" title "sample ACF (ρ̂ > 0)", \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "power law 0.533·k^{-0.365} (d = 0.318)", \
     "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#2471a3" title "exponential 0.190·e^{-k/428.1}"

set output "close-periodogram.svg"
set title "Periodogram, log–log axes: data/djia_daily_1885_2023.csv, column 'close' (abs-log-returns), n = 37930" noenhanced
set xlabel "frequency λ (radians)"
set ylabel "I(λ)"
set autoscale x
plot "close-periodogram.csv" every ::1::500 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb "gray50" title "I(λ_j), j ≤ 500", \
     "close-periodogram-binned.csv" every ::1 using 1:2 with lines lw 1.5 lc rgb "gray20" title "mean of I over log-spaced bins", \
     "close-periodogram.csv" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title "local Whittle fit Gλ^{-2d}, d = 0.412, j ≤ 946"
