# Figures of rnnmem check (data/treering_bristlecone_6000BC_1979AD.csv, column 'width_index'); run inside this folder: gnuplot width_index-figures.gp
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key below

set output "width_index-acf.svg"
set title "Sample ACF, log–log axes: data/treering_bristlecone_6000BC_1979AD.csv, column 'width_index', n = 7980" noenhanced
set xlabel "lag k"
set ylabel "autocorrelation"
set xrange [0.8:*]
plot "width_index-acf.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray30" title "sample ACF (ρ̂ > 0)", \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "power law 0.269·k^{-1.004} (d = -0.002)", \
     "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#2471a3" title "exponential 0.128·e^{-k/7.8}"

set output "width_index-periodogram.svg"
set title "Periodogram, log–log axes: data/treering_bristlecone_6000BC_1979AD.csv, column 'width_index', n = 7980" noenhanced
set xlabel "frequency λ (radians)"
set ylabel "I(λ)"
set autoscale x
plot "width_index-periodogram.csv" every ::1::500 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb "gray50" title "I(λ_j), j ≤ 500", \
     "width_index-periodogram-binned.csv" every ::1 using 1:2 with lines lw 1.5 lc rgb "gray20" title "mean of I over log-spaced bins", \
     "width_index-periodogram.csv" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title "local Whittle fit Gλ^{-2d}, d = 0.103, j ≤ 343"
