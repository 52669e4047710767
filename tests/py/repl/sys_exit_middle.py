# mode: both
# sys.exit ends the session with its status; later lines are not run.
import sys
print("running")
"value before exit"
sys.exit(3)
print("not reached")
