# mode: repl
import memlab
memlab.watch(True)
x = [1, 2, 3]
memlab.watch(False)
x
# One line per input while watching (comment lines like these are
# inputs too, so the expectations come after watching stops):
# expect: False
# expect: [memlab] objects +N/-N (now N), blocks +N/-N (now N), bytes N B, gc counts (N, N, N)
# expect: [memlab] objects +N/-N (now N), blocks +N/-N (now N), bytes N B, gc counts (N, N, N)
# expect: True
# expect: [1, 2, 3]
