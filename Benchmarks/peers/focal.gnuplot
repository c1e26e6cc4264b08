# The gnuplot peer of `lossscope plot ce + focal gamma=2 + focal gamma=5 --points 1000 --width 160 --height 48`.
# Usage: gnuplot Benchmarks/peers/focal.gnuplot
set terminal dumb size 160,48
set samples 1000
set xrange [0.001:0.999]
set xlabel "pt"
set ylabel "loss"
plot -log(x) title "ce", -(1-x)**2*log(x) title "focal gamma=2", -(1-x)**5*log(x) title "focal gamma=5"
