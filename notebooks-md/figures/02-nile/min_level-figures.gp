# Figures of rnnmem check (data/nile_min_622_1284.csv, column 'min_level'); run inside this folder: gnuplot min_level-figures.gp
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key below

set output "min_level-acf.svg"
set title "Sample ACF, log–log axes: data/nile_min_622_1284.csv, column 'min_level', n = 663" noenhanced
set xlabel "lag k"
set ylabel "autocorrelation"
set xrange [0.8:*]
plot "min_level-acf.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray30" title "sample ACF (ρ̂ > 0)", \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "power law 0.655·k^{-0.408} (d = 0.296)", \
     "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#2471a3" title "exponential 0.372·e^{-k/41.1}"

set output "min_level-periodogram.svg"
set title "Periodogram, log–log axes: data/nile_min_622_1284.csv, column 'min_level', n = 663" noenhanced
set xlabel "frequency λ (radians)"
set ylabel "I(λ)"
set autoscale x
plot "min_level-periodogram.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray40" title "I(λ_j)", \
     "" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title "local Whittle fit Gλ^{-2d}, d = 0.409, j ≤ 68"
