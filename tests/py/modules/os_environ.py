# os.environ.get with and without defaults.
import os
print(os.environ.get("PYTHONHASHSEED"))
print(os.environ.get("REFPY_TEST_UNSET_VARIABLE"))
print(os.environ.get("REFPY_TEST_UNSET_VARIABLE", "fallback"))
print(type(os.environ.get("PATH", "")).__name__)
