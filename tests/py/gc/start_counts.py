# mode: both
import gc
print(gc.get_count())
