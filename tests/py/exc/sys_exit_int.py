# sys.exit with an integer sets the exit status.
import sys
print("exiting with 3")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.exit(3)
print("not reached")
