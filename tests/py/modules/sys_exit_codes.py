# SystemExit carries the code given to sys.exit.
import sys
for arg in [0, 1, 42, "message", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print(repr(e.code), e.args)
sys.exit(5)
