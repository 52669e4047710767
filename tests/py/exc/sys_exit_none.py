# sys.exit() and raise SystemExit exit with status 0; finally still runs.
import sys
try:
    print("in try")
    sys.exit()
finally:
    print("finally runs before exit")
