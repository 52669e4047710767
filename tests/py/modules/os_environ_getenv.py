# os.getenv reads os.environ, so assignments to os.environ are visible.
import os
os.environ["REFPY_TEST_VAR"] = "value"
print(os.getenv("REFPY_TEST_VAR"), os.environ.get("REFPY_TEST_VAR"), os.getenv("REFPY_TEST_MISSING", "dflt"))
del os.environ["REFPY_TEST_VAR"]
print(os.getenv("REFPY_TEST_VAR"))
