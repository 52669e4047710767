# Writing directly to sys.stdout and sys.stderr.
import sys
n = sys.stdout.write("written to stdout\n")
print(n)
sys.stderr.write("written to stderr\n")
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
print("mixed", file=sys.stderr)
print(sys.stdout is not sys.stderr)
