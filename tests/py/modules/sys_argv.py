# sys.argv holds the script name.
import sys
print(sys.argv)
print(len(sys.argv), type(sys.argv).__name__)
print(sys.argv[0].endswith(".py"))
