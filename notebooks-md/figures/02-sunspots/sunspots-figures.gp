# Figures of rnnmem check (data/sunspot_year_1700_1988.csv, column 'sunspots'); run inside this folder: gnuplot sunspots-figures.gp
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key below

set output "sunspots-acf.svg"
set title "Sample ACF, log–log axes: data/sunspot_year_1700_1988.csv, column 'sunspots', n = 289" noenhanced
set xlabel "lag k"
set ylabel "autocorrelation"
set xrange [0.8:*]
plot "sunspots-acf.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray30" title "sample ACF (ρ̂ > 0)", \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "power law (no fit)", \
     "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#2471a3" title "exponential (no fit)"

set output "sunspots-periodogram.svg"
set title "Periodogram, log–log axes: data/sunspot_year_1700_1988.csv, column 'sunspots', n = 289" noenhanced
set xlabel "frequency λ (radians)"
set ylabel "I(λ)"
set autoscale x
plot "sunspots-periodogram.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray40" title "I(λ_j)", \
     "" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title "local Whittle fit Gλ^{-2d}, d = -0.044, j ≤ 39"
