# sys.version, version_info, platform and maxsize.
import sys
print(sys.version.startswith("3.11"))
print(sys.version[:4], sys.version.split()[0].startswith("3.11."))
print(sys.platform)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(type(sys.version).__name__)
